// The partner finder (issue 12): a region, the fields it needs, optional country and
// level filters → GET /api/find-partners, the candidates ranked with their score, each
// component of the score as a bar, the explanation, and a map with lines from the
// region. The form's state lives in the address (/finder?region=&needs=...), so a
// search can be bookmarked and sent.
//
// One request: the answer carries the region's coordinates (region_lat/region_lon)
// and each candidate's (lat/lon), so the map needs nothing else, and a stored region's
// partner-wanted profile (region_profile: what it seeks and offers, shown above the
// candidates). The two-way matches ranked below the top (`two_way_below`) are listed
// after the candidates.
import { useEffect, useState } from 'preact/hooks';
import { BarChart } from '../components/BarChart.jsx';
import { ErrorView } from '../components/ErrorView.jsx';
import { fieldList, ProfileFacts } from '../components/ProfileSection.jsx';
import { LazyWorldMap } from '../components/LazyWorldMap.jsx';
import { compareText } from '../i18n/format.js';
import { fmt, label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useDebounced, useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { countryName } from '../lib/names.js';
import { navigate, useLocation } from '../lib/router.js';

// The dossier's field vocabulary (schemas/dossier-v1.schema.json, $defs/field): what
// `needs=` accepts.
export const FIELDS = [
  'port_logistics', 'education', 'science_technology', 'culture', 'tourism', 'environment',
  'economy_trade', 'investment', 'creative_economy', 'smart_city', 'human_resources', 'sports',
  'urban_planning', 'infrastructure', 'e_government', 'agriculture', 'flood_management', 'smes',
  'health', 'youth', 'governance', 'other',
];
const LEVELS = ['province', 'state', 'prefecture', 'city', 'regency', 'municipality', 'district', 'institution', 'other'];
// The total as the explanation writes it: two significant digits, at least three
// decimals (the score is the chance that the candidate is the partner among all
// 135k places: 0.050, 0.0000052).
const scoreDigits = (v) => {
  const d = v > 0 ? Math.min(12, Math.max(3, 1 - Math.floor(Math.log10(v)))) : 3;
  return { minimumFractionDigits: d, maximumFractionDigits: d };
};
const COMPONENTS = ['level', 'similarity', 'complementarity', 'proximity', 'network'];

function formFromQuery(query, user) {
  return {
    region: query.get('region') || user?.regions?.[0] || '',
    needs: (query.get('needs') || '').split(',').filter(Boolean),
    country: query.get('country') || '',
    level: query.get('level') || '',
    limit: query.get('limit') || '10',
  };
}

function queryOf(f) {
  const q = new URLSearchParams();
  q.set('region', f.region);
  if (f.needs.length) q.set('needs', f.needs.join(','));
  if (f.country.trim()) q.set('country', f.country.trim());
  if (f.level) q.set('level', f.level);
  q.set('limit', String(f.limit).trim());
  return q.toString();
}

async function search(f, signal) {
  const answer = await api.get('/api/find-partners', {
    region: f.region,
    needs: f.needs.join(','),
    country: f.country.trim(),
    level: f.level,
    limit: String(f.limit).trim(),
  }, { signal });
  return { answer };
}

function FieldError({ id, error }) {
  return error ? <p id={id} class="form-error" role="alert">{error}</p> : null;
}

function RegionOption({ r, lang }) {
  return <option value={r.id}>{r.name}{r.country ? ` (${countryName(r.country, lang)})` : ''}</option>;
}

function RegionField({ value, onChange, user, error }) {
  const lang = useLanguage();
  const [text, setText] = useState('');
  const needle = useDebounced(text.trim(), 250);
  const list = useResource((signal) => api.get('/api/regions', { text: needle }, { signal }), [needle]);
  const items = [...(list.data?.items || [])].sort((a, b) => compareText(a.name, b.name, lang));
  const options = items.some((r) => r.id === value) || !value ? items : [{ id: value, name: value }, ...items];
  // What was typed, as any place the server can find by name (a city looking for its
  // first partner, "Kota Surakarta", a province): the finder's main case.
  const anyPlace = needle && !options.some((r) => r.id === needle) ? needle : '';
  const own = new Set(user?.regions || []);
  return (
    <div class="finder-region">
      <div class="field">
        <label for="finder-region-filter">{t('finder.regionFilter')}</label>
        <input id="finder-region-filter" type="search" value={text} placeholder={t('finder.regionFilterHint')}
          onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for="finder-region">{t('finder.region')}</label>
        <select id="finder-region" value={value} onChange={(e) => onChange(e.currentTarget.value)}
          aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'finder-region-error' : undefined}>
          {!value && <option value="">{t('finder.chooseRegion')}</option>}
          {own.size > 0 && options.some((r) => own.has(r.id)) && (
            <optgroup label={t('finder.yourRegions')}>
              {options.filter((r) => own.has(r.id)).map((r) => <RegionOption key={r.id} r={r} lang={lang} />)}
            </optgroup>
          )}
          <optgroup label={t('finder.allRegions')}>
            {options.filter((r) => !own.has(r.id)).map((r) => <RegionOption key={r.id} r={r} lang={lang} />)}
          </optgroup>
          {anyPlace && (
            <optgroup label={t('finder.anyPlace')}>
              <option value={anyPlace}>{t('finder.anyPlaceOption', { name: anyPlace })}</option>
            </optgroup>
          )}
        </select>
        <FieldError id="finder-region-error" error={error} />
      </div>
    </div>
  );
}

function ScoreBars({ c, index }) {
  const bars = COMPONENTS.filter((k) => typeof c.components?.[k] === 'number').map((k) => ({
    key: k,
    label: label('score', k),
    value: c.components[k],
    className: 'score-' + k,
  }));
  return (
    <div class="score-bars" data-candidate={index}>
      <BarChart bars={bars} title={t('finder.componentsOf', { name: c.name })} format={(v) => fmt.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} />
    </div>
  );
}

// What the subject's profile says it seeks and offers (`region_profile`: a stored
// region's, null when it has none; absent for a place of the network).
function SubjectProfile({ answer, lang }) {
  if (!('region_profile' in answer)) return null;
  const profile = answer.region_profile;
  const name = answer.region_name;
  const wanted = profile && (profile.seeks?.length || profile.offers?.length)
    ? { seeks: profile.seeks, offers: profile.offers, levels: profile.levels, countries: profile.countries }
    : null;
  return (
    <section class="card" aria-labelledby="finder-profile-title" id="finder-profile">
      <h2 id="finder-profile-title">{t('finder.profileTitle', { name })}</h2>
      {wanted ? <ProfileFacts profile={wanted} lang={lang} id="finder-profile-facts" /> : <p>{t('finder.profileNone', { name })}</p>}
      <p><a href={`/regions/${enc(answer.region)}#profile`}>{t('finder.profileLink', { name })}</a></p>
    </section>
  );
}

// Why a candidate matches both ways: the fields the subject offers that it seeks.
function TwoWay({ c, homeName }) {
  if (!c.offers_meeting_seeks?.length) return null;
  return (
    <p class="two-way" data-two-way>
      {c.flags?.includes('two_way_match') && <><strong class="badge badge-two-way">{t('finder.twoWay')}</strong>{' '}</>}
      {t('finder.offersMeetingSeeks', { name: homeName })}{' '}
      <span class="tags-inline">{fieldList(c.offers_meeting_seeks)}</span>
    </p>
  );
}

function TwoWayBelow({ answer, lang }) {
  const below = answer.two_way_below || [];
  if (!below.length) return null;
  return (
    <section class="card" aria-labelledby="finder-two-way-title" id="finder-two-way">
      <h2 id="finder-two-way-title">{t('finder.twoWayTitle')}</h2>
      <p class="muted">{t('finder.twoWayIntro')}</p>
      <ul class="candidates two-way-below">
        {below.map((c, i) => (
          <li key={c.id || `below-${i}`} class="candidate" data-rank={c.rank}>
            <h3>
              {c.name}
              <span class="sub">
                {[c.country_name || countryName(c.country, lang), c.level && label('level', c.level),
                  typeof c.rank === 'number' && t('finder.rankOf', { n: fmt.number(c.rank) }),
                  `${t('finder.score')} ${fmt.number(c.score, scoreDigits(c.score))}`].filter(Boolean).join(' · ')}
              </span>
            </h3>
            <TwoWay c={c} homeName={answer.region_name} />
            {c.strengths_meeting_needs?.length > 0 && (
              <p>
                {t('finder.meets')}{' '}
                <span class="tags-inline">{fieldList(c.strengths_meeting_needs)}</span>
              </p>
            )}
            <p class="explanation">{c.explanation}</p>
            {c.id && <p><a href={`/regions/${enc(c.id)}`}>{t('finder.storedRegion')}</a></p>}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Candidates({ answer, lang }) {
  const candidates = answer.candidates || [];
  if (!candidates.length) {
    return (
      <>
        <SubjectProfile answer={answer} lang={lang} />
        <p role="status">{t('finder.none')}</p>
        <TwoWayBelow answer={answer} lang={lang} />
      </>
    );
  }
  const homeName = answer.region_name;
  const key = (c, i) => c.id || `cand-${i}`;
  const points = [
    { id: answer.region, name: homeName, lat: answer.region_lat, lon: answer.region_lon, role: 'home' },
    ...candidates.map((c, i) => ({
      id: key(c, i),
      name: `${i + 1}. ${c.name}`,
      lat: c.lat,
      lon: c.lon,
      role: 'other',
      href: `#candidate-${i + 1}`,
      detail: `${c.country_name || countryName(c.country, lang)}, ${t('finder.score')} ${fmt.number(c.score, scoreDigits(c.score))}`,
    })),
  ];
  const lines = candidates.map((c, i) => ({ id: key(c, i), from: answer.region, to: key(c, i), className: 'candidate-line' }));
  return (
    <>
      <SubjectProfile answer={answer} lang={lang} />
      <section class="card" aria-labelledby="finder-map-title">
        <h2 id="finder-map-title">{t('finder.mapTitle')}</h2>
        <LazyWorldMap
          idPrefix="finder-map"
          points={points}
          lines={lines}
          fit
          title={t('finder.mapDesc', { name: homeName, n: fmt.number(candidates.length) })}
          description={t('maps.lineHint')}
          listTitle={t('maps.listTitle')}
        />
      </section>
      <section class="card" aria-labelledby="finder-results-title">
        <h2 id="finder-results-title">{t('finder.resultsTitle', { n: fmt.number(candidates.length), name: homeName })}</h2>
        <ol class="candidates">
          {candidates.map((c, i) => (
            <li key={key(c, i)} id={`candidate-${i + 1}`} class="candidate" tabIndex={-1} data-rank={i + 1}>
              <div class="candidate-head">
                <span class="rank" aria-hidden="true">{fmt.number(i + 1)}</span>
                <h3>
                  <span class="visually-hidden">{t('finder.rank', { n: fmt.number(i + 1) })} </span>
                  {c.name}
                  <span class="sub">
                    {[c.country_name || countryName(c.country, lang), c.level && label('level', c.level),
                      typeof c.distance_km === 'number' && fmt.unit(Math.round(c.distance_km), 'kilometer')].filter(Boolean).join(' · ')}
                  </span>
                </h3>
                <p class="total-score">
                  <span class="sub">{t('finder.score')}</span>
                  <strong data-score>{fmt.number(c.score, scoreDigits(c.score))}</strong>
                </p>
              </div>
              <ScoreBars c={c} index={i} />
              {c.strengths_meeting_needs?.length > 0 && (
                <p>
                  {t('finder.meets')}{' '}
                  <span class="tags-inline">{c.strengths_meeting_needs.map((f) => label('field', f)).join(', ')}</span>
                </p>
              )}
              <TwoWay c={c} homeName={homeName} />
              <p class="explanation">{c.explanation}</p>
              {c.id && <p><a href={`/regions/${enc(c.id)}`}>{t('finder.storedRegion')}</a></p>}
            </li>
          ))}
        </ol>
      </section>
      <TwoWayBelow answer={answer} lang={lang} />
    </>
  );
}

export default function Finder({ user }) {
  const lang = useLanguage();
  usePageTitle(t('finder.title'));
  const { query } = useLocation();
  const asked = query.toString() && query.get('region') ? formFromQuery(query, user) : null;
  const [form, setForm] = useState(() => formFromQuery(query, user));
  const [localError, setLocalError] = useState({});
  const res = useResource(
    (signal) => (asked ? search(asked, signal) : Promise.resolve(null)),
    [asked ? queryOf(asked) : '', lang],
  );
  const set = (k, v) => setForm((f) => ({ ...f, [k]: v }));
  const toggle = (field) => set('needs', form.needs.includes(field) ? form.needs.filter((x) => x !== field) : [...form.needs, field]);

  const submit = (e) => {
    e.preventDefault();
    const errors = {};
    if (!form.region) errors.region = t('finder.regionRequired');
    const n = Number(form.limit);
    if (!Number.isInteger(n) || n < 1 || n > 100) errors.limit = t('finder.limitRange');
    setLocalError(errors);
    if (Object.keys(errors).length) {
      document.getElementById(errors.region ? 'finder-region' : 'finder-limit')?.focus();
      return;
    }
    const next = '/finder?' + queryOf(form);
    if (next === location.pathname + location.search) res.reload();
    else navigate(next);
  };

  // The server's refusal of one parameter is shown at that field.
  const apiField = res.error?.status === 400 || res.error?.status === 404 ? res.error.field : '';
  const fieldError = (name) => localError[name] || (apiField === name ? res.error.message : '');
  const errorProps = (name) => (fieldError(name) ? { 'aria-invalid': 'true', 'aria-describedby': `finder-${name}-error` } : {});
  const generalError = res.error && !['region', 'needs', 'country', 'level', 'limit'].includes(apiField) ? res.error : null;

  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('finder.title')}</h1>
      <p class="lead">{t('finder.intro')}</p>
      <form class="card finder-form" onSubmit={submit} noValidate aria-labelledby="finder-form-title">
        <h2 id="finder-form-title">{t('finder.formTitle')}</h2>
        <RegionField value={form.region} onChange={(v) => set('region', v)} user={user} error={fieldError('region')} />
        <fieldset class="needs" {...(fieldError('needs') ? { 'aria-describedby': 'finder-needs-error' } : {})}>
          <legend>{t('finder.needs')}</legend>
          <p class="sub">{t('finder.needsHelp')}</p>
          <ul class="needs-list">
            {FIELDS.map((f) => (
              <li key={f}>
                <input type="checkbox" id={`need-${f}`} value={f} checked={form.needs.includes(f)} onChange={() => toggle(f)} />
                <label for={`need-${f}`}>{label('field', f)}</label>
              </li>
            ))}
          </ul>
          <FieldError id="finder-needs-error" error={fieldError('needs')} />
        </fieldset>
        <div class="finder-filters">
          <div class="field">
            <label for="finder-country">{t('finder.country')}</label>
            <input id="finder-country" type="text" value={form.country} placeholder={t('finder.countryHint')}
              onInput={(e) => set('country', e.currentTarget.value)} {...errorProps('country')} />
            <FieldError id="finder-country-error" error={fieldError('country')} />
          </div>
          <div class="field">
            <label for="finder-level">{t('finder.level')}</label>
            <select id="finder-level" value={form.level} onChange={(e) => set('level', e.currentTarget.value)} {...errorProps('level')}>
              <option value="">{t('finder.anyLevel')}</option>
              {LEVELS.map((l) => <option key={l} value={l}>{label('level', l)}</option>)}
            </select>
            <FieldError id="finder-level-error" error={fieldError('level')} />
          </div>
          <div class="field">
            <label for="finder-limit">{t('finder.limit')}</label>
            <input id="finder-limit" type="number" min="1" max="100" inputMode="numeric" value={form.limit}
              onInput={(e) => set('limit', e.currentTarget.value)} {...errorProps('limit')} />
            <FieldError id="finder-limit-error" error={fieldError('limit')} />
          </div>
        </div>
        <p class="actions">
          <button type="submit" class="primary" disabled={res.loading && !!asked}>{t('finder.submit')}</button>
        </p>
      </form>
      {asked && res.loading && (
        <p class="progress-line" role="status">
          <progress aria-labelledby="finder-progress-label" />
          <span id="finder-progress-label">{t('finder.computing')}</span>
        </p>
      )}
      {generalError && <ErrorView error={generalError} onRetry={res.reload} />}
      {asked && !res.loading && res.data && <Candidates answer={res.data.answer} lang={lang} />}
    </>
  );
}
