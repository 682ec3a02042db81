// Record keeping in the browser, against the real server (docs/web.md, "Record
// keeping"): Surabaya's editor records an activity on Surabaya–Liverpool and sees the
// assessment change (0 months since the last activity, the condition the API gives),
// edits it, meets a refused value at its field and a 409 conflict, deletes it; meets
// no edit controls on a Semarang partnership and a 403 when her rights went away
// while the page was open; creates, edits and deletes a partnership; imports a bad
// dossier (every problem at its JSON path, nothing written) and a good one. axe-core
// on the forms and the import page in both languages at 1366 and 375 px.
//
// Every record this journey writes is removed again: Surabaya–Liverpool ends with the
// events it started with (the officer's journey relies on them).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import en from '../../../src/i18n/en.js';
import id from '../../../src/i18n/id.js';

const PID = 'surabaya-liverpool';
const CATALOGUE = { en, id };

// Today as the server counts it (UTC), computed, never written down.
const todayUtc = () => new Date().toISOString().slice(0, 10);
// Today in the browser's calendar, the form's default.
const todayLocal = () => {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

const url = (t, path) => new URL(path.replace(/^\//, ''), t.base).href;

// t.open returns once the language switch shows, which the login page has too: wait
// for the logged-in header (its navigation) before leaving the page with goto().
async function openAs(t, options) {
  const page = await t.open(options);
  await page.locator('header nav').waitFor();
  return page;
}

// Screenshots of a form: its top in the viewport shot (t.shot also takes the whole page).
async function shotAt(t, page, selector, name) {
  await page.evaluate((sel) => document.querySelector(sel)?.scrollIntoView({ block: 'start' }), selector);
  await t.shot(page, name);
}

async function record(t, user, pid) {
  const r = await t.api(user, 'GET', `/api/partnerships/${pid}`);
  if (r.status !== 200) throw new Error(`GET ${pid}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function assessment(t, user, pid) {
  const r = await t.api(user, 'GET', `/api/partnerships/${pid}/assessment`);
  return r.body.partnerships[0];
}

// Waits until the element's text satisfies `ok` (the page reloads after a write).
async function waitText(page, selector, ok, timeout = 10000) {
  const end = Date.now() + timeout;
  let text = null;
  while (Date.now() < end) {
    text = await page.locator(selector).first().textContent().catch(() => null);
    if (text != null && ok(text.trim())) return text.trim();
    await page.waitForTimeout(100);
  }
  return text?.trim() ?? null;
}

// Whether the focus reaches the element with this id; it moves after the render that
// shows the element, so allow that render a moment.
const focusIs = (page, id) => page.waitForFunction((want) => document.activeElement?.id === want, id, { timeout: 3000 })
  .then(() => true, () => false);

function dossier(pid, date) {
  return JSON.stringify({
    format: 'kembar-dossier/1',
    regions: [],
    partnerships: [{
      id: pid,
      kind: 'sister_city',
      parties: ['id-surabaya', 'kr-busan'],
      title: 'Journey import test',
      events: [{ type: 'activity', date, title: 'Imported activity', field: 'culture' }],
    }],
  });
}

export default async function (t) {
  const dir = mkdtempSync(join(tmpdir(), 'kembar-records-'));
  const start = await record(t, 'siti', PID);
  const startEvents = start.partnership.events.length;
  const day = todayUtc();

  // --- Recording an activity -------------------------------------------------------
  const page = await openAs(t, { user: 'siti', lang: 'en', width: 1366, height: 768 });
  await page.goto(url(t, `/partnerships/${PID}`));
  await page.locator('#event-add').waitFor();
  const monthsBefore = (await page.locator('#assessment-months').textContent()).trim();
  const before = await assessment(t, 'siti', PID);
  t.check(monthsBefore === `${before.indicators.months_since_activity} months`,
    `the page shows the API's months since the last activity before the write (${monthsBefore})`);
  t.check((await page.locator('#event-add').textContent()).trim() === 'Record an activity', 'the add button reads "Record an activity"');
  t.check((await page.locator('#partnership-export').getAttribute('href')) === `/api/export?partnership=${PID}` &&
    (await page.locator('#partnership-export').getAttribute('download')) !== null, 'the partnership page links its export as a download');

  await page.locator('#event-add').click();
  await page.locator('#event-form').waitFor();
  t.check(await focusIs(page, 'event-form-title'), 'opening the form moves the focus to its heading');
  t.check((await page.locator('#event-type').inputValue()) === 'activity', 'a new event is an activity unless changed');
  t.check((await page.locator('#event-date').inputValue()) === todayLocal(), 'a new event is dated today unless changed');
  t.check((await page.locator('#event-type option[value=mou_signed]').textContent()) === 'MoU signed', 'the types are labelled in the reader\'s language');
  await t.axe(page, 'the event form (en, 1366)');
  await shotAt(t, page, '#event-form', 'event-form-en-1366');

  // A required field left empty is caught before anything is sent.
  await page.locator('#event-date').fill('');
  await page.locator('#event-form-submit').click();
  await page.locator('#event-date-error').waitFor();
  t.check((await page.locator('#event-date-error').textContent()).includes('required'), 'an empty date is refused at its field');
  t.check(await focusIs(page, 'event-date'), 'the focus goes to the empty required field');

  const title = `Journey: online coordination meeting ${Date.now()}`;
  await page.locator('#event-date').fill(day);
  await page.locator('#event-title').fill(title);
  await page.locator('#event-field').selectOption('sports');
  await page.locator('#event-provider').selectOption('both');
  await page.locator('#event-beneficiary').selectOption('id-surabaya');
  await page.locator('#event-host').selectOption('online');
  await page.locator('#event-participants').fill('14');
  await page.getByLabel('Local government').check();
  await page.getByLabel('Sports clubs').check();
  await page.locator('#event-source').fill('Minutes of the online meeting');
  const t0 = Date.now();
  await page.locator('#event-form-submit').click();
  await page.locator('#record-notice').waitFor();
  t.time('record an activity and see the page updated', Date.now() - t0);
  t.check(!(await page.locator('#event-form').count()), 'the form closes after the write');

  const afterAdd = await record(t, 'siti', PID);
  const added = afterAdd.partnership.events.find((e) => e.title === title);
  t.check(!!added, 'the activity is stored');
  t.check(afterAdd.partnership.events.length === startEvents + 1, 'exactly one event was added');
  t.check(added && added.type === 'activity' && added.date === day && added.provider === 'both' &&
    added.beneficiary === 'id-surabaya' && added.host === 'online' && added.participants === 14 &&
    added.field === 'sports' && JSON.stringify(added.sectors) === '["local_government","sports_club"]' &&
    added.source === 'Minutes of the online meeting',
  `the stored activity holds what was typed (${JSON.stringify(added)})`);
  const eid = added?.id;
  const after = await assessment(t, 'siti', PID);
  t.check(after.indicators.months_since_activity === 0, `the API now counts 0 months since the last activity (${after.indicators.months_since_activity})`);
  const months = await waitText(page, '#assessment-months', (s) => s === '0 months');
  t.check(months === '0 months', `the page now shows 0 months since the last activity (${months})`);
  const condition = await waitText(page, '#assessment-condition .badge', (s) => s === en['condition.' + after.condition]);
  t.check(condition === en['condition.' + after.condition],
    `the page shows the condition the API gives after the write: ${after.condition} (${condition})`);
  t.check(((await page.locator(`[id="event-${eid}"]`).textContent()) || '').includes(title), 'the new event is listed on the page');
  const history = await waitText(page, 'table.history tbody tr:first-child', (s) => s.includes('Event added'));
  t.check(history?.includes('Event added') && history.includes('siti'), `the change history shows the addition by siti (${history})`);
  await shotAt(t, page, '#assessment-title', 'partnership-after-add-en-1366');

  // --- Editing it ------------------------------------------------------------------
  await page.locator(`[id="edit-event-${eid}"]`).click();
  await page.locator('#event-form').waitFor();
  t.check((await page.locator('#event-title').inputValue()) === title, 'the edit form holds the stored title');
  t.check((await page.locator('#event-participants').inputValue()) === '14', 'the edit form holds the stored participants');
  await page.locator('#event-title').fill(title + ' (edited)');
  await page.locator('#event-participants').fill('15');
  await page.locator('#event-form-submit').click();
  await page.locator('#record-notice').waitFor();
  let stored = (await record(t, 'siti', PID)).partnership.events.find((e) => e.id === eid);
  t.check(stored?.title === title + ' (edited)' && stored.participants === 15, 'the edit is stored');
  t.check(JSON.stringify(stored?.sectors) === '["local_government","sports_club"]' && stored.host === 'online',
    'the edit keeps the members it did not touch');

  // --- A value the server refuses, shown at its field ------------------------------
  await page.locator(`[id="edit-event-${eid}"]`).click();
  await page.locator('#event-form').waitFor();
  await page.locator('#event-date').fill('2023-02-30');
  await page.locator('#event-form-submit').click();
  await page.locator('#event-date-error').waitFor();
  const dateError = (await page.locator('#event-date-error').textContent()).trim();
  t.check(/2023-02-30.*not a real calendar day/.test(dateError), `an impossible date is refused at the date field with the server's message (${dateError})`);
  t.check((await page.locator('#event-date').getAttribute('aria-invalid')) === 'true', 'the date field is marked aria-invalid');
  t.check(((await page.locator('#event-date').getAttribute('aria-describedby')) || '').split(' ').includes('event-date-error'),
    'the date field is described by its error');
  t.check((await page.locator('#event-date-error').getAttribute('role')) === 'alert', 'the field error is an alert');
  t.check(await focusIs(page, 'event-date'), 'the focus goes to the refused field');
  t.check((await page.locator('#event-title').getAttribute('aria-invalid')) === null, 'the other fields are not marked');
  stored = (await record(t, 'siti', PID)).partnership.events.find((e) => e.id === eid);
  t.check(stored?.date === day, 'the refused date was not stored');
  await t.axe(page, 'the event form with an error (en, 1366)');
  await shotAt(t, page, '#event-form', 'event-form-error-en-1366');

  // --- 409: someone else changed the partnership after the form opened ---------------
  await page.locator('#event-date').fill(day);
  // (through the API as siti: the server sees a newer version either way)
  const colleague = await t.api('siti', 'PATCH', `/api/partnerships/${PID}/events/${eid}`, { description: 'Changed by a colleague meanwhile' });
  t.check(colleague.status === 200, `a colleague changes the event through the API meanwhile (${colleague.status})`);
  await page.locator('#event-title').fill(title + ' (after the conflict)');
  await page.locator('#event-form-submit').click();
  await page.locator('#event-alert').waitFor();
  const conflict = (await page.locator('#event-alert').textContent()).trim();
  t.check(conflict.includes('Someone else changed this partnership since you opened it'), `the conflict is explained (${conflict.slice(0, 90)}…)`);
  t.check(await focusIs(page, 'event-alert'), 'the focus goes to the conflict message');
  t.check((await page.locator('#event-title').inputValue()) === title + ' (after the conflict)', 'the typed title stays in the form');
  stored = (await record(t, 'siti', PID)).partnership.events.find((e) => e.id === eid);
  t.check(stored?.title === title + ' (edited)' && stored.description === 'Changed by a colleague meanwhile', 'the stale write was not stored');
  await t.axe(page, 'the event form with a conflict (en, 1366)');
  await shotAt(t, page, '#event-form', 'event-form-conflict-en-1366');
  await page.locator('#event-reload').click();
  await waitText(page, '#event-alert', (s) => s.includes('latest version is loaded'));
  t.check((await page.locator('#event-title').inputValue()) === title + ' (after the conflict)', 'after loading the latest version the typed title is kept');
  t.check((await page.locator('#event-description').inputValue()) === 'Changed by a colleague meanwhile', 'and the colleague\'s change shows in the field the user had not touched');
  await page.locator('#event-form-submit').click();
  await page.locator('#record-notice').waitFor();
  stored = (await record(t, 'siti', PID)).partnership.events.find((e) => e.id === eid);
  t.check(stored?.title === title + ' (after the conflict)' && stored.description === 'Changed by a colleague meanwhile',
    'saving again stores the user\'s change over the latest version, keeping the colleague\'s');

  // --- Deleting it -------------------------------------------------------------------
  await page.locator(`[id="delete-event-${eid}"]`).click();
  await page.locator('#delete-dialog').waitFor();
  t.check(await focusIs(page, 'delete-dialog-cancel'), 'the delete dialog starts on Cancel');
  await t.axe(page, 'the delete dialog (en, 1366)');
  await t.shot(page, 'event-delete-dialog-en-1366');
  await page.locator('#delete-dialog-confirm').click();
  await page.locator('#record-notice').waitFor();
  const afterDelete = await record(t, 'siti', PID);
  t.check(!afterDelete.partnership.events.some((e) => e.id === eid) && afterDelete.partnership.events.length === startEvents,
    'the event is deleted and the partnership has its events of before');
  const monthsAgain = await waitText(page, '#assessment-months', (s) => s === monthsBefore);
  t.check(monthsAgain === monthsBefore, `the page shows the months of before again (${monthsAgain})`);
  t.check(!(await page.locator(`[id="event-${eid}"]`).count()), 'the event is gone from the page');

  // --- A Semarang partnership: read-only for Surabaya's editor -------------------------
  await page.goto(url(t, '/partnerships/semarang-beihai'));
  await page.locator('#events-title').waitFor();
  t.check((await page.locator('#event-add, #partnership-edit, #partnership-delete, [id^="edit-event-"], [id^="delete-event-"]').count()) === 0,
    'siti sees no edit control on Semarang–Beihai');
  t.check((await page.locator('#partnership-read-only').textContent()).includes('belongs to a region you do not keep'), 'the page says why');
  const semarang = await record(t, 'siti', 'semarang-beihai');
  const direct = await t.api('siti', 'POST', '/api/partnerships/semarang-beihai/events', { type: 'note', date: day });
  t.check(direct.status === 403, `a direct write through the API is refused with 403 (${direct.status})`);

  // Her rights to Semarang are taken away while the page (with its buttons) is open.
  let restored = false;
  try {
    const grant = await t.api('admin', 'PUT', '/api/users/siti', { regions: ['id-surabaya', 'id-semarang'] });
    t.check(grant.status === 200, 'the admin gives siti Semarang for a moment');
    const stale = await openAs(t, { user: 'siti', lang: 'en', width: 1366, height: 768 });
    await stale.goto(url(t, '/partnerships/semarang-beihai'));
    await stale.locator('#event-add').waitFor();
    const revoke = await t.api('admin', 'PUT', '/api/users/siti', { regions: ['id-surabaya'] });
    restored = revoke.status === 200;
    t.check(restored, 'and takes it away again while her page is open');
    await stale.locator('#event-add').click();
    await stale.locator('#event-title').fill('Should not be stored');
    await stale.locator('#event-form-submit').click();
    await stale.locator('#event-alert').waitFor();
    const refused = (await stale.locator('#event-alert').textContent()).trim();
    t.check(refused.includes('You may not change this partnership: it belongs to a region you do not keep'), `a write refused with 403 is explained (${refused})`);
    t.check((await stale.locator('#event-title').inputValue()) === 'Should not be stored', 'the typed values stay');
    const after403 = await record(t, 'siti', 'semarang-beihai');
    t.check(after403.partnership.events.length === semarang.partnership.events.length, 'nothing was written to Semarang–Beihai');
    await shotAt(t, stale, '#event-form', 'event-form-forbidden-en-1366');
  } finally {
    if (!restored) await t.api('admin', 'PUT', '/api/users/siti', { regions: ['id-surabaya'] });
  }

  // --- A partnership created, edited and deleted --------------------------------------
  await page.goto(url(t, '/'));
  const exportLink = page.locator('[id="export-region-id-surabaya"]');
  // The region's name comes with the partnership list: wait for it (slow under ASan).
  await exportLink.filter({ hasText: 'Surabaya' }).waitFor({ timeout: 45000 }).catch(() => {});
  const exportHref = await exportLink.getAttribute('href');
  const exportText = await exportLink.textContent();
  t.check(exportHref === '/api/export?region=id-surabaya' && (await exportLink.getAttribute('download')) !== null &&
    exportText.includes('Surabaya'), `the dashboard links the export of siti's region as a download (${exportHref}, "${exportText}")`);
  const exported = await t.api('siti', 'GET', '/api/export?region=id-surabaya');
  t.check(exported.status === 200 && exported.body.format === 'kembar-dossier/1' &&
    exported.body.partnerships.some((p) => p.id === PID), 'and that export is a dossier holding Surabaya–Liverpool');
  await page.locator('#partnership-new').click();
  await page.locator('#partnership-form').waitFor();
  t.check(/Surabaya/.test(await page.locator('#partnership-parties-0-chosen').textContent()), 'the home region starts as siti\'s region');
  await page.locator('#partnership-parties-1').fill('Beihai');
  await page.locator('[id="partnership-parties-1-opt-cn-beihai"]').check();
  // The suggestion follows the choice once the page has re-rendered.
  await page.waitForFunction(() => document.querySelector('#partnership-id')?.value === 'surabaya-beihai', null, { timeout: 5000 }).catch(() => {});
  t.check((await page.locator('#partnership-id').inputValue()) === 'surabaya-beihai', 'the id is suggested from the parties\' names');
  await page.locator('#partnership-id').fill('surabaya-beihai-journey');
  await page.locator('#partnership-title').fill('Surabaya – Beihai (journey test)');
  await page.getByLabel('Tourism').check();
  await page.locator('#partnership-events-0-date').fill('2026-02-30');
  await page.locator('#partnership-events-0-valid_years').fill('5');
  await page.locator('#partnership-form-submit').click();
  await page.locator('#partnership-events-0-date-error').waitFor();
  t.check((await page.locator('#partnership-events-0-date-error').textContent()).includes('not a real calendar day'),
    'a new partnership\'s impossible MoU date is refused at its field');
  t.check((await t.api('siti', 'GET', '/api/partnerships/surabaya-beihai-journey')).status === 404, 'and nothing was stored');
  await page.locator('#partnership-events-0-date').fill('2026-02-03');
  await page.locator('#partnership-form-submit').click();
  await page.waitForURL(/\/partnerships\/surabaya-beihai-journey$/);
  await page.locator('#partnership-edit').waitFor();
  const created = await t.api('siti', 'GET', '/api/partnerships/surabaya-beihai-journey');
  const cp = created.body.partnership;
  t.check(created.status === 200 && cp.kind === 'sister_city' && cp.parties.join() === 'id-surabaya,cn-beihai' &&
    cp.title === 'Surabaya – Beihai (journey test)' && cp.fields?.join() === 'tourism' &&
    cp.events.length === 1 && cp.events[0].type === 'mou_signed' && cp.events[0].date === '2026-02-03' && cp.events[0].valid_years === 5,
  `the partnership is stored with its MoU (${JSON.stringify(cp)})`);
  await page.locator('#partnership-edit').click();
  await page.locator('#partnership-form').waitFor();
  await page.locator('#partnership-title').fill('Surabaya – Beihai (edited by the journey)');
  await page.locator('#partnership-form-submit').click();
  await page.locator('#record-notice').waitFor();
  t.check((await record(t, 'siti', 'surabaya-beihai-journey')).partnership.title === 'Surabaya – Beihai (edited by the journey)', 'the partnership\'s edit is stored');
  await page.locator('#partnership-delete').click();
  await page.locator('#delete-dialog').waitFor();
  await page.locator('#delete-dialog-confirm').click();
  await page.waitForURL(url(t, '/'));
  t.check((await t.api('siti', 'GET', '/api/partnerships/surabaya-beihai-journey')).status === 404, 'the deleted partnership is gone, and the page is back on the dashboard');

  // --- Import: a bad dossier (nothing written), then a good one -----------------------
  const importId = 'surabaya-busan-journey-import';
  const bad = join(dir, 'bad.dossier.json');
  const good = join(dir, 'good.dossier.json');
  writeFileSync(bad, dossier(importId, '2023-02-30'));
  writeFileSync(good, dossier(importId, '2023-02-03'));
  await page.goto(url(t, '/import'));
  await page.locator('#import-form').waitFor();
  t.check((await page.locator('#export-all').getAttribute('href')) === '/api/export', 'the import page links the export of everything');
  await page.locator('#import-file').setInputFiles(bad);
  t.check((await page.locator('#import-chosen').textContent()).includes('bad.dossier.json'), 'the chosen file is named');
  await page.locator('#import-mode-merge').check();
  await page.locator('#import-submit').click();
  await page.locator('#import-problems').waitFor();
  const problems = (await page.locator('#import-problems').textContent()).trim();
  t.check(problems.includes('partnerships[0].events[0].date') && problems.includes('not a real calendar day'),
    `the bad dossier's problem is listed at its JSON path (${problems.slice(0, 160)}…)`);
  t.check(problems.includes('Nothing was written'), 'the page says nothing was written');
  t.check((await t.api('siti', 'GET', `/api/partnerships/${importId}`)).status === 404, 'and indeed nothing was written');
  await t.axe(page, 'the import page with problems (en, 1366)');
  await t.shot(page, 'import-problems-en-1366');
  await page.locator('#import-file').setInputFiles(good);
  // The progress shows while the file is read and sent, however briefly: recorded as it comes.
  await page.evaluate(() => {
    window.__progressSeen = [];
    new MutationObserver(() => {
      const text = document.getElementById('import-progress-text')?.textContent;
      if (text && !window.__progressSeen.includes(text)) window.__progressSeen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.locator('#import-submit').click();
  await page.locator('#import-result').waitFor();
  const progress = await page.evaluate(() => window.__progressSeen);
  t.check(progress.some((s) => s.startsWith('Reading the file')) && progress.some((s) => /^Sending to the server|^The server is checking/.test(s)),
    `the import showed its progress (${progress.join(' | ')})`);
  t.check(!(await page.locator('#import-progress').count()), 'the progress is gone once the answer is shown');
  const summary = (await page.locator('#import-result').textContent()).trim();
  t.check(/Partnerships added\s*1/.test(summary) && /Events imported\s*1/.test(summary), `the good dossier's summary is shown (${summary})`);
  const imported = await t.api('siti', 'GET', `/api/partnerships/${importId}`);
  t.check(imported.status === 200 && imported.body.partnership.events.length === 1 && imported.body.partnership.events[0].date === '2023-02-03',
    'the good dossier is stored');
  await t.shot(page, 'import-done-en-1366');
  if (imported.status === 200) await t.api('siti', 'DELETE', `/api/partnerships/${importId}`);

  // --- The forms and the import page in both languages, at 1366 and 375 ----------------
  for (const lang of ['en', 'id']) {
    for (const [width, height] of [[1366, 768], [375, 740]]) {
      const p = await openAs(t, { user: 'siti', lang, width, height });
      await p.goto(url(t, `/partnerships/${PID}`));
      await p.locator('#event-add').click();
      await p.locator('#event-form').waitFor();
      t.check((await p.locator('#event-add').count()) === 0 && (await p.locator('#event-form-title').textContent()) === CATALOGUE[lang]['records.event.addTitle'],
        `the event form is in the reader's language (${lang}, ${width})`);
      if (width === 375) {
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        t.check(overflow <= 0, `the event form fits 375 px without sideways scrolling (${lang}; ${overflow} px)`);
      }
      if (lang === 'id' && width === 1366) {
        await p.locator('#event-date').fill('2023-02-30');
        await p.locator('#event-form-submit').click();
        await p.locator('#event-date-error').waitFor();
        const msg = (await p.locator('#event-date-error').textContent()).trim();
        t.check(msg.includes('2023-02-30') && !msg.includes('not a real calendar day'), `the refused date is shown at its field in Indonesian too (${msg})`);
      }
      await t.axe(p, `the event form (${lang}, ${width})`);
      await shotAt(t, p, '#event-form', `event-form-${lang}-${width}`);
      await p.goto(url(t, '/partnerships/new'));
      await p.locator('#partnership-form').waitFor();
      await p.locator('#partnership-parties-1').fill('Liv');
      await p.locator('[id="partnership-parties-1-opt-gb-liverpool"]').waitFor();
      await t.axe(p, `the new partnership form (${lang}, ${width})`);
      await t.shot(p, `partnership-new-${lang}-${width}`);
      await p.goto(url(t, '/import'));
      await p.locator('#import-form').waitFor();
      t.check((await p.locator('h1').textContent()) === CATALOGUE[lang]['records.import.title'], `the import page is in the reader's language (${lang}, ${width})`);
      await t.axe(p, `the import page (${lang}, ${width})`);
      await t.shot(p, `import-${lang}-${width}`);
    }
  }

  const end = await record(t, 'siti', PID);
  t.check(end.partnership.events.length === startEvents, 'Surabaya–Liverpool ends with the events it started with');
}
