// The form that records or edits one event of a partnership (dossier-v1: the members
// every event may carry, and those of its type). POST or PUT
// /api/partnerships/{id}/events[/{event_id}] with If-Match = the version the page was
// showing when the form opened; the server's answer decides (400 at the fields, 409,
// 403). Members this form does not show are kept as they were.
import { useEffect, useState } from 'preact/hooks';
import { label, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import {
  BUDGET_SOURCES, FIELDS, OUTCOMES, POLICY_LEVELS, SECTORS, SHOCK_KINDS, SMART_DIMENSIONS,
  linesOf, numberOf, today,
} from '../lib/records.js';
import { CheckboxGroup, FormAlert, SelectField, TextField, useRecordForm } from './RecordFields.jsx';
import { EVENT_TYPES } from './Timeline.jsx';

const PREFIX = 'event';
const ROOTS = ['event', 'partnerships', 'events'];

// The members of each type beyond the common ones (docs/dossier-v1.md, "Event types").
const TYPE_MEMBERS = {
  initiated: [],
  visit: ['from', 'to', 'participants'],
  loi_signed: [],
  central_consultation: ['outcome'],
  dprd_approved: [],
  mou_signed: ['valid_years', 'valid_until', 'fields'],
  mou_renewed: ['valid_years', 'valid_until', 'fields'],
  action_plan: ['fields', 'items'],
  activity: [
    'field', 'provider', 'beneficiary', 'host', 'participants', 'sectors', 'smart_dimension',
    'budget.amount', 'budget.currency', 'budget.source', 'outputs', 'outcomes',
  ],
  communication: ['from', 'channel', 'responded'],
  leader_changed: ['name'],
  pic_changed: [],
  policy_change: ['level'],
  external_shock: ['kind'],
  suspended: ['reason'],
  terminated: ['reason'],
  reactivated: [],
  evaluation: ['findings'],
  note: [],
};
const HEAD = ['type', 'date', 'title'];
const TAIL = ['side', 'description', 'source'];
const NUMBERS = new Set(['participants', 'valid_years', 'budget.amount']);
const LINES = new Set(['items', 'outputs', 'outcomes', 'findings']);
const LISTS = new Set(['fields', 'sectors']);

const membersOf = (type) => [...HEAD, ...(TYPE_MEMBERS[type] || []), ...TAIL];

function getMember(ev, key) {
  if (key.startsWith('budget.')) return ev.budget?.[key.slice(7)];
  return ev[key];
}

// An event as the form's values (text for every input, lists for the check boxes).
function valuesOf(ev) {
  const v = {};
  for (const key of new Set(Object.values(TYPE_MEMBERS).flat().concat(HEAD, TAIL))) {
    const m = getMember(ev, key);
    if (m == null) continue;
    if (LISTS.has(key)) v[key] = Array.isArray(m) ? m : [m];
    else if (LINES.has(key)) v[key] = Array.isArray(m) ? m.join('\n') : String(m);
    else v[key] = String(m);
  }
  return v;
}

// The form's values as the event to send: the original event's other members kept,
// the members of its old and new type replaced by what the form holds.
function eventOf(values, original) {
  const ev = original ? { ...original } : {};
  if (ev.budget) ev.budget = { ...ev.budget };
  const touched = new Set([...membersOf(values.type), ...(original ? membersOf(original.type) : [])]);
  for (const key of touched) {
    if (key.startsWith('budget.')) {
      if (ev.budget) delete ev.budget[key.slice(7)];
    } else delete ev[key];
  }
  if (ev.budget && !Object.keys(ev.budget).length) delete ev.budget;
  for (const key of membersOf(values.type)) {
    const raw = values[key];
    let value;
    if (LISTS.has(key)) value = raw?.length ? raw : undefined;
    else if (LINES.has(key)) value = linesOf(raw).length ? linesOf(raw) : undefined;
    else if (NUMBERS.has(key)) value = numberOf(raw);
    else if (key === 'responded') value = raw === 'true' ? true : raw === 'false' ? false : undefined;
    else value = String(raw ?? '').trim() || undefined;
    if (value === undefined) continue;
    if (key.startsWith('budget.')) ev.budget = { ...(ev.budget || {}), [key.slice(7)]: value };
    else ev[key] = value;
  }
  return ev;
}

export function EventForm({ partnership, names, event, version, onSaved, onCancel, reloadLatest }) {
  const editing = !!event;
  const form = useRecordForm({
    prefix: PREFIX,
    initial: event ? valuesOf(event) : { type: 'activity', date: today() },
    roots: ROOTS,
  });
  const [base, setBase] = useState({ version, event });
  const [reloading, setReloading] = useState(false);
  useEffect(() => document.getElementById('event-form-title')?.focus(), []);
  const v = form.values;
  const shown = new Set(membersOf(v.type));
  const parties = partnership.parties.map((rid) => [rid, names(rid)]);
  const heading = editing ? t('records.event.editTitle') : t('records.event.addTitle');

  async function reload() {
    setReloading(true);
    try {
      const latest = await reloadLatest();
      const ev = event ? (latest.partnership.events || []).find((e) => e.id === event.id) : null;
      setBase({ version: latest.version, event: ev || event });
      if (ev) form.rebase(valuesOf(ev));
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
    const keys = membersOf(v.type);
    form.submit(keys, ['type', 'date'], async (values) => {
      const body = eventOf(values, base.event);
      const path = `/api/partnerships/${enc(partnership.id)}/events`;
      const r = editing
        ? await api.put(`${path}/${enc(base.event.id)}`, body, { ifMatch: base.version })
        : await api.post(path, body, { ifMatch: base.version });
      onSaved({
        eventId: r?.event_id || base.event?.id,
        message: editing ? t('records.event.saved') : t('records.event.added'),
      });
    });
  }

  const party = (name, text, extra = []) => (
    <SelectField form={form} name={name} label={text} empty={t('records.notRecorded')} options={[...parties, ...extra]} />
  );
  const vocabSelect = (name, text, group, values) => (
    <SelectField form={form} name={name} label={text} empty={t('records.notRecorded')} options={values.map((x) => [x, label(group, x)])} />
  );

  return (
    <form id="event-form" class="record-form" aria-labelledby="event-form-title" noValidate onSubmit={save}>
      <h3 id="event-form-title" tabIndex={-1}>{heading}</h3>
      <p class="muted">{t('records.requiredNote')}</p>
      <FormAlert form={form} onReload={reload} reloading={reloading} />
      <div class="form-grid">
        <SelectField
          form={form}
          name="type"
          label={t('records.event.type')}
          required
          options={EVENT_TYPES.map((ty) => [ty, label('event', ty)])}
        />
        <TextField
          form={form}
          name="date"
          label={t('records.event.date')}
          hint={t('records.event.dateHint')}
          required
          autocomplete="off"
          spellcheck={false}
        />
        <TextField form={form} name="title" label={t('records.event.title')} wide />
        {shown.has('from') && party('from', t('records.event.from'))}
        {shown.has('to') && party('to', t('records.event.to'))}
        {shown.has('field') && vocabSelect('field', t('records.event.field'), 'field', FIELDS)}
        {shown.has('provider') && party('provider', t('records.event.provider'), [['both', t('records.party.both')]])}
        {shown.has('beneficiary') && party('beneficiary', t('records.event.beneficiary'), [['both', t('records.party.both')]])}
        {shown.has('host') && party('host', t('records.event.host'), [['online', t('records.party.online')]])}
        {shown.has('participants') && (
          <TextField form={form} name="participants" label={t('records.event.participants')} type="number" min="0" step="1" inputmode="numeric" />
        )}
        {shown.has('outcome') && vocabSelect('outcome', t('records.event.outcome'), 'records.outcome', OUTCOMES)}
        {shown.has('valid_years') && (
          <TextField form={form} name="valid_years" label={t('records.event.validYears')} type="number" min="0" step="any" inputmode="decimal" />
        )}
        {shown.has('valid_until') && (
          <TextField form={form} name="valid_until" label={t('records.event.validUntil')} hint={t('records.event.validUntilHint')} autocomplete="off" />
        )}
        {shown.has('channel') && <TextField form={form} name="channel" label={t('records.event.channel')} hint={t('records.event.channelHint')} />}
        {shown.has('responded') && (
          <SelectField
            form={form}
            name="responded"
            label={t('records.event.responded')}
            empty={t('records.event.respondedUnknown')}
            options={[['true', t('records.event.respondedYes')], ['false', t('records.event.respondedNo')]]}
          />
        )}
        {shown.has('name') && <TextField form={form} name="name" label={t('records.event.leaderName')} />}
        {shown.has('level') && vocabSelect('level', t('records.event.policyLevel'), 'records.policyLevel', POLICY_LEVELS)}
        {shown.has('kind') && vocabSelect('kind', t('records.event.shockKind'), 'records.shock', SHOCK_KINDS)}
        {shown.has('smart_dimension') && vocabSelect('smart_dimension', t('records.event.smartDimension'), 'records.smart', SMART_DIMENSIONS)}
        {shown.has('budget.amount') && (
          <TextField form={form} name="budget.amount" label={t('records.event.budgetAmount')} type="number" min="0" step="any" inputmode="decimal" />
        )}
        {shown.has('budget.currency') && (
          <TextField form={form} name="budget.currency" label={t('records.event.budgetCurrency')} hint={t('records.event.budgetCurrencyHint')} maxLength={3} autocomplete="off" />
        )}
        {shown.has('budget.source') && vocabSelect('budget.source', t('records.event.budgetSource'), 'records.budget', BUDGET_SOURCES)}
        {party('side', t('records.event.side'))}
      </div>
      {shown.has('sectors') && <CheckboxGroup form={form} name="sectors" legend={t('records.event.sectors')} group="records.sector" values={SECTORS} />}
      {shown.has('fields') && <CheckboxGroup form={form} name="fields" legend={t('records.event.fields')} group="field" values={FIELDS} />}
      {shown.has('items') && <TextField form={form} name="items" label={t('records.event.items')} hint={t('records.onePerLine')} multiline />}
      {shown.has('outputs') && <TextField form={form} name="outputs" label={t('records.event.outputs')} hint={t('records.onePerLine')} multiline />}
      {shown.has('outcomes') && <TextField form={form} name="outcomes" label={t('records.event.outcomes')} hint={t('records.onePerLine')} multiline />}
      {shown.has('findings') && <TextField form={form} name="findings" label={t('records.event.findings')} hint={t('records.onePerLine')} multiline />}
      {shown.has('reason') && <TextField form={form} name="reason" label={t('records.event.reason')} multiline />}
      <TextField form={form} name="description" label={t('records.event.description')} multiline />
      <TextField form={form} name="source" label={t('records.event.source')} hint={t('records.event.sourceHint')} multiline />
      <p class="form-actions">
        <button type="submit" id="event-form-submit" class="primary" disabled={form.busy}>
          {form.busy ? t('records.saving') : editing ? t('records.saveChanges') : t('records.event.submitAdd')}
        </button>
        <button type="button" id="event-form-cancel" onClick={onCancel}>{t('records.cancel')}</button>
      </p>
    </form>
  );
}
