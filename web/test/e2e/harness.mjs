// What every browser journey gets (run.mjs builds one and passes it to each module of
// journeys/): a logged-in page, checks that count, axe-core, screenshots, and a record
// of console errors and CSP violations.
//
// A journey module: `export default async function (t) { ... }`, using
//   t.base                      the server's URL ("http://127.0.0.1:8097/")
//   t.users, t.password         the accounts of fixture.mjs
//   t.open({user, lang, width, height}) → page: a new context at that size, logged in
//                               as `user` (no login when user is null), in `lang`
//                               ('en' or 'id', saved in the profile as the app does)
//   t.check(ok, what)           one assertion (printed; a false one fails the run)
//   t.axe(page, name)           axe-core: no serious or critical violation
//   t.shot(page, name)          artifacts/<name>.png (full page) and <name>-top.png
//   t.api(user, method, path, body) → {status, body}: the API directly, for set-up
//                               and for checking what a page claims it stored
//   t.time(name, ms)            a measured duration, printed and kept in artifacts/timings.json
// Pages are closed by the harness at the end of the journey; a console error or CSP
// violation on any of them fails the run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

export function createHarness({ browser, base, apiBase = base, users, password, out = join(here, 'artifacts') }) {
  mkdirSync(out, { recursive: true });
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const failures = [];
  const timings = {};
  const contexts = [];
  const sessions = new Map();

  const check = (ok, what) => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
    return ok;
  };

  async function api(user, method, path, body) {
    let s = sessions.get(user);
    if (!s) {
      const r = await fetch(new URL('api/session', apiBase), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: user, password }),
      });
      const j = await r.json();
      if (!r.ok) throw new Error(`login ${user}: ${r.status} ${JSON.stringify(j)}`);
      s = { cookie: r.headers.get('set-cookie').split(';')[0], csrf: j.csrf };
      sessions.set(user, s);
    }
    const headers = { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(new URL(path.replace(/^\//, ''), apiBase), {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await r.text();
    let parsed = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: kept as text
    }
    return { status: r.status, body: parsed, headers: r.headers };
  }

  async function open({ user = 'siti', lang = 'en', width = 1366, height = 768 } = {}) {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: lang === 'id' ? 'id-ID' : 'en-GB',
    });
    const page = await context.newPage();
    const problems = [];
    // HTTP errors the app expects and handles (401 before the login, a 403 or 409
    // a journey provokes) are logged by chromium as "Failed to load resource": not counted.
    page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    contexts.push({ context, problems, name: `${user || 'anonymous'} ${lang} ${width}` });
    if (user) {
      // The language is the user's profile setting: set it first, as the switch would.
      await api(user, 'PUT', '/api/me', { language: lang });
      await page.goto(base);
      await page.locator('#login-username').fill(user);
      await page.locator('#login-password').fill(password);
      await page.locator('form button[type=submit]').click();
      // The login page has the language switch too: wait for what only a session shows.
      await page.locator('header nav').waitFor();
    } else {
      await page.goto(base);
    }
    return page;
  }

  async function axe(page, name) {
    const result = await page.evaluate(`${axeSource}; axe.run(document, { resultTypes: ['violations'] })`);
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    for (const v of bad) {
      console.log(`     ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    }
    return check(bad.length === 0, `axe-core: no serious or critical violation on ${name}`);
  }

  async function shot(page, name) {
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    await page.screenshot({ path: join(out, `${name}-top.png`) });
  }

  function time(name, ms) {
    timings[name] = Math.round(ms);
    console.log(`     ${name}: ${Math.round(ms)} ms`);
  }

  async function closeAll() {
    for (const c of contexts.splice(0)) {
      check(c.problems.length === 0, `no console error or CSP violation (${c.name})${c.problems.length ? ': ' + c.problems.join(' | ') : ''}`);
      await c.context.close();
    }
  }

  function finish() {
    writeFileSync(join(out, 'timings.json'), JSON.stringify(timings, null, 2) + '\n');
    return failures;
  }

  return { base, users, password, open, check, axe, shot, api, time, closeAll, finish, failures };
}
