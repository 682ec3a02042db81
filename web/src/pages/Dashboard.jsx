// The dashboard of the user's regions (issue 12): counts per condition as a chart,
// then every partnership with its condition, months since the last activity, MoU
// expiry, main risk and next action, its name linking to its page.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { BarChart } from '../components/BarChart.jsx';
import { CONDITIONS, ConditionBadge } from '../components/ConditionBadge.jsx';
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { compareText } from '../i18n/format.js';
import { fmt, label, language, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useDebounced, useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { countryName } from '../lib/names.js';
import { fetchAssessment } from './assessment.js';
import { RecordActions } from '../components/RecordActions.jsx';
import { ReportLinks } from '../components/ReportLinks.jsx';

const PER_PAGE = 500;

async function listAll(region, signal) {
  const items = [];
  for (let page = 1; ; page++) {
    const r = await api.get('/api/partnerships', { region, page, per_page: PER_PAGE }, { signal });
    items.push(...r.items);
    if (items.length >= r.total || r.items.length === 0) return items;
  }
}

// A user without regions (a ministry viewer, an admin) could see the whole country:
// the dashboard then shows one page, searched on the server (the national overview is
// the page for the whole picture).
const NATIONAL_PAGE = 100;

async function loadPartnerships(regions, text, signal) {
  if (!regions.length) {
    const r = await api.get('/api/partnerships', { text, per_page: NATIONAL_PAGE }, { signal });
    return { items: r.items, total: r.total };
  }
  const lists = await Promise.all(regions.map((r) => listAll(r, signal)));
  const byId = new Map();
  for (const list of lists) for (const p of list) byId.set(p.id, p);
  const items = [...byId.values()];
  return { items, total: items.length };
}

// The to-do list of the user's regions (GET /api/todo, as `kembar todo --json`:
// {as_of, items: [{partnership, parties, code, concept, due, urgency, text}]}, most
// urgent first); null when the server has no such endpoint yet.
async function loadTodo(regions, signal) {
  try {
    const lists = regions.length
      ? await Promise.all(regions.map((region) => api.get('/api/todo', { region }, { signal })))
      : [await api.get('/api/todo', null, { signal })];
    const seen = new Set();
    const items = [];
    for (const l of lists) {
      for (const it of l.items || []) {
        const key = it.partnership + ' ' + it.code;
        if (!seen.has(key)) {
          seen.add(key);
          items.push(it);
        }
      }
    }
    const rank = { overdue: 0, due_soon: 1, later: 2 };
    items.sort((a, b) => (rank[a.urgency] ?? 3) - (rank[b.urgency] ?? 3) || String(a.due ?? '9999').localeCompare(String(b.due ?? '9999')));
    return { items };
  } catch (e) {
    if (e.status === 404 || e.status === 405 || e.status === 501) return null;
    throw e;
  }
}

function Todo({ todo, names }) {
  if (todo.loading && !todo.data) return <Loading />;
  if (todo.error) return <ErrorView error={todo.error} onRetry={todo.reload} />;
  if (!todo.data) return <p class="muted">{t('todo.unavailable')}</p>;
  if (!todo.data.items.length) return <p>{t('todo.empty')}</p>;
  return (
    <ol class="recommendations todo">
      {todo.data.items.map((it) => (
        <li key={it.partnership + it.code}>
          <span class={'urgency urgency-' + it.urgency}>{label('urgency', it.urgency)}</span>{' '}
          <a href={`/partnerships/${enc(it.partnership)}`}>{names[it.partnership] || it.partnership}</a>: {it.text}
          {it.due && <span class="sub">{t('assessment.due', { date: fmt.date(it.due) })}</span>}
        </li>
      ))}
    </ol>
  );
}

// Fetches the assessments four at a time; stops when the server has none.
function useAssessments(items) {
  const [state, setState] = useState({ byId: {}, done: 0, missing: false });
  useEffect(() => {
    if (!items?.length) return undefined;
    const ctrl = new AbortController();
    const byId = {};
    let done = 0;
    let missing = false;
    const queue = items.filter((p) => !p.condition).map((p) => p.id);
    const total = queue.length;
    setState({ byId: {}, done: 0, missing: false });
    async function worker() {
      while (queue.length && !missing && !ctrl.signal.aborted) {
        const id = queue.shift();
        try {
          const a = await fetchAssessment(id, ctrl.signal);
          if (a === null) missing = true;
          else byId[id] = a;
        } catch (e) {
          if (e?.name === 'AbortError') return;
          byId[id] = { error: e };
        }
        done++;
        if (!ctrl.signal.aborted) setState({ byId: { ...byId }, done, total, missing });
      }
    }
    Promise.all([worker(), worker(), worker(), worker()]).then(() => {
      if (!ctrl.signal.aborted) setState({ byId: { ...byId }, done, total, missing });
    });
    return () => ctrl.abort();
  }, [items, language()]);
  return state;
}

function rowOf(p, a) {
  // The list item may carry the assessment's summary itself (a later server version).
  const src = a && !a.error ? a : p.condition ? p : null;
  if (!src) return { condition: null };
  const rec = src.recommendations?.[0] ?? src.next_action ?? null;
  const concept = src.concepts?.[0] ?? src.main_risk ?? null;
  return {
    condition: src.condition,
    months: src.indicators ? src.indicators.months_since_activity : src.months_since_activity,
    agreement: src.agreement ?? null,
    risk: concept ? concept.explanation || concept.text || concept.code : null,
    next: rec ? { text: rec.text || rec.code, due: rec.due, urgency: rec.urgency } : null,
    asOf: src.as_of,
  };
}

function Expiry({ agreement }) {
  if (!agreement || !agreement.signed) return <span class="muted">{t('expiry.none')}</span>;
  if (agreement.expires) return <span>{fmt.date(agreement.expires)}</span>;
  return <span class="muted">{t('expiry.unknown')}</span>;
}

// "Your regions: Surabaya", each name a link to the region's partners map.
function RegionLinks({ regions, names }) {
  const [before, after = ''] = t('dashboard.yourRegions', { regions: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      {regions.map((r, i) => (
        <span key={r}>{i > 0 && ', '}<a href={`/regions/${enc(r)}`}>{names[r] || r}</a></span>
      ))}
      {after}
    </>
  );
}

export default function Dashboard({ user }) {
  const lang = useLanguage();
  usePageTitle(t('dashboard.title'));
  const regions = user?.regions || [];
  const [text, setText] = useState('');
  // When the whole list is here it is searched as one types (country names in the
  // reader's language included); when it is not (a national user), on the server.
  const [partial, setPartial] = useState(false);
  const serverText = useDebounced(partial ? text.trim() : '', 300);
  const list = useResource((signal) => loadPartnerships(regions, serverText, signal), [regions.join(','), serverText]);
  const items = list.data?.items ?? null;
  useEffect(() => {
    if (list.data && !serverText && list.data.total > list.data.items.length) setPartial(true);
  }, [list.data]);
  const assessed = useAssessments(items);
  const todo = useResource((signal) => loadTodo(regions, signal), [regions.join(','), lang]);

  const rows = useMemo(() => {
    if (!items) return [];
    return items
      .map((p) => ({ p, ...rowOf(p, assessed.byId[p.id]) }))
      .sort((x, y) =>
        compareText(x.p.home.name, y.p.home.name, lang) ||
        compareText(x.p.partner.name, y.p.partner.name, lang));
  }, [items, assessed, lang]);

  // The names of the user's regions, as the partnership list gives them.
  const regionNames = {};
  const partnershipNames = {};
  for (const p of items || []) {
    partnershipNames[p.id] = `${p.home.name} – ${p.partner.name}`;
    regionNames[p.home.id] = p.home.name;
    regionNames[p.partner.id] = p.partner.name;
  }

  const needle = text.trim().toLowerCase();
  const shown = needle
    ? rows.filter(({ p }) =>
        [p.id, p.home.name, p.partner.name, p.partner.country, countryName(p.partner.country, lang)]
          .some((s) => String(s || '').toLowerCase().includes(needle)))
    : rows;

  const counts = CONDITIONS.map((c) => ({
    key: c,
    label: label('condition', c),
    value: rows.filter((r) => r.condition === c).length,
    className: 'cond-' + c,
  }));
  const anyAssessed = rows.some((r) => r.condition);
  const asOf = rows.find((r) => r.asOf)?.asOf;

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('dashboard.title')}</h1>
      <p class="lead">
        {regions.length ? <RegionLinks regions={regions} names={regionNames} /> : t('dashboard.allRegions')}
        {list.data && <> · {t('dashboard.count', { n: fmt.number(list.data.total) })}</>}
      </p>
      <RecordActions user={user} regions={regions} names={regionNames} />
      {regions.map((r) => <ReportLinks key={r} kind="region" id={r} name={regionNames[r] || r} />)}
      {list.loading && !list.data && <Loading />}
      {list.error && <ErrorView error={list.error} onRetry={list.reload} />}
      {list.data && (
        <>
          <section class="card" aria-labelledby="chart-title">
            <h2 id="chart-title">{t('dashboard.chartTitle')}</h2>
            {assessed.missing && <p class="notice">{t('dashboard.assessmentMissing')}</p>}
            {!assessed.missing && assessed.total > 0 && assessed.done < assessed.total && (
              <p class="muted" role="status">
                {t('dashboard.assessing', { done: fmt.number(assessed.done), total: fmt.number(assessed.total) })}
              </p>
            )}
            {anyAssessed ? (
              <BarChart
                bars={counts}
                title={t('dashboard.chartTitle')}
                description={asOf ? t('dashboard.chartDesc', { date: fmt.date(asOf) }) : undefined}
              />
            ) : (
              !assessed.missing && <p class="muted">{t('dashboard.chartPending')}</p>
            )}
          </section>
          <section class="card" aria-labelledby="todo-title">
            <h2 id="todo-title">{t('todo.title')}</h2>
            <p class="muted">{t('todo.desc')}</p>
            <Todo todo={todo} names={partnershipNames} />
          </section>
          <section class="card" aria-labelledby="table-title">
            <h2 id="table-title">{t('dashboard.tableTitle')}</h2>
            <div class="field search">
              <label for="dashboard-search">{t('dashboard.search')}</label>
              <input
                id="dashboard-search"
                type="search"
                value={text}
                placeholder={t('dashboard.searchHint')}
                onInput={(e) => setText(e.currentTarget.value)}
              />
            </div>
            {list.data.total > rows.length && (
              <p class="muted" role="status">
                {t('dashboard.showing', { shown: fmt.number(rows.length), total: fmt.number(list.data.total) })}
              </p>
            )}
            {rows.length === 0 && !text && <p>{t('dashboard.empty')}</p>}
            {rows.length === 0 && text && <p>{t('dashboard.noMatch', { text })}</p>}
            {rows.length > 0 && shown.length === 0 && <p>{t('dashboard.noMatch', { text })}</p>}
            {shown.length > 0 && (
              <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="table-title">
                <table class="partnerships">
                  <thead>
                    <tr>
                      <th scope="col">{t('col.partnership')}</th>
                      <th scope="col">{t('col.condition')}</th>
                      <th scope="col" class="num">{t('col.months')}</th>
                      <th scope="col">{t('col.expiry')}</th>
                      <th scope="col">{t('col.risk')}</th>
                      <th scope="col">{t('col.next')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map(({ p, condition, months, agreement, risk, next }) => (
                      <tr key={p.id}>
                        <th scope="row">
                          <a href={`/partnerships/${enc(p.id)}`}>
                            {p.home.name} – {p.partner.name}
                          </a>
                          <span class="sub">
                            {countryName(p.partner.country, lang)}
                            {p.last_date && <> · {t('dashboard.lastEvent', { date: fmt.date(p.last_date) })}</>}
                          </span>
                        </th>
                        <td data-label={t('col.condition')}><ConditionBadge condition={condition} /></td>
                        <td class="num" data-label={t('col.months')}>
                          {condition ? (months == null ? t('common.never') : fmt.number(months)) : '–'}
                        </td>
                        <td data-label={t('col.expiry')}>{condition ? <Expiry agreement={agreement} /> : '–'}</td>
                        <td data-label={t('col.risk')}>{risk || '–'}</td>
                        <td data-label={t('col.next')}>
                          {next ? (
                            <>
                              {next.urgency && <span class={'urgency urgency-' + next.urgency}>{label('urgency', next.urgency)}</span>}{' '}
                              {next.text}
                              {next.due && <span class="sub">{t('assessment.due', { date: fmt.date(next.due) })}</span>}
                            </>
                          ) : '–'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
