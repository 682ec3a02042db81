// Dates and numbers in the reader's language, with Intl. Pure functions (no DOM),
// so test/i18n.test.js runs them under Node.
//
// Dossier dates are intervals (docs/dossier-v1.md): "2018" (any day of 2018),
// "2018-03" (any day of March 2018), "2018-03-19", or a period "1995/2013".

const LOCALES = { id: 'id-ID', en: 'en-GB' };

export function localeOf(lang) {
  return LOCALES[lang] || LOCALES.en;
}

const cache = new Map();
function cached(kind, lang, options, make) {
  const key = kind + '|' + lang + '|' + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = make(localeOf(lang), options);
    cache.set(key, f);
  }
  return f;
}

function dateFormat(lang, options) {
  return cached('d', lang, options, (l, o) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...o }));
}

// One point of a dossier date: "2018", "2018-03" or "2018-03-19"; null when malformed.
function formatPoint(text, lang) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (!mo) return y;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, d ? Number(d) : 1));
  if (!d) return dateFormat(lang, { month: 'long', year: 'numeric' }).format(date);
  return dateFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

// "2018-03-19" → "19 Maret 2018" (id) / "19 March 2018" (en); "2018-03" → "Maret 2018";
// "1995/2013" → "1995–2013"; anything else is returned unchanged.
export function formatDate(text, lang) {
  if (text == null || text === '') return '';
  const s = String(text);
  const parts = s.split('/');
  if (parts.length === 2) {
    const a = formatPoint(parts[0], lang);
    const b = formatPoint(parts[1], lang);
    if (a && b) return a + '–' + b;
    return s;
  }
  return formatPoint(s, lang) ?? s;
}

// Seconds since the epoch (the API's created_at, expires_at) or an ISO 8601 time
// (the change log's "at") → "19 Maret 2018 14.05", in the reader's time zone.
export function formatTimestamp(value, lang) {
  let date;
  if (typeof value === 'number') date = new Date(value * 1000);
  else if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) date = new Date(value);
  else return value == null ? '' : String(value);
  return cached('t', lang, {}, (l) => new Intl.DateTimeFormat(l, {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit',
  })).format(date);
}

// 0.29 → "0,29" (id) / "0.29" (en); 12342 → "12.342" / "12,342".
export function formatNumber(value, lang, options = { maximumFractionDigits: 2 }) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return cached('n', lang, options, (l, o) => new Intl.NumberFormat(l, o)).format(value);
}

// 0.4473 → "45%" (en) / "45%" (id).
export function formatPercent(share, lang) {
  return formatNumber(share, lang, { style: 'percent', maximumFractionDigits: 0 });
}

// A value with a unit Intl knows: formatUnit(12342, 'kilometer', 'id') → "12.342 km".
export function formatUnit(value, unit, lang) {
  return formatNumber(value, lang, { style: 'unit', unit, maximumFractionDigits: 0 });
}

// Sorts strings as the reader's language does.
export function compareText(a, b, lang) {
  return cached('c', lang, {}, (l) => new Intl.Collator(l, { sensitivity: 'base' })).compare(a, b);
}

// The position of a dossier date on a time axis: the middle of its interval, in
// fractional years ("2018" → 2018.5, "2018-03-19" → 2018.21...); NaN when malformed.
export function dateToYear(text) {
  const s = String(text ?? '');
  const parts = s.split('/');
  if (parts.length === 2) return (dateToYear(parts[0]) + dateToYear(parts[1])) / 2;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return NaN;
  const y = Number(m[1]);
  if (!m[2]) return y + 0.5;
  const month = Number(m[2]) - 1;
  if (!m[3]) return y + (month + 0.5) / 12;
  return y + (month + (Number(m[3]) - 0.5) / 31) / 12;
}
