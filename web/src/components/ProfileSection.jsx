// A region's partner-wanted profile (docs/web.md, "Partner-wanted profiles"): what the
// region seeks in a partner and offers, the levels and countries it prefers, a contact
// and where it was stated (the `profile` of GET /api/regions/{id}, so the page still
// makes one request). An admin or the region's editor (canWriteRegion; the server
// decides in the end) sets it with a form (PUT /api/regions/{id}/profile, the profile
// as a whole; a refused value comes back at its field, `seeks[2]`, `contact.email`)
// or removes it (DELETE).
import { useEffect, useState } from 'preact/hooks';
import { label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage } from '../lib/hooks.js';
import { countryName } from '../lib/names.js';
import { canWriteRegion, FIELDS, refusalOf } from '../lib/records.js';
import { ConfirmDialog } from './ConfirmDialog.jsx';
import { CheckboxGroup, FormAlert, TextField, useRecordForm } from './RecordFields.jsx';

export const LEVELS = ['province', 'state', 'prefecture', 'city', 'regency', 'municipality', 'district', 'institution', 'other'];
const CONTACT = ['name', 'office', 'email', 'phone', 'url'];
const PREFIX = 'profile';
const KEYS = ['seeks', 'offers', 'levels', 'countries', ...CONTACT.map((k) => 'contact.' + k), 'source', 'updated'];

const valuesOf = (p) => ({
  seeks: p?.seeks || [],
  offers: p?.offers || [],
  levels: p?.levels || [],
  countries: (p?.countries || []).join(', '),
  ...Object.fromEntries(CONTACT.map((k) => ['contact.' + k, p?.contact?.[k] ?? ''])),
  source: p?.source || '',
  updated: p?.updated || '',
});

// The form's values as the PUT body: empty members left out (PUT removes them).
function bodyOf(v) {
  const body = {};
  for (const k of ['seeks', 'offers', 'levels']) if (v[k]?.length) body[k] = v[k];
  const countries = String(v.countries || '').split(',').map((s) => s.trim()).filter(Boolean);
  if (countries.length) body.countries = countries;
  const contact = {};
  for (const k of CONTACT) {
    const s = String(v['contact.' + k] || '').trim();
    if (s) contact[k] = s;
  }
  if (Object.keys(contact).length) body.contact = contact;
  for (const k of ['source', 'updated']) {
    const s = String(v[k] || '').trim();
    if (s) body[k] = s;
  }
  return body;
}

export const fieldList = (fields) => (fields || []).map((f) => label('field', f)).join(', ');

function ContactText({ contact }) {
  const parts = [];
  if (contact.name) parts.push(<span key="name">{contact.name}</span>);
  if (contact.office) parts.push(<span key="office">{contact.office}</span>);
  if (contact.email) parts.push(<a key="email" href={'mailto:' + contact.email}>{contact.email}</a>);
  if (contact.phone) parts.push(<span key="phone">{contact.phone}</span>);
  if (contact.url) parts.push(<a key="url" href={contact.url} rel="noopener noreferrer">{contact.url}</a>);
  return <>{parts.flatMap((p, i) => (i ? [', ', p] : [p]))}</>;
}

export function ProfileFacts({ profile, lang, id = 'profile-facts' }) {
  const rows = [
    ['seeks', profile.seeks?.length && fieldList(profile.seeks)],
    ['offers', profile.offers?.length && fieldList(profile.offers)],
    ['levels', profile.levels?.length && profile.levels.map((l) => label('level', l)).join(', ')],
    ['countries', profile.countries?.length && profile.countries.map((c) => countryName(c, lang)).join(', ')],
    ['contact', profile.contact && Object.keys(profile.contact).length > 0 && <ContactText contact={profile.contact} />],
    ['source', profile.source],
    ['updated', profile.updated],
  ].filter(([, v]) => v);
  return (
    <dl class="facts" id={id}>
      {rows.map(([k, v]) => [
        <dt key={k + '-t'}>{t('profile.' + k)}</dt>,
        <dd key={k + '-d'} data-profile={k}>{v}</dd>,
      ])}
    </dl>
  );
}

function ProfileForm({ region, name, profile, onSaved, onCancel }) {
  const form = useRecordForm({ prefix: PREFIX, initial: valuesOf(profile), roots: [] });
  useEffect(() => {
    document.getElementById('profile-form-title')?.focus();
  }, []);
  function save(e) {
    e.preventDefault();
    form.submit(KEYS, [], async (values) => {
      const answer = await api.put(`/api/regions/${enc(region.id)}/profile`, bodyOf(values));
      onSaved(answer);
    });
  }
  return (
    <form id="profile-form" class="record-form" aria-labelledby="profile-form-title" noValidate onSubmit={save}>
      <h3 id="profile-form-title" tabIndex={-1}>{profile ? t('profile.editTitle') : t('profile.newTitle')}</h3>
      <p class="muted">{t('profile.formNote')}</p>
      <FormAlert form={form} />
      <CheckboxGroup form={form} name="seeks" legend={t('profile.seeksLegend', { name })} group="field" values={FIELDS} />
      <CheckboxGroup form={form} name="offers" legend={t('profile.offersLegend', { name })} group="field" values={FIELDS} />
      <CheckboxGroup form={form} name="levels" legend={t('profile.levelsLegend')} group="level" values={LEVELS} />
      <div class="form-grid">
        <TextField form={form} name="countries" label={t('profile.countries')} hint={t('profile.countriesHint')} wide autocomplete="off" />
      </div>
      <fieldset class="field-wide">
        <legend>{t('profile.contact')}</legend>
        <div class="form-grid">
          <TextField form={form} name="contact.name" label={t('profile.contactName')} autocomplete="off" />
          <TextField form={form} name="contact.office" label={t('profile.contactOffice')} autocomplete="off" />
          <TextField form={form} name="contact.email" label={t('profile.contactEmail')} type="email" autocomplete="off" />
          <TextField form={form} name="contact.phone" label={t('profile.contactPhone')} type="tel" autocomplete="off" />
          <TextField form={form} name="contact.url" label={t('profile.contactUrl')} type="url" hint={t('profile.contactUrlHint')} autocomplete="off" />
        </div>
      </fieldset>
      <div class="form-grid">
        <TextField form={form} name="source" label={t('profile.source')} hint={t('profile.sourceHint')} multiline />
        <TextField form={form} name="updated" label={t('profile.updated')} hint={t('profile.updatedHint')} autocomplete="off" />
      </div>
      <p class="form-actions">
        <button type="submit" id="profile-form-submit" class="primary" disabled={form.busy}>
          {form.busy ? t('records.saving') : t('profile.save')}
        </button>
        <button type="button" id="profile-form-cancel" onClick={onCancel}>{t('records.cancel')}</button>
      </p>
    </form>
  );
}

export function ProfileSection({ region, name, profile: initial, user }) {
  const lang = useLanguage();
  const [profile, setProfile] = useState(initial || null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState('');
  const [removing, setRemoving] = useState(null); // null, or {busy, error}
  useEffect(() => setProfile(initial || null), [initial]);
  useEffect(() => {
    if (notice) document.getElementById('profile-notice')?.focus();
  }, [notice]);
  const canEdit = canWriteRegion(user, region.id);

  async function remove() {
    setRemoving({ busy: true, error: null });
    try {
      await api.del(`/api/regions/${enc(region.id)}/profile`);
      setProfile(null);
      setRemoving(null);
      setNotice(t('profile.removed'));
    } catch (e) {
      setRemoving({ busy: false, error: e });
    }
  }

  return (
    <section class="card" aria-labelledby="profile-title" id="profile">
      <h2 id="profile-title">{t('profile.title')}</h2>
      <p class="muted">{t('profile.intro')}</p>
      {notice && <p id="profile-notice" class="notice-ok" role="status" tabIndex={-1}>{notice}</p>}
      {removing?.error && (
        <p id="profile-remove-error" class="form-alert" role="alert">
          {refusalOf(removing.error) === 'forbidden' ? t('profile.forbidden') : removing.error.message}
        </p>
      )}
      {editing ? (
        <ProfileForm
          region={region}
          name={name}
          profile={profile}
          onCancel={() => {
            setEditing(false);
            document.getElementById('profile-edit')?.focus();
          }}
          onSaved={(answer) => {
            setProfile(answer.profile || null);
            setEditing(false);
            setNotice(t('profile.saved'));
          }}
        />
      ) : (
        <>
          {profile ? <ProfileFacts profile={profile} lang={lang} /> : <p id="profile-none">{t('profile.none', { name })}</p>}
          {canEdit ? (
            <p class="form-actions">
              <button type="button" id="profile-edit" onClick={() => { setNotice(''); setEditing(true); }}>
                {profile ? t('profile.edit') : t('profile.add')}
              </button>
              {profile && (
                <button type="button" id="profile-remove" onClick={() => { setNotice(''); setRemoving({ busy: false, error: null }); }}>
                  {t('profile.remove')}
                </button>
              )}
            </p>
          ) : (
            <p class="muted" id="profile-read-only">{t('profile.readOnly')}</p>
          )}
        </>
      )}
      {removing && !removing.error && (
        <ConfirmDialog
          id="profile-remove-dialog"
          title={t('profile.removeTitle')}
          text={t('profile.removeText', { name })}
          confirmLabel={t('profile.remove')}
          busy={removing.busy}
          onConfirm={remove}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
