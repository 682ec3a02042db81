// A first browser run of the web application (not in ctest yet): Debian's chromium
// driven by playwright-core, against mock-api.mjs serving a built dist/ (or, once
// `kembar serve` serves the app, against it: --url http://127.0.0.1:8080/ with a
// user named by --user/--password). Screenshots in both languages at 1366 and 375 px
// go to artifacts/; axe-core runs on every page; CSP violations and console errors fail.
//
//   npm ci && node smoke.mjs --dist ../../dist --dossier ../../../data/indonesia.dossier.json \
//       [--assessment assessment.json] [--todo todo.json] [--history history.json] [--chromium /usr/bin/chromium]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const out = join(here, 'artifacts');
mkdirSync(out, { recursive: true });
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let server = null;
let base = args.url;
if (!base) {
  const port = args.port || '8091';
  const serverArgs = [join(here, 'mock-api.mjs'), '--dist', args.dist, '--dossier', args.dossier, '--port', port];
  if (args.assessment) serverArgs.push('--assessment', args.assessment);
  if (args.todo) serverArgs.push('--todo', args.todo);
  if (args.history) serverArgs.push('--history', args.history);
  server = spawn(process.execPath, serverArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => server.stdout.once('data', ok));
  base = `http://127.0.0.1:${port}/`;
}
const user = args.user || 'surabaya-editor';
const password = args.password || 'kata-sandi-uji';

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};

async function axe(page, name) {
  const result = await page.evaluate(`${axeSource}; axe.run(document, { resultTypes: ['violations'] })`);
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) console.log(`     ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  check(bad.length === 0, `axe-core: no serious or critical violation on ${name}`);
}

const browser = await chromium.launch({ executablePath: args.chromium || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const [width, height] of [[1366, 768], [375, 740]]) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems = [];
    // HTTP errors the app expects (401 from GET /api/me before the login, 404 from
    // endpoints the server does not have yet) are logged by chromium too: not counted.
    page.on('console', (m) => m.type() === 'error' && !/^Failed to load resource/.test(m.text()) && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    const shot = async (name) => {
      await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
      await page.screenshot({ path: join(out, `${name}-${width}-top.png`) });
    };

    await page.goto(base);
    await page.getByLabel('User name').waitFor();
    check(await page.getByLabel('User name').getAttribute('autocomplete') === 'username', 'login: autocomplete="username"');
    check(await page.getByLabel('Password').getAttribute('autocomplete') === 'current-password', 'login: autocomplete="current-password"');
    await shot('login-en');
    await axe(page, `login (${width})`);

    await page.getByLabel('User name').fill(user);
    await page.getByLabel('Password').fill(password);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('table.partnerships tbody tr').first().waitFor();
    console.log(`     dashboard listed ${Date.now() - t0} ms after the login click`);
    // The language is remembered in the user's profile: an earlier run may have left 'id'.
    await page.locator('#lang-select').selectOption('en');
    const rows = await page.locator('table.partnerships tbody tr').count();
    check(rows > 0, `dashboard lists ${rows} partnerships`);
    await page.waitForFunction(() => !document.querySelector('[role=status]'), null, { timeout: 10000 }).catch(() => {});
    await shot('dashboard-en');
    await axe(page, `dashboard (${width})`);

    await page.getByRole('link', { name: /Surabaya – Liverpool/ }).click();
    await page.getByRole('heading', { name: 'Parties', exact: true }).waitFor();
    await page.locator('.world-map').waitFor({ timeout: 10000 }).catch(() => {});
    check(await page.locator('.timeline-chart circle').count() > 0, 'partnership: timeline chart has events');
    await shot('partnership-en');
    await axe(page, `partnership (${width})`);

    await page.getByLabel('Language').selectOption('id');
    await page.getByRole('heading', { name: 'Para pihak', exact: true }).waitFor();
    check(await page.locator('html').getAttribute('lang') === 'id', 'language switch: <html lang="id">');
    check((await page.textContent('main')).includes('19 Maret 2018'), 'partnership in Indonesian: "19 Maret 2018"');
    await shot('partnership-id');
    await axe(page, `partnership in Indonesian (${width})`);
    await page.reload();
    await page.getByRole('heading', { name: 'Para pihak', exact: true }).waitFor();
    check(true, 'language remembered after a reload');
    await page.getByRole('link', { name: 'Dasbor' }).click();
    await page.locator('table.partnerships tbody tr').first().waitFor();
    await shot('dashboard-id');
    await axe(page, `dashboard in Indonesian (${width})`);

    await page.goto(base + 'tidak/ada');
    await page.getByRole('heading', { name: 'Halaman tidak ditemukan' }).waitFor();
    await shot('notfound-id');
    await axe(page, `not found (${width})`);

    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.className);
    check(focused === 'skip-link', 'keyboard: the first Tab reaches the skip link');

    check(problems.length === 0, `no console errors or CSP violations (${problems.join(' | ')})`);
    await context.close();
  }
  // A ministry viewer (no regions): the dashboard shows one page of the whole country.
  if (!args.url || args.viewer) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(base);
    await page.locator('#login-username').fill(args.viewer || 'kementerian');
    await page.locator('#login-password').fill(args['viewer-password'] || password);
    await page.locator('button[type=submit]').click();
    await page.locator('table.partnerships tbody tr').first().waitFor();
    const rows = await page.locator('table.partnerships tbody tr').count();
    check(rows > 11, `viewer without regions: the dashboard lists ${rows} partnerships`);
    await page.locator('#dashboard-search').fill('Jepang');
    await page.waitForTimeout(800);
    const japan = await page.locator('table.partnerships tbody tr').count();
    check(japan > 0 && japan < rows, `viewer: searching "Jepang" leaves ${japan}`);
    await page.screenshot({ path: join(out, 'dashboard-viewer-id-1366.png'), fullPage: true });
    await axe(page, 'viewer dashboard in Indonesian');
    await context.close();
  }
} finally {
  await browser.close();
  server?.kill();
}
console.log(failures.length ? `${failures.length} failed` : 'all passed');
process.exit(failures.length ? 1 : 0);
