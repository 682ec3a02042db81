// Creating a partnership (POST /api/partnerships: its id, kind, two stored regions as
// parties, title, fields, and, when known, the MoU as its first event) or editing its
// own members (PATCH /api/partnerships/{id} with If-Match: only the members changed;
// its events are kept). Problems come back at their fields (`partnership.parties[1]`,
// `partnership.events[0].date`).
import { useEffect, useState } from 'preact/hooks';
import { label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { FIELDS, KINDS, numberOf, suggestId } from '../lib/records.js';
import { CheckboxGroup, FormAlert, SelectField, TextField, useRecordForm } from './RecordFields.jsx';
import { RegionPicker } from './RegionPicker.jsx';

const PREFIX = 'partnership';
const ROOTS = ['partnership', 'partnerships'];
const CREATE_KEYS = ['id', 'kind', 'parties.0', 'parties.1', 'title', 'fields', 'events.0.date', 'events.0.valid_years', 'events.0.valid_until'];
const EDIT_KEYS = ['kind', 'parties.0', 'parties.1', 'title', 'fields'];

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const valuesOf = (p) => ({
  kind: p.kind,
  'parties.0': p.parties[0],
  'parties.1': p.parties[1],
  title: p.title || '',
  fields: p.fields || [],
});

// `partnership` and `regions` (the record's, from GET /api/partnerships/{id}) when
// editing; `homeRegion` (a stored region) to start a new one with.
export function PartnershipForm({ partnership, regions = [], version, homeRegion, onSaved, onCancel, reloadLatest }) {
  const editing = !!partnership;
  const byId = Object.fromEntries(regions.map((r) => [r.id, r]));
  const form = useRecordForm({
    prefix: PREFIX,
    initial: editing
      ? valuesOf(partnership)
      : { kind: 'sister_city', 'parties.0': homeRegion?.id || '', 'parties.1': '', fields: [] },
    roots: ROOTS,
  });
  const [chosen, setChosen] = useState(() => ({
    0: editing ? byId[partnership.parties[0]] : homeRegion,
    1: editing ? byId[partnership.parties[1]] : null,
  }));
  const [idTouched, setIdTouched] = useState(false);
  const [base, setBase] = useState({ version, partnership });
  const [reloading, setReloading] = useState(false);
  const v = form.values;
  useEffect(() => {
    if (editing) document.getElementById('partnership-form-title')?.focus();
  }, []);

  useEffect(() => {
    if (!editing && homeRegion && !v['parties.0']) {
      form.set('parties.0', homeRegion.id);
      setChosen((c) => ({ ...c, 0: homeRegion }));
    }
  }, [homeRegion]);

  // A new partnership's id follows its parties' names until one types one.
  useEffect(() => {
    if (editing || idTouched) return;
    const s = suggestId(chosen[0], chosen[1]);
    if (s) form.set('id', s);
  }, [chosen[0], chosen[1]]);

  async function reload() {
    setReloading(true);
    try {
      const latest = await reloadLatest();
      setBase({ version: latest.version, partnership: latest.partnership });
      form.rebase(valuesOf(latest.partnership));
      form.setAlert({ kind: 'reloaded' });
      form.focusAlert();
    } catch (e) {
      form.setAlert({ kind: 'other', error: e });
    } finally {
      setReloading(false);
    }
  }

  function save(e) {
    e.preventDefault();
    if (editing) {
      form.submit(EDIT_KEYS, ['kind', 'parties.0', 'parties.1'], async (values) => {
        const next = {
          kind: values.kind,
          parties: [values['parties.0'], values['parties.1']],
          title: String(values.title || '').trim() || null,
          fields: values.fields?.length ? values.fields : null,
        };
        const change = {};
        for (const [k, val] of Object.entries(next)) {
          if (!same(val, base.partnership[k] ?? null)) change[k] = val;
        }
        if (!Object.keys(change).length) return onSaved({ message: t('records.partnership.unchanged') });
        await api.patch(`/api/partnerships/${enc(partnership.id)}`, change, { ifMatch: base.version });
        onSaved({ message: t('records.partnership.saved') });
      });
    } else {
      form.submit(CREATE_KEYS, ['id', 'kind', 'parties.0', 'parties.1'], async (values) => {
        const p = {
          id: String(values.id || '').trim(),
          kind: values.kind,
          parties: [values['parties.0'], values['parties.1']],
          events: [],
        };
        if (String(values.title || '').trim()) p.title = values.title.trim();
        if (values.fields?.length) p.fields = values.fields;
        const signed = String(values['events.0.date'] || '').trim();
        const years = numberOf(values['events.0.valid_years']);
        const until = String(values['events.0.valid_until'] || '').trim();
        if (signed || years !== undefined || until) {
          const mou = { type: 'mou_signed', date: signed };
          if (years !== undefined) mou.valid_years = years;
          if (until) mou.valid_until = until;
          if (p.fields) mou.fields = p.fields;
          p.events.push(mou);
        }
        const r = await api.post('/api/partnerships', p);
        onSaved({ id: r?.partnership?.id || p.id, message: t('records.partnership.created') });
      });
    }
  }

  return (
    <form id="partnership-form" class="record-form" aria-labelledby="partnership-form-title" noValidate onSubmit={save}>
      <h2 id="partnership-form-title" tabIndex={-1}>
        {editing ? t('records.partnership.editTitle') : t('records.partnership.details')}
      </h2>
      <p class="muted">{t('records.requiredNote')}</p>
      <FormAlert form={form} onReload={editing ? reload : undefined} reloading={reloading} />
      <RegionPicker
        form={form}
        name="parties.0"
        label={t('records.partnership.home')}
        hint={t('records.partnership.homeHint')}
        required
        chosen={chosen[0]}
        onChoose={(r) => setChosen((c) => ({ ...c, 0: r }))}
      />
      <RegionPicker
        form={form}
        name="parties.1"
        label={t('records.partnership.partner')}
        hint={t('records.partnership.partnerHint')}
        required
        chosen={chosen[1]}
        onChoose={(r) => setChosen((c) => ({ ...c, 1: r }))}
      />
      <div class="form-grid">
        {!editing && (
          <TextField
            form={form}
            name="id"
            label={t('records.partnership.id')}
            hint={t('records.partnership.idHint')}
            required
            autocomplete="off"
            spellcheck={false}
            onInput={(e) => {
              setIdTouched(true);
              form.set('id', e.currentTarget.value);
            }}
          />
        )}
        <SelectField form={form} name="kind" label={t('records.partnership.kind')} required options={KINDS.map((k) => [k, label('kind', k)])} />
        <TextField form={form} name="title" label={t('records.partnership.title')} wide />
      </div>
      <CheckboxGroup form={form} name="fields" legend={t('records.partnership.fields')} group="field" values={FIELDS} />
      {!editing && (
        <fieldset class="field-wide">
          <legend>{t('records.partnership.mou')}</legend>
          <p class="hint">{t('records.partnership.mouHint')}</p>
          <div class="form-grid">
            <TextField form={form} name="events.0.date" label={t('records.partnership.mouDate')} hint={t('records.event.dateHint')} autocomplete="off" />
            <TextField form={form} name="events.0.valid_years" label={t('records.event.validYears')} type="number" min="0" step="any" inputmode="decimal" />
            <TextField form={form} name="events.0.valid_until" label={t('records.event.validUntil')} hint={t('records.event.validUntilHint')} autocomplete="off" />
          </div>
        </fieldset>
      )}
      <p class="form-actions">
        <button type="submit" id="partnership-form-submit" class="primary" disabled={form.busy}>
          {form.busy ? t('records.saving') : editing ? t('records.saveChanges') : t('records.partnership.submitCreate')}
        </button>
        <button type="button" id="partnership-form-cancel" onClick={onCancel}>{t('records.cancel')}</button>
      </p>
    </form>
  );
}
