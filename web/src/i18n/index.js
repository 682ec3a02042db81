// The catalogues and the current language. No DOM access at import time, so Node
// tests can import it; the browser's choice (localStorage, navigator.language) is read
// by initialLanguage().
import en from './en.js';
import id from './id.js';
import { formatDate, formatNumber, formatPercent, formatTimestamp, formatUnit } from './format.js';

export const CATALOGUES = { id, en };
export const LANGUAGES = ['id', 'en'];
const STORAGE_KEY = 'kembar.lang';

let current = 'id';
const listeners = new Set();

export function language() {
  return current;
}

// Fills "{name}" placeholders; an unknown key shows itself (and is caught by the tests).
export function translate(lang, key, params) {
  const text = CATALOGUES[lang]?.[key] ?? CATALOGUES.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

export function t(key, params) {
  return translate(current, key, params);
}

// The label of a vocabulary value ("condition", "active") or the raw value when the
// catalogue has none (a code the server added later).
export function label(group, value) {
  const key = group + '.' + value;
  return key in CATALOGUES[current] ? CATALOGUES[current][key] : String(value ?? '');
}

export function chooseLanguage(stored, navigatorLanguages) {
  if (LANGUAGES.includes(stored)) return stored;
  for (const l of navigatorLanguages || []) {
    const base = String(l).toLowerCase().split('-')[0];
    if (base === 'id' || base === 'in' || base === 'ms') return 'id';
    if (base === 'en') return 'en';
  }
  return 'id';
}

export function initialLanguage() {
  let stored = null;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  } catch {
    // storage disabled: fall back to the browser's language
  }
  const nav = globalThis.navigator;
  return chooseLanguage(stored, nav ? (nav.languages?.length ? nav.languages : [nav.language]) : []);
}

export function setLanguage(lang, { remember = true } = {}) {
  if (!LANGUAGES.includes(lang)) return;
  current = lang;
  if (remember) {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // not remembered on this device; the profile still is
    }
  }
  if (globalThis.document) globalThis.document.documentElement.lang = lang;
  for (const f of listeners) f(lang);
}

export function onLanguageChange(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}

// Formatting in the current language.
export const fmt = {
  date: (text) => formatDate(text, current),
  timestamp: (s) => formatTimestamp(s, current),
  number: (v, o) => formatNumber(v, current, o),
  percent: (v) => formatPercent(v, current),
  unit: (v, u) => formatUnit(v, u, current),
};
