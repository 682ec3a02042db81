// The national overview (issue 12), for the ministries above all: every partnership's
// condition per province of the home region and per partner country
// (GET /api/status?by=province|country, as `kembar status --by`), the share of signed
// MoUs that carry out no activity, and the reasons the assessments give for it. The
// status answer names the groups in the reader's language, gives each a stable `id`
// (the province's region id, the country's code) and the national totals, reasons
// included. Read only: nothing here changes a record, whatever the reader's role.
import { ReportLinks } from '../components/ReportLinks.jsx';
import { useMemo } from 'preact/hooks';
import { BarChart } from '../components/BarChart.jsx';
import { CONDITIONS } from '../components/ConditionBadge.jsx';
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { breakdown, StackedConditionBars } from '../components/StackedConditionBars.jsx';
import { compareText } from '../i18n/format.js';
import { fmt, label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { countryName, regionName } from '../lib/names.js';
import { navigate, useLocation } from '../lib/router.js';

const VIEWS = ['province', 'country'];

// The partnerships of one province: those whose home region is the province or lies
// in it (as /api/status groups them). GET /api/regions for the regions' `parent`, then
// the partnerships of each of the province's regions (a few).
async function loadProvincePartnerships(provinceId, signal) {
  const regions = (await api.get('/api/regions', null, { signal })).items || [];
  const inside = regions.filter((r) => r.country === 'ID' && (r.id === provinceId || r.parent === provinceId));
  const ids = new Set(inside.map((r) => r.id));
  const pages = await Promise.all(inside.map((r) => api.get('/api/partnerships', { region: r.id, per_page: 500 }, { signal })));
  const byId = new Map();
  for (const page of pages) for (const p of page.items || []) if (ids.has(p.home.id)) byId.set(p.id, p);
  const names = new Map(regions.map((r) => [r.id, r]));
  return { partnerships: [...byId.values()], regions: names };
}

function Figures({ data, lang }) {
  const signed = data.mou_signed;
  const idle = data.mou_not_active;
  const unknown = data.conditions?.unknown || 0;
  const share = (n, of) => (of ? fmt.percent(n / of) : '–');
  return (
    <dl class="key-figures">
      <div>
        <dt>{t('national.totalLabel')}</dt>
        <dd><span class="figure">{fmt.number(data.total)}</span></dd>
      </div>
      <div>
        <dt>{t('national.mouIdleLabel')}</dt>
        <dd>
          <span class="figure" id="national-mou-idle">{share(idle, signed)}</span>
          <span class="sub">{t('national.mouIdleDetail', { idle: fmt.number(idle), signed: fmt.number(signed) })}</span>
        </dd>
      </div>
      <div>
        <dt>{t('national.unknownLabel')}</dt>
        <dd>
          <span class="figure">{share(unknown, data.total)}</span>
          <span class="sub">{t('national.unknownDetail', { n: fmt.number(unknown), total: fmt.number(data.total) })}</span>
        </dd>
      </div>
    </dl>
  );
}

function Reasons({ reasons }) {
  if (!reasons.length) return <p>{t('national.noReasons')}</p>;
  return (
    <>
      <BarChart
        bars={reasons.map((r) => ({ key: r.code, label: r.label, value: r.count, className: 'reason' }))}
        title={t('national.reasonsTitle')}
      />
      <p class="muted">{t('national.reasonsNote')}</p>
    </>
  );
}

function GroupTable({ rows, by, nameHeader, provinceHref }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="groups-table-title">
      <table class="partnerships national-table">
        <caption id="groups-table-title" class="visually-hidden">{t('national.tableTitle.' + by)}</caption>
        <thead>
          <tr>
            <th scope="col">{nameHeader}</th>
            <th scope="col" class="num">{t('national.col.total')}</th>
            {CONDITIONS.map((c) => <th key={c} scope="col" class="num">{label('condition', c)}</th>)}
            <th scope="col">{t('national.col.mouIdle')}</th>
            <th scope="col">{t('national.col.reasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">
                {provinceHref ? <a href={provinceHref(r)}>{r.label}</a> : r.label}
              </th>
              <td class="num" data-label={t('national.col.total')}>{fmt.number(r.total)}</td>
              {CONDITIONS.map((c) => (
                <td key={c} class={'num' + (r.conditions?.[c] ? '' : ' zero')} data-label={label('condition', c)}>
                  {fmt.number(r.conditions?.[c] || 0)}
                </td>
              ))}
              <td class="wide" data-label={t('national.col.mouIdle')}>
                {r.mou_signed
                  ? t('national.mouIdleCell', { idle: fmt.number(r.mou_not_active), signed: fmt.number(r.mou_signed) })
                  : '–'}
              </td>
              <td class="wide" data-label={t('national.col.reasons')}>
                {r.reasons?.length
                  ? r.reasons.map((x) => `${x.label} (${fmt.number(x.count)})`).join(', ')
                  : '–'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProvinceDetail({ group, lang }) {
  const records = useResource((signal) => loadProvincePartnerships(group.id, signal), [group.id]);
  const name = group.name;
  const list = useMemo(() => {
    if (!records.data) return null;
    const { regions } = records.data;
    return records.data.partnerships
      .map((p) => ({
        id: p.id,
        home: regionName(regions.get(p.home.id), lang, p.home.name),
        partner: regionName(regions.get(p.partner.id), lang, p.partner.name),
        country: p.partner.country,
      }))
      .sort((a, b) => compareText(a.home, b.home, lang) || compareText(a.partner, b.partner, lang));
  }, [records.data, lang]);
  return (
    <section class="card" aria-labelledby="province-title">
      <h2 id="province-title">{t('national.provinceTitle', { name })}</h2>
      <p>
        {t('national.provinceSummary', { n: fmt.number(group.total) })} {breakdown(group.conditions)}.
        {group.mou_signed > 0 && <> {t('national.provinceMou', { idle: fmt.number(group.mou_not_active), signed: fmt.number(group.mou_signed) })}</>}
      </p>
      {group.reasons?.length > 0 && (
        <>
          <h3>{t('national.reasonsTitle')}</h3>
          <ul class="reason-list">
            {group.reasons.map((r) => <li key={r.code}>{r.label}: {fmt.number(r.count)}</li>)}
          </ul>
        </>
      )}
      <h3>{t('national.provincePartnerships')}</h3>
      {records.loading && !records.data && <Loading />}
      {records.error && <ErrorView error={records.error} onRetry={records.reload} />}
      {list && (
        <ul class="province-partnerships">
          {list.map((p) => (
            <li key={p.id}>
              <a href={`/partnerships/${enc(p.id)}`}>{p.home} – {p.partner}</a>
              {p.country && <span class="muted"> · {countryName(p.country, lang)}</span>}
            </li>
          ))}
        </ul>
      )}
      <p><a href="/national">{t('national.allProvinces')}</a></p>
    </section>
  );
}

export default function National() {
  const lang = useLanguage();
  usePageTitle(t('national.title'));
  const { query } = useLocation();
  const by = VIEWS.includes(query.get('by')) ? query.get('by') : 'province';
  const province = by === 'province' ? query.get('province') || '' : '';

  // Both views at once: the national figures come from the province view, and
  // switching view needs no wait.
  const status = useResource(
    (signal) => Promise.all(VIEWS.map((v) => api.get('/api/status', { by: v, lang }, { signal })))
      .then(([p, c]) => ({ province: p, country: c })),
    [lang],
  );
  const data = status.data?.[by];
  const rows = useMemo(() => {
    if (!data) return [];
    return data.groups
      .map((g) => ({ ...g, key: g.id, label: g.name }))
      .sort((a, b) => b.total - a.total || compareText(a.label, b.label, lang));
  }, [data, by, lang]);
  // ?province= is the province's id (a name, as older links had it, works too).
  const selected = province ? data?.groups.find((g) => g.id === province || g.name === province) : null;

  const setView = (v) => navigate(v === 'province' ? '/national' : '/national?by=' + v, { replace: true });
  const selectProvince = (id) => navigate(id ? '/national?province=' + enc(id) : '/national');

  const nameHeader = by === 'province' ? t('national.col.province') : t('national.col.country');
  const national = status.data?.province;

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('national.title')}</h1>
      <p class="lead">
        {t('national.lead')}
        {national && <> {t('national.asOf', { date: fmt.date(national.as_of) })}</>}
      </p>
      <ReportLinks kind="national" />
      {status.loading && !status.data && <Loading />}
      {status.error && <ErrorView error={status.error} onRetry={status.reload} />}
      {national && (
        <>
          <section class="card" aria-labelledby="figures-title">
            <h2 id="figures-title">{t('national.figuresTitle')}</h2>
            <Figures data={national} lang={lang} />
            <p class="muted">{t('national.mouIdleNote')}</p>
            <BarChart
              bars={CONDITIONS.map((c) => ({ key: c, label: label('condition', c), value: national.conditions?.[c] || 0, className: 'cond-' + c }))}
              title={t('national.conditionsTitle')}
              description={t('national.conditionsDesc', { date: fmt.date(national.as_of) })}
            />
            <p class="muted">{t('national.unknownNote')}</p>
          </section>
          <section class="card" aria-labelledby="reasons-title">
            <h2 id="reasons-title">{t('national.reasonsTitle')}</h2>
            <p class="muted">{t('national.reasonsDesc')}</p>
            <Reasons reasons={national.reasons || []} />
          </section>
          <section class="card" aria-labelledby="groups-title">
            <h2 id="groups-title">{t('national.groupsTitle.' + by)}</h2>
            <div class="national-controls">
              <fieldset class="segmented">
                <legend>{t('national.viewLegend')}</legend>
                {VIEWS.map((v) => (
                  <label key={v}>
                    <input type="radio" name="national-view" value={v} checked={by === v} onChange={() => setView(v)} />
                    {t('national.view.' + v)}
                  </label>
                ))}
              </fieldset>
              {by === 'province' && (
                <div class="field">
                  <label for="national-province">{t('national.provinceFilter')}</label>
                  <select id="national-province" value={selected?.id || province} onChange={(e) => selectProvince(e.currentTarget.value)}>
                    <option value="">{t('national.allProvinces')}</option>
                    {[...rows].sort((a, b) => compareText(a.label, b.label, lang)).map((r) => (
                      <option key={r.key} value={r.id}>{r.label}</option>
                    ))}
                  </select>
                </div>
              )}
            </div>
            {selected && (
              <ProvinceDetail key={selected.id} group={selected} lang={lang} />
            )}
            {province && !selected && data && <p class="notice">{t('national.provinceUnknown', { name: province })}</p>}
            {data && (
              <>
                <StackedConditionBars
                  rows={selected ? rows.filter((r) => r.id === selected.id) : rows}
                  title={t('national.groupsTitle.' + by)}
                  description={t('national.chartDesc.' + by)}
                />
                <h3>{t('national.tableTitle.' + by)}</h3>
                <GroupTable
                  rows={selected ? rows.filter((r) => r.id === selected.id) : rows}
                  by={by}
                  nameHeader={nameHeader}
                  provinceHref={by === 'province' ? (r) => '/national?province=' + enc(r.id) : null}
                />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
