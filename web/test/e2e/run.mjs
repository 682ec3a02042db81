// The browser tests (ctest `web_e2e`, run by tools/test.sh): a real `kembar serve` on
// the bundled data (fixture.mjs) and Debian's chromium driven by playwright-core; every
// module of journeys/ runs in turn against the same server (names sorted, so the
// order is stable; a journey must not rely on another's writes).
//
//   node run.mjs --kembar ../../../build/kembar [--port N (default: a free one)] [--only officer]
//                [--chromium /usr/bin/chromium] [--ui http://127.0.0.1:5181/]
// --ui: the pages from another address that proxies /api to this server (while working
// on the app: `npm run build && KEMBAR_API=http://127.0.0.1:8097 npx vite preview
// --port 5181` in web/), so that a change needs no rebuild of the binary.
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { PASSWORD, REPO, USERS, startServer } from './fixture.mjs';
import { createHarness } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);

const server = await startServer({
  kembar: resolve(args.kembar || join(REPO, 'build/kembar')),
  port: args.port ? Number(args.port) : undefined,  // default: a free port
  dir: args.dir,
  dossier: args.data,
});
const browser = await chromium.launch({
  executablePath: args.chromium || process.env.KEMBAR_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
});
const t = createHarness({ browser, base: args.ui || server.url, apiBase: server.url, users: USERS, password: PASSWORD });
// Timing limits are checked only when asked (ctest passes --perf 1 in a Release build).
t.perf = args.perf === '1';
let crashed = null;
try {
  const files = readdirSync(join(here, 'journeys'))
    .filter((f) => f.endsWith('.mjs') && (!args.only || f.includes(args.only)))
    .sort();
  for (const f of files) {
    console.log(`# ${f}`);
    const journey = (await import(pathToFileURL(join(here, 'journeys', f)).href)).default;
    try {
      await journey(t);
    } catch (e) {
      t.check(false, `${f} ran to its end: ${e?.stack || e}`);
    } finally {
      await t.closeAll();
    }
  }
} catch (e) {
  crashed = e;
} finally {
  await browser.close();
  if (!server.alive()) console.log(`FAIL kembar serve stopped during the run:\n${server.log().slice(-4000)}`);
  await server.stop();
}
if (crashed) {
  console.error(crashed);
  process.exit(2);
}
const failures = t.finish();
if (failures.length) console.log(`kembar serve's log (last lines):\n${server.log().slice(-3000)}`);
console.log(failures.length ? `${failures.length} failed:\n  ${failures.join('\n  ')}` : 'all passed');
process.exit(failures.length ? 1 : 0);
