// Writes data/reference/country_languages.csv from world-countries (ODbL 1.0): each
// country's official languages (ISO 639-3), whether it is landlocked, and its UN
// subregion ("South-Eastern Asia"), for the partner finder's "shared language"
// feature, its port flag and its regional country prior. Run from tools/gazetteer after
// `npm ci`:  node country_languages.mjs ../../data/reference/country_languages.csv
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const rows = require('world-countries')
  .filter((c) => /^[A-Z]{2}$/.test(c.cca2))
  .map((c) => [
    c.cca2,
    Object.keys(c.languages || {}).sort().join(';'),
    c.landlocked ? 1 : 0,
    c.subregion || c.region || '',
  ])
  .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const out = ['iso,languages,landlocked,subregion', ...rows.map((r) => r.join(','))].join('\n') + '\n';
writeFileSync(process.argv[2] || 'country_languages.csv', out);
console.error(`${rows.length} countries`);
