// Region names in the reader's language: the dossier's `names` map, else `name`.
export function regionName(region, lang, fallbackId) {
  if (!region) return fallbackId || '';
  return region.names?.[lang] || region.name || region.id || fallbackId || '';
}

let displayNames = new Map();
// "GB" → "Britania Raya" / "United Kingdom".
export function countryName(code, lang) {
  if (!code) return '';
  try {
    let d = displayNames.get(lang);
    if (!d) {
      d = new Intl.DisplayNames([lang === 'id' ? 'id-ID' : 'en-GB'], { type: 'region' });
      displayNames.set(lang, d);
    }
    return d.of(String(code).toUpperCase()) || code;
  } catch {
    return code;
  }
}
