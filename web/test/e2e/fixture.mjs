// The browser tests' server: a real `kembar serve` on a fresh database holding the
// bundled Indonesian data (data/indonesia.dossier.json) and four accounts, one per
// role the journeys need. Used by journeys.mjs, and by hand while working on the app:
//
//   node fixture.mjs --kembar ../../../build/kembar --port 8081 [--dir /tmp/k-8081]
//
// then `KEMBAR_API=http://127.0.0.1:8081 npm run dev` in web/ (Vite proxies /api).
// The accounts (passwords are test-only, at least 10 characters):
//   admin     admin    (no region)
//   siti      editor   id-surabaya (Surabaya's foreign-cooperation officer)
//   ahmad     editor   id-semarang
//   kemendagri viewer  (a home-affairs ministry analyst: sees everything, edits nothing)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '../../..');
export const PASSWORD = 'kata-sandi-uji-123';
export const USERS = [
  { name: 'admin', role: 'admin', regions: [] },
  { name: 'siti', role: 'editor', regions: ['id-surabaya'] },
  { name: 'ahmad', role: 'editor', regions: ['id-semarang'] },
  { name: 'kemendagri', role: 'viewer', regions: [] },
];

function run(kembar, args) {
  const r = spawnSync(kembar, args, { input: PASSWORD + '\n', encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`kembar ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return r.stdout;
}

// A TCP port nothing listens on now (the kernel's choice), so that two runs on one
// machine never meet each other's server.
export function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

// Starts the server (on `port`, or on a free port when none is given); resolves to
// {url, db, stop()} once /api/health answers from this very process.
export async function startServer({ kembar, port, dir, dossier, lang = 'en' } = {}) {
  if (!port) port = await freePort();
  const work = dir || mkdtempSync(join(tmpdir(), 'kembar-e2e-'));
  mkdirSync(work, { recursive: true });
  const db = join(work, 'kembar.db');
  for (const f of [db, db + '-wal', db + '-shm']) rmSync(f, { force: true });
  run(kembar, ['import', dossier || join(REPO, 'data/indonesia.dossier.json'), '--db', db, '-q']);
  for (const u of USERS) {
    run(kembar, ['user', 'add', u.name, '--role', u.role, ...u.regions.flatMap((r) => ['--region', r]), '--db', db]);
  }
  const child = spawn(kembar, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--threads', '2'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LANG: lang === 'id' ? 'id_ID.UTF-8' : 'C.UTF-8' },
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 20000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`kembar serve exited (${child.exitCode}):\n${log}`);
    try {
      const r = await fetch(url + 'api/health');
      // Answered by this child (still running), not by another process on the port.
      if (r.ok && child.exitCode === null && /listening|serving|http:\/\//i.test(log)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`kembar serve did not answer on ${url}:\n${log}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
  return {
    url,
    db,
    log: () => log,
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () =>
      new Promise((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', ok);
        child.kill('SIGTERM');
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
  );
  const server = await startServer({
    kembar: resolve(args.kembar || join(REPO, 'build/kembar')),
    port: args.port ? Number(args.port) : undefined,
    dir: args.dir,
  });
  console.log(`kembar serve on ${server.url} (database ${server.db}); users ${USERS.map((u) => u.name).join(', ')}, password ${PASSWORD}`);
  process.on('SIGINT', async () => {
    await server.stop();
    process.exit(0);
  });
}
