// Data helpers of the map pages (the region's partners, the network explorer, the
// partner finder): name matching and the great circle. The API gives the coordinates
// itself (regions' and parties' `lat`/`lon`, the ego network's nodes, the finder's
// candidates), so no page reads a dossier export or a network export for them.
// No d3 here: this module goes into the pages' chunks, not the map chunk.

// "Kōchi" and "KOCHI" → "kochi": names compared without case and diacritics.
export function foldName(s) {
  return String(s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

// The great-circle distance in km on the mean-radius sphere (the map shows the same
// great circle); the assessment's ellipsoidal distance is preferred where there is one.
export function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const hasCoordinates = (p) => typeof p?.lat === 'number' && typeof p?.lon === 'number';

export const LINE_CONDITIONS = ['active', 'at_risk', 'dormant', 'ended', 'not_in_force', 'unknown'];
