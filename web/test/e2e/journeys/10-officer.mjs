// The officer's journey (issue 12): Surabaya's editor logs in, finds Surabaya's
// partnerships on the dashboard, opens Surabaya–Liverpool, records an activity and sees
// the months since the last activity and the condition change, reads the same page in
// Indonesian, is refused on a Semarang partnership, and imports a bad dossier.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROWS = 'table.partnerships tbody tr';

// Today in the server's terms (UTC), as the API's `as_of` defaults to it.
const today = () => new Date().toISOString().slice(0, 10);

export default async function (t) {
  const list = await t.api('siti', 'GET', '/api/partnerships?region=id-surabaya&per_page=500');
  const expected = list.body.items.map((p) => p.id).sort();

  // The dashboard, timed from the navigation to the table with every condition shown.
  const page = await t.open({ user: 'siti', lang: 'en' });
  await page.locator(ROWS).first().waitFor();
  const t0 = Date.now();
  await page.goto(t.base);
  await page.locator(ROWS).first().waitFor();
  await page.waitForFunction(
    (n) => document.querySelectorAll('table.partnerships tbody tr .badge').length >= n,
    expected.length,
    { timeout: 10000 },
  );
  const interactive = Date.now() - t0;
  t.time('dashboard interactive (navigation to every condition shown)', interactive);
  if (t.perf) t.check(interactive < 1000, `the dashboard is interactive in under 1 s (${interactive} ms)`);
  const shown = (await page.locator(`${ROWS} th a`).evaluateAll((as) => as.map((a) => decodeURIComponent(a.getAttribute('href').split('/').pop())))).sort();
  t.check(JSON.stringify(shown) === JSON.stringify(expected), `dashboard lists Surabaya's ${expected.length} partnerships (${shown.length} shown)`);
  const chart = await page.locator('#chart-title').count();
  t.check(chart === 1, 'dashboard: the conditions chart is there');
  await t.shot(page, 'dashboard-en-1366');
  await t.axe(page, 'dashboard (en, 1366)');

  // Surabaya–Liverpool: parties, agreement, timeline, assessment.
  await page.getByRole('link', { name: /Surabaya – Liverpool/ }).first().click();
  await page.getByRole('heading', { name: 'Parties', exact: true }).waitFor();
  t.check((await page.locator('.timeline-chart circle').count()) > 0, 'partnership: the timeline chart shows the events');
  t.check((await page.textContent('main')).includes('19 March 2018'), 'partnership: the MoU of 19 March 2018');
  await t.shot(page, 'partnership-en-1366');
  await t.axe(page, 'partnership (en, 1366)');

  // Record an activity: the months since the last activity drop to 0 and the
  // condition follows the server's assessment of the new record.
  const before = (await page.locator('#assessment-months').textContent()).trim();
  const conditionBefore = (await page.locator('#assessment-condition').textContent()).trim();
  await page.locator('#event-add').click();
  await page.locator('form#event-form').waitFor();
  await page.locator('#event-date').fill(today());
  await page.locator('#event-title').fill('Officer journey: coordination meeting with Liverpool City Council');
  await page.locator('#event-form-submit').click();
  await page.locator('#record-notice').waitFor();
  await page.waitForFunction(() => document.querySelector('#assessment-months')?.textContent.trim() === '0 months', null, { timeout: 10000 }).catch(() => {});
  const after = (await page.locator('#assessment-months').textContent()).trim();
  t.check(before !== '0 months' && after === '0 months', `after recording an activity: months since the last activity ${before} → ${after}`);
  const assessed = await t.api('siti', 'GET', '/api/partnerships/surabaya-liverpool/assessment');
  const item = assessed.body.partnerships?.[0] || assessed.body;
  const conditionAfter = (await page.locator('#assessment-condition').textContent()).trim();
  t.check(item.condition === 'active' && /active/i.test(conditionAfter) && conditionBefore !== conditionAfter,
    `the condition changes with it: ${conditionBefore} → ${conditionAfter} (server: ${item.condition})`);
  await t.shot(page, 'partnership-after-activity-en-1366');

  // The report card of the partnership, downloaded as a PDF from its page.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#report-partnership-surabaya-liverpool-pdf').click(),
  ]);
  const pdf = readFileSync(await download.path());
  t.check(pdf.subarray(0, 5).toString() === '%PDF-' && pdf.length > 10000 && /surabaya-liverpool-.*-en\.pdf/.test(download.suggestedFilename()),
    `the report card downloads as a PDF (${download.suggestedFilename()}, ${pdf.length} bytes)`);

  // The same page in Indonesian, through the switch in the header; remembered.
  await page.locator('#lang-select').selectOption('id');
  await page.getByRole('heading', { name: 'Para pihak', exact: true }).waitFor();
  t.check((await page.locator('html').getAttribute('lang')) === 'id', 'language switch: <html lang="id">');
  t.check((await page.textContent('main')).includes('19 Maret 2018'), 'partnership in Indonesian: "19 Maret 2018"');
  await page.reload();
  await page.getByRole('heading', { name: 'Para pihak', exact: true }).waitFor();
  const me = await t.api('siti', 'GET', '/api/me');
  t.check(me.body.user.language === 'id', 'the language is kept in the profile (GET /api/me)');
  await t.shot(page, 'partnership-id-1366');
  await t.axe(page, 'partnership (id, 1366)');
  await page.locator('#lang-select').selectOption('en');
  await page.getByRole('heading', { name: 'Parties', exact: true }).waitFor();

  // A Semarang partnership: Surabaya's editor reads it but may not change it.
  const semarang = await t.api('siti', 'GET', '/api/partnerships/semarang-beihai');
  t.check(semarang.status === 200, 'siti may read Semarang–Beihai');
  const refused = await t.api('siti', 'PATCH', '/api/partnerships/semarang-beihai', { notes: 'x' });
  t.check(refused.status === 403 && refused.body.code === 'forbidden', `the server refuses siti's change to Semarang–Beihai (${refused.status})`);

  // A bad dossier: every problem listed by its JSON path, nothing written.
  const bad = join(mkdtempSync(join(tmpdir(), 'kembar-officer-')), 'bad.dossier.json');
  const stored = (await t.api('siti', 'GET', '/api/partnerships/surabaya-liverpool')).body.partnership.events.length;
  const exported = (await t.api('siti', 'GET', '/api/export?partnership=surabaya-liverpool')).body;
  exported.partnerships[0].events.push({ type: 'activity', date: '2024-02-30', title: 'A day that does not exist' });
  writeFileSync(bad, JSON.stringify(exported));
  await page.goto(t.base + 'import');
  await page.locator('#import-file').setInputFiles(bad);
  await page.locator('#import-mode-merge').check();
  await page.locator('#import-submit').click();
  await page.locator('#import-problems').waitFor();
  const problems = await page.locator('#import-problems').textContent();
  const path = `partnerships[0].events[${exported.partnerships[0].events.length - 1}].date`;
  t.check(problems.includes(path), `a bad dossier's problem is listed at its JSON path (${path})`);
  const still = (await t.api('siti', 'GET', '/api/partnerships/surabaya-liverpool')).body.partnership.events.length;
  t.check(still === stored, 'and nothing was written');
  await t.shot(page, 'import-problems-officer-en-1366');

  // Leave Surabaya–Liverpool as it was: the journey's activity goes again.
  const events = (await t.api('siti', 'GET', '/api/partnerships/surabaya-liverpool')).body.partnership.events;
  const mine = events.find((e) => e.title === 'Officer journey: coordination meeting with Liverpool City Council');
  if (mine) await t.api('siti', 'DELETE', `/api/partnerships/surabaya-liverpool/events/${encodeURIComponent(mine.id)}`);

  // The phone: the same dashboard at 375 px, one block per partnership.
  const phone = await t.open({ user: 'siti', lang: 'id', width: 375, height: 740 });
  await phone.locator(ROWS).first().waitFor();
  await phone.waitForFunction(() => !document.querySelector('main [role=status]'), null, { timeout: 10000 }).catch(() => {});
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  t.check(overflow <= 0, `dashboard at 375 px: no sideways scrolling of the page (${overflow} px too wide)`);
  await t.shot(phone, 'dashboard-id-375');
  await t.axe(phone, 'dashboard (id, 375)');
  await phone.goto(t.base + 'partnerships/surabaya-liverpool');
  await phone.getByRole('heading', { name: 'Para pihak', exact: true }).waitFor();
  await t.shot(phone, 'partnership-id-375');
  await t.axe(phone, 'partnership (id, 375)');

  // The keyboard: the first Tab on a fresh load reaches the skip link.
  await phone.goto(t.base + 'tidak/ada');
  await phone.getByRole('heading', { level: 1 }).waitFor();
  await phone.keyboard.press('Tab');
  t.check((await phone.evaluate(() => document.activeElement?.className)) === 'skip-link', 'keyboard: the first Tab reaches the skip link');
  await t.axe(phone, 'not found (id, 375)');
}
