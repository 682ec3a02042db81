// Partner-wanted profiles in the browser (docs/web.md, "Partner-wanted profiles"):
// Surabaya's editor opens her region's page, sees its profile, meets a refused e-mail
// address at its field, sets the profile through the form, and sees in the partner
// finder what Surabaya now seeks and offers and the two-way matches the finder
// explains. Semarang's editor sees the profile without edit controls; a direct write
// is refused. axe-core on the section and the form in both languages, at 1366 and 375 px.
//
// Surabaya's profile is put back as it was at the end (the officer's journey and the
// finder's documented example rely on the bundled one).
import en from '../../../src/i18n/en.js';
import id from '../../../src/i18n/id.js';

const REGION = 'id-surabaya';
const url = (t, path) => new URL(path.replace(/^\//, ''), t.base).href;

async function profileOf(t, user) {
  const r = await t.api(user, 'GET', `/api/regions/${REGION}/profile`);
  if (r.status !== 200) throw new Error(`GET profile: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

const focusIs = (page, want) => page.waitForFunction((w) => document.activeElement?.id === w, want, { timeout: 3000 })
  .then(() => true, () => false);

// The check box of `value` in a CheckboxGroup (`group`: seeks, offers, levels).
const box = (page, group, value) => page.locator(`#profile-${group} input[value="${value}"]`);

async function choose(page, group, values) {
  for (const input of await page.locator(`#profile-${group} input[type=checkbox]`).all()) {
    const want = values.includes(await input.getAttribute('value'));
    if ((await input.isChecked()) !== want) await input.setChecked(want);
  }
}

export default async function (t) {
  const original = (await profileOf(t, 'siti')).profile;
  try {
    // --- Reading it ----------------------------------------------------------------
    const page = await t.open({ user: 'siti', lang: 'en', width: 1366, height: 768 });
    await page.goto(url(t, `/regions/${REGION}`));
    await page.locator('#profile-edit').waitFor();
    t.check((await page.locator('#profile-title').textContent()).trim() === en['profile.title'], 'the region page has the "Partner-wanted profile" section');
    const seeksShown = (await page.locator('#profile-facts [data-profile=seeks]').textContent()).trim();
    t.check(seeksShown === original.seeks.map((f) => en['field.' + f]).join(', '),
      `the fields sought are named in the reader's language, not by id (${seeksShown})`);
    await t.axe(page, 'the region page with its profile (en, 1366)');

    // --- A refused value at its field ----------------------------------------------
    await page.locator('#profile-edit').click();
    await page.locator('#profile-form').waitFor();
    t.check(await focusIs(page, 'profile-form-title'), 'opening the form moves the focus to its heading');
    t.check(await box(page, 'seeks', 'sports').isChecked(), 'the form holds the stored fields sought');
    t.check((await page.locator('#profile-seeks legend').textContent()).trim() === 'Fields Surabaya seeks in a partner', 'the boxes\' legend names the region');
    t.check((await page.locator('#profile-seeks').getByText(en['field.human_resources'], { exact: true }).count()) === 1,
      'the check boxes are labelled with the fields\' names');
    await t.axe(page, 'the profile form (en, 1366)');
    await page.locator('#profile-contact-email').fill('kerjasama at surabaya');
    await page.locator('#profile-form-submit').click();
    await page.locator('#profile-contact-email-error').waitFor();
    const emailError = (await page.locator('#profile-contact-email-error').textContent()).trim();
    t.check(emailError.includes('is not an e-mail address'), `a bad e-mail address is refused at its field with the server's message (${emailError})`);
    t.check((await page.locator('#profile-contact-email').getAttribute('aria-invalid')) === 'true', 'the e-mail field is marked aria-invalid');
    t.check(await focusIs(page, 'profile-contact-email'), 'the focus goes to the refused field');
    t.check(JSON.stringify((await profileOf(t, 'siti')).profile) === JSON.stringify(original), 'nothing was stored');
    await t.axe(page, 'the profile form with an error (en, 1366)');
    await t.shot(page, 'profile-form-error-en-1366');

    // --- Setting it ------------------------------------------------------------------
    const seeks = ['sports', 'education', 'human_resources', 'environment'];
    const offers = ['environment', 'smart_city', 'education'];
    await choose(page, 'seeks', seeks);
    await choose(page, 'offers', offers);
    await choose(page, 'levels', ['city']);
    await page.locator('#profile-countries').fill('United Kingdom, JP');
    await page.locator('#profile-contact-name').fill('Bagian Kerja Sama');
    await page.locator('#profile-contact-email').fill('kerjasama@surabaya.example.go.id');
    await page.locator('#profile-source').fill('Letter of the Mayor of Surabaya (journey test)');
    await page.locator('#profile-updated').fill('2026-11');
    await page.locator('#profile-form-submit').click();
    await page.locator('#profile-notice').waitFor();
    const stored = (await profileOf(t, 'siti')).profile;
    t.check(JSON.stringify(stored.seeks) === JSON.stringify(seeks) && JSON.stringify(stored.offers) === JSON.stringify(offers) &&
      JSON.stringify(stored.levels) === '["city"]' && JSON.stringify(stored.countries) === '["GB","JP"]' &&
      stored.contact?.name === 'Bagian Kerja Sama' && stored.contact?.email === 'kerjasama@surabaya.example.go.id' &&
      stored.source === 'Letter of the Mayor of Surabaya (journey test)' && stored.updated === '2026-11',
    `the profile is stored as typed (${JSON.stringify(stored)})`);
    t.check(!(await page.locator('#profile-form').count()), 'the form closes after the write');
    t.check(await focusIs(page, 'profile-notice'), 'the focus goes to the "saved" notice');
    const offered = (await page.locator('#profile-facts [data-profile=offers]').textContent()).trim();
    t.check(offered === offers.map((f) => en['field.' + f]).join(', '), `the page shows the new fields offered (${offered})`);
    const countries = (await page.locator('#profile-facts [data-profile=countries]').textContent()).trim();
    t.check(countries.includes('United Kingdom') && countries.includes('Japan'), `countries are shown by name (${countries})`);
    const audit = await t.api('admin', 'GET', `/api/audit?region=${REGION}&action=region.edit&per_page=1`);
    t.check(audit.status === 200 && audit.body.items[0]?.actor === 'siti' &&
      JSON.stringify(audit.body.items[0]?.after?.profile?.offers) === JSON.stringify(offers),
    'the audit log records the change by siti');

    // --- Seeing it in the finder -------------------------------------------------------
    const answer = (await t.api('siti', 'GET', `/api/find-partners?region=${REGION}&limit=10`)).body;
    await page.goto(url(t, `/finder?region=${REGION}&limit=10`));
    await page.locator('#finder-profile-facts').waitFor({ timeout: 60000 });
    const finderOffers = (await page.locator('#finder-profile-facts [data-profile=offers]').textContent()).trim();
    t.check(finderOffers === offers.map((f) => en['field.' + f]).join(', '), `the finder shows what Surabaya now offers (${finderOffers})`);
    const finderSeeks = (await page.locator('#finder-profile-facts [data-profile=seeks]').textContent()).trim();
    t.check(finderSeeks === seeks.map((f) => en['field.' + f]).join(', '), `and what it seeks (${finderSeeks})`);
    const twoWay = [...(answer.candidates || []), ...(answer.two_way_below || [])].filter((c) => c.offers_meeting_seeks?.length);
    t.check(twoWay.length > 0, `the finder answer has two-way matches (${twoWay.map((c) => c.name).join(', ')})`);
    const educates = twoWay.filter((c) => c.offers_meeting_seeks.includes('education'));
    t.check(educates.length > 0, `education, offered now, meets a candidate's seeks (${educates.map((c) => c.name).join(', ')})`);
    const below = answer.two_way_below || [];
    if (below.length) {
      await page.locator('#finder-two-way').waitFor();
      const listed = (await page.locator('#finder-two-way').textContent()) || '';
      t.check(below.every((c) => listed.includes(c.name) && listed.includes(c.explanation)),
        `the two-way matches ranked lower are listed with the finder's explanation (${below.map((c) => c.name).join(', ')})`);
    }
    const shown = (await page.locator('[data-two-way]').allTextContents()).join(' | ');
    t.check(educates.every((c) => shown.includes(en['field.education'])) && shown.includes('Surabaya offers what this candidate seeks'),
      `each two-way match says what Surabaya offers that it seeks (${shown.slice(0, 160)}…)`);
    await t.axe(page, 'the finder with the profile and two-way matches (en, 1366)');
    await t.shot(page, 'finder-profile-en-1366');

    // --- Indonesian, and a narrow screen -------------------------------------------------
    const phone = await t.open({ user: 'siti', lang: 'id', width: 375, height: 740 });
    await phone.goto(url(t, `/regions/${REGION}`));
    await phone.locator('#profile-edit').waitFor();
    t.check((await phone.locator('#profile-title').textContent()).trim() === 'Profil mitra yang dicari', 'the section reads "Profil mitra yang dicari" in Indonesian');
    const seeksId = (await phone.locator('#profile-facts [data-profile=seeks]').textContent()).trim();
    t.check(seeksId === seeks.map((f) => id['field.' + f]).join(', '), `the fields are named in Indonesian (${seeksId})`);
    await t.axe(phone, 'the region page with its profile (id, 375)');
    await phone.locator('#profile-edit').click();
    await phone.locator('#profile-form').waitFor();
    const legend = (await phone.locator('#profile-seeks legend').textContent()).trim();
    t.check(/^Bidang yang dicari .*Surabaya dari mitra$/.test(legend), `the form's legends are Indonesian (${legend})`);
    await t.axe(phone, 'the profile form (id, 375)');
    await t.shot(phone, 'profile-form-id-375');
    await phone.goto(url(t, `/finder?region=${REGION}&limit=10`));
    await phone.locator('#finder-profile-facts').waitFor({ timeout: 60000 });
    t.check((await phone.locator('#finder-profile-title').textContent()).includes('Yang dicari dan ditawarkan Surabaya'), 'the finder\'s profile card is Indonesian');
    await t.axe(phone, 'the finder with the profile (id, 375)');

    // --- Another region's editor -----------------------------------------------------------
    const ahmad = await t.open({ user: 'ahmad', lang: 'en', width: 1366, height: 768 });
    await ahmad.goto(url(t, `/regions/${REGION}`));
    await ahmad.locator('#profile-facts').waitFor();
    t.check((await ahmad.locator('#profile-edit, #profile-remove').count()) === 0, 'Semarang\'s editor sees no edit control on Surabaya\'s profile');
    t.check((await ahmad.locator('#profile-read-only').count()) === 1, 'and is told who may change it');
    const direct = await t.api('ahmad', 'PUT', `/api/regions/${REGION}/profile`, { seeks: ['tourism'] });
    t.check(direct.status === 403, `a direct write through the API is refused with 403 (${direct.status})`);
    t.check(JSON.stringify((await profileOf(t, 'siti')).profile) === JSON.stringify(stored), 'and nothing changed');

    // --- Removing it -------------------------------------------------------------------
    await page.goto(url(t, `/regions/${REGION}`));
    await page.locator('#profile-remove').waitFor();
    await page.locator('#profile-remove').click();
    await page.locator('#profile-remove-dialog').waitFor();
    t.check(await focusIs(page, 'profile-remove-dialog-cancel'), 'the remove dialog starts on Cancel');
    await t.axe(page, 'the remove dialog (en, 1366)');
    await page.locator('#profile-remove-dialog-confirm').click();
    await page.locator('#profile-none').waitFor();
    t.check((await profileOf(t, 'siti')).profile === null, 'the profile is removed');
    const addText = (await page.locator('#profile-edit').textContent()).trim();
    // (in Indonesian: her language is the one she last chose, on the phone above)
    t.check(addText === id['profile.add'], `and the page offers to add one (${addText})`);
  } finally {
    const back = await t.api('admin', 'PUT', `/api/regions/${REGION}/profile`, original || {});
    t.check(back.status === 200 && JSON.stringify(back.body.profile) === JSON.stringify(original), 'Surabaya\'s profile is put back as it was');
  }
}
