// A stand-in for `kembar serve` until it serves the app: the built dist/ with the
// server's security headers and SPA fallback, and the API paths this slice of the web
// app uses (session, me, partnerships, assessment), answered from a dossier and an
// assessment document in the API's shapes (src/server/service/). No packages needed.
//
//   node mock-api.mjs --dist DIR --dossier FILE [--assessment FILE] [--todo FILE] [--history FILE] [--port 8091]
//
// Users: surabaya-editor (editor of id-surabaya) and kementerian (viewer, every region),
// both with the password "kata-sandi-uji".
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const dist = args.dist;
const dossier = JSON.parse(readFileSync(args.dossier, 'utf8'));
const assessment = args.assessment ? JSON.parse(readFileSync(args.assessment, 'utf8')) : null;
const port = Number(args.port || 8091);

const USERS = {
  'surabaya-editor': { name: 'surabaya-editor', role: 'editor', regions: ['id-surabaya'], language: null, disabled: false, created_at: 1764000000 },
  kementerian: { name: 'kementerian', role: 'viewer', regions: [], language: null, disabled: false, created_at: 1764000000 },
};
const PASSWORD = 'kata-sandi-uji';
const sessions = new Map(); // token -> {user, csrf}

const regions = new Map(dossier.regions.map((r) => [r.id, r]));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.json': 'application/json' };

function send(res, status, body, headers = {}) {
  const h = {
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    ...headers,
  };
  if (body === null) {
    res.writeHead(status, h);
    return res.end();
  }
  if (typeof body === 'object' && !Buffer.isBuffer(body)) {
    h['Content-Type'] = 'application/json';
    h['Cache-Control'] = 'no-store';
    body = JSON.stringify(body);
  }
  res.writeHead(status, h);
  res.end(body);
}
const error = (res, status, code, message, path, field) =>
  send(res, status, { code, message, path, ...(field ? { field } : {}) });

function summary(p) {
  const [home, partner] = p.parties.map((id) => regions.get(id) || { id, name: id });
  const dates = (p.events || []).map((e) => e.date).sort();
  const mou = (p.events || []).filter((e) => e.type === 'mou_signed').map((e) => e.date).sort();
  return {
    id: p.id, kind: p.kind,
    home: { id: home.id, name: home.name },
    partner: { id: partner.id, name: partner.name, country: partner.country },
    first_date: dates[0] ?? null, mou_date: mou[0] ?? null, last_date: dates.at(-1) ?? null,
    events: (p.events || []).length,
  };
}

function auth(req) {
  const cookie = (req.headers.cookie || '').split(/;\s*/).find((c) => c.startsWith('kembar_session='));
  const token = cookie?.slice('kembar_session='.length) || (req.headers.authorization || '').replace(/^Bearer /, '');
  return sessions.get(token) ? { token, ...sessions.get(token) } : null;
}

async function body(req) {
  let text = '';
  for await (const chunk of req) text += chunk;
  try {
    return JSON.parse(text || 'null');
  } catch {
    return undefined;
  }
}

async function api(req, res, url) {
  const path = url.pathname;
  if (path === '/api/health') return send(res, 200, { status: 'ok' });
  if (path === '/api/session' && req.method === 'POST') {
    const b = await body(req);
    const user = USERS[b?.username];
    if (!user || b.password !== PASSWORD) return error(res, 401, 'unauthorized', 'wrong user name or password', path);
    const token = randomBytes(16).toString('hex');
    const csrf = randomBytes(16).toString('hex');
    sessions.set(token, { user, csrf });
    return send(res, 200, { token, csrf, expires_at: Math.floor(Date.now() / 1000) + 3600, user },
      { 'Set-Cookie': `kembar_session=${token}; Path=/; HttpOnly; SameSite=Strict` });
  }
  const a = auth(req);
  if (!a) return error(res, 401, 'unauthorized', 'log in first (POST /api/session)', path);
  if (req.method !== 'GET' && req.headers['x-csrf-token'] !== a.csrf) {
    return error(res, 403, 'csrf_failed', 'the X-CSRF-Token header is missing or wrong', path);
  }
  if (path === '/api/session' && req.method === 'DELETE') {
    sessions.delete(a.token);
    return send(res, 204, null, { 'Set-Cookie': 'kembar_session=; Path=/; Max-Age=0' });
  }
  if (path === '/api/me' && req.method === 'GET') return send(res, 200, { user: a.user, credential: 'session', expires_at: null });
  if (path === '/api/me' && req.method === 'PUT') {
    const b = await body(req);
    if (!['id', 'en'].includes(b?.language)) return error(res, 400, 'invalid_input', '"language" is "id" or "en"', path, 'language');
    a.user.language = b.language;
    return send(res, 200, { user: a.user });
  }
  if (path === '/api/partnerships' && req.method === 'GET') {
    const region = url.searchParams.get('region');
    const page = Number(url.searchParams.get('page') || 1);
    const per = Number(url.searchParams.get('per_page') || 50);
    const text = (url.searchParams.get('text') || '').toLowerCase();
    let items = dossier.partnerships.filter((p) => !region || p.parties.includes(region)).map(summary)
      .filter((s) => !text || [s.id, s.home.id, s.home.name, s.partner.id, s.partner.name, s.partner.country]
        .some((f) => String(f).toLowerCase().includes(text)));
    const total = items.length;
    items = items.slice((page - 1) * per, page * per);
    return send(res, 200, { items, total, page, per_page: per });
  }
  if (path === '/api/todo' && req.method === 'GET' && args.todo) {
    const todo = JSON.parse(readFileSync(args.todo, 'utf8'));
    const region = url.searchParams.get('region');
    return send(res, 200, { ...todo, items: todo.items.filter((it) => !region || it.parties.includes(region)) });
  }
  const hm = /^\/api\/partnerships\/([^/]+)\/history$/.exec(path);
  if (hm && req.method === 'GET' && args.history) {
    const id = decodeURIComponent(hm[1]);
    const all = JSON.parse(readFileSync(args.history, 'utf8'));
    return send(res, 200, { items: all.filter((h) => (h.partnerships || []).includes(id) || h.record === id) });
  }
  let m = /^\/api\/partnerships\/([^/]+)(\/assessment)?$/.exec(path);
  if (m && req.method === 'GET') {
    const id = decodeURIComponent(m[1]);
    const p = dossier.partnerships.find((x) => x.id === id);
    if (!p) return error(res, 404, 'not_found', `no partnership '${id}'`, path);
    if (m[2]) {
      const one = assessment?.partnerships.find((x) => x.id === id);
      if (!one) return error(res, 404, 'not_found', 'no such resource: ' + path, path);
      return send(res, 200, { ...assessment, partnerships: [one] });
    }
    return send(res, 200, { partnership: p, regions: p.parties.map((r) => regions.get(r)).filter(Boolean) });
  }
  return error(res, 404, 'not_found', 'no such resource: ' + path, path);
}

createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api(req, res, url);
  let file = normalize(join(dist, url.pathname));
  if (!file.startsWith(normalize(dist)) || !existsSync(file) || statSync(file).isDirectory()) {
    if (url.pathname.startsWith('/assets/')) return error(res, 404, 'not_found', 'no such file', url.pathname);
    file = join(dist, 'index.html');
  }
  const hashed = url.pathname.startsWith('/assets/');
  send(res, 200, readFileSync(file), {
    'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
}).listen(port, '127.0.0.1', () => console.log(`mock-api: http://127.0.0.1:${port}/`));
