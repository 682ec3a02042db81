// A region's partners on the world map (issue 12): the region and every partner with
// the great-circle line between them, coloured by the partnership's condition, and the
// list of the partnerships (condition, MoU date, distance). One request: GET
// /api/regions/{id} gives the region and its partnerships with both parties'
// coordinates and names, each partnership's condition and distance (the dashboards'
// assessment snapshot) and the region's partner-wanted profile, shown below them and
// set there by its editors (ProfileSection).
import { ConditionBadge } from '../components/ConditionBadge.jsx';
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { LazyWorldMap } from '../components/LazyWorldMap.jsx';
import { ProfileSection } from '../components/ProfileSection.jsx';
import { compareText } from '../i18n/format.js';
import { fmt, label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { distanceKm, hasCoordinates, LINE_CONDITIONS } from '../lib/mapData.js';
import { countryName, regionName } from '../lib/names.js';

export default function RegionMap({ id, user }) {
  const lang = useLanguage();
  const res = useResource((signal) => api.get(`/api/regions/${enc(id)}`, null, { signal }), [id]);
  const region = res.data?.region;
  const name = region ? regionName(region, lang) : id;
  usePageTitle(region ? t('regionMap.title', { name }) : id);

  if (res.error) {
    return (
      <>
        <h1 id="page-title" tabIndex={-1}>{res.error.status === 404 ? t('regionMap.notFound', { id }) : t('error.title')}</h1>
        <ErrorView error={res.error} onRetry={res.error.status === 404 ? undefined : res.reload} />
      </>
    );
  }
  if (!res.data) return <><h1 id="page-title" tabIndex={-1}>{id}</h1><Loading /></>;

  const home = region;
  const rows = res.data.partnerships
    .map((p) => {
      const other = p.home.id === region.id ? p.partner : p.home;
      const km = p.distance_km ?? (hasCoordinates(home) && hasCoordinates(other) ? distanceKm(home, other) : null);
      return { p, other, otherName: regionName(other, lang), condition: p.condition ?? null, km };
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

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('regionMap.title', { name })}</h1>
      <p class="lead">
        {[home.level && label('level', home.level), countryName(home.country, lang), t('dashboard.count', { n: fmt.number(rows.length) })]
          .filter(Boolean)
          .join(' · ')}
      </p>
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
                      <ConditionBadge condition={r.condition} />
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
      <ProfileSection region={region} name={name} profile={res.data.profile} user={user} />
    </>
  );
}
