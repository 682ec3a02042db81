// The ministry's journey and the administrator's: the national overview as the home-
// affairs ministry's analyst (`kemendagri`, a viewer) sees it, in Indonesian at 1366,
// checked against /api/status; that a viewer finds no control to change anything and
// that the server refuses him a write; the renewal calendar of Surabaya (`siti`) against
// /api/calendar, its subscription link fetched without a cookie and renewed; and the
// administration as `admin`: a user added through the form and found in the list and
// the audit log, an API token made and revoked. axe-core on every page added here, in
// both languages, at 1366×768 and 375×740.
//
// The journey writes two partnerships of Surabaya (with an MoU validity, so that the
// calendar has entries: the bundled data records none), one user and one token, and
// removes them again; it does not touch Surabaya–Liverpool.

const SIZES = [[1366, 768], [375, 740]];
const LANGS = ['id', 'en'];

const pct = (n, lang) => new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(n);
const num = (n, lang) => new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB').format(n);
const norm = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();

// Buttons, links and fields that would change a record: none may reach a viewer.
const WRITE_WORDS = /\b(ubah|hapus|tambah|simpan|impor|edit|delete|add|save|import|remove|new partnership|kemitraan baru)\b/i;
async function writeControls(page) {
  return page.evaluate((src) => {
    const re = new RegExp(src, 'i');
    const found = [];
    for (const el of document.querySelectorAll('main button, main a, main input[type=submit], main [role=button]')) {
      const text = (el.textContent || el.value || el.getAttribute('aria-label') || '').trim();
      if (re.test(text)) found.push(text);
    }
    for (const f of document.querySelectorAll('main form')) {
      if (!f.matches('[role=search]') && f.querySelector('input:not([type=search]), textarea')) found.push('form #' + (f.id || f.className));
    }
    return found;
  }, WRITE_WORDS.source);
}

// t.open returns once the login form is submitted; the app is ready for the user when
// the navigation shows (it has the dashboard link for everyone).
async function open(t, options) {
  const page = await t.open(options);
  await page.locator('header nav a[href="/"]').waitFor();
  return page;
}

function dateAdd(day, months) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

async function national(t) {
  const [byProvince, byCountry, exported] = await Promise.all([
    t.api('kemendagri', 'GET', '/api/status?by=province&lang=id'),
    t.api('kemendagri', 'GET', '/api/status?by=country&lang=id'),
    t.api('kemendagri', 'GET', '/api/export'),
  ]);
  t.check(byProvince.status === 200 && byProvince.body.groups.length > 5, `national: /api/status?by=province answers ${byProvince.body.groups?.length} provinces`);
  const groups = byProvince.body.groups;

  const page = await open(t, { user: 'kemendagri', lang: 'id', width: 1366, height: 768 });
  // The page needs no dossier export: the status answers name the groups and carry
  // the national totals, the province's list comes from /api/regions and its regions'
  // partnerships.
  const exports = [];
  page.on('request', (r) => new URL(r.url()).pathname === '/api/export' && exports.push(r.url()));
  // The navigation: the overview for everyone, the administration not for a viewer.
  t.check(await page.locator('header nav a[href="/national"]').count() === 1, 'national: the navigation of a viewer has "Gambaran nasional"');
  t.check(await page.locator('header nav a[href="/admin"]').count() === 0, 'national: the navigation of a viewer has no administration');
  await page.locator('table.partnerships tbody tr').first().waitFor();
  const onDashboard = await writeControls(page);
  t.check(onDashboard.length === 0, `viewer: the dashboard has no control to add, change or delete${onDashboard.length ? ': ' + onDashboard.join(', ') : ''}`);
  await page.locator('header nav a[href="/national"]').click();
  await page.locator('table.national-table tbody tr').first().waitFor();
  t.check(norm(await page.locator('h1').textContent()) === 'Gambaran nasional', 'national: the heading is "Gambaran nasional"');

  // Every province with its total and its counts per condition, as the API says.
  const rows = await page.locator('table.national-table tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    name: tr.querySelector('th').textContent.trim(),
    cells: [...tr.querySelectorAll('td')].map((td) => td.textContent.trim()),
  })));
  t.check(rows.length === groups.length, `national: ${rows.length} province rows for ${groups.length} provinces`);
  const conds = ['active', 'at_risk', 'dormant', 'ended', 'not_in_force', 'unknown'];
  const wrong = groups.filter((g) => {
    const r = rows.find((x) => x.name === g.name);
    return !r || r.cells[0] !== num(g.total, 'id') || conds.some((c, i) => r.cells[1 + i] !== num(g.conditions[c], 'id'));
  });
  t.check(wrong.length === 0, `national: every province's total and conditions match the API${wrong.length ? ': ' + wrong.map((g) => g.name).join(', ') : ''}`);
  const jatim = groups.find((g) => g.name === 'Jawa Timur');
  t.check(!!jatim && rows.some((r) => r.name === 'Jawa Timur' && r.cells[0] === String(jatim.total)), `national: Jawa Timur with ${jatim?.total} partnerships`);
  // Largest first, as the chart is drawn.
  t.check(rows[0].name === [...groups].sort((a, b) => b.total - a.total)[0].name, `national: the largest province (${rows[0].name}) comes first`);
  // The chart: one row per province, the drawing's segments in the condition colours.
  t.check(await page.locator('table.bar-chart.stacked tbody tr').count() === groups.length, 'national: the stacked chart has one bar per province');
  const dormantSegments = await page.locator('table.bar-chart.stacked g.cond-dormant rect').count();
  t.check(dormantSegments === groups.filter((g) => g.conditions.dormant > 0).length, `national: ${dormantSegments} dormant segments, one per province with dormant partnerships`);

  // The MoUs without activity, and the reasons with their counts.
  const signed = groups.reduce((n, g) => n + g.mou_signed, 0);
  const idle = groups.reduce((n, g) => n + g.mou_not_active, 0);
  t.check(byProvince.body.mou_signed === signed && byProvince.body.mou_not_active === idle,
    `api: the national MoU totals are the groups' sums (${idle} of ${signed})`);
  t.check(norm(await page.locator('#national-mou-idle').textContent()) === pct(idle / signed, 'id'),
    `national: signed MoUs without activity shown as ${pct(idle / signed, 'id')} (${idle} of ${signed})`);
  // Every reason over all the partnerships, as the answer's national list gives it
  // (at least what the groups' top three add up to).
  const reasons = new Map(byProvince.body.reasons.map((r) => [r.label, r.count]));
  const fromGroups = new Map();
  for (const g of groups) for (const r of g.reasons) fromGroups.set(r.label, (fromGroups.get(r.label) || 0) + r.count);
  t.check([...fromGroups].every(([l, n]) => (reasons.get(l) || 0) >= n), 'api: the national reasons cover the groups\' main reasons');
  const shownReasons = await page.locator('section[aria-labelledby="reasons-title"] table.bar-chart tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('.bar-value').textContent.trim()]));
  t.check(reasons.size > 0 && shownReasons.length === reasons.size &&
    shownReasons.every(([label, n]) => reasons.get(label) === Number(n)),
  `national: the main reasons with their counts (${shownReasons.map(([l, n]) => `${l} ${n}`).join('; ')})`);
  const top = [...reasons.entries()].sort((a, b) => b[1] - a[1])[0];
  t.check(shownReasons[0]?.[0] === top[0], `national: the most frequent reason first ("${top[0]}")`);
  t.check(await writeControls(page).then((f) => f.length === 0), 'viewer: the national overview has no control to add, change or delete');
  await t.shot(page, 'national-id-1366');

  // The country view: names in Indonesian, as /api/status?lang=id gives them.
  await page.getByLabel('Negara mitra').check();
  await page.locator('h2#groups-title', { hasText: 'negara mitra' }).waitFor();
  const countries = await page.locator('table.national-table tbody th').allTextContents();
  const expected = byCountry.body.groups;
  t.check(countries.length === expected.length && expected.every((g) => countries.includes(g.name)),
    `national: the country view lists the ${expected.length} partner countries`);
  t.check(countries.includes('Amerika Serikat') && !countries.includes('United States'), 'national: country names in Indonesian ("Amerika Serikat")');
  const china = expected.find((g) => g.name === 'Tiongkok' || g.name === 'Cina' || g.name === 'China');
  if (china) {
    const cells = await page.locator('table.national-table tbody tr', { has: page.locator(`th:text-is("${china.name}")`) }).locator('td').allTextContents();
    t.check(cells[0] === String(china.total), `national: ${china.name} with ${china.total} partnerships`);
  }
  t.check(new URL(page.url()).searchParams.get('by') === 'country', 'national: the country view has its own address (?by=country)');
  await t.shot(page, 'national-country-id-1366');

  // The province filter: Jawa Timur's partnerships, Surabaya–Liverpool among them.
  await page.goto(new URL('national', t.base).href);
  await page.locator('#national-province').selectOption('Jawa Timur');
  await page.locator('ul.province-partnerships li').first().waitFor();
  t.check(new URL(page.url()).searchParams.get('province') === 'id-jawa-timur', 'national: the province filter\'s address is its region id (?province=id-jawa-timur)');
  const regions = new Map(exported.body.regions.map((r) => [r.id, r]));
  const inJatim = exported.body.partnerships.filter((p) => {
    const r = regions.get(p.parties[0]);
    return r && (r.id === 'id-jawa-timur' || r.parent === 'id-jawa-timur');
  });
  const listed = await page.locator('ul.province-partnerships li a').count();
  t.check(listed === inJatim.length && listed === jatim.total, `national: Jawa Timur lists its ${jatim.total} partnerships`);
  t.check(await page.locator('ul.province-partnerships a[href="/partnerships/surabaya-liverpool"]').count() === 1, 'national: Surabaya – Liverpool is among them, linked to its page');
  t.check(await page.locator('table.national-table tbody tr').count() === 1, 'national: the table narrows to the chosen province');
  t.check(exports.length === 0, `national: no dossier export requested (${exports.length})`);
  await t.axe(page, 'national, one province (id 1366)');

  // A partnership's page: nothing to change either.
  await page.locator('ul.province-partnerships a[href="/partnerships/surabaya-liverpool"]').click();
  await page.locator('h1', { hasText: 'Liverpool' }).waitFor();
  await page.waitForLoadState('networkidle');
  const onPartnership = await writeControls(page);
  t.check(onPartnership.length === 0, `viewer: a partnership's page has no control to add, change or delete${onPartnership.length ? ': ' + onPartnership.join(', ') : ''}`);

  // The server refuses him a write whatever the page shows.
  const post = await t.api('kemendagri', 'POST', '/api/partnerships', { id: 'kemendagri-try', kind: 'sister_city', parties: ['id-surabaya', 'th-bangkok'] });
  t.check(post.status === 403, `viewer: POST /api/partnerships is refused (${post.status})`);
  const patch = await t.api('kemendagri', 'PATCH', '/api/partnerships/surabaya-liverpool', { title: 'changed by a viewer' });
  t.check(patch.status === 403, `viewer: PATCH of Surabaya–Liverpool is refused (${patch.status})`);
  const users = await t.api('kemendagri', 'GET', '/api/users');
  t.check(users.status === 403, `viewer: GET /api/users is refused (${users.status})`);

  // The administration's address: a clear refusal, no request made.
  await page.goto(new URL('admin', t.base).href);
  await page.locator('#admin-only-title').waitFor();
  t.check(/administrator/i.test(await page.locator('main').textContent()) && await page.locator('#users-table').count() === 0,
    'viewer: /admin says it is for administrators only');

  // Both languages, both sizes: axe-core and screenshots.
  const jatimEn = regions.get('id-jawa-timur')?.names?.en;
  for (const lang of LANGS) {
    for (const [width, height] of SIZES) {
      const p = lang === 'id' && width === 1366 ? page : await open(t, { user: 'kemendagri', lang, width, height });
      await p.goto(new URL('national', t.base).href);
      await p.locator('table.national-table tbody tr').first().waitFor();
      if (lang === 'en' && jatimEn) {
        const pageExports = [];
        p.on('request', (r) => new URL(r.url()).pathname === '/api/export' && pageExports.push(r.url()));
        await p.reload();
        await p.locator('table.national-table tbody th', { hasText: jatimEn }).waitFor();
        t.check(pageExports.length === 0, `national (en ${width}): provinces named in English ("${jatimEn}") without a dossier export`);
      }
      await t.axe(p, `national (${lang} ${width})`);
      if (!(lang === 'id' && width === 1366)) await t.shot(p, `national-${lang}-${width}`);
      await p.goto(new URL('national?by=country', t.base).href);
      await p.locator('table.national-table tbody tr').first().waitFor();
      await t.axe(p, `national by country (${lang} ${width})`);
    }
  }
}

async function calendar(t) {
  // Two partnerships of Surabaya with an MoU validity: one expiring within the year
  // (its renewal deadline already passed), one expired without renewal.
  const before = await t.api('siti', 'GET', '/api/calendar?region=id-surabaya&months=12');
  const asOf = before.body.as_of;
  const regions = (await t.api('siti', 'GET', '/api/regions')).body.items;
  const partnered = new Set((await t.api('siti', 'GET', '/api/partnerships?region=id-surabaya&per_page=500')).body.items.map((p) => p.partner.id));
  const foreign = regions.filter((r) => r.country !== 'ID' && !partnered.has(r.id)).slice(0, 2);
  const suffix = Date.now().toString(36);
  const made = [
    { id: `surabaya-e2e-renewal-${suffix}`, kind: 'sister_city', parties: ['id-surabaya', foreign[0].id],
      title: 'e2e calendar: expiring', events: [{ type: 'mou_signed', date: dateAdd(asOf, -10), valid_years: 1 }] },
    { id: `surabaya-e2e-expired-${suffix}`, kind: 'sister_city', parties: ['id-surabaya', foreign[1].id],
      title: 'e2e calendar: expired', events: [{ type: 'mou_signed', date: '2015-01-01', valid_years: 2 }] },
  ];
  try {
    for (const p of made) {
      const r = await t.api('siti', 'POST', '/api/partnerships', p);
      t.check(r.status === 201, `calendar: set-up partnership ${p.id} stored (${r.status})`);
    }
    const cal = (await t.api('siti', 'GET', '/api/calendar?region=id-surabaya&months=12')).body;
    t.check(cal.entries.length >= 2 && cal.entries.some((e) => e.partnership === made[0].id && e.kind === 'expiry'),
      `calendar: /api/calendar?region=id-surabaya has ${cal.entries.length} entries`);

    const page = await open(t, { user: 'siti', lang: 'id', width: 1366, height: 768 });
    await page.locator('header nav a[href="/calendar"]').click();
    await page.locator('li.cal-entry').first().waitFor();
    await page.locator('#calendar-feed').waitFor();
    const shown = await page.locator('li.cal-entry').evaluateAll((lis) => lis.map((li) => ({
      day: li.querySelector('time').getAttribute('datetime'),
      href: li.querySelector('a').getAttribute('href'),
      text: li.textContent,
      overdue: li.classList.contains('cal-overdue'),
    })));
    t.check(shown.length === cal.entries.length && cal.entries.every((e, i) =>
      shown[i].day === e.day && shown[i].href === `/partnerships/${e.partnership}` && shown[i].overdue === !!e.overdue),
    `calendar: the ${cal.entries.length} entries of Surabaya, in order, each linked to its partnership`);
    const months = new Set(cal.entries.map((e) => e.day.slice(0, 7)));
    t.check(await page.locator('section.cal-month').count() === months.size, `calendar: grouped in ${months.size} months`);
    const expiry = shown.find((s) => s.href === `/partnerships/${made[0].id}` && /MoU berakhir/.test(s.text));
    t.check(!!expiry, 'calendar: the expiry reads "MoU berakhir" with the partnership\'s name');
    t.check(shown.some((s) => s.href === `/partnerships/${made[0].id}` && /Mulai perpanjangan MoU/.test(s.text)), 'calendar: the renewal deadline reads "Mulai perpanjangan MoU"');
    const withoutValidity = await page.locator('#calendar-without-validity a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    t.check(withoutValidity.length === cal.without_validity.length && cal.without_validity.every((id) => withoutValidity.includes(`/partnerships/${id}`)),
      `calendar: the ${cal.without_validity.length} agreements without a recorded validity`);
    t.check(await page.locator('#calendar-without-validity a[href="/partnerships/surabaya-liverpool"]').textContent().then((s) => /Surabaya.*Liverpool/.test(s)),
      'calendar: named as "Surabaya – Liverpool", not by id');
    const expired = await page.locator('#calendar-expired a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    t.check(cal.expired_unrenewed.length >= 1 && expired.length === cal.expired_unrenewed.length && expired.includes(`/partnerships/${made[1].id}`),
      'calendar: the expired, unrenewed agreement is listed');

    // The subscription link: the feed token of /api/me, absolute; it works without a cookie.
    const me = (await t.api('siti', 'GET', '/api/me')).body;
    const feed = await page.locator('#calendar-feed').inputValue();
    t.check(feed.startsWith(new URL('/api/calendar.ics?feed=' + me.feed_token, t.base).href), `calendar: the subscription link carries the feed token (${feed.slice(0, 60)}…)`);
    t.check(await page.locator('#calendar-feed').getAttribute('readonly') !== null, 'calendar: the subscription link is read-only');
    t.check((await page.locator('#calendar-webcal').getAttribute('href')) === feed.replace(/^https?:/, 'webcal:'), 'calendar: the webcal: link is the same address');
    const ics = await fetch(feed);
    const icsText = await ics.text();
    t.check(ics.status === 200 && /^text\/calendar/.test(ics.headers.get('content-type')) && icsText.startsWith('BEGIN:VCALENDAR') && icsText.includes(`UID:${made[0].id}-expiry`),
      `calendar: the subscription link fetched without a cookie is a text/calendar with the expiry (${ics.status} ${ics.headers.get('content-type')})`);
    const download = await page.locator('#calendar-download').getAttribute('href');
    const got = await page.evaluate(async (href) => {
      const r = await fetch(href);
      return { status: r.status, type: r.headers.get('content-type'), text: await r.text() };
    }, download);
    t.check(got.status === 200 && /^text\/calendar/.test(got.type) && got.text.includes('BEGIN:VEVENT'), 'calendar: the .ics download (with the session) is a calendar');
    await t.shot(page, 'calendar-id-1366');

    // A new link: the old one stops working at once.
    await page.locator('#calendar-rotate').click();
    await page.locator('.status-line', { hasText: 'tautan lama tidak berlaku' }).waitFor();
    const fresh = await page.locator('#calendar-feed').inputValue();
    const me2 = (await t.api('siti', 'GET', '/api/me')).body;
    t.check(fresh !== feed && fresh.includes(me2.feed_token), 'calendar: "Buat tautan baru" shows the new feed token');
    t.check((await fetch(feed)).status === 401, 'calendar: the old subscription link is refused (401)');
    t.check((await fetch(fresh)).status === 200, 'calendar: the new subscription link works');

    // A national user chooses the region: Surabaya's entries again.
    const kp = await open(t, { user: 'kemendagri', lang: 'en', width: 1366, height: 768 });
    await kp.goto(new URL('calendar', t.base).href);
    await kp.locator('#calendar-region option[value="id-surabaya"]').waitFor({ state: 'attached' });
    await kp.locator('#calendar-region').selectOption('id-surabaya');
    await kp.waitForURL(/region=id-surabaya/);
    await kp.locator(`li.cal-entry a[href="/partnerships/${made[0].id}"]`).first().waitFor();
    t.check(await kp.locator('li.cal-entry').count() === cal.entries.length, 'calendar: a national user picks Surabaya and sees the same entries');

    for (const lang of LANGS) {
      for (const [width, height] of SIZES) {
        const p = lang === 'id' && width === 1366 ? page : await open(t, { user: 'siti', lang, width, height });
        await p.goto(new URL('calendar', t.base).href);
        await p.locator('li.cal-entry').first().waitFor();
        await p.locator('#calendar-feed').waitFor();
        await t.axe(p, `calendar (${lang} ${width})`);
        if (!(lang === 'id' && width === 1366)) await t.shot(p, `calendar-${lang}-${width}`);
      }
    }
  } finally {
    for (const p of made) await t.api('siti', 'DELETE', `/api/partnerships/${p.id}`);
  }
  const after = await t.api('siti', 'GET', `/api/partnerships/${made[0].id}`);
  t.check(after.status === 404, 'calendar: the set-up partnerships are removed again');
}

async function admin(t) {
  const name = 'e2e-ov-' + Date.now().toString(36);
  const page = await open(t, { user: 'admin', lang: 'id', width: 1366, height: 768 });
  t.check(await page.locator('header nav a[href="/admin"]').count() === 1, 'admin: the navigation of an administrator has "Administrasi"');
  await page.locator('header nav a[href="/admin"]').click();
  await page.locator('#users-table tbody tr').first().waitFor();
  const listed = (await t.api('admin', 'GET', '/api/users')).body.items;
  t.check(await page.locator('#users-table tbody tr').count() === listed.length, `admin: the ${listed.length} users of /api/users are listed`);

  // A password too short: refused at its field, nothing sent.
  await page.locator('#new-user-name').fill(name);
  await page.locator('#new-user-password').fill('pendek');
  await page.locator('#new-user-regions-filter').fill('Semarang');
  await page.locator('input[name="new-user-regions"][value="id-semarang"]').check();
  await page.getByRole('button', { name: 'Tambahkan pengguna' }).click();
  await page.locator('#new-user-password-error').waitFor();
  t.check(/10 karakter/.test(await page.locator('#new-user-password-error').textContent()) &&
    (await page.locator('#new-user-password').getAttribute('aria-invalid')) === 'true' &&
    (await page.locator('#new-user-password').getAttribute('aria-describedby')).includes('new-user-password-error'),
  'admin: a 6-character password is refused at its field (aria-invalid, aria-describedby)');
  t.check(!(await t.api('admin', 'GET', '/api/users')).body.items.some((u) => u.name === name), 'admin: no user was created by the refused form');

  // A name that is taken: the server's 409 with field "name", shown at the name.
  await page.locator('#new-user-name').fill('siti');
  await page.locator('#new-user-password').fill('kata-sandi-baru-456');
  await page.getByRole('button', { name: 'Tambahkan pengguna' }).click();
  await page.locator('#new-user-name-error').waitFor();
  t.check(/siti/.test(await page.locator('#new-user-name-error').textContent()), 'admin: a taken name is refused by the server at the name field');

  // The real thing.
  await page.locator('#new-user-name').fill(name);
  await page.locator('#new-user-language').selectOption('en');
  await page.getByRole('button', { name: 'Tambahkan pengguna' }).click();
  await page.locator(`#users-table tr[data-user="${name}"]`).waitFor();
  const stored = (await t.api('admin', 'GET', '/api/users')).body.items.find((u) => u.name === name);
  t.check(stored?.role === 'editor' && stored.regions.join() === 'id-semarang' && stored.language === 'en',
    `admin: the user ${name} is stored as editor of id-semarang, in English`);
  t.check(/Semarang/.test(await page.locator(`#users-table tr[data-user="${name}"]`).textContent()), 'admin: the new user is in the list with its region');
  const login = await fetch(new URL('api/session', t.base), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: name, password: 'kata-sandi-baru-456' }) });
  t.check(login.status === 200, 'admin: the new user can log in with the password given');

  // Edit: the role.
  await page.locator(`#users-table tr[data-user="${name}"] button`, { hasText: 'Ubah' }).click();
  await page.locator(`#edit-${name}-role`).selectOption('viewer');
  await page.locator(`#edit-${name}`).getByRole('button', { name: 'Simpan perubahan' }).click();
  await page.locator(`#edit-${name} .status-line`, { hasText: 'disimpan' }).waitFor();
  t.check((await t.api('admin', 'GET', '/api/users')).body.items.find((u) => u.name === name)?.role === 'viewer', 'admin: the role changed to viewer');

  // The last admin cannot be deleted: the server's refusal is shown at the row.
  await page.locator('#users-table tr[data-user="admin"] button', { hasText: 'Hapus' }).click();
  await page.locator('#users-table tr[data-user="admin"] button', { hasText: 'Ya, hapus' }).click();
  await page.locator('#users-table tr[data-user="admin"] [role=alert]').waitFor();
  t.check(/admin aktif terakhir/.test(await page.locator('#users-table tr[data-user="admin"] [role=alert]').textContent()) &&
    (await t.api('admin', 'GET', '/api/users')).body.items.some((u) => u.name === 'admin'),
  'admin: deleting the last admin is refused and the refusal shown in Indonesian');
  await t.axe(page, 'admin users (id 1366)');
  await t.shot(page, 'admin-users-id-1366');

  // The audit log, filtered by action: the creation of the user.
  await page.locator('nav.tabs a', { hasText: 'Log audit' }).click();
  await page.locator('#audit-action').fill('user.add');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.waitForURL(/action=user.add/);
  await page.locator(`#audit-table tbody tr td:text-is("${name}")`).first().waitFor();
  const audit = (await t.api('admin', 'GET', '/api/audit?action=user.add&per_page=50')).body;
  const first = page.locator('#audit-table tbody tr').first();
  const cells = await first.locator('td').allTextContents();
  t.check(await page.locator('#audit-table tbody tr').count() === Math.min(audit.total, 50) &&
    (await first.getAttribute('data-seq')) === String(audit.items[0].seq),
  `admin: the audit log filtered by "user.add" shows the ${audit.total} entries of /api/audit, newest first`);
  t.check(cells[1] === 'admin' && cells[3] === 'user.add' && cells[4] === name && cells[2] === audit.items[0].address,
    `admin: the newest entry: admin added ${name} from ${audit.items[0].address}`);
  t.check(/\d{4}/.test(cells[0]) && /[A-Z][a-z]+/.test(cells[0]) && /\d{2}[.:]\d{2}/.test(cells[0]), `admin: its time in Indonesian with the hour ("${cells[0]}")`);
  await first.locator('summary').click();
  t.check((await first.locator('pre.json').last().textContent()).includes(`"name": "${name}"`), 'admin: the entry\'s "after" shows the user as readable JSON');
  // A region that does not exist: the server's 404 with field "region", at the field.
  await page.locator('#audit-region').fill('tidak-ada-daerah-ini');
  await page.getByRole('button', { name: 'Tampilkan' }).click();
  await page.locator('#audit-region-error').waitFor();
  t.check((await page.locator('#audit-region').getAttribute('aria-invalid')) === 'true', 'admin: an unknown region in the audit filter is refused at its field');
  await page.getByRole('button', { name: 'Hapus saringan' }).click();
  await page.locator('#audit-table tbody tr').first().waitFor();
  await first.locator('summary').click();
  await t.axe(page, 'admin audit (id 1366)');
  await t.shot(page, 'admin-audit-id-1366');

  // An API token: shown once, works, revoked, stops working.
  await page.locator('nav.tabs a', { hasText: 'Token API' }).click();
  await page.locator('#new-token-label').fill('e2e ' + name);
  await page.getByRole('button', { name: 'Buat token' }).click();
  await page.locator('#new-token-value').waitFor();
  const token = await page.locator('#new-token-value').inputValue();
  t.check(/^kbt_[0-9a-f]{64}$/.test(token) && /hanya ditampilkan sekali/.test(await page.locator('#new-token-warning').textContent()),
    'admin: the new token is shown once, with the warning');
  const tokens = (await t.api('admin', 'GET', '/api/tokens')).body.items;
  const mine = tokens.find((x) => x.label === 'e2e ' + name);
  t.check(!!mine && !JSON.stringify(tokens).includes(token), 'admin: the token is listed by /api/tokens (without its value)');
  const bearer = () => fetch(new URL('api/me', t.base), { headers: { Authorization: 'Bearer ' + token } });
  t.check((await bearer()).status === 200, 'admin: the token authenticates');
  await t.axe(page, 'admin tokens (id 1366)');
  await t.shot(page, 'admin-tokens-id-1366');
  await page.locator(`#tokens-table tr[data-token="${mine.id}"] button`, { hasText: 'Cabut' }).click();
  await page.locator(`#tokens-table tr[data-token="${mine.id}"] button`, { hasText: 'Ya, cabut' }).click();
  await page.locator(`#tokens-table tr[data-token="${mine.id}"]`).waitFor({ state: 'detached' });
  t.check(!(await t.api('admin', 'GET', '/api/tokens')).body.items.some((x) => x.id === mine.id), 'admin: the revoked token is gone from /api/tokens');
  t.check((await bearer()).status === 401, 'admin: the revoked token no longer authenticates');

  // Delete the user through the page.
  await page.locator('nav.tabs a', { hasText: 'Pengguna' }).click();
  await page.locator(`#users-table tr[data-user="${name}"] button`, { hasText: 'Hapus' }).click();
  await page.locator(`#users-table tr[data-user="${name}"] button`, { hasText: 'Ya, hapus' }).click();
  await page.locator(`#users-table tr[data-user="${name}"]`).waitFor({ state: 'detached' });
  t.check(!(await t.api('admin', 'GET', '/api/users')).body.items.some((u) => u.name === name), 'admin: the user is deleted');

  // An editor at /admin: refused, and no administration in the navigation.
  const sp = await open(t, { user: 'siti', lang: 'en', width: 375, height: 740 });
  t.check(await sp.locator('header nav a[href="/admin"]').count() === 0, 'admin: an editor\'s navigation has no administration');
  await sp.goto(new URL('admin', t.base).href);
  await sp.locator('#admin-only-title').waitFor();
  t.check(norm(await sp.locator('#admin-only-title').textContent()) === 'Only administrators', 'admin: an editor at /admin reads "Only administrators"');
  await t.axe(sp, 'admin refused (en 375)');

  for (const lang of LANGS) {
    for (const [width, height] of SIZES) {
      if (lang === 'id' && width === 1366) continue;
      const p = await open(t, { user: 'admin', lang, width, height });
      for (const tab of ['users', 'tokens', 'audit']) {
        await p.goto(new URL('admin?tab=' + tab, t.base).href);
        await p.locator(tab === 'users' ? '#users-table tbody tr' : tab === 'audit' ? '#audit-table tbody tr' : '#new-token-label').first().waitFor();
        if (tab === 'audit') await p.locator('#audit-table tbody tr summary').first().click();
        await t.axe(p, `admin ${tab} (${lang} ${width})`);
        await t.shot(p, `admin-${tab}-${lang}-${width}`);
      }
    }
  }
}

export default async function (t) {
  await national(t);
  await calendar(t);
  await admin(t);
}
