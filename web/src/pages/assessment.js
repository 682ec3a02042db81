// Reading the assessment the API returns for a partnership
// (GET /api/partnerships/{id}/assessment, the kembar-assessment/2 contract of
// docs/assessment-v2.md): the whole document or the partnership's object alone.
import { api, enc } from '../lib/api.js';

export function assessmentOf(data) {
  if (!data) return null;
  if (Array.isArray(data.partnerships)) {
    const p = data.partnerships[0];
    return p ? { as_of: data.as_of, ...p } : null;
  }
  if (data.assessment) return { as_of: data.as_of, ...data.assessment };
  return data;
}

// null when the server has no assessment endpoint yet (404 for the route itself).
export async function fetchAssessment(id, signal) {
  try {
    return assessmentOf(await api.get(`/api/partnerships/${enc(id)}/assessment`, null, { signal }));
  } catch (e) {
    if (e.status === 404 || e.status === 405 || e.status === 501) return null;
    throw e;
  }
}
