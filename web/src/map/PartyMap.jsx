// A world map of a partnership's parties with the great-circle line between them.
// This module and the world's shapes (world-atlas, Natural Earth 1:110m) form their
// own chunk, fetched only by pages that show a map; nothing comes from the internet.
import { geoDistance, geoGraticule10, geoInterpolate, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { fmt, t } from '../i18n/index.js';

const land = feature(world, world.objects.countries);
const WIDTH = 800;
const HEIGHT = 420;

export default function PartyMap({ parties, names }) {
  const located = parties.filter((r) => typeof r.lat === 'number' && typeof r.lon === 'number');
  if (located.length < 2) return <p class="muted">{t('map.noCoordinates')}</p>;
  const [a, b] = located;
  const pa = [a.lon, a.lat];
  const pb = [b.lon, b.lat];
  const mid = geoInterpolate(pa, pb)(0.5);
  const projection = geoNaturalEarth1().rotate([-mid[0], 0]).fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const line = { type: 'LineString', coordinates: [pa, pb] };
  const km = (geoDistance(pa, pb) * 6371.0088);
  const desc = t('map.desc', { a: names(a.id), b: names(b.id) }) + ` (${fmt.unit(Math.round(km), 'kilometer')})`;
  return (
    <figure class="chart map">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={desc} class="world-map">
        <path d={path({ type: 'Sphere' })} class="sphere" />
        <path d={path(geoGraticule10())} class="graticule" />
        <path d={path(land)} class="land" />
        <path d={path(line)} class="route" />
        {[a, b].map((r) => {
          const [x, y] = projection([r.lon, r.lat]);
          return (
            <g key={r.id} class="place">
              <circle cx={x} cy={y} r="5" />
              <text x={x + 8} y={y - 8}>{names(r.id)}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>{desc}</figcaption>
    </figure>
  );
}
