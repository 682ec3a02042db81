// The network explorer (issue 12): search a city among the world's twin-city ties,
// then its ties (the ego network of GET /api/network/ego) on the world map, as a
// radial graph (partners on the inner ring, their partners on the outer), and as a
// table that adds what kembar records about each pair: MoU date, last event,
// condition, a link to the record. Below, the statistics panel of the whole network
// (GET /api/network/stats) and its exports.
//
// One ego answer gives every place of the neighbourhood with its coordinates and ring,
// and the ties among them; what kembar records about the centre's pairs comes from the
// stored region of the centre's name (GET /api/regions?text=, then /api/regions/{id}
// with each partnership's parties and condition).
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ConditionBadge } from '../components/ConditionBadge.jsx';
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { LazyWorldMap } from '../components/LazyWorldMap.jsx';
import { compareText } from '../i18n/format.js';
import { fmt, label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { foldName } from '../lib/mapData.js';
import { countryName, regionName } from '../lib/names.js';
import { navigate, useLocation } from '../lib/router.js';

const isKey = (s) => /^[A-Z]{2}:/.test(s);

function placeHref(place, depth, q) {
  const p = new URLSearchParams({ place, depth: String(depth) });
  if (q) p.set('q', q);
  return '/network?' + p.toString();
}

// "Surabaya, ID" (the server ignores accents: "Kochi, JP" finds "Kōchi") or a key
// "JP:kōchi" → the ego network, with the places by ring and each place's ties.
async function loadEgo(place, depth, signal) {
  const ego = await api.get('/api/network/ego', { place, depth }, { signal });
  const rings = [];
  for (const n of ego.nodes) (rings[n.ring] ||= []).push(n);
  const ties = new Map(ego.nodes.map((n) => [n.id, []]));
  for (const e of ego.edges) {
    ties.get(e.source)?.push(e.target);
    ties.get(e.target)?.push(e.source);
  }
  return { ...ego, ring1: rings[1] || [], ring2: rings[2] || [], ties };
}

// What kembar records about the centre's pairs: the stored region of the same name
// and country, its partnerships with their parties and conditions (null when there is
// none).
async function loadRecords(center, signal) {
  const same = (r) => r.country === center.country &&
    [r.name, ...Object.values(r.names || {})].some((n) => foldName(n) === foldName(center.name));
  let items = (await api.get('/api/regions', { text: center.name }, { signal })).items || [];
  if (!items.some(same)) items = (await api.get('/api/regions', { text: foldName(center.name) }, { signal })).items || [];
  const region = items.find(same);
  if (!region) return null;
  const detail = await api.get(`/api/regions/${enc(region.id)}`, null, { signal });
  const byPair = new Map();
  for (const p of detail.partnerships) {
    const other = p.home.id === region.id ? p.partner : p.home;
    for (const n of [other.name, ...Object.values(other.names || {})]) byPair.set(foldName(n) + '|' + other.country, { p, other });
  }
  return { region: detail.region, byPair };
}

function SearchBox({ initial, depth, chosen }) {
  const [text, setText] = useState(initial || '');
  const [asked, setAsked] = useState(chosen ? '' : initial || '');
  const res = useResource(
    (signal) => (asked.trim() ? api.get('/api/search', { q: asked.trim(), limit: 20 }, { signal }) : Promise.resolve(null)),
    [asked],
  );
  const lang = useLanguage();
  const choices = useMemo(() => {
    if (!res.data) return [];
    const seen = new Map();
    for (const p of res.data.places || []) {
      const k = foldName(p.name) + '|' + p.country;
      if (!seen.has(k) || (seen.get(k).population || 0) < (p.population || 0)) seen.set(k, { name: p.name, country: p.country, population: p.population });
    }
    for (const r of res.data.regions || []) {
      const k = foldName(r.name) + '|' + r.country;
      if (!seen.has(k)) seen.set(k, { name: r.name, country: r.country, stored: true });
      else seen.get(k).stored = true;
    }
    return [...seen.values()].sort((a, b) => (b.population || 0) - (a.population || 0));
  }, [res.data]);
  const submit = (e) => {
    e.preventDefault();
    setAsked(text);
  };
  return (
    <form class="net-search" onSubmit={submit} role="search">
      <div class="field">
        <label for="net-search-input">{t('network.searchLabel')}</label>
        <div class="inline-field">
          <input id="net-search-input" type="search" value={text} placeholder={t('network.searchHint')}
            aria-describedby="net-search-help" onInput={(e) => setText(e.currentTarget.value)} />
          <button type="submit" class="primary">{t('network.searchButton')}</button>
        </div>
        <span id="net-search-help" class="sub">{t('network.searchHelp')}</span>
      </div>
      {res.loading && asked && <Loading />}
      {res.error && <ErrorView error={res.error} onRetry={res.reload} />}
      {res.data && !choices.length && <p role="status">{t('network.noPlace', { text: asked })}</p>}
      {choices.length > 0 && (
        <>
          <p id="net-choices-title" class="sub" role="status">{t('network.choose', { n: fmt.number(choices.length) })}</p>
          <ul class="net-choices" aria-labelledby="net-choices-title">
            {choices.map((c) => (
              <li key={c.name + c.country}>
                <a href={placeHref(`${c.name}, ${c.country}`, depth, asked.trim())}>
                  <strong>{c.name}</strong> <span>{countryName(c.country, lang)}</span>
                  {c.population > 0 && <span class="sub">{t('network.population', { n: fmt.number(c.population) })}</span>}
                  {c.stored && <span class="sub">{t('network.stored')}</span>}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </form>
  );
}

const G = 640; // the graph's square, before the margins for labels
const GX = 150;

function EgoGraph({ ego, depth, lang }) {
  const { ring1, ties } = ego;
  const ring2 = depth > 1 ? ego.ring2 : [];
  const cx = G / 2;
  const cy = G / 2;
  const r1 = ring2.length ? G * 0.24 : G * 0.38;
  const r2 = G * 0.46;
  const pos = new Map();
  pos.set(ego.center.id, { x: cx, y: cy, ring: 0, node: ego.center });
  // The outer ring in the order of the partner each hangs from (its first one); each
  // partner gets an arc as wide as its share of the outer ring, and sits in its middle.
  const inRing2 = new Set(ring2.map((n) => n.id));
  const parentOf = new Map();
  const children = ring1.map(() => 0);
  ring1.forEach((n, i) => {
    for (const k of ties.get(n.id) || []) {
      if (inRing2.has(k) && !parentOf.has(k)) {
        parentOf.set(k, i);
        children[i]++;
      }
    }
  });
  const outer = [...ring2].sort((a, b) => (parentOf.get(a.id) ?? 1e9) - (parentOf.get(b.id) ?? 1e9));
  const orphans = outer.length - children.reduce((x, y) => x + y, 0);
  // Every partner gets at least half an even share, so that small ones do not crowd.
  const least = Math.max(1, Math.ceil(outer.length / Math.max(1, ring1.length) / 2));
  const slots = children.map((c) => Math.max(least, c));
  const total = slots.reduce((x, y) => x + y, 0) + orphans;
  const step = (2 * Math.PI) / Math.max(1, total);
  let at = -Math.PI / 2;
  ring1.forEach((n, i) => {
    const a = at + (slots[i] * step) / 2;
    at += slots[i] * step;
    pos.set(n.id, { x: cx + r1 * Math.cos(a), y: cy + r1 * Math.sin(a), a, ring: 1, node: n });
  });
  let slot = 0;
  outer.forEach((n) => {
    const parent = parentOf.get(n.id);
    // A partner without children of its own keeps its slot empty on the outer ring.
    while (parent !== undefined && slot < total && slotOwner(slot) !== parent) slot++;
    const a = -Math.PI / 2 + (slot + 0.5) * step;
    slot++;
    pos.set(n.id, { x: cx + r2 * Math.cos(a), y: cy + r2 * Math.sin(a), a, ring: 2, node: n });
  });
  function slotOwner(k) {
    let acc = 0;
    for (let i = 0; i < slots.length; i++) {
      acc += slots[i];
      if (k < acc) return i;
    }
    return -1;
  }
  const edges = [];
  const seen = new Set();
  const add = (a, b, cls) => {
    const k = a < b ? a + '\u0000' + b : b + '\u0000' + a;
    if (seen.has(k) || !pos.has(a) || !pos.has(b)) return;
    seen.add(k);
    edges.push({ a: pos.get(a), b: pos.get(b), cls, k });
  };
  for (const n of ring1) add(ego.center.id, n.id, 'ego-edge-1');
  for (const n of ring1) for (const k of ties.get(n.id) || []) add(n.id, k, pos.get(k)?.ring === 1 ? 'ego-edge-11' : 'ego-edge-2');
  const nodeName = (n) => t('network.nodeName', { name: n.name, country: countryName(n.country, lang), n: fmt.number(n.degree) });
  const showLabels1 = ring1.length <= 30;
  const label = (p) => {
    const right = Math.cos(p.a) >= 0;
    return { x: p.x + (right ? 9 : -9), y: p.y + 5, anchor: right ? 'start' : 'end' };
  };
  const scroller = useRef(null);
  useEffect(() => {
    const el = scroller.current;
    if (el && el.scrollWidth > el.clientWidth) el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
  }, []);
  const desc = t('network.graphDesc', { name: ego.center.name, nodes: fmt.number(ego.node_count), edges: fmt.number(ego.edge_count) });
  return (
    <figure class="chart ego-figure">
      <div class="map-scroll" ref={scroller}>
      <svg viewBox={`${-GX} 0 ${G + 2 * GX} ${G}`} class="ego-graph" role="group" aria-labelledby="ego-caption">
        <g aria-hidden="true">
          <circle cx={cx} cy={cy} r={r1} class="ego-ring" />
          {ring2.length > 0 && <circle cx={cx} cy={cy} r={r2} class="ego-ring" />}
          {edges.map((e) => <line key={e.k} x1={e.a.x} y1={e.a.y} x2={e.b.x} y2={e.b.y} class={'ego-edge ' + e.cls} />)}
        </g>
        {[...pos.values()].map((p) => {
          const n = p.node;
          const l = p.ring === 0 ? { x: p.x, y: p.y - 16, anchor: 'middle' } : label(p);
          const labelled = p.ring === 0 || (p.ring === 1 && showLabels1);
          const body = (
            <>
              <title>{nodeName(n)}</title>
              <circle cx={p.x} cy={p.y} r={p.ring === 0 ? 10 : p.ring === 1 ? 6 : 3.5} />
              <text x={l.x} y={l.y} text-anchor={l.anchor} class={labelled ? 'node-label' : 'node-label on-focus'}>{n.name}</text>
            </>
          );
          return p.ring === 0 ? (
            <g key={n.id} class="ego-node ring-0" tabindex="0" role="img" aria-label={nodeName(n)} data-node={n.id}>{body}</g>
          ) : (
            <a key={n.id} href={placeHref(n.id, depth)} class={'ego-node ring-' + p.ring} aria-label={nodeName(n)} data-node={n.id}>{body}</a>
          );
        })}
      </svg>
      </div>
      <figcaption id="ego-caption">
        {desc}
        <span class="sub">{t('network.graphHint')}</span>
        {edges.length < ego.edge_count && (
          <span class="sub">{t('network.edgesNotDrawn', { n: fmt.number(ego.edge_count - edges.length) })}</span>
        )}
      </figcaption>
      {ring2.length > 0 && (
        <details class="map-list">
          <summary>{t('network.ring2List', { n: fmt.number(ring2.length) })}</summary>
          <ul class="ring-list">
            {[...ring2].sort((a, b) => compareText(a.name, b.name, lang)).map((n) => (
              <li key={n.id}><a href={placeHref(n.id, depth)}>{n.name}</a> <span class="muted">({countryName(n.country, lang)})</span></li>
            ))}
          </ul>
        </details>
      )}
    </figure>
  );
}

function TiesTable({ ego, records, depth, lang }) {
  const rows = ego.ring1.map((n) => {
    const rec = records?.byPair.get(foldName(n.name) + '|' + n.country) || null;
    return { n, rec, condition: rec?.p.condition ?? null };
  });
  rows.sort((a, b) => (b.rec ? 1 : 0) - (a.rec ? 1 : 0) || compareText(a.n.name, b.n.name, lang));
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="ties-title">
      <table class="partnerships ties">
        <thead>
          <tr>
            <th scope="col">{t('network.partner')}</th>
            <th scope="col">{t('partnership.country')}</th>
            <th scope="col" class="num">{t('network.degree')}</th>
            <th scope="col">{t('regionMap.mou')}</th>
            <th scope="col">{t('regionMap.lastEvent')}</th>
            <th scope="col">{t('col.condition')}</th>
            <th scope="col">{t('network.record')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ n, rec, condition }) => (
            <tr key={n.id} data-node={n.id}>
              <th scope="row">
                <a href={placeHref(n.id, depth)}>{n.name}</a>
                <span class="sub">{t('network.explore')}</span>
              </th>
              <td data-label={t('partnership.country')}>{countryName(n.country, lang)}</td>
              <td class="num" data-label={t('network.degree')}>{fmt.number(n.degree)}</td>
              <td data-label={t('regionMap.mou')}>{rec ? (rec.p.mou_date ? fmt.date(rec.p.mou_date) : t('expiry.none')) : '–'}</td>
              <td data-label={t('regionMap.lastEvent')}>{rec?.p.last_date ? fmt.date(rec.p.last_date) : '–'}</td>
              <td data-label={t('col.condition')}>
                {rec ? <ConditionBadge condition={condition} /> : '–'}
              </td>
              <td data-label={t('network.record')}>
                {rec ? <a href={`/partnerships/${enc(rec.p.id)}`}>{t('network.openRecord')}</a> : <span class="muted">{t('network.noRecord')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function EgoView({ place, depth, q }) {
  const lang = useLanguage();
  const res = useResource((signal) => loadEgo(place, depth, signal), [place, depth]);
  const ego = res.data;
  const records = useResource((signal) => (ego ? loadRecords(ego.center, signal) : Promise.resolve(null)), [ego]);

  if (res.error) {
    return (
      <section class="card" aria-labelledby="error-title">
        {res.error.status === 404 ? (
          <p role="alert" id="error-title">{t('network.notInNetwork', { place })}</p>
        ) : (
          <ErrorView error={res.error} onRetry={res.reload} />
        )}
      </section>
    );
  }
  if (!ego) return <Loading />;
  const c = ego.center;
  const { ring1 } = ego;
  const centre = ego.nodes[0];
  const points = [
    { id: c.id, name: c.name, lat: centre?.lat, lon: centre?.lon, role: 'home' },
    ...ring1.map((n) => {
      const rec = records.data?.byPair.get(foldName(n.name) + '|' + n.country);
      const lat = n.lat ?? rec?.other.lat;
      const lon = n.lon ?? rec?.other.lon;
      return { id: n.id, name: n.name, lat, lon, role: 'other', href: placeHref(n.id, depth), detail: countryName(n.country, lang) };
    }),
  ];
  const lines = ring1.map((n) => {
    const rec = records.data?.byPair.get(foldName(n.name) + '|' + n.country);
    const cls = rec ? 'cond-' + (rec.p.condition || 'none') : 'no-record';
    return { id: n.id, from: c.id, to: n.id, className: cls };
  });
  const present = new Set(lines.map((l) => l.className));
  const legend = [
    ...['active', 'at_risk', 'dormant', 'ended', 'not_in_force', 'unknown', 'none']
      .filter((k) => present.has('cond-' + k))
      .map((k) => ({ className: 'cond-' + k, label: t('network.legendRecord', { condition: k === 'none' ? t('dashboard.notAssessed') : label('condition', k) }) })),
    ...(present.has('no-record') ? [{ className: 'no-record', label: t('network.legendNoRecord') }] : []),
  ];
  const placed = ego.nodes.some((n) => typeof n.lat === 'number');
  return (
    <>
      <section class="card" aria-labelledby="ego-title">
        <h2 id="ego-title">{t('network.egoTitle', { name: c.name, country: countryName(c.country, lang) })}</h2>
        <p class="lead">
          {t('network.summary', { n: fmt.number(c.degree), nodes: fmt.number(ego.node_count), edges: fmt.number(ego.edge_count), depth: fmt.number(ego.depth) })}
        </p>
        <div class="field depth-field">
          <label for="net-depth">{t('network.depth')}</label>
          <select id="net-depth" value={String(depth)} onChange={(e) => navigate(placeHref(place, e.currentTarget.value, q), { replace: true })}>
            <option value="1">{t('network.depth1')}</option>
            <option value="2">{t('network.depth2')}</option>
          </select>
        </div>
        {records.data && (
          <p>
            {t('network.storedRegion')}{' '}
            <a href={`/regions/${enc(records.data.region.id)}`}>{regionName(records.data.region, lang)}</a>
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="ties-map-title">
        <h2 id="ties-map-title">{t('network.mapTitle')}</h2>
        {!placed && <p class="notice">{t('network.noCoordinates')}</p>}
        <LazyWorldMap
          idPrefix="ties-map"
          points={points}
          lines={lines}
          legend={legend}
          title={t('network.mapDesc', { name: c.name, n: fmt.number(ring1.length) })}
          description={t('maps.lineHint')}
          listTitle={t('maps.listTitle')}
        />
      </section>
      <section class="card" aria-labelledby="graph-title">
        <h2 id="graph-title">{t('network.graphTitle')}</h2>
        <EgoGraph ego={ego} depth={depth} lang={lang} />
      </section>
      <section class="card" aria-labelledby="ties-title">
        <h2 id="ties-title">{t('network.tiesTitle', { n: fmt.number(ring1.length) })}</h2>
        <p class="muted">{t('network.tiesDesc')}</p>
        {records.loading && <Loading />}
        <TiesTable ego={ego} records={records.data} depth={depth} lang={lang} />
      </section>
    </>
  );
}

function Stats({ lang }) {
  const res = useResource((signal) => api.get('/api/network/stats', null, { signal }), []);
  const s = res.data;
  return (
    <section class="card" aria-labelledby="stats-title">
      <h2 id="stats-title">{t('network.statsTitle')}</h2>
      {res.loading && !s && <Loading />}
      {res.error && <ErrorView error={res.error} onRetry={res.reload} />}
      {s && (
        <>
          <dl class="facts stats-facts">
            <dt>{t('network.nodes')}</dt><dd data-stat="nodes">{fmt.number(s.nodes)}</dd>
            <dt>{t('network.edges')}</dt><dd data-stat="edges">{fmt.number(s.edges)}</dd>
            <dt>{t('network.components')}</dt><dd data-stat="components">{fmt.number(s.components)}</dd>
            <dt>{t('network.largest')}</dt>
            <dd data-stat="largest_component">{t('network.largestValue', { n: fmt.number(s.largest_component), share: fmt.percent(s.largest_component / s.nodes) })}</dd>
            <dt>{t('network.meanDegree')}</dt><dd>{fmt.number(s.mean_degree)}</dd>
            <dt>{t('network.maxDegree')}</dt><dd>{fmt.number(s.max_degree)}</dd>
            {s.clustering && <dt>{t('network.transitivity')}</dt>}
            {s.clustering && <dd>{fmt.number(s.clustering.transitivity, { maximumFractionDigits: 3 })}</dd>}
            {s.assortativity != null && <dt>{t('network.assortativity')}</dt>}
            {s.assortativity != null && <dd>{fmt.number(s.assortativity, { maximumFractionDigits: 3, signDisplay: 'exceptZero' })}</dd>}
            {s.largest_component_distances && <dt>{t('network.meanDistance')}</dt>}
            {s.largest_component_distances && <dd>{fmt.number(s.largest_component_distances.mean_distance)}</dd>}
            {s.largest_component_distances && <dt>{t('network.diameter')}</dt>}
            {s.largest_component_distances && (
              <dd>{(s.largest_component_distances.diameter_is_lower_bound ? '≥ ' : '') + fmt.number(s.largest_component_distances.diameter)}</dd>
            )}
            {s.geographic_distance && <dt>{t('network.medianKm')}</dt>}
            {s.geographic_distance && <dd>{fmt.unit(s.geographic_distance.median_km, 'kilometer')}</dd>}
            {s.geographic_distance && <dt>{t('network.domestic')}</dt>}
            {s.geographic_distance && <dd>{fmt.percent(s.geographic_distance.share_same_country)}</dd>}
          </dl>
          {s.top_hubs?.by_degree?.length > 0 && (
            <>
              <h3>{t('network.hubs')}</h3>
              <ol class="hubs">
                {s.top_hubs.by_degree.slice(0, 10).map((h) => (
                  <li key={h.id}>
                    <a href={placeHref(h.id, 1)}>{h.name}</a> <span class="muted">({countryName(h.country, lang)}, {t('network.partnersCount', { n: fmt.number(h.degree) })})</span>
                  </li>
                ))}
              </ol>
            </>
          )}
          {s.attribution && <p class="source"><span>{t('partnership.source')}:</span> {s.attribution}</p>}
        </>
      )}
    </section>
  );
}

function Exports({ country, lang }) {
  const formats = [['gexf', 'GEXF (Gephi)'], ['graphml', 'GraphML (yEd, Cytoscape, NetworkX)'], ['geojson', 'GeoJSON (QGIS)']];
  return (
    <section class="card" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('network.exportTitle')}</h2>
      <p class="muted">{t('network.exportDesc')}</p>
      <ul class="exports">
        {formats.map(([f, name]) => (
          <li key={f}>
            <a href={`/api/network/export?format=${f}`} download>{t('network.exportAll', { format: name })}</a>
            {country && (
              <>
                {' · '}
                <a href={`/api/network/export?format=${f}&country=${enc(country)}`} download>
                  {t('network.exportCountry', { country: countryName(country, lang) })}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default function Network() {
  const lang = useLanguage();
  const { query } = useLocation();
  const place = query.get('place') || '';
  const depth = query.get('depth') === '2' ? 2 : 1;
  const q = query.get('q') || '';
  const cc = isKey(place) ? place.slice(0, 2) : /,\s*([A-Za-z]{2})$/.exec(place)?.[1]?.toUpperCase();
  usePageTitle(t('network.title'));
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('network.title')}</h1>
      <p class="lead">{t('network.intro')}</p>
      <section class="card" aria-labelledby="net-search-title">
        <h2 id="net-search-title">{t('network.searchTitle')}</h2>
        <SearchBox key={place + '|' + q} initial={q || (isKey(place) ? '' : place.replace(/,\s*[A-Za-z]{2}$/, ''))} depth={depth} chosen={!!place} />
      </section>
      {place && <EgoView key={place + depth} place={place} depth={depth} q={q} />}
      <Stats lang={lang} />
      <Exports country={cc} lang={lang} />
    </>
  );
}
