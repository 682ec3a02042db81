// The renewal calendar (issue 12): MoU expiries and the days to start their renewal,
// month by month (GET /api/calendar, as `kembar calendar --json`), the agreements in
// force without a recorded validity and those that ran out without a renewal; and the
// subscription link for calendar apps (GET /api/calendar.ics?feed=TOKEN, the token of
// GET /api/me, renewed with POST /api/me/feed).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { compareText } from '../i18n/format.js';
import { fmt, language, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { countryName } from '../lib/names.js';
import { navigate, useLocation } from '../lib/router.js';

const MONTHS = [6, 12, 24, 36];

// The partnerships' names ("Surabaya – Liverpool"): the list of the region, or of
// every region for a national user (all pages).
async function loadNames(region, signal) {
  const names = {};
  for (let page = 1; ; page++) {
    const r = await api.get('/api/partnerships', { region, page, per_page: 500 }, { signal });
    for (const p of r.items) names[p.id] = { name: `${p.home.name} – ${p.partner.name}`, country: p.partner.country };
    if (page * 500 >= r.total || r.items.length === 0) return names;
  }
}

async function load(region, months, signal) {
  const [calendar, names] = await Promise.all([
    api.get('/api/calendar', { region, months }, { signal }),
    loadNames(region, signal).catch((e) => {
      if (e?.name === 'AbortError') throw e;
      return {}; // the ids are shown instead
    }),
  ]);
  return { calendar, names };
}

function PartnershipLink({ id, names, lang }) {
  const n = names[id];
  return (
    <>
      <a href={`/partnerships/${enc(id)}`}>{n ? n.name : id}</a>
      {n?.country && <span class="muted"> · {countryName(n.country, lang)}</span>}
    </>
  );
}

function Entry({ e, names, lang }) {
  return (
    <li class={'cal-entry cal-' + e.kind + (e.overdue ? ' cal-overdue' : '')}>
      <time class="cal-day" dateTime={e.day}>{fmt.date(e.day)}</time>
      <div>
        <p class="cal-what">
          {e.overdue && <span class="urgency urgency-overdue">{t('calendar.overdue')}</span>}{' '}
          {t('calendar.kind.' + e.kind)}
        </p>
        <p><PartnershipLink id={e.partnership} names={names} lang={lang} /></p>
        <p class="sub">
          {e.kind === 'renewal_deadline'
            ? t('calendar.deadlineDetail', { date: fmt.date(e.expires) })
            : t('calendar.expiryDetail', { date: fmt.date(e.expires) })}
        </p>
      </div>
    </li>
  );
}

// The subscription link: read-only field, copy, webcal:, and a new link.
function Subscription({ region, months }) {
  const me = useResource((signal) => api.get('/api/me', null, { signal }), []);
  const [token, setToken] = useState(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const field = useRef(null);
  useEffect(() => {
    if (me.data) setToken(me.data.feed_token || null);
  }, [me.data]);
  if (me.loading && !me.data) return <Loading />;
  if (me.error) return <ErrorView error={me.error} onRetry={me.reload} />;
  if (!token) return <p class="notice">{t('calendar.feedUnavailable')}</p>;

  const params = new URLSearchParams({ feed: token });
  if (region) params.set('region', region);
  if (months !== 12) params.set('months', String(months));
  const url = `${location.origin}/api/calendar.ics?${params}`;
  const webcal = url.replace(/^https?:/, 'webcal:');

  async function copy() {
    setStatus('');
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('calendar.copied'));
    } catch {
      field.current?.select();
      setStatus(t('calendar.copyByHand'));
    }
  }
  async function rotate() {
    setBusy(true);
    setError(null);
    setStatus('');
    try {
      const r = await api.post('/api/me/feed');
      setToken(r.feed_token);
      setStatus(t('calendar.rotated'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <div class="field wide">
        <label for="calendar-feed">{t('calendar.feedLabel')}</label>
        <div class="copy-row">
          <input id="calendar-feed" ref={field} type="text" readOnly value={url} aria-describedby="calendar-feed-help"
            onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={copy}>{t('calendar.copy')}</button>
        </div>
        <p id="calendar-feed-help" class="sub">{t('calendar.feedHelp')}</p>
      </div>
      <p class="actions-row">
        <a href={webcal} id="calendar-webcal">{t('calendar.webcal')}</a>
      </p>
      <p role="status" class="status-line">{status}</p>
      <h3>{t('calendar.rotateTitle')}</h3>
      <p>{t('calendar.rotateWarning')}</p>
      <p>
        <button type="button" id="calendar-rotate" onClick={rotate} disabled={busy}>{t('calendar.rotate')}</button>
      </p>
      {error && <p class="form-error" role="alert">{error.message}</p>}
    </>
  );
}

export default function Calendar({ user }) {
  const lang = useLanguage();
  usePageTitle(t('calendar.title'));
  const { query } = useLocation();
  const own = user?.regions || [];
  const national = own.length === 0;
  // The region: ?region= when given, else the user's only region, else all.
  const region = query.get('region') ?? (own.length === 1 ? own[0] : '');
  const months = MONTHS.includes(Number(query.get('months'))) ? Number(query.get('months')) : 12;

  // A national user chooses among every Indonesian region; an editor among its own.
  const regions = useResource(
    (signal) => api.get('/api/regions', { lang: language() }, { signal }).then((r) => r.items.filter((x) => x.country === 'ID')),
    [],
  );
  const choices = useMemo(() => {
    const list = national ? regions.data || [] : (regions.data || []).filter((r) => own.includes(r.id));
    const known = new Set(list.map((r) => r.id));
    const extra = national ? [] : own.filter((id) => !known.has(id)).map((id) => ({ id, name: id }));
    return [...list, ...extra].sort((a, b) => compareText(a.name, b.name, lang));
  }, [regions.data, own.join(','), lang]);

  const data = useResource((signal) => load(region, months, signal), [region, months]);

  const setQuery = (next) => {
    const q = new URLSearchParams();
    const r = next.region ?? region;
    const m = next.months ?? months;
    if (r !== (own.length === 1 ? own[0] : '')) q.set('region', r);
    if (m !== 12) q.set('months', String(m));
    const s = q.toString();
    navigate('/calendar' + (s ? '?' + s : ''), { replace: true });
  };

  const byMonth = useMemo(() => {
    const groups = new Map();
    for (const e of data.data?.calendar.entries || []) {
      const m = String(e.day).slice(0, 7);
      if (!groups.has(m)) groups.set(m, []);
      groups.get(m).push(e);
    }
    return [...groups.entries()];
  }, [data.data]);

  const cal = data.data?.calendar;
  const names = data.data?.names || {};
  const ics = new URLSearchParams({ lang });
  if (region) ics.set('region', region);
  ics.set('months', String(months));

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('calendar.title')}</h1>
      <p class="lead">{t('calendar.lead')}</p>
      <div class="calendar-controls">
        {(national || own.length > 1) && (
          <div class="field">
            <label for="calendar-region">{t('calendar.region')}</label>
            <select id="calendar-region" value={region} onChange={(e) => setQuery({ region: e.currentTarget.value })}>
              <option value="">{national ? t('calendar.allRegions') : t('calendar.allMyRegions')}</option>
              {choices.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            </select>
          </div>
        )}
        <div class="field">
          <label for="calendar-months">{t('calendar.months')}</label>
          <select id="calendar-months" value={String(months)} onChange={(e) => setQuery({ months: Number(e.currentTarget.value) })}>
            {MONTHS.map((m) => <option key={m} value={String(m)}>{t('common.months', { n: fmt.number(m) })}</option>)}
          </select>
        </div>
      </div>
      {data.loading && !data.data && <Loading />}
      {data.error && <ErrorView error={data.error} onRetry={data.reload} />}
      {cal && (
        <>
          <section class="card" aria-labelledby="entries-title">
            <h2 id="entries-title">{t('calendar.entriesTitle')}</h2>
            <p class="muted">
              {t('calendar.entriesDesc', { from: fmt.date(cal.as_of), n: fmt.number(cal.months) })}
            </p>
            {byMonth.length === 0 && <p id="calendar-empty">{t('calendar.noEntries')}</p>}
            {byMonth.map(([month, entries]) => (
              <section key={month} class="cal-month" aria-labelledby={'month-' + month}>
                <h3 id={'month-' + month}>{fmt.date(month)}</h3>
                <ol class="cal-entries">
                  {entries.map((e) => <Entry key={e.partnership + e.kind + e.day} e={e} names={names} lang={lang} />)}
                </ol>
              </section>
            ))}
            <p>
              <a href={'/api/calendar.ics?' + ics} download="kembar-calendar.ics" id="calendar-download">{t('calendar.download')}</a>
            </p>
          </section>
          <section class="card" aria-labelledby="expired-title">
            <h2 id="expired-title">{t('calendar.expiredTitle')}</h2>
            <p class="muted">{t('calendar.expiredDesc')}</p>
            {cal.expired_unrenewed.length === 0 ? (
              <p>{t('calendar.expiredNone')}</p>
            ) : (
              <ul class="cal-list" id="calendar-expired">
                {cal.expired_unrenewed.map((e) => (
                  <li key={e.partnership}>
                    <PartnershipLink id={e.partnership} names={names} lang={lang} />
                    <span class="sub">{t('calendar.expiredOn', { date: fmt.date(e.expires) })}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="novalidity-title">
            <h2 id="novalidity-title">{t('calendar.withoutValidityTitle')}</h2>
            <p class="muted">{t('calendar.withoutValidityDesc')}</p>
            {cal.without_validity.length === 0 ? (
              <p>{t('calendar.withoutValidityNone')}</p>
            ) : (
              <ul class="cal-list" id="calendar-without-validity">
                {cal.without_validity.map((id) => (
                  <li key={id}><PartnershipLink id={id} names={names} lang={lang} /></li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <section class="card" aria-labelledby="feed-title">
        <h2 id="feed-title">{t('calendar.feedTitle')}</h2>
        <p>{t('calendar.feedIntro')}</p>
        <Subscription region={region} months={months} />
      </section>
    </>
  );
}
