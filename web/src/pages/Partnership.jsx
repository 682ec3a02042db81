// A partnership's page (issue 12): parties, agreement and validity, a timeline chart
// of the events by type, the events themselves, and the assessment the API returns
// (condition, risks with explanation, evidence and source, indicators, contributions
// of each side, next actions with their dates). The map is loaded only here, lazily.
// For a user who may write it (an admin, an editor keeping one of its parties), the
// buttons to record, edit and delete events and to edit or delete the partnership;
// the forms come in their own chunk (components/RecordEditing.jsx). After a write the
// record, its assessment and its history are read again.
import { ReportLinks } from '../components/ReportLinks.jsx';
import { useEffect, useState } from 'preact/hooks';
import { BarChart } from '../components/BarChart.jsx';
import { ConditionBadge } from '../components/ConditionBadge.jsx';
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { eventAnchor, Timeline } from '../components/Timeline.jsx';
import { fmt, label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { countryName, regionName } from '../lib/names.js';
import { canWrite, refusalOf } from '../lib/records.js';
import { navigate } from '../lib/router.js';
import { fetchAssessment } from './assessment.js';

async function load(id, signal) {
  const [record, assessment] = await Promise.all([
    api.get(`/api/partnerships/${enc(id)}`, null, { signal }),
    fetchAssessment(id, signal).catch(() => null),
  ]);
  return { ...record, assessment };
}

function latest(events, types) {
  let found = null;
  for (const ev of events) if (types.includes(ev.type) && (!found || ev.date >= found.date)) found = ev;
  return found;
}

function Agreement({ events, assessment }) {
  const signed = latest(events, ['mou_signed']);
  const renewed = latest(events, ['mou_renewed']);
  const current = renewed && (!signed || renewed.date >= signed.date) ? renewed : signed;
  const a = assessment?.agreement;
  if (!signed && !renewed && !a?.signed) return <p>{t('partnership.noMou')}</p>;
  const until = a?.expires || current?.valid_until;
  return (
    <dl class="facts">
      {(signed || a?.signed) && <dt>{t('partnership.signed')}</dt>}
      {(signed || a?.signed) && <dd>{fmt.date(signed?.date || a.signed)}</dd>}
      {renewed && <dt>{t('partnership.renewed')}</dt>}
      {renewed && <dd>{fmt.date(renewed.date)}</dd>}
      {current?.valid_years != null && <dt>{t('partnership.validYears')}</dt>}
      {current?.valid_years != null && <dd>{t('common.years', { n: fmt.number(current.valid_years) })}</dd>}
      {until && <dt>{t('partnership.validUntil')}</dt>}
      {until && <dd>{fmt.date(until)}</dd>}
      {!until && current?.valid_years == null && <dt>{t('partnership.validUntil')}</dt>}
      {!until && current?.valid_years == null && <dd>{t('partnership.validityUnknown')}</dd>}
      {a && <dt>{t('col.condition')}</dt>}
      {a && <dd>{a.in_force ? t('partnership.inForce') : t('partnership.notInForce')}</dd>}
    </dl>
  );
}

function EventItem({ ev, index, names, onEdit, onDelete, busy }) {
  const details = [];
  if (ev.from && ev.to) details.push(t('partnership.fromTo', { from: names(ev.from), to: names(ev.to) }));
  if (ev.side) details.push(t('partnership.side', { side: names(ev.side) }));
  if (typeof ev.participants === 'number') details.push(t('partnership.participants', { n: fmt.number(ev.participants) }));
  if (ev.field) details.push(label('field', ev.field));
  return (
    <li id={eventAnchor(ev, index)} class={'event event-' + ev.type} tabIndex={-1}>
      <p class="event-head">
        <time>{fmt.date(ev.date)}</time> · <span class="event-type">{label('event', ev.type)}</span>
      </p>
      {ev.title && <p class="event-title">{ev.title}</p>}
      {details.length > 0 && <p class="sub">{details.join(' · ')}</p>}
      {ev.description && <p>{ev.description}</p>}
      {ev.source && <p class="source"><span>{t('partnership.source')}:</span> {ev.source}</p>}
      {onEdit && ev.id && (
        <p class="event-actions">
          <button type="button" id={'edit-' + eventAnchor(ev, index)} data-event-id={ev.id} class="small" disabled={busy} onClick={onEdit}>
            {t('records.edit')}<span class="visually-hidden">: {ev.title || label('event', ev.type)}, {fmt.date(ev.date)}</span>
          </button>
          <button type="button" id={'delete-' + eventAnchor(ev, index)} data-event-id={ev.id} class="small danger" disabled={busy} onClick={onDelete}>
            {t('records.delete')}<span class="visually-hidden">: {ev.title || label('event', ev.type)}, {fmt.date(ev.date)}</span>
          </button>
        </p>
      )}
    </li>
  );
}

function Assessment({ a, names }) {
  if (!a) return <p class="notice">{t('assessment.unavailable')}</p>;
  const ind = a.indicators || {};
  const contributions = ind.contributions
    ? Object.entries(ind.contributions).map(([id, v]) => ({ key: id, label: names(id), value: v, className: 'contrib' }))
    : [];
  return (
    <>
      <p id="assessment-condition">
        <ConditionBadge condition={a.condition} />{' '}
        {a.as_of && <span class="muted">{t('assessment.asOf', { date: fmt.date(a.as_of) })}</span>}
      </p>
      <h3>{t('assessment.risks')}</h3>
      {a.concepts?.length ? (
        <ul class="concepts">
          {a.concepts.map((c) => (
            <li key={c.code}>
              <p>{c.explanation || c.code}</p>
              {c.evidence?.length > 0 && (
                <p class="sub">{t('assessment.evidence')}: {c.evidence.map((e) => <code key={e}>{e}</code>)}</p>
              )}
              {c.source && <p class="source"><span>{t('partnership.source')}:</span> {c.source}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('assessment.noRisks')}</p>
      )}
      <h3>{t('assessment.indicators')}</h3>
      <dl class="facts">
        <dt>{t('col.months')}</dt>
        <dd id="assessment-months">{ind.months_since_activity == null ? t('common.never') : t('common.months', { n: fmt.number(ind.months_since_activity) })}</dd>
        {ind.activities_total != null && <dt>{t('assessment.activities')}</dt>}
        {ind.activities_total != null && <dd>{fmt.number(ind.activities_total)}</dd>}
        {ind.activities_last_36_months != null && <dt>{t('assessment.activities36')}</dt>}
        {ind.activities_last_36_months != null && <dd>{fmt.number(ind.activities_last_36_months)}</dd>}
        {ind.reciprocity != null && <dt>{t('assessment.reciprocity')}</dt>}
        {ind.reciprocity != null && <dd>{fmt.number(ind.reciprocity)}</dd>}
        {ind.distance_km != null && <dt>{t('assessment.distance')}</dt>}
        {ind.distance_km != null && <dd>{fmt.unit(ind.distance_km, 'kilometer')}</dd>}
        {ind.tz_gap_hours != null && <dt>{t('assessment.timeDifference')}</dt>}
        {ind.tz_gap_hours != null && <dd>{t('common.hours', { n: fmt.number(ind.tz_gap_hours) })}</dd>}
      </dl>
      {contributions.length > 0 && (
        <>
          <h3>{t('assessment.contributions')}</h3>
          <BarChart bars={contributions} title={t('assessment.contributions')} description={t('assessment.contributionsDesc')} />
        </>
      )}
      <h3>{t('assessment.recommendations')}</h3>
      {a.recommendations?.length ? (
        <ol class="recommendations">
          {a.recommendations.map((r) => (
            <li key={r.code}>
              <span class={'urgency urgency-' + r.urgency}>{label('urgency', r.urgency)}</span> {r.text || r.code}
              {r.due && <span class="sub">{t('assessment.due', { date: fmt.date(r.due) })}</span>}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('assessment.noRecommendations')}</p>
      )}
    </>
  );
}

// The change history (GET /api/partnerships/{id}/history: the change records as
// `kembar history ID --json` gives them, a list or {items}); null while the server
// has no such endpoint.
const HISTORY_SHOWN = 50;

async function loadHistory(id, signal) {
  try {
    const r = await api.get(`/api/partnerships/${enc(id)}/history`, null, { signal });
    const items = Array.isArray(r) ? r : r?.items || [];
    return [...items].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  } catch (e) {
    if (e.status === 404 || e.status === 405 || e.status === 501) return null;
    throw e;
  }
}

function History({ id, stamp }) {
  const res = useResource((signal) => loadHistory(id, signal), [id, stamp]);
  if (res.loading && !res.data) return <Loading />;
  if (res.error) return <ErrorView error={res.error} onRetry={res.reload} />;
  if (!res.data) return <p class="muted">{t('history.unavailable')}</p>;
  if (!res.data.length) return <p>{t('history.empty')}</p>;
  const shown = res.data.slice(0, HISTORY_SHOWN);
  return (
    <>
      {res.data.length > shown.length && (
        <p class="muted">{t('history.more', { shown: fmt.number(shown.length), total: fmt.number(res.data.length) })}</p>
      )}
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="history-title">
        <table class="history">
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">{t('history.what')}</th>
              <th scope="col">{t('history.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((h, i) => (
              <tr key={h.seq ?? i}>
                <td>{fmt.timestamp(h.at)}</td>
                <td>{h.actor || h.user || ''}</td>
                <td>{label('action', h.action)}</td>
                <td class="detail">{h.summary || h.record || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

// The map module (d3-geo and the world's shapes) is fetched only when this renders.
function LazyMap(props) {
  const [Map, setMap] = useState(null);
  useEffect(() => {
    let live = true;
    import('../map/PartyMap.jsx').then(
      (m) => live && setMap(() => m.default),
      () => live && setMap(() => () => <p class="muted">{t('error.network')}</p>),
    );
    return () => {
      live = false;
    };
  }, []);
  return Map ? <Map {...props} /> : <Loading />;
}

// The record forms' chunk, fetched once the page shows edit controls.
function useRecordEditing(enabled) {
  const [mod, setMod] = useState(null);
  useEffect(() => {
    if (!enabled || mod) return undefined;
    let live = true;
    import('../components/RecordEditing.jsx').then((m) => live && setMod(m), () => {});
    return () => {
      live = false;
    };
  }, [enabled]);
  return mod;
}

export default function Partnership({ id, user }) {
  const lang = useLanguage();
  const res = useResource((signal) => load(id, signal), [id, lang]);
  const p = res.data?.partnership;
  const writable = !!p && canWrite(user, p);
  const editor = useRecordEditing(writable);
  // The form or dialog open: {what: 'event-add' | 'event-edit' | 'event-delete' |
  // 'partnership-edit' | 'partnership-delete', event?, version (the one shown when it
  // opened: If-Match), opener (the button to return the focus to)}.
  const [open, setOpen] = useState(null);
  const [notice, setNotice] = useState(null);
  const [stamp, setStamp] = useState(0);
  const [removal, setRemoval] = useState({ busy: false, alert: null, reloading: false });
  useEffect(() => {
    if (notice) document.getElementById('record-notice')?.focus();
  }, [notice]);
  const regions = res.data?.regions || [];
  const byId = Object.fromEntries(regions.map((r) => [r.id, r]));
  const names = (rid) => regionName(byId[rid], lang, rid);
  const title = p ? p.parties.map(names).join(' – ') : id;
  usePageTitle(title);

  if (res.error) {
    return (
      <>
        <h1 id="page-title" tabIndex={-1}>{res.error.status === 404 ? t('error.partnershipNotFound', { id }) : t('error.title')}</h1>
        <ErrorView error={res.error} onRetry={res.error.status === 404 ? undefined : res.reload} />
      </>
    );
  }
  if (!p) return <><h1 id="page-title" tabIndex={-1}>{id}</h1><Loading /></>;
  const events = p.events || [];
  const parties = p.parties.map((rid) => byId[rid] || { id: rid });

  const openForm = (what, opener, event) => {
    setNotice(null);
    setRemoval({ busy: false, alert: null, reloading: false });
    setOpen({ what, event, version: res.data.version, opener });
  };
  const close = () => {
    const opener = open?.opener;
    setOpen(null);
    setTimeout(() => document.getElementById(opener)?.focus(), 0);
  };
  // After a write: the record, its assessment (condition, months since the last
  // activity, next actions) and its history again.
  const saved = ({ message }) => {
    setOpen(null);
    setNotice(message);
    res.reload();
    setStamp((n) => n + 1);
  };
  // For a form that met a 409: the latest version, also shown on the page.
  const reloadLatest = async () => {
    const latest = await api.get(`/api/partnerships/${enc(id)}`);
    res.reload();
    setStamp((n) => n + 1);
    return latest;
  };
  const confirmRemoval = async () => {
    setRemoval({ busy: true, alert: null, reloading: false });
    try {
      if (open.what === 'event-delete') {
        await api.del(`/api/partnerships/${enc(id)}/events/${enc(open.event.id)}`, { ifMatch: open.version });
        saved({ message: t('records.event.deleted') });
      } else {
        await api.del(`/api/partnerships/${enc(id)}`, { ifMatch: open.version });
        navigate('/');
      }
    } catch (e) {
      setRemoval({ busy: false, alert: { kind: refusalOf(e), error: e }, reloading: false });
    }
  };
  const reloadForRemoval = async () => {
    setRemoval((r) => ({ ...r, reloading: true }));
    try {
      const latest = await reloadLatest();
      const still = open.what !== 'event-delete' || (latest.partnership.events || []).some((e) => e.id === open.event.id);
      setOpen((o) => ({ ...o, version: latest.version }));
      setRemoval({ busy: false, alert: still ? { kind: 'reloaded' } : { kind: 'missing', error: null }, reloading: false });
    } catch (e) {
      setRemoval({ busy: false, alert: { kind: 'other', error: e }, reloading: false });
    }
  };
  const eventForm = (event) =>
    editor ? (
      <editor.EventForm
        key={event?.id || 'new'}
        partnership={p}
        names={names}
        event={event}
        version={open.version}
        onSaved={saved}
        onCancel={close}
        reloadLatest={reloadLatest}
      />
    ) : <Loading />;
  const editingGone = open?.what === 'event-edit' && !events.some((ev) => ev.id === open.event.id);
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{title}</h1>
      <p class="lead">
        {label('kind', p.kind)}
        {p.title && <> · {p.title}</>}
      </p>
      <div class="record-actions">
        {writable && (
          <button type="button" id="partnership-edit" disabled={res.loading} onClick={() => openForm('partnership-edit', 'partnership-edit')}>
            {t('records.partnership.edit')}
          </button>
        )}
        {writable && (
          <button type="button" id="partnership-delete" class="danger" disabled={res.loading} onClick={() => openForm('partnership-delete', 'partnership-delete')}>
            {t('records.partnership.delete')}
          </button>
        )}
        <a id="partnership-export" class="button-link" href={`/api/export?partnership=${enc(id)}`} download>
          {t('records.export.partnership')}
        </a>
      </div>
      <ReportLinks kind="partnership" id={id} />
      {!writable && user?.role === 'editor' && <p id="partnership-read-only" class="notice">{t('records.readOnly')}</p>}
      {notice && <p id="record-notice" class="notice-ok" role="status" tabIndex={-1}>{notice}</p>}
      {open?.what === 'partnership-edit' && (
        <section class="card" aria-labelledby="partnership-form-title">
          {editor ? (
            <editor.PartnershipForm
              partnership={p}
              regions={regions}
              version={open.version}
              onSaved={saved}
              onCancel={close}
              reloadLatest={reloadLatest}
            />
          ) : <Loading />}
        </section>
      )}
      {editor && (open?.what === 'event-delete' || open?.what === 'partnership-delete') && (
        <editor.ConfirmDialog
          id="delete-dialog"
          title={open.what === 'event-delete' ? t('records.event.deleteTitle') : t('records.partnership.deleteTitle')}
          text={open.what === 'event-delete'
            ? t('records.event.deleteText', { event: `${open.event.title || label('event', open.event.type)} (${fmt.date(open.event.date)})` })
            : t('records.partnership.deleteText', { name: title, n: fmt.number(events.length) })}
          confirmLabel={open.what === 'event-delete' ? t('records.event.deleteConfirm') : t('records.partnership.deleteConfirm')}
          busy={removal.busy}
          onConfirm={confirmRemoval}
          onCancel={close}
        >
          <editor.FormAlert form={{ prefix: 'delete-dialog', alert: removal.alert }} onReload={reloadForRemoval} reloading={removal.reloading} reloadedText={t('records.reloadedDelete')} />
        </editor.ConfirmDialog>
      )}
      <div class="grid">
        <section class="card" aria-labelledby="parties-title">
          <h2 id="parties-title">{t('partnership.parties')}</h2>
          <ul class="parties">
            {parties.map((r) => (
              <li key={r.id}>
                <strong><a href={`/regions/${enc(r.id)}`}>{regionName(r, lang)}</a></strong>
                <span class="sub">
                  {[r.level && label('level', r.level), r.country && countryName(r.country, lang)].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
          {p.fields?.length > 0 && (
            <>
              <h3>{t('partnership.fields')}</h3>
              <ul class="tags">{p.fields.map((f) => <li key={f}>{label('field', f)}</li>)}</ul>
            </>
          )}
        </section>
        <section class="card" aria-labelledby="agreement-title">
          <h2 id="agreement-title">{t('partnership.agreement')}</h2>
          <Agreement events={events} assessment={res.data.assessment} />
        </section>
      </div>
      <section class="card" aria-labelledby="assessment-title">
        <h2 id="assessment-title">{t('assessment.title')}</h2>
        <Assessment a={res.data.assessment} names={names} />
      </section>
      <section class="card" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t('partnership.timeline')}</h2>
        {events.length ? <Timeline events={events} /> : <p>{t('partnership.noEvents')}</p>}
      </section>
      <section class="card" aria-labelledby="events-title">
        <h2 id="events-title">{t('partnership.events')}</h2>
        <p class="muted">{t('partnership.eventCount', { n: fmt.number(events.length) })}</p>
        {writable && open?.what !== 'event-add' && (
          <p>
            <button type="button" id="event-add" class="primary" disabled={res.loading} onClick={() => openForm('event-add', 'event-add')}>
              {t('records.event.add')}
            </button>
          </p>
        )}
        {open?.what === 'event-add' && eventForm(null)}
        {editingGone && eventForm(open.event)}
        <ol class="events">
          {events.map((ev, i) =>
            open?.what === 'event-edit' && open.event.id === ev.id ? (
              <li key={ev.id} id={eventAnchor(ev, i)} class="event event-editing">{eventForm(open.event)}</li>
            ) : (
              <EventItem
                key={ev.id || i}
                ev={ev}
                index={i}
                names={names}
                onEdit={writable ? () => openForm('event-edit', 'edit-' + eventAnchor(ev, i), ev) : null}
                onDelete={writable ? () => openForm('event-delete', 'delete-' + eventAnchor(ev, i), ev) : null}
                busy={res.loading}
              />
            ))}
        </ol>
      </section>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('history.title')}</h2>
        <History id={id} stamp={stamp} />
      </section>
      <section class="card" aria-labelledby="map-title">
        <h2 id="map-title">{t('map.title')}</h2>
        <LazyMap parties={parties} names={names} />
      </section>
    </>
  );
}
