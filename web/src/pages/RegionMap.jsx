// A region's partners on the world map (issue 12): the region and every partner with
// the great-circle line between them, coloured by the partnership's condition, and the
// list of the partnerships (condition, MoU date, distance). GET /api/regions/{id} gives
// the partnerships; their coordinates come from the region's dossier export
// (GET /api/export?region=), their condition and distance from each assessment.
import { useEffect, useState } from 'preact/hooks';
import { ConditionBadge } from '../components/ConditionBadge.jsx';
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { LazyWorldMap } from '../components/LazyWorldMap.jsx';
import { compareText } from '../i18n/format.js';
import { fmt, label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { assessAll, distanceKm, LINE_CONDITIONS, regionDossier } from '../lib/mapData.js';
import { countryName, regionName } from '../lib/names.js';

async function load(id, signal) {
  const r = await api.get(`/api/regions/${enc(id)}`, null, { signal });
  const dossier = await regionDossier(r.region.id, signal);
  return { ...r, dossier };
}

export default function RegionMap({ id }) {
  const lang = useLanguage();
  const res = useResource((signal) => load(id, signal), [id]);
  const [assessed, setAssessed] = useState({ byId: null, done: 0, total: 0 });
  const region = res.data?.region;
  const stored = res.data?.dossier.regions.get(region?.id);
  const name = stored ? regionName(stored, lang) : region?.name || id;
  usePageTitle(region ? t('regionMap.title', { name }) : id);

  useEffect(() => {
    if (!res.data) return undefined;
    const ctrl = new AbortController();
    const ids = res.data.partnerships.map((p) => p.id);
    setAssessed({ byId: null, done: 0, total: ids.length });
    assessAll(ids, {
      signal: ctrl.signal,
      onProgress: (done, total) => setAssessed((s) => ({ ...s, done, total })),
    }).then((byId) => !ctrl.signal.aborted && setAssessed({ byId, done: ids.length, total: ids.length }));
    return () => ctrl.abort();
  }, [res.data, lang]);

  if (res.error) {
    return (
      <>
        <h1 id="page-title" tabIndex={-1}>{res.error.status === 404 ? t('regionMap.notFound', { id }) : t('error.title')}</h1>
        <ErrorView error={res.error} onRetry={res.error.status === 404 ? undefined : res.reload} />
      </>
    );
  }
  if (!res.data) return <><h1 id="page-title" tabIndex={-1}>{id}</h1><Loading /></>;

  const regions = res.data.dossier.regions;
  const home = regions.get(region.id) || region;
  const rows = res.data.partnerships
    .map((p) => {
      const otherRef = p.home.id === region.id ? p.partner : p.home;
      const other = regions.get(otherRef.id) || otherRef;
      const a = assessed.byId?.[p.id];
      const km = a?.indicators?.distance_km ?? (typeof home.lat === 'number' && typeof other.lat === 'number' ? distanceKm(home, other) : null);
      return { p, other, otherName: regionName(other, lang, otherRef.name), condition: a?.condition ?? null, km };
    })
    .sort((x, y) => compareText(x.otherName, y.otherName, lang));

  const points = [
    { id: home.id, name: regionName(home, lang), lat: home.lat, lon: home.lon, role: 'home' },
    ...rows.map((r) => ({
      id: r.other.id,
      name: r.otherName,
      lat: r.other.lat,
      lon: r.other.lon,
      role: 'other',
      href: `/partnerships/${enc(r.p.id)}`,
      detail: [countryName(r.other.country, lang), r.condition ? label('condition', r.condition) : null].filter(Boolean).join(', '),
    })),
  ];
  const lines = rows.map((r) => ({ id: r.p.id, from: home.id, to: r.other.id, className: 'cond-' + (r.condition || 'none') }));
  const present = new Set(rows.map((r) => r.condition || 'none'));
  const legend = [...LINE_CONDITIONS, 'none']
    .filter((c) => present.has(c))
    .map((c) => ({ className: 'cond-' + c, label: c === 'none' ? t('dashboard.notAssessed') : label('condition', c) }));
  const assessing = assessed.total > 0 && !assessed.byId;

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('regionMap.title', { name })}</h1>
      <p class="lead">
        {[home.level && label('level', home.level), countryName(home.country, lang), t('dashboard.count', { n: fmt.number(rows.length) })]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {assessing && (
        <p class="muted" role="status">
          {t('dashboard.assessing', { done: fmt.number(assessed.done), total: fmt.number(assessed.total) })}
        </p>
      )}
      <section class="card" aria-labelledby="region-map-title">
        <h2 id="region-map-title">{t('regionMap.mapTitle')}</h2>
        {rows.length === 0 ? (
          <p>{t('regionMap.none')}</p>
        ) : (
          <LazyWorldMap
            idPrefix="region-map"
            points={points}
            lines={lines}
            legend={legend}
            title={t('regionMap.mapDesc', { name, n: fmt.number(rows.length) })}
            description={t('maps.lineHint')}
            listTitle={t('maps.listTitle')}
          />
        )}
      </section>
      <section class="card" aria-labelledby="region-list-title">
        <h2 id="region-list-title">{t('regionMap.listTitle')}</h2>
        {rows.length > 0 && (
          <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="region-list-title">
            <table class="partnerships region-partners">
              <thead>
                <tr>
                  <th scope="col">{t('col.partnership')}</th>
                  <th scope="col">{t('col.condition')}</th>
                  <th scope="col">{t('regionMap.mou')}</th>
                  <th scope="col" class="num">{t('assessment.distance')}</th>
                  <th scope="col">{t('regionMap.lastEvent')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.p.id} data-partnership={r.p.id}>
                    <th scope="row">
                      <a href={`/partnerships/${enc(r.p.id)}`}>{r.otherName}</a>
                      <span class="sub">{[countryName(r.other.country, lang), label('kind', r.p.kind)].filter(Boolean).join(' · ')}</span>
                    </th>
                    <td data-label={t('col.condition')}>
                      {r.condition || assessed.byId ? <ConditionBadge condition={r.condition} /> : '…'}
                    </td>
                    <td data-label={t('regionMap.mou')}>{r.p.mou_date ? fmt.date(r.p.mou_date) : <span class="muted">{t('expiry.none')}</span>}</td>
                    <td class="num" data-label={t('assessment.distance')}>{r.km == null ? '–' : fmt.unit(Math.round(r.km), 'kilometer')}</td>
                    <td data-label={t('regionMap.lastEvent')}>{r.p.last_date ? fmt.date(r.p.last_date) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href={`/finder?region=${enc(region.id)}`}>{t('regionMap.findMore')}</a>
          {' · '}
          <a href={`/network?place=${enc((home.name || region.name) + ', ' + home.country)}`}>{t('regionMap.network')}</a>
        </p>
      </section>
    </>
  );
}
