// Record keeping (issue 12, forms): who may write a partnership, the dossier-v1
// vocabularies the forms offer, and where a refused write's problems belong.
// The server decides in the end (403, 409, 400 with `field`/`problems`); this only
// keeps the controls away from users who could not use them.

// An admin, or an editor keeping one of the partnership's parties (docs/api.md).
export function canWrite(user, partnership) {
  if (!user) return false;
  if (user.role === 'admin') return true;
  if (user.role !== 'editor') return false;
  if (!partnership) return true; // creating: the server checks the parties
  const regions = user.regions || [];
  return (partnership.parties || []).some((p) => regions.includes(p));
}

// An admin, or an editor keeping the region itself (its partner-wanted profile).
export function canWriteRegion(user, regionId) {
  if (!user) return false;
  if (user.role === 'admin') return true;
  return user.role === 'editor' && (user.regions || []).includes(regionId);
}

export function canEditAny(user) {
  return user?.role === 'admin' || user?.role === 'editor';
}

// docs/dossier-v1.md, "Vocabularies" and "Event types".
export const KINDS = ['sister_city', 'sister_province', 'institution'];
export const FIELDS = [
  'port_logistics', 'education', 'science_technology', 'culture', 'tourism', 'environment',
  'economy_trade', 'investment', 'creative_economy', 'smart_city', 'human_resources', 'sports',
  'urban_planning', 'infrastructure', 'e_government', 'agriculture', 'flood_management', 'smes',
  'health', 'youth', 'governance', 'other',
];
export const SECTORS = [
  'local_government', 'parliament', 'central_government', 'embassy', 'academia', 'school',
  'business', 'ngo', 'community', 'civil_society', 'media', 'sports_club', 'other',
];
export const OUTCOMES = ['approved', 'rejected', 'pending'];
export const BUDGET_SOURCES = ['apbd', 'apbn', 'partner', 'csr', 'other'];
export const SMART_DIMENSIONS = ['economy', 'environment', 'governance', 'living', 'mobility', 'people'];
export const POLICY_LEVELS = ['local', 'national', 'global'];
export const SHOCK_KINDS = ['pandemic', 'disaster', 'economic_crisis', 'conflict', 'other'];

// Today in the reader's own calendar (the officer's "today"), as YYYY-MM-DD.
export function today(now = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

// A problem's path as segments. The server writes `event.date`,
// `partnership.parties[1]`, `partnerships[0].events[0].date`; JSON Pointers
// (`/events/0/date`) are read too.
export function pathSegments(path) {
  if (!path) return [];
  const s = String(path);
  if (s.startsWith('/')) {
    return s.slice(1).split('/').map((x) => x.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return s.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
}

// "partnerships[0].events[0].date" as the reader sees it in a list of problems.
export function displayPath(path) {
  return path || '/';
}

// The problems of a refused write: `problems` when the server listed them, else the
// one `field` with its message (without the "field: " the message starts with).
export function problemsOf(error) {
  if (error?.problems?.length) return error.problems.map((p) => ({ path: p.path || '', message: p.message || '' }));
  let message = error?.message || '';
  const field = error?.field || '';
  if (field && message.startsWith(field + ': ')) message = message.slice(field.length + 2);
  return [{ path: field, message }];
}

// Sorts a refused write's problems onto a form's fields. `keys` are the form's field
// keys in their order on screen ('date', 'parties.1', 'budget.amount', 'events.0.date');
// `roots` the leading segments naming the record itself ('event', 'partnership',
// 'partnerships' and 'events' with their index), stripped first.
// Answers {fields: {key: message}, general: [{path, message}], first: key|null}.
export function placeProblems(error, keys, roots = []) {
  const fields = {};
  const general = [];
  for (const p of problemsOf(error)) {
    let segs = pathSegments(p.path);
    while (segs.length && roots.includes(segs[0])) {
      const plural = segs[0].endsWith('s'); // 'partnerships', 0: one of a document's
      segs = segs.slice(1);
      if (plural && /^\d+$/.test(segs[0] || '')) segs = segs.slice(1);
    }
    let key = null;
    for (let n = segs.length; n > 0 && !key; n--) {
      const k = segs.slice(0, n).join('.');
      if (keys.includes(k)) key = k;
    }
    if (key) fields[key] = fields[key] ? fields[key] + ' ' + p.message : p.message;
    else general.push(p);
  }
  const first = keys.find((k) => k in fields) || null;
  return { fields, general, first };
}

// What kind of refusal a write met: 'conflict' (409: someone else changed the record
// first), 'forbidden' (403), 'invalid' (400 with problems), 'missing' (404), 'other'.
export function refusalOf(error) {
  if (error?.status === 409 || error?.code === 'conflict') return 'conflict';
  if (error?.status === 403) return 'forbidden';
  if (error?.status === 400) return 'invalid';
  if (error?.status === 404) return 'missing';
  return 'other';
}

// The lines of a textarea as a list (empty lines dropped); a list as lines.
export function linesOf(text) {
  return String(text || '').split('\n').map((s) => s.trim()).filter(Boolean);
}

// A number field's text as the JSON value: a number when it reads as one, else the
// text itself (the server names the problem: "must be a whole number").
export function numberOf(text) {
  const s = String(text ?? '').trim();
  if (s === '') return undefined;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : s;
}

// An id for a new partnership from its parties' names: "surabaya-busan".
export function suggestId(home, partner) {
  const slug = (r) => String(r?.name || r?.id || '')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase().replace(/^(kota|kabupaten|provinsi)\s+/, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const a = slug(home);
  const b = slug(partner);
  return a && b ? `${a}-${b}` : '';
}
