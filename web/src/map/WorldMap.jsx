// A reusable world map (the region's partners, the network explorer, the partner
// finder): the countries (world-atlas, Natural Earth 1:110m), points with labels and
// tooltips, great-circle lines (d3-geo's geoPath draws a LineString as the great circle
// between its ends, cut at the map's edge), an optional fit to the points, and a
// legend. Every point is focusable and named (a link when it has `href`), and the
// places are also listed as text under the map. Like PartyMap.jsx, this module and the
// world's shapes are their own chunk, fetched only by the pages that show a map
// (components/LazyWorldMap.jsx).
//
//   points: [{id, name, lat, lon, role: 'home'|'other', href?, detail?}]
//   lines:  [{id, from: id, to: id, className?, label?}]
//   legend: [{className, label}]   (line classes, e.g. 'cond-active')
import { geoCentroid, geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { useEffect, useRef } from 'preact/hooks';
import { fmt, t } from '../i18n/index.js';

const land = feature(world, world.objects.countries);
const WIDTH = 800;
const HEIGHT = 420;
const PAD = 28;
const MAX_ZOOM = 6;
const located = (p) => typeof p?.lat === 'number' && typeof p?.lon === 'number';

function makeProjection(points, fit) {
  const coords = points.map((p) => [p.lon, p.lat]);
  const home = points.find((p) => p.role === 'home');
  const centre = home ? [home.lon, home.lat] : coords.length ? geoCentroid({ type: 'MultiPoint', coordinates: coords }) : [0, 0];
  const projection = geoNaturalEarth1().rotate([-centre[0], 0]);
  projection.fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const whole = projection.scale();
  if (!fit || coords.length === 0) return projection;
  if (coords.length === 1) {
    projection.scale(whole * 3);
  } else {
    projection.fitExtent([[PAD, PAD], [WIDTH - PAD, HEIGHT - PAD]], { type: 'MultiPoint', coordinates: coords });
    if (projection.scale() <= whole) return projection.fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
    if (projection.scale() <= whole * MAX_ZOOM) return projection;
    projection.scale(whole * MAX_ZOOM);
  }
  // Keep the points' middle in the middle of the picture.
  const mid = coords.length === 1 ? coords[0] : geoCentroid({ type: 'MultiPoint', coordinates: coords });
  projection.translate([WIDTH / 2, HEIGHT / 2]);
  const [x, y] = projection(mid);
  const [tx, ty] = projection.translate();
  return projection.translate([tx + WIDTH / 2 - x, ty + HEIGHT / 2 - y]);
}

// Labels right of their point, else left, else below; a label that would still cover
// another is shown only on hover and focus.
function placeLabels(items) {
  // The points themselves are obstacles too.
  const boxes = items.map((it) => ({ x0: it.x - 6, x1: it.x + 6, y0: it.y - 6, y1: it.y + 6, id: it.id }));
  const overlaps = (b, id) => boxes.some((o) => o.id !== id && b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  return items.map((it) => {
    const w = it.name.length * (it.role === 'home' ? 9.6 : 8.4) + 4;
    const tries = [
      { x: it.x + 8, y: it.y + 5, anchor: 'start', box: { x0: it.x + 6, x1: it.x + 8 + w, y0: it.y - 9, y1: it.y + 8 } },
      { x: it.x - 8, y: it.y + 5, anchor: 'end', box: { x0: it.x - 8 - w, x1: it.x - 6, y0: it.y - 9, y1: it.y + 8 } },
      { x: it.x, y: it.y + 20, anchor: 'middle', box: { x0: it.x - w / 2, x1: it.x + w / 2, y0: it.y + 7, y1: it.y + 24 } },
    ].filter((c) => c.box.x0 >= 0 && c.box.x1 <= WIDTH && c.box.y0 >= 0 && c.box.y1 <= HEIGHT);
    const free = tries.find((c) => !overlaps(c.box, it.id));
    if (free) {
      boxes.push(free.box);
      return { ...it, label: free, hidden: false };
    }
    return { ...it, label: tries[0] || { x: it.x + 8, y: it.y + 5, anchor: 'start' }, hidden: true };
  });
}

// On a phone the map keeps a readable size and scrolls sideways: start in its middle,
// where the home region is.
export function useCentredScroll() {
  const ref = useRef(null);
  useEffect(() => {
    const el = ref.current;
    if (el && el.scrollWidth > el.clientWidth) el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
  }, []);
  return ref;
}

export default function WorldMap({ points = [], lines = [], fit = false, title, description, legend = [], listTitle, idPrefix = 'wm' }) {
  const shown = points.filter(located);
  const missing = points.filter((p) => !located(p));
  const byId = new Map(shown.map((p) => [p.id, p]));
  const projection = makeProjection(shown, fit);
  const path = geoPath(projection);
  const drawn = shown
    .map((p) => {
      const xy = projection([p.lon, p.lat]);
      return xy && { ...p, x: xy[0], y: xy[1] };
    })
    .filter((p) => p && p.x >= -2 && p.x <= WIDTH + 2 && p.y >= -2 && p.y <= HEIGHT + 2);
  // The home point first, so its label always has room.
  const labelled = placeLabels([...drawn].sort((a, b) => (a.role === 'home' ? -1 : b.role === 'home' ? 1 : 0)));
  const captionId = `${idPrefix}-caption`;
  const scroller = useCentredScroll();
  return (
    <figure class="chart map world-map-figure">
      <div class="map-scroll" ref={scroller}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} class="world-map" role="group" aria-labelledby={captionId}>
        <path d={path({ type: 'Sphere' })} class="sphere" />
        <path d={path(geoGraticule10())} class="graticule" />
        <path d={path(land)} class="land" />
        <g class="routes" aria-hidden="true">
          {lines.map((l) => {
            const a = byId.get(l.from);
            const b = byId.get(l.to);
            if (!a || !b) return null;
            const d = path({ type: 'LineString', coordinates: [[a.lon, a.lat], [b.lon, b.lat]] });
            return d ? <path key={l.id} d={d} class={'route ' + (l.className || '')} data-line={l.id} /> : null;
          })}
        </g>
        {labelled.map((p) => {
          const name = p.detail ? `${p.name}: ${p.detail}` : p.name;
          const body = (
            <>
              <title>{name}</title>
              <circle cx={p.x} cy={p.y} r={p.role === 'home' ? 7 : 5} />
              <text x={p.label.x} y={p.label.y} text-anchor={p.label.anchor} class={p.hidden ? 'place-label on-focus' : 'place-label'}>{p.name}</text>
            </>
          );
          const cls = 'place place-' + (p.role || 'other');
          return p.href ? (
            <a key={p.id} href={p.href} class={cls} aria-label={name} data-place={p.id}>{body}</a>
          ) : (
            <g key={p.id} class={cls} tabindex="0" role="img" aria-label={name} data-place={p.id}>{body}</g>
          );
        })}
      </svg>
      </div>
      <figcaption id={captionId}>
        {title && <span class="map-title">{title}</span>}
        {description && <span class="sub">{description}</span>}
      </figcaption>
      {legend.length > 0 && (
        <ul class="map-legend" aria-label={t('maps.legend')}>
          {legend.map((l) => (
            <li key={l.className}>
              <svg viewBox="0 0 28 10" width="28" height="10" aria-hidden="true" focusable="false">
                <line x1="1" y1="5" x2="27" y2="5" class={'route ' + l.className} />
              </svg>
              {l.label}
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && (
        <p class="muted">{t('maps.notPlaced', { names: missing.map((p) => p.name).join(', ') })}</p>
      )}
      {listTitle && (
        <details class="map-list">
          <summary>{listTitle}</summary>
          <ul>
            {shown.map((p) => (
              <li key={p.id}>
                {p.name}
                {p.detail && <> · {p.detail}</>}
                <span class="sub">{t('maps.coordinates', { lat: fmt.number(p.lat), lon: fmt.number(p.lon) })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </figure>
  );
}
