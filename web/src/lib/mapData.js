// Data helpers of the map pages (the region's partners, the network explorer, the
// partner finder): where coordinates come from, name matching, a small work queue.
// No d3 here: this module goes into the pages' chunks, not the map chunk.
import { fetchAssessment } from '../pages/assessment.js';
import { api, ApiError, enc } from './api.js';

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

// The stored regions with their coordinates: GET /api/regions/{id} has none, the
// dossier export of the region (GET /api/export?region=) has every party's lat/lon.
export async function regionDossier(id, signal) {
  const doc = await api.get('/api/export', { region: id }, { signal });
  const regions = new Map();
  for (const r of doc?.regions || []) regions.set(r.id, r);
  return { regions, partnerships: doc?.partnerships || [] };
}

// The twin-city network's places of one country with their coordinates, and their
// ties (GET /api/network/export?format=graphml&country=CC: the country's places, all
// their ties and the partners at the other end). Kept for the tab's life.
const countryCache = new Map();

function parseGraphMl(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const byNodeId = new Map();
  const byKey = new Map();
  const byName = new Map();
  for (const n of doc.getElementsByTagName('node')) {
    const d = {};
    for (const x of n.getElementsByTagName('data')) d[x.getAttribute('key')] = x.textContent;
    const place = { key: d.key, name: d.name, country: d.country, lat: Number(d.lat), lon: Number(d.lon), degree: Number(d.degree) };
    if (!Number.isFinite(place.lat) || !Number.isFinite(place.lon) || d.lat === undefined || d.lon === undefined) {
      place.lat = undefined;
      place.lon = undefined;
    }
    byNodeId.set(n.getAttribute('id'), place);
    byKey.set(place.key, place);
    byName.set(foldName(place.name) + '|' + place.country, place);
  }
  const ties = [];
  for (const e of doc.getElementsByTagName('edge')) {
    const a = byNodeId.get(e.getAttribute('source'));
    const b = byNodeId.get(e.getAttribute('target'));
    if (a && b) ties.push([a.key, b.key]);
  }
  return { byKey, byName, ties };
}

export function networkCountry(cc) {
  const code = String(cc || '').toUpperCase();
  let p = countryCache.get(code);
  if (!p) {
    const path = '/api/network/export';
    p = fetch(`${path}?format=graphml&country=${enc(code)}`, { credentials: 'same-origin' })
      .then(async (r) => {
        if (!r.ok) throw new ApiError(r.status, await r.json().catch(() => null), path);
        return parseGraphMl(await r.text());
      })
      .catch((e) => {
        countryCache.delete(code);
        throw e;
      });
    countryCache.set(code, p);
  }
  return p;
}

// A place of the network by name and country, or null.
export async function findNetworkPlace(name, cc) {
  try {
    const g = await networkCountry(cc);
    return g.byName.get(foldName(name) + '|' + String(cc).toUpperCase()) || null;
  } catch {
    return null;
  }
}

// Runs f over the items, `n` at a time; onProgress(done, total) after each.
export async function eachLimit(items, n, f, { onProgress, signal } = {}) {
  const queue = items.map((it, i) => [it, i]);
  const results = new Array(items.length);
  let done = 0;
  async function worker() {
    while (queue.length && !signal?.aborted) {
      const [it, i] = queue.shift();
      try {
        results[i] = await f(it, signal);
      } catch (e) {
        if (e?.name === 'AbortError') return;
        results[i] = { error: e };
      }
      done++;
      if (!signal?.aborted) onProgress?.(done, items.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return results;
}

// The condition and the distance of each partnership (its assessment), four at a time.
export async function assessAll(ids, { onProgress, signal } = {}) {
  const out = {};
  const results = await eachLimit(ids, 4, (id, s) => fetchAssessment(id, s), { onProgress, signal });
  ids.forEach((id, i) => {
    const a = results[i];
    out[id] = a && !a.error ? a : null;
  });
  return out;
}

export const LINE_CONDITIONS = ['active', 'at_risk', 'dormant', 'ended', 'not_in_force', 'unknown'];
