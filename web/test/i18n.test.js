// The catalogues (src/i18n/id.js, en.js) and the formatting helpers. Run with
// `node --test test/i18n.test.js` from web/ (ctest: web_i18n_test); needs no packages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import en from '../src/i18n/en.js';
import id from '../src/i18n/id.js';
import { chooseLanguage, translate } from '../src/i18n/index.js';
import { dateToYear, formatDate, formatNumber, formatUnit } from '../src/i18n/format.js';

const here = dirname(fileURLToPath(import.meta.url));

// Strings that are the same in both languages because they are proper names.
// File formats are named as their makers name them.
const PROPER_NAMES = new Set(['app.name', 'lang.id', 'lang.en', 'reports.format.pdf', 'reports.format.xlsx', 'reports.format.html', 'reports.format.md']);

test('both languages have exactly the same keys', () => {
  const onlyEn = Object.keys(en).filter((k) => !(k in id));
  const onlyId = Object.keys(id).filter((k) => !(k in en));
  assert.deepEqual(onlyEn, [], 'keys missing from id.js');
  assert.deepEqual(onlyId, [], 'keys missing from en.js');
});

test('no string is empty', () => {
  for (const [name, cat] of [['en', en], ['id', id]]) {
    for (const [k, v] of Object.entries(cat)) {
      assert.equal(typeof v, 'string', `${name}: ${k} is not a string`);
      assert.notEqual(v.trim(), '', `${name}: ${k} is empty`);
    }
  }
});

test('Indonesian differs from English except for proper names', () => {
  const same = Object.keys(en).filter((k) => en[k] === id[k] && !PROPER_NAMES.has(k));
  assert.deepEqual(same, [], 'untranslated strings');
});

test('both languages use the same placeholders', () => {
  const names = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const k of Object.keys(en)) {
    assert.deepEqual(names(id[k]), names(en[k]), `placeholders of ${k}`);
  }
});

test('every key the code uses is in the catalogue', () => {
  // t('...') calls with literal keys in src/, and the groups label() reads.
  const files = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(js|jsx)$/.test(f) && !p.includes('i18n')) files.push(p);
    }
  };
  walk(join(here, '..', 'src'));
  const missing = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([\w.]+)'\s*[,)]/g)) {
      if (!(m[1] in en)) missing.push(`${f}: ${m[1]}`);
    }
    // label('group', value) and t('group.' + value): the group has entries.
    for (const m of text.matchAll(/\b(?:label\(\s*'(\w+)'|t\(\s*'(\w+)\.'\s*\+)/g)) {
      const group = m[1] || m[2];
      if (!Object.keys(en).some((k) => k.startsWith(group + '.'))) missing.push(`${f}: ${group}.*`);
    }
  }
  assert.deepEqual(missing, []);
});

test('dates as Indonesian and English write them', () => {
  assert.equal(formatDate('2018-03-19', 'id'), '19 Maret 2018');
  assert.equal(formatDate('2018-03-19', 'en'), '19 March 2018');
  assert.equal(formatDate('2018-03', 'id'), 'Maret 2018');
  assert.equal(formatDate('2014', 'id'), '2014');
  assert.equal(formatDate('1995/2013', 'id'), '1995–2013');
  assert.equal(formatDate('2020-12-31', 'id'), '31 Desember 2020');
  assert.equal(formatDate('not a date', 'id'), 'not a date');
  assert.ok(dateToYear('2018-03-19') > 2018.2 && dateToYear('2018-03-19') < 2018.22);
});

test('numbers as Indonesian and English write them', () => {
  assert.equal(formatNumber(0.29, 'id'), '0,29');
  assert.equal(formatNumber(0.29, 'en'), '0.29');
  assert.equal(formatNumber(12342, 'id'), '12.342');
  assert.equal(formatNumber(12342, 'en'), '12,342');
  assert.equal(formatUnit(12342, 'kilometer', 'id'), '12.342 km');
});

test('placeholders are filled and the language defaults from the browser', () => {
  assert.equal(translate('id', 'dashboard.count', { n: 3 }), 'Jumlah kemitraan: 3');
  assert.equal(chooseLanguage(null, ['id-ID', 'en-US']), 'id');
  assert.equal(chooseLanguage(null, ['en-US']), 'en');
  assert.equal(chooseLanguage('en', ['id-ID']), 'en');
  assert.equal(chooseLanguage(null, []), 'id');
});
