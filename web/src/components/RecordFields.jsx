// The pieces the record forms share (event, partnership): labelled fields whose
// errors sit under them (aria-invalid, aria-describedby, role="alert"), the alerts at
// the top of a form (problems with no field, 409 conflict, 403), and useRecordForm,
// which sends a write and puts the server's answer where it belongs.
import { useEffect, useRef, useState } from 'preact/hooks';
import { label as vocab, t } from '../i18n/index.js';
import { placeProblems, refusalOf } from '../lib/records.js';

export const fieldId = (prefix, key) => `${prefix}-${key.replace(/\./g, '-')}`;

function describedBy(...ids) {
  const s = ids.filter(Boolean).join(' ');
  return s || undefined;
}

// Moves the focus to a field (a group's first box) or to any element by id.
export function focusField(prefix, key) {
  let el = document.getElementById(fieldId(prefix, key));
  if (el && el.tagName === 'FIELDSET') el = el.querySelector('input, select, textarea');
  el?.focus();
}

const isEmpty = (v) => v == null || (Array.isArray(v) ? v.length === 0 : String(v).trim() === '');

// Form state and the submit cycle. `run(values)` performs the write; when it throws
// an ApiError the problems go to their fields (`keys`, in screen order; `roots` are
// the path segments naming the record itself), the rest to the top of the form.
export function useRecordForm({ prefix, initial, roots }) {
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(() => new Set()); // the fields the user changed
  const [errors, setErrors] = useState({});
  const [alert, setAlert] = useState(null); // {kind, general?, error?}
  const [busy, setBusy] = useState(false);
  const [focus, setFocus] = useState(null); // {target, n}
  const live = useRef(true);
  useEffect(() => () => { live.current = false; }, []);
  useEffect(() => {
    if (!focus) return;
    if (focus.target === 'alert') document.getElementById(prefix + '-alert')?.focus();
    else focusField(prefix, focus.target);
  }, [focus]);
  const focusOn = (target) => setFocus((f) => ({ target, n: (f?.n || 0) + 1 }));

  async function submit(keys, required, run) {
    const missing = {};
    for (const k of required) if (isEmpty(values[k])) missing[k] = t('records.required');
    if (Object.keys(missing).length) {
      setErrors(missing);
      setAlert(null);
      focusOn(keys.find((k) => k in missing) || required[0]);
      return;
    }
    setBusy(true);
    setErrors({});
    setAlert(null);
    try {
      await run(values);
    } catch (e) {
      if (!live.current || e?.name === 'AbortError') return;
      const kind = refusalOf(e);
      if (kind === 'invalid') {
        const placed = placeProblems(e, keys, roots);
        setErrors(placed.fields);
        setAlert(placed.general.length ? { kind, general: placed.general, error: e } : null);
        focusOn(placed.first || 'alert');
      } else {
        setAlert({ kind, error: e });
        focusOn('alert');
      }
    } finally {
      if (live.current) setBusy(false);
    }
  }

  return {
    prefix,
    values,
    errors,
    alert,
    busy,
    set: (name, value) => {
      setValues((v) => ({ ...v, [name]: value }));
      setDirty((d) => (d.has(name) ? d : new Set(d).add(name)));
    },
    // After loading the latest version: its values, except where the user typed.
    rebase: (latest) =>
      setValues((v) => {
        const next = { ...latest };
        for (const k of dirty) next[k] = v[k];
        return next;
      }),
    setAlert,
    focusAlert: () => focusOn('alert'),
    submit,
  };
}

function Label({ id, text, required }) {
  return (
    <label for={id}>
      {text}
      {required && <span class="required"> {t('records.requiredMark')}</span>}
    </label>
  );
}

function FieldError({ id, error }) {
  return error ? <p id={id + '-error'} class="field-error" role="alert">{error}</p> : null;
}

// A text, number or date-like input, or a textarea (`multiline`).
export function TextField({ form, name, label, hint, type = 'text', required, multiline, wide, ...rest }) {
  const id = fieldId(form.prefix, name);
  const error = form.errors[name];
  const Tag = multiline ? 'textarea' : 'input';
  return (
    <div class={'field' + (wide || multiline ? ' field-wide' : '')}>
      <Label id={id} text={label} required={required} />
      {hint && <p id={id + '-hint'} class="hint">{hint}</p>}
      <Tag
        id={id}
        name={name}
        type={multiline ? undefined : type}
        rows={multiline ? 3 : undefined}
        value={form.values[name] ?? ''}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && id + '-hint', error && id + '-error')}
        onInput={(e) => form.set(name, e.currentTarget.value)}
        {...rest}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

// A select; `options` are [value, text] pairs; `empty` the text of the empty choice.
export function SelectField({ form, name, label, hint, options, empty, required, onChange }) {
  const id = fieldId(form.prefix, name);
  const error = form.errors[name];
  const value = form.values[name] ?? '';
  const known = options.some(([v]) => v === value);
  return (
    <div class="field">
      <Label id={id} text={label} required={required} />
      {hint && <p id={id + '-hint'} class="hint">{hint}</p>}
      <select
        id={id}
        name={name}
        value={value}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(hint && id + '-hint', error && id + '-error')}
        onChange={(e) => {
          form.set(name, e.currentTarget.value);
          onChange?.(e.currentTarget.value);
        }}
      >
        {empty != null && <option value="">{empty}</option>}
        {!known && value !== '' && <option value={value}>{value}</option>}
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
      <FieldError id={id} error={error} />
    </div>
  );
}

// Check boxes for a list of vocabulary values (`group` names their labels).
export function CheckboxGroup({ form, name, legend, group, values }) {
  const id = fieldId(form.prefix, name);
  const error = form.errors[name];
  const chosen = form.values[name] || [];
  const extra = chosen.filter((v) => !values.includes(v)); // a code this app does not know
  return (
    <fieldset id={id} class="field-wide checkboxes" aria-describedby={error ? id + '-error' : undefined}>
      <legend>{legend}</legend>
      <div class="checkbox-grid">
        {[...values, ...extra].map((v, i) => (
          <label key={v} class="checkbox">
            <input
              type="checkbox"
              id={`${id}-${i}`}
              value={v}
              checked={chosen.includes(v)}
              aria-invalid={error ? 'true' : undefined}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                form.set(name, on ? [...chosen.filter((x) => x !== v), v] : chosen.filter((x) => x !== v));
              }}
            />{' '}
            {vocab(group, v)}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

// The top of a form: what the server refused that belongs to no field, a conflict
// (409) with the button that loads the latest version, a refusal (403), any other
// failure; or, after such a reload, what happened to the user's entries.
export function FormAlert({ form, onReload, reloading, reloadedText }) {
  const a = form.alert;
  if (!a) return null;
  const id = form.prefix + '-alert';
  if (a.kind === 'reloaded') {
    return (
      <div id={id} class="form-alert form-alert-info" role="status" tabIndex={-1}>
        <p>{reloadedText || t('records.reloaded')}</p>
      </div>
    );
  }
  return (
    <div id={id} class="form-alert" role="alert" tabIndex={-1}>
      {a.kind === 'conflict' && (
        <>
          <p class="form-alert-title">{t('records.conflict')}</p>
          <p>{t('records.conflictHelp')}</p>
          {onReload && (
            <p>
              <button type="button" id={form.prefix + '-reload'} onClick={onReload} disabled={reloading}>
                {reloading ? t('common.loading') : t('records.reloadLatest')}
              </button>
            </p>
          )}
        </>
      )}
      {a.kind === 'forbidden' && (
        <>
          <p class="form-alert-title">{t('records.forbidden')}</p>
          {a.error?.message && <p class="server-message">{a.error.message}</p>}
        </>
      )}
      {a.kind === 'invalid' && (
        <>
          <p class="form-alert-title">{t('records.invalid')}</p>
          <ul class="problems">
            {a.general.map((p, i) => (
              <li key={i}>
                {p.path && <code>{p.path}</code>} <span class="server-message">{p.message}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {a.kind === 'missing' && (
        <>
          <p class="form-alert-title">{t('records.missing')}</p>
          {a.error?.message && <p class="server-message">{a.error.message}</p>}
        </>
      )}
      {a.kind === 'other' && (
        <>
          <p class="form-alert-title">{a.error?.status === 0 ? t('error.network') : t('error.title')}</p>
          {a.error?.status !== 0 && a.error?.message && <p class="server-message">{a.error.message}</p>}
        </>
      )}
    </div>
  );
}
