// The map pages as Surabaya's officer (siti) sees them, in both languages, at 1366 and
// 375 px: the region's partners map (one great-circle line per partnership whose two
// parties have coordinates), the network explorer for "Surabaya" (Liverpool with the
// record's MoU date and condition, the ego graph with as many places as the API
// counts, the statistics panel), the partner finder (candidates whose bars are the
// API's score components) with a refused parameter shown at its field; and that the
// map chunk is not loaded by the dashboard. Each page asks the API once for what it
// shows: the region map only GET /api/regions/{id}, the explorer one ego answer (no
// request per partner), the finder only GET /api/find-partners; none reads a dossier
// or network export or an assessment per partnership. Reads only: no record is changed.
const SIZES = [[1366, 768], [375, 740]];
const MAP_CHUNK = /\/assets\/(WorldMap|PartyMap|countries-110m)-[^/]*\.js$/;

const locale = (lang) => (lang === 'id' ? 'id-ID' : 'en-GB');
const date = (lang, d) => new Intl.DateTimeFormat(locale(lang), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' })
  .format(new Date(d + 'T00:00:00Z'));
const num2 = (lang, v) => new Intl.NumberFormat(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
// A finder score as the page writes it: two significant digits, at least three decimals.
const numScore = (lang, v) => {
  const d = v > 0 ? Math.min(12, Math.max(3, 1 - Math.floor(Math.log10(v)))) : 3;
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);
};
const num = (lang, v) => new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(v);
const CONDITION = {
  en: { active: 'Active', at_risk: 'At risk', dormant: 'Dormant', ended: 'Ended', not_in_force: 'Not in force', unknown: 'Unknown' },
  id: { active: 'Aktif', at_risk: 'Berisiko', dormant: 'Tidak aktif (dorman)', ended: 'Berakhir', not_in_force: 'Belum berlaku', unknown: 'Tidak diketahui' },
};

// At 375 px nothing makes the page wider than the screen (maps scroll inside).
async function fitsWidth(page, width) {
  return page.evaluate((w) => document.documentElement.scrollWidth <= w, width);
}

async function mapChunks(page) {
  return page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
    .then((names) => names.filter((n) => /\/assets\/(WorldMap|PartyMap|countries-110m)-[^/]*\.js$/.test(n)));
}

export default async function (t) {
  // What the API says, to compare the pages with.
  const region = (await t.api('siti', 'GET', '/api/regions/id-surabaya')).body;
  const dossier = (await t.api('siti', 'GET', '/api/export?region=id-surabaya')).body;
  const coords = new Map(dossier.regions.map((r) => [r.id, r]));
  const placed = (id) => typeof coords.get(id)?.lat === 'number' && typeof coords.get(id)?.lon === 'number';
  const mapped = region.partnerships.filter((p) => placed(p.home.id) && placed(p.partner.id)).map((p) => p.id).sort();
  t.check(mapped.length >= 5, `api: id-surabaya has partnerships with coordinates (${mapped.length})`);
  // The region's answer carries the dossier's coordinates for both parties.
  const sameCoords = region.partnerships.every((p) => [p.home, p.partner].every((x) =>
    placed(x.id) ? Math.abs(x.lat - coords.get(x.id).lat) < 1e-5 && Math.abs(x.lon - coords.get(x.id).lon) < 1e-5 : x.lat === undefined));
  t.check(sameCoords && Math.abs(region.region.lat - coords.get('id-surabaya').lat) < 1e-5,
    'api: /api/regions/id-surabaya carries the dossier\'s coordinates of the region and both parties');
  const liverpool = region.partnerships.find((p) => p.partner.id === 'gb-liverpool');
  t.check(liverpool?.mou_date === '2018-03-19', 'api: Surabaya–Liverpool MoU of 19 March 2018');
  const lvAssessment = (await t.api('siti', 'GET', `/api/partnerships/${liverpool.id}/assessment`)).body;
  const lvCondition = lvAssessment.partnerships[0].condition;
  t.check(liverpool.condition === lvCondition, `api: the region's answer has Liverpool's condition "${lvCondition}", as its assessment`);
  const ego = (await t.api('siti', 'GET', '/api/network/ego?place=' + encodeURIComponent('ID:surabaya') + '&depth=1')).body;
  const egoRing1 = ego.nodes.filter((n) => n.ring === 1);
  t.check(egoRing1.some((n) => n.name === 'Liverpool'), 'api: Liverpool is among Surabaya\'s ties in the network');
  t.check(ego.nodes.every((n) => typeof n.lat === 'number') && ego.edges.length === ego.edge_count,
    `api: the ego network has every place's coordinates and its ${ego.edge_count} ties`);
  const stats = (await t.api('siti', 'GET', '/api/network/stats')).body;
  const finder = (await t.api('siti', 'GET', '/api/find-partners?region=id-surabaya&needs=education&limit=5')).body;
  t.check(finder.candidates.length === 5, 'api: five candidates for Surabaya with the need "education"');

  let refusedChecked = false;
  for (const lang of ['en', 'id']) {
    for (const [width, height] of SIZES) {
      const tag = `${lang} ${width}`;
      const page = await t.open({ user: 'siti', lang, width, height });
      const loaded = [];
      page.on('request', (r) => MAP_CHUNK.test(r.url()) && loaded.push(r.url()));
      // The API requests the pages make (path and query).
      const calls = [];
      page.on('request', (r) => {
        const u = new URL(r.url());
        if (u.pathname.startsWith('/api/')) calls.push(u.pathname + u.search);
      });
      const since = (mark) => calls.slice(mark);
      const roundabout = (list) => list.filter((c) => /^\/api\/(export|network\/export)\b|\/assessment\b/.test(c));

      // The dashboard does not fetch the map chunk.
      await page.locator('table.partnerships').waitFor();
      t.check((await mapChunks(page)).length === 0 && loaded.length === 0, `dashboard (${tag}): no map chunk loaded`);

      // The region's partners map, reached from the dashboard's region name (once the
      // dashboard's own requests are done).
      await page.waitForFunction(() => !document.querySelector('[role=status]'), null, { timeout: 20000 });
      // The dashboard's per-row assessments may still be on their way (slow under the
      // sanitizers and load): they are not the region page's requests.
      await page.waitForLoadState('networkidle');
      let mark = calls.length;
      await page.locator('.lead a[href="/regions/id-surabaya"]').click();
      await page.locator('.world-map').waitFor();
      await page.locator('table.region-partners').waitFor();
      await page.waitForFunction(() => !document.querySelector('[role=status]'), null, { timeout: 20000 });
      t.check(loaded.length > 0, `region map (${tag}): the map chunk is fetched once a map page opens`);
      const lines = (await page.locator('.world-map path.route').evaluateAll((els) => els.map((e) => e.dataset.line))).sort();
      t.check(JSON.stringify(lines) === JSON.stringify(mapped), `region map (${tag}): one line per partnership with coordinates (${lines.length} = ${mapped.length})`);
      const rows = await page.locator('table.region-partners tbody tr').count();
      t.check(rows === region.partnerships.length, `region map (${tag}): every partnership listed (${rows})`);
      const lvRow = page.locator('tr[data-partnership="surabaya-liverpool"]');
      const lvText = await lvRow.textContent();
      t.check(lvText.includes(date(lang, '2018-03-19')) && lvText.includes(CONDITION[lang][lvCondition]),
        `region map (${tag}): Liverpool with MoU ${date(lang, '2018-03-19')} and "${CONDITION[lang][lvCondition]}"`);
      const lvLine = await page.locator('path.route[data-line="surabaya-liverpool"]').getAttribute('class');
      t.check(lvLine.includes('cond-' + lvCondition), `region map (${tag}): Liverpool's line coloured by its condition`);
      t.check(await page.locator('.world-map a[href="/partnerships/surabaya-liverpool"]').count() === 1, `region map (${tag}): Liverpool's point is a link`);
      t.check(await page.locator('.map-legend li').count() >= 1, `region map (${tag}): legend of the line colours`);
      const regionCalls = since(mark);
      t.check(regionCalls.length === 1 && regionCalls[0].startsWith('/api/regions/id-surabaya'),
        `region map (${tag}): one API request (${regionCalls.join(', ')})`);
      t.check(await fitsWidth(page, width), `region map (${tag}): no sideways scrolling of the page`);
      await t.axe(page, `region map (${tag})`);
      await t.shot(page, `region-map-${lang}-${width}`);

      // The network explorer, from the navigation: search, choose, see the ties.
      mark = calls.length;
      await page.locator('header nav a[href="/network"]').click();
      await page.locator('#net-search-input').fill('Surabaya');
      await page.locator('.net-search button[type=submit]').click();
      await page.locator('.net-choices a').first().waitFor();
      t.check(/Surabaya/.test(await page.locator('.net-choices a').first().textContent()), `network (${tag}): "Surabaya" found`);
      await page.locator('.net-choices a').first().click();
      await page.locator('table.ties tbody tr').first().waitFor();
      const tieRows = await page.locator('table.ties tbody tr').count();
      t.check(tieRows === egoRing1.length, `network (${tag}): one row per tie (${tieRows} = ${egoRing1.length})`);
      const lvTie = page.locator('table.ties tr', { hasText: 'Liverpool' });
      await lvTie.locator('.badge').waitFor({ timeout: 20000 });
      const lvTieText = await lvTie.textContent();
      t.check(lvTieText.includes(date(lang, '2018-03-19')), `network (${tag}): Liverpool with the record's MoU date ${date(lang, '2018-03-19')}`);
      t.check(lvTieText.includes(CONDITION[lang][lvCondition]), `network (${tag}): Liverpool with the record's condition "${CONDITION[lang][lvCondition]}"`);
      t.check(await lvTie.locator('a[href="/partnerships/surabaya-liverpool"]').count() === 1, `network (${tag}): Liverpool links to the record`);
      const nodes = await page.locator('.ego-graph [data-node]').count();
      t.check(nodes === ego.node_count, `network (${tag}): the graph has as many places as the API says (${nodes} = ${ego.node_count})`);
      const focusable = await page.locator('.ego-graph [data-node]').evaluateAll((els) => els.every((e) => {
        e.focus();
        return document.activeElement === e && e.tabIndex >= 0 && !!e.getAttribute('aria-label');
      }));
      t.check(focusable, `network (${tag}): every graph node is focusable and named`);
      await page.locator('.world-map path.route').first().waitFor();
      const netLines = await page.locator('.world-map path.route').count();
      t.check(netLines === egoRing1.length, `network (${tag}): a great-circle line per tie on the map (${netLines})`);
      await page.locator('dd[data-stat="nodes"]').waitFor({ timeout: 20000 });
      t.check((await page.locator('dd[data-stat="nodes"]').textContent()) === num(lang, stats.nodes) &&
        (await page.locator('dd[data-stat="components"]').textContent()) === num(lang, stats.components),
        `network (${tag}): statistics panel (${num(lang, stats.nodes)} places, ${num(lang, stats.components)} groups)`);
      for (const f of ['gexf', 'graphml', 'geojson']) {
        t.check(await page.locator(`a[href="/api/network/export?format=${f}"]`).count() === 1, `network (${tag}): ${f} export link`);
      }
      await page.waitForFunction(() => !document.querySelector('[role=status]'), null, { timeout: 20000 });
      const netCalls = since(mark);
      const egoCalls = netCalls.filter((c) => c.startsWith('/api/network/ego'));
      t.check(egoCalls.length === 1 && roundabout(netCalls).length === 0,
        `network (${tag}): one ego request, none per partner, no export or assessment (${netCalls.length} requests: ${netCalls.map((c) => c.split('?')[0]).join(', ')})`);
      t.check(await fitsWidth(page, width), `network (${tag}): no sideways scrolling of the page`);
      await t.axe(page, `network (${tag})`);
      await t.shot(page, `network-${lang}-${width}`);

      // The partner finder, from the navigation: Surabaya by default, one need.
      await page.locator('header nav a[href="/finder"]').click();
      await page.locator('#finder-region option[value="id-surabaya"]').waitFor({ state: 'attached' });
      t.check((await page.locator('#finder-region').inputValue()) === 'id-surabaya', `finder (${tag}): the user's region chosen by default`);
      await t.axe(page, `finder form (${tag})`);
      if (!refusedChecked) {
        // A country the server does not know is refused at the country field.
        await page.locator('#finder-country').fill('Atlantis');
        await page.locator('.finder-form button[type=submit]').click();
        await page.locator('#finder-country-error').waitFor();
        t.check((await page.locator('#finder-country').getAttribute('aria-invalid')) === 'true' &&
          (await page.locator('#finder-country').getAttribute('aria-describedby')) === 'finder-country-error',
          `finder (${tag}): an unknown country is shown at its field`);
        await page.locator('#finder-country').fill('');
        refusedChecked = true;
      }
      await page.locator('#need-education').check();
      await page.locator('#finder-limit').fill('5');
      mark = calls.length;
      // The ranking can answer in a few milliseconds; hold the answer back a
      // moment so the check sees what a user on a slow line sees.
      const slowFinder = async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue().catch(() => {});
      };
      await page.route('**/api/find-partners*', slowFinder);
      await page.locator('.finder-form button[type=submit]').click();
      const progress = await page.locator('.progress-line[role=status]').waitFor({ timeout: 3000 }).then(() => true, () => false);
      t.check(progress, `finder (${tag}): progress shown while the candidates are ranked`);
      await page.locator('ol.candidates > li').first().waitFor({ timeout: 20000 });
      await page.unroute('**/api/find-partners*', slowFinder);
      const items = page.locator('ol.candidates > li');
      t.check((await items.count()) === finder.candidates.length, `finder (${tag}): ${finder.candidates.length} candidates`);
      let barsMatch = true;
      let namesMatch = true;
      for (let i = 0; i < finder.candidates.length; i++) {
        const c = finder.candidates[i];
        const item = items.nth(i);
        if (!(await item.locator('h3').textContent()).includes(c.name)) namesMatch = false;
        const bars = await item.locator('table.bar-chart tr').evaluateAll((trs) => trs.map((tr) => ({
          width: Number(tr.querySelector('rect').getAttribute('width')),
          text: tr.querySelector('.bar-value').textContent,
        })));
        const expected = ['level', 'similarity', 'complementarity', 'proximity', 'network'].map((k) => c.components[k]);
        if (bars.length !== expected.length) barsMatch = false;
        bars.forEach((b, k) => {
          const v = expected[k];
          const w = v > 0 ? Math.max(0.5, v * 100) : 0;
          if (Math.abs(b.width - w) > 1e-6 || b.text !== num2(lang, v)) barsMatch = false;
        });
        if ((await item.locator('[data-score]').textContent()) !== numScore(lang, c.score)) barsMatch = false;
      }
      t.check(namesMatch, `finder (${tag}): the candidates in the API's order`);
      t.check(barsMatch, `finder (${tag}): each score component drawn as a bar of its value, written "${num2(lang, 0.29)}"`);
      await page.locator('#finder-map-caption').waitFor({ timeout: 20000 });
      t.check(await page.locator('.world-map path.route').count() === finder.candidates.length,
        `finder (${tag}): every candidate on the map with a line from the region`);
      const finderCalls = since(mark);
      t.check(finderCalls.filter((c) => c.startsWith('/api/find-partners')).length === 1 && roundabout(finderCalls).length === 0,
        `finder (${tag}): only the search itself (${finderCalls.map((c) => c.split('?')[0]).join(', ')})`);
      t.check(await fitsWidth(page, width), `finder (${tag}): no sideways scrolling of the page`);
      await t.axe(page, `finder results (${tag})`);
      await t.shot(page, `finder-${lang}-${width}`);
    }
  }

  // A ministry analyst (no region of their own): the explorer finds Kōchi despite the
  // gazetteer spelling it "Kochi", with Surabaya's record of the pair; a place outside
  // the network is said so; the finder asks for a region, found by name.
  const kochiEgo = (await t.api('kemendagri', 'GET', '/api/network/ego?place=' + encodeURIComponent('Kōchi, JP') + '&depth=1')).body;
  const semarang = (await t.api('kemendagri', 'GET', '/api/find-partners?region=id-semarang&limit=3')).body;
  const page = await t.open({ user: 'kemendagri', lang: 'en', width: 1366, height: 768 });
  await page.locator('table.partnerships').waitFor();
  await page.locator('header nav a[href="/network"]').click();
  await page.locator('#net-search-input').fill('Kōchi');
  await page.locator('.net-search button[type=submit]').click();
  await page.locator('.net-choices a', { hasText: 'Japan' }).first().click();
  await page.locator('table.ties tbody tr').first().waitFor();
  const kochiTies = kochiEgo.nodes.filter((n) => n.ring === 1).length;
  t.check((await page.locator('table.ties tbody tr').count()) === kochiTies, `network (kemendagri): Kōchi's ${kochiTies} ties`);
  const sbRow = page.locator('table.ties tr', { hasText: 'Surabaya' });
  await sbRow.locator('a[href="/partnerships/surabaya-kochi"]').waitFor({ timeout: 20000 }).catch(() => {});
  t.check((await sbRow.textContent()).includes('1997') && (await sbRow.locator('a[href="/partnerships/surabaya-kochi"]').count()) === 1,
    'network (kemendagri): Kōchi–Surabaya with the record\'s MoU year 1997 and a link to it');
  await page.goto(t.base + 'network?place=' + encodeURIComponent('Nowhereville, ID'));
  await page.locator('main [role=alert]').waitFor({ timeout: 20000 });
  t.check(/Nowhereville/.test(await page.locator('main [role=alert]').textContent()), 'network (kemendagri): a place outside the network is said so');
  await page.goto(t.base + 'finder');
  await page.locator('#finder-region').waitFor();
  t.check((await page.locator('#finder-region').inputValue()) === '', 'finder (kemendagri): no region chosen for a user without one');
  await page.locator('.finder-form button[type=submit]').click();
  await page.locator('#finder-region-error').waitFor();
  t.check((await page.locator('#finder-region').getAttribute('aria-invalid')) === 'true' &&
    (await page.evaluate(() => document.activeElement?.id)) === 'finder-region', 'finder (kemendagri): the missing region is shown at its field, which gets the focus');
  await page.locator('#finder-region-filter').fill('Semarang');
  await page.locator('#finder-region option[value="id-semarang"]').waitFor({ state: 'attached' });
  await page.locator('#finder-region').selectOption('id-semarang');
  await page.locator('#finder-limit').fill('3');
  await page.locator('.finder-form button[type=submit]').click();
  await page.locator('ol.candidates > li').first().waitFor({ timeout: 20000 });
  const names = await page.locator('ol.candidates > li h3').allTextContents();
  t.check(names.length === semarang.candidates.length && semarang.candidates.every((c, i) => names[i].includes(c.name)),
    `finder (kemendagri): Semarang's candidates as the API ranks them (${semarang.candidates.map((c) => c.name).join(', ')})`);
  t.check(new URL(page.url()).search.includes('region=id-semarang'), 'finder (kemendagri): the search is in the address, to bookmark');

  // A city nobody recorded, written as its office writes it: any place, by name.
  const solo = (await t.api('kemendagri', 'GET', '/api/find-partners?region=' + encodeURIComponent('Kota Surakarta') + '&limit=3')).body;
  t.check(solo.region_name === 'Surakarta' && solo.candidates.length === 3, 'api: "Kota Surakarta" is Surakarta, a city without a partner');
  await page.locator('#finder-region-filter').fill('Kota Surakarta');
  await page.locator('#finder-region option[value="Kota Surakarta"]').waitFor({ state: 'attached' });
  await page.locator('#finder-region').selectOption('Kota Surakarta');
  await page.locator('.finder-form button[type=submit]').click();
  await page.waitForFunction(() => new URL(location.href).search.includes('Surakarta'), null, { timeout: 20000 });
  await page.locator('ol.candidates > li').first().waitFor({ timeout: 20000 });
  const soloNames = await page.locator('ol.candidates > li h3').allTextContents();
  t.check(soloNames.length === solo.candidates.length && solo.candidates.every((c, i) => soloNames[i].includes(c.name)),
    `finder (kemendagri): any place by name, Surakarta's candidates as the API ranks them (${solo.candidates.map((c) => c.name).join(', ')})`);
  await t.axe(page, 'finder results for any place (kemendagri)');
}
