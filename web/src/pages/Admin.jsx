// Administration (issue 12), for the role admin: the user accounts (GET/POST
// /api/users, PUT/DELETE /api/users/{name}), the API tokens (GET/POST /api/tokens,
// DELETE /api/tokens/{id}) and the audit log (GET /api/audit). Others who open the
// address are told that the page is for administrators; nothing is requested for them.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ErrorView, Loading } from '../components/ErrorView.jsx';
import { compareText } from '../i18n/format.js';
import { fmt, LANGUAGES, t } from '../i18n/index.js';
import { api, enc } from '../lib/api.js';
import { useLanguage, usePageTitle, useResource } from '../lib/hooks.js';
import { navigate, useLocation } from '../lib/router.js';

const TABS = ['users', 'tokens', 'audit'];
const ROLES = ['admin', 'editor', 'viewer'];
const NAME_RE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const MIN_PASSWORD = 10;
const PER_PAGE = 50;

// ---- form helpers: a label for every field, its error tied to it ----

function FieldError({ id, message }) {
  if (!message) return null;
  return <p id={id} class="field-error" role="alert">{message}</p>;
}

function TextField({ id, label, value, onInput, error, hint, type = 'text', ...rest }) {
  const described = [hint && id + '-hint', error && id + '-error'].filter(Boolean).join(' ') || undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input id={id} type={type} value={value} onInput={(e) => onInput(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined} aria-describedby={described} {...rest} />
      {hint && <p id={id + '-hint'} class="sub">{hint}</p>}
      <FieldError id={id + '-error'} message={error} />
    </div>
  );
}

function SelectField({ id, label, value, onChange, error, options }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}
        aria-invalid={error ? 'true' : undefined} aria-describedby={error ? id + '-error' : undefined}>
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
      <FieldError id={id + '-error'} message={error} />
    </div>
  );
}

// The regions of an editor: a filter box over the Indonesian regions' check boxes.
function RegionsField({ id, regions, value, onChange, error }) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown = regions.filter((r) => value.includes(r.id) || !needle ||
    [r.id, r.name, ...Object.values(r.names || {})]
      .some((s) => String(s).toLowerCase().includes(needle)));
  const toggle = (rid, on) => onChange(on ? [...value, rid] : value.filter((x) => x !== rid));
  return (
    <fieldset class="field regions-field" aria-describedby={error ? id + '-error' : undefined}>
      <legend>{t('admin.user.regions')}</legend>
      <p class="sub">{t('admin.user.regionsHint')}</p>
      <label for={id + '-filter'} class="visually-hidden">{t('admin.user.regionsFilter')}</label>
      <input id={id + '-filter'} type="search" value={filter} placeholder={t('admin.user.regionsFilter')}
        onInput={(e) => setFilter(e.currentTarget.value)} />
      <div class="checklist">
        {shown.map((r) => (
          <label key={r.id}>
            <input type="checkbox" name={id} value={r.id} checked={value.includes(r.id)}
              aria-invalid={error ? 'true' : undefined}
              onChange={(e) => toggle(r.id, e.currentTarget.checked)} />
            {r.name} <span class="muted">({r.id})</span>
          </label>
        ))}
      </div>
      <FieldError id={id + '-error'} message={error} />
    </fieldset>
  );
}

// An API refusal: at its field when the answer names one we show, else for the form.
function placeError(e, fields) {
  if (e?.field && fields.includes(e.field)) return { [e.field]: e.message };
  return { form: e?.message || t('error.title') };
}

function FormError({ message }) {
  return message ? <p class="form-error" role="alert">{message}</p> : null;
}

// ---- users ----

function languageOptions() {
  return LANGUAGES.map((l) => [l, t('lang.' + l)]);
}

function roleOptions() {
  return ROLES.map((r) => [r, t('role.' + r)]);
}

function checkUser(u, { creating }) {
  const errors = {};
  if (creating && !NAME_RE.test(u.name)) errors.name = t('admin.user.nameInvalid');
  if ((creating || u.password) && u.password.length < MIN_PASSWORD) {
    errors.password = t('admin.user.passwordShort', { n: fmt.number(MIN_PASSWORD) });
  }
  if (u.role === 'editor' && !u.regions.length) errors.regions = t('admin.user.regionsRequired');
  return errors;
}

function AddUser({ regions, onAdded }) {
  const empty = { name: '', role: 'editor', regions: [], password: '', language: 'id' };
  const [u, setU] = useState(empty);
  const [errors, setErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [added, setAdded] = useState(0); // a new key empties the regions' filter
  const set = (k) => (v) => setU((x) => ({ ...x, [k]: v }));
  async function submit(ev) {
    ev.preventDefault();
    setDone('');
    const errs = checkUser(u, { creating: true });
    setErrors(errs);
    if (Object.keys(errs).length) {
      document.getElementById('new-user-' + Object.keys(errs)[0])?.focus?.();
      return;
    }
    setBusy(true);
    try {
      const body = { name: u.name, role: u.role, password: u.password, language: u.language };
      if (u.role === 'editor') body.regions = u.regions;
      const created = await api.post('/api/users', body);
      setU(empty);
      setAdded((n) => n + 1);
      setDone(t('admin.user.added', { name: created.name }));
      onAdded();
    } catch (e) {
      setErrors(placeError(e, ['name', 'role', 'regions', 'password', 'language']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <form class="admin-form" onSubmit={submit} noValidate aria-labelledby="add-user-title">
      <h3 id="add-user-title">{t('admin.user.addTitle')}</h3>
      <div class="form-grid">
        <TextField id="new-user-name" label={t('admin.user.name')} value={u.name} onInput={set('name')}
          error={errors.name} hint={t('admin.user.nameHint')} autoComplete="off" spellcheck={false} />
        <SelectField id="new-user-role" label={t('admin.user.role')} value={u.role} onChange={set('role')}
          error={errors.role} options={roleOptions()} />
        <TextField id="new-user-password" type="password" label={t('admin.user.password')} value={u.password}
          onInput={set('password')} error={errors.password} autoComplete="new-password"
          hint={t('admin.user.passwordHint', { n: fmt.number(MIN_PASSWORD) })} />
        <SelectField id="new-user-language" label={t('admin.user.language')} value={u.language}
          onChange={set('language')} error={errors.language} options={languageOptions()} />
      </div>
      {u.role === 'editor' && (
        <RegionsField key={added} id="new-user-regions" regions={regions} value={u.regions} onChange={set('regions')} error={errors.regions} />
      )}
      <FormError message={errors.form} />
      <p><button type="submit" class="primary" disabled={busy}>{t('admin.user.add')}</button></p>
      <p role="status" class="status-line">{done}</p>
    </form>
  );
}

function EditUser({ user, regions, onSaved, onClose }) {
  const [u, setU] = useState({ role: user.role, regions: user.regions || [], language: user.language || 'id', disabled: !!user.disabled, password: '' });
  const [errors, setErrors] = useState({});
  const [pwErrors, setPwErrors] = useState({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const set = (k) => (v) => setU((x) => ({ ...x, [k]: v }));
  const base = 'edit-' + user.name;
  // Opened from the list above: the keyboard continues at the form.
  useEffect(() => document.getElementById(base + '-title')?.focus(), []);
  async function save(ev) {
    ev.preventDefault();
    setDone('');
    const errs = checkUser({ ...u, password: '' }, { creating: false });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const body = { role: u.role, language: u.language, disabled: u.disabled };
      if (u.role === 'editor') body.regions = u.regions;
      await api.put(`/api/users/${enc(user.name)}`, body);
      setDone(t('admin.user.saved', { name: user.name }));
      onSaved();
    } catch (e) {
      setErrors(placeError(e, ['role', 'regions', 'language', 'disabled']));
    } finally {
      setBusy(false);
    }
  }
  async function resetPassword(ev) {
    ev.preventDefault();
    setDone('');
    if (u.password.length < MIN_PASSWORD) {
      setPwErrors({ password: t('admin.user.passwordShort', { n: fmt.number(MIN_PASSWORD) }) });
      return;
    }
    setPwErrors({});
    setBusy(true);
    try {
      await api.put(`/api/users/${enc(user.name)}`, { password: u.password });
      setU((x) => ({ ...x, password: '' }));
      setDone(t('admin.user.passwordReset', { name: user.name }));
    } catch (e) {
      setPwErrors(placeError(e, ['password']));
    } finally {
      setBusy(false);
    }
  }
  return (
    <div class="edit-panel" id={base}>
      <form class="admin-form" onSubmit={save} noValidate aria-labelledby={base + '-title'}>
        <h3 id={base + '-title'} tabIndex={-1}>{t('admin.user.editTitle', { name: user.name })}</h3>
        <div class="form-grid">
          <SelectField id={base + '-role'} label={t('admin.user.role')} value={u.role} onChange={set('role')}
            error={errors.role} options={roleOptions()} />
          <SelectField id={base + '-language'} label={t('admin.user.language')} value={u.language}
            onChange={set('language')} error={errors.language} options={languageOptions()} />
        </div>
        {u.role === 'editor' && (
          <RegionsField id={base + '-regions'} regions={regions} value={u.regions} onChange={set('regions')} error={errors.regions} />
        )}
        <div class="field checkbox-field">
          <label>
            <input type="checkbox" id={base + '-disabled'} checked={u.disabled} onChange={(e) => set('disabled')(e.currentTarget.checked)} />
            {t('admin.user.disabled')}
          </label>
          <p class="sub">{t('admin.user.disabledHint')}</p>
        </div>
        <FormError message={errors.form} />
        <p class="button-row">
          <button type="submit" class="primary" disabled={busy}>{t('admin.save')}</button>
          <button type="button" onClick={onClose}>{t('admin.close')}</button>
        </p>
      </form>
      <form class="admin-form" onSubmit={resetPassword} noValidate aria-labelledby={base + '-pw-title'}>
        <h4 id={base + '-pw-title'}>{t('admin.user.resetTitle')}</h4>
        <TextField id={base + '-password'} type="password" label={t('admin.user.newPassword')} value={u.password}
          onInput={set('password')} error={pwErrors.password} autoComplete="new-password"
          hint={t('admin.user.resetHint', { n: fmt.number(MIN_PASSWORD) })} />
        <FormError message={pwErrors.form} />
        <p><button type="submit" disabled={busy}>{t('admin.user.reset')}</button></p>
      </form>
      <p role="status" class="status-line">{done}</p>
    </div>
  );
}

function Users({ me }) {
  const lang = useLanguage();
  const users = useResource((signal) => api.get('/api/users', null, { signal }), []);
  const regionList = useResource(
    (signal) => api.get('/api/regions', null, { signal }).then((r) => r.items.filter((x) => x.country === 'ID')),
    [],
  );
  const regions = useMemo(
    () => [...(regionList.data || [])].sort((a, b) => compareText(a.name, b.name, lang)),
    [regionList.data, lang],
  );
  const regionNames = useMemo(() => Object.fromEntries(regions.map((r) => [r.id, r.name])), [regions]);
  const [editing, setEditing] = useState(null);
  const [deleting, setDeleting] = useState(null);
  const [rowError, setRowError] = useState(null); // {name, message}
  const [status, setStatus] = useState('');

  async function remove(name) {
    setRowError(null);
    setStatus('');
    try {
      await api.del(`/api/users/${enc(name)}`);
      setDeleting(null);
      setStatus(t('admin.user.deleted', { name }));
      users.reload();
    } catch (e) {
      setDeleting(null);
      setRowError({ name, message: e.message });
    }
  }

  const items = users.data?.items || [];
  return (
    <section class="card" aria-labelledby="users-title">
      <h2 id="users-title">{t('admin.users.title')}</h2>
      {users.loading && !users.data && <Loading />}
      {users.error && <ErrorView error={users.error} onRetry={users.reload} />}
      {users.data && (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="users-title">
          <table class="partnerships admin-table" id="users-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.user.name')}</th>
                <th scope="col">{t('admin.user.role')}</th>
                <th scope="col">{t('admin.user.regions')}</th>
                <th scope="col">{t('admin.user.language')}</th>
                <th scope="col">{t('admin.user.state')}</th>
                <th scope="col">{t('admin.user.created')}</th>
                <th scope="col"><span class="visually-hidden">{t('admin.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((u) => (
                <tr key={u.name} data-user={u.name}>
                  <th scope="row">{u.name}{u.name === me.name && <span class="sub">{t('admin.user.you')}</span>}</th>
                  <td data-label={t('admin.user.role')}>{t('role.' + u.role)}</td>
                  <td data-label={t('admin.user.regions')}>
                    {u.regions?.length ? u.regions.map((r) => regionNames[r] || r).join(', ') : '–'}
                  </td>
                  <td data-label={t('admin.user.language')}>{u.language ? t('lang.' + u.language) : '–'}</td>
                  <td data-label={t('admin.user.state')}>{u.disabled ? t('admin.user.isDisabled') : t('admin.user.isEnabled')}</td>
                  <td data-label={t('admin.user.created')}>{fmt.timestamp(u.created_at)}</td>
                  <td class="row-actions">
                    <button type="button" aria-expanded={editing === u.name ? 'true' : 'false'} aria-controls={'edit-' + u.name}
                      onClick={() => { setEditing(editing === u.name ? null : u.name); setRowError(null); }}>
                      {t('admin.edit')}<span class="visually-hidden"> {u.name}</span>
                    </button>
                    {deleting === u.name ? (
                      <span class="confirm">
                        <span>{t('admin.user.confirmDelete', { name: u.name })}</span>
                        <button type="button" class="danger" onClick={() => remove(u.name)}>{t('admin.yesDelete')}</button>
                        <button type="button" onClick={() => setDeleting(null)}>{t('admin.cancel')}</button>
                      </span>
                    ) : (
                      <button type="button" class="danger" onClick={() => { setDeleting(u.name); setRowError(null); }}>
                        {t('admin.delete')}<span class="visually-hidden"> {u.name}</span>
                      </button>
                    )}
                    {rowError?.name === u.name && <p class="form-error" role="alert">{t('admin.user.refused', { message: rowError.message })}</p>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" class="status-line">{status}</p>
      {editing && items.some((u) => u.name === editing) && (
        <EditUser key={editing} user={items.find((u) => u.name === editing)} regions={regions}
          onSaved={users.reload} onClose={() => setEditing(null)} />
      )}
      <AddUser regions={regions} onAdded={users.reload} />
    </section>
  );
}

// ---- tokens ----

function NewToken({ token, onDone }) {
  const [copied, setCopied] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(t('admin.token.copied'));
    } catch {
      document.getElementById('new-token-value')?.select();
      setCopied(t('admin.token.copyByHand'));
    }
  }
  return (
    <div class="token-once" role="region" aria-labelledby="new-token-title">
      <h3 id="new-token-title">{t('admin.token.createdTitle', { id: token.id })}</h3>
      <p class="notice" id="new-token-warning">{t('admin.token.onceWarning')}</p>
      <div class="field wide">
        <label for="new-token-value">{t('admin.token.value')}</label>
        <div class="copy-row">
          <input id="new-token-value" type="text" readOnly value={token.token} aria-describedby="new-token-warning"
            onFocus={(e) => e.currentTarget.select()} />
          <button type="button" onClick={copy}>{t('admin.token.copy')}</button>
        </div>
      </div>
      <p role="status" class="status-line">{copied}</p>
      <p><button type="button" onClick={onDone}>{t('admin.token.stored')}</button></p>
    </div>
  );
}

function Tokens({ me }) {
  const tokens = useResource((signal) => api.get('/api/tokens', null, { signal }), []);
  const users = useResource((signal) => api.get('/api/users', null, { signal }), []);
  const [form, setForm] = useState({ user: me.name, label: '' });
  const [errors, setErrors] = useState({});
  const [created, setCreated] = useState(null);
  const [revoking, setRevoking] = useState(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function create(ev) {
    ev.preventDefault();
    setErrors({});
    setStatus('');
    setBusy(true);
    try {
      const body = { user: form.user };
      if (form.label.trim()) body.label = form.label.trim();
      const r = await api.post('/api/tokens', body);
      setCreated(r);
      setForm((f) => ({ ...f, label: '' }));
      tokens.reload();
    } catch (e) {
      setErrors(placeError(e, ['user', 'label']));
    } finally {
      setBusy(false);
    }
  }
  async function revoke(id) {
    setStatus('');
    try {
      await api.del(`/api/tokens/${enc(id)}`);
      setRevoking(null);
      setStatus(t('admin.token.revoked', { id }));
      tokens.reload();
    } catch (e) {
      setRevoking(null);
      setStatus('');
      setErrors({ form: e.message });
    }
  }
  const names = (users.data?.items || []).map((u) => u.name);
  if (!names.includes(me.name)) names.unshift(me.name);
  const items = tokens.data?.items || [];
  return (
    <section class="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('admin.tokens.title')}</h2>
      <p class="muted">{t('admin.tokens.desc')}</p>
      {created && <NewToken token={created} onDone={() => setCreated(null)} />}
      {tokens.loading && !tokens.data && <Loading />}
      {tokens.error && <ErrorView error={tokens.error} onRetry={tokens.reload} />}
      {tokens.data && items.length === 0 && <p>{t('admin.tokens.none')}</p>}
      {items.length > 0 && (
        <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="tokens-title">
          <table class="partnerships admin-table" id="tokens-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.token.id')}</th>
                <th scope="col">{t('admin.token.user')}</th>
                <th scope="col">{t('admin.token.label')}</th>
                <th scope="col">{t('admin.token.created')}</th>
                <th scope="col"><span class="visually-hidden">{t('admin.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {items.map((tk) => (
                <tr key={tk.id} data-token={tk.id}>
                  <th scope="row">{tk.id}</th>
                  <td data-label={t('admin.token.user')}>{tk.user}</td>
                  <td data-label={t('admin.token.label')}>{tk.label || '–'}</td>
                  <td data-label={t('admin.token.created')}>{fmt.timestamp(tk.created_at)}</td>
                  <td class="row-actions">
                    {revoking === tk.id ? (
                      <span class="confirm">
                        <span>{t('admin.token.confirmRevoke', { id: tk.id })}</span>
                        <button type="button" class="danger" onClick={() => revoke(tk.id)}>{t('admin.token.yesRevoke')}</button>
                        <button type="button" onClick={() => setRevoking(null)}>{t('admin.cancel')}</button>
                      </span>
                    ) : (
                      <button type="button" class="danger" onClick={() => setRevoking(tk.id)}>
                        {t('admin.token.revoke')}<span class="visually-hidden"> {tk.id} {tk.label}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" class="status-line">{status}</p>
      <form class="admin-form" onSubmit={create} noValidate aria-labelledby="new-token-form-title">
        <h3 id="new-token-form-title">{t('admin.token.createTitle')}</h3>
        <div class="form-grid">
          <SelectField id="new-token-user" label={t('admin.token.user')} value={form.user}
            onChange={(v) => setForm((f) => ({ ...f, user: v }))} error={errors.user}
            options={names.map((n) => [n, n])} />
          <TextField id="new-token-label" label={t('admin.token.label')} value={form.label}
            onInput={(v) => setForm((f) => ({ ...f, label: v }))} error={errors.label}
            hint={t('admin.token.labelHint')} autoComplete="off" />
        </div>
        <FormError message={errors.form} />
        <p><button type="submit" class="primary" disabled={busy}>{t('admin.token.create')}</button></p>
      </form>
    </section>
  );
}

// ---- audit log ----

const AUDIT_FIELDS = ['user', 'region', 'from', 'to', 'action'];
const ACTION_PREFIXES = ['user.', 'token.', 'session.', 'feed.', 'partnership.', 'event.', 'region.', 'import'];

// Focusable: a long line scrolls sideways, which a keyboard user must be able to do.
function Json({ value }) {
  return <pre class="json" tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>;
}

function AuditEntry({ e }) {
  const hasDetail = e.before != null || e.after != null;
  return (
    <tr data-seq={e.seq}>
      <td data-label={t('admin.audit.when')}><time dateTime={e.at}>{fmt.timestamp(e.at)}</time></td>
      <td data-label={t('admin.audit.actor')}>{e.actor || '–'}</td>
      <td data-label={t('admin.audit.address')}>{e.address || '–'}</td>
      <td data-label={t('admin.audit.action')}><code>{e.action}</code></td>
      <td data-label={t('admin.audit.record')}>{e.record || '–'}</td>
      <td data-label={t('admin.audit.summary')} class="detail">
        {e.summary}
        {hasDetail && (
          <details class="audit-detail">
            <summary>{t('admin.audit.beforeAfter')}<span class="visually-hidden"> {e.seq}</span></summary>
            <div class="before-after">
              <div>
                <h4>{t('admin.audit.before')}</h4>
                {e.before == null ? <p class="muted">{t('admin.audit.none')}</p> : <Json value={e.before} />}
              </div>
              <div>
                <h4>{t('admin.audit.after')}</h4>
                {e.after == null ? <p class="muted">{t('admin.audit.none')}</p> : <Json value={e.after} />}
              </div>
            </div>
          </details>
        )}
      </td>
    </tr>
  );
}

function Audit() {
  const { query } = useLocation();
  const applied = Object.fromEntries(AUDIT_FIELDS.map((k) => [k, query.get(k) || '']));
  const page = Math.max(1, Number(query.get('page')) || 1);
  const [form, setForm] = useState(applied);
  useEffect(() => setForm(applied), [query.toString()]);
  const log = useResource(
    (signal) => api.get('/api/audit', { ...applied, page, per_page: PER_PAGE }, { signal }),
    [query.toString()],
  );
  const go = (filters, p) => {
    const q = new URLSearchParams({ tab: 'audit' });
    for (const k of AUDIT_FIELDS) if (filters[k]) q.set(k, filters[k].trim());
    if (p > 1) q.set('page', String(p));
    navigate('/admin?' + q);
  };
  const fieldError = log.error?.field && AUDIT_FIELDS.includes(log.error.field) ? log.error : null;
  const err = (k) => (fieldError?.field === k ? fieldError.message : undefined);
  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <section class="card" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('admin.audit.title')}</h2>
      <p class="muted">{t('admin.audit.desc')}</p>
      <form class="admin-form audit-filters" role="search" aria-labelledby="audit-filter-title"
        onSubmit={(ev) => { ev.preventDefault(); go(form, 1); }}>
        <h3 id="audit-filter-title">{t('admin.audit.filters')}</h3>
        <div class="form-grid">
          <TextField id="audit-user" label={t('admin.audit.user')} value={form.user} error={err('user')}
            onInput={(v) => setForm((f) => ({ ...f, user: v }))} autoComplete="off" />
          <TextField id="audit-region" label={t('admin.audit.region')} value={form.region} error={err('region')}
            hint={t('admin.audit.regionHint')} onInput={(v) => setForm((f) => ({ ...f, region: v }))} autoComplete="off" />
          <TextField id="audit-from" type="date" label={t('admin.audit.from')} value={form.from} error={err('from')}
            onInput={(v) => setForm((f) => ({ ...f, from: v }))} />
          <TextField id="audit-to" type="date" label={t('admin.audit.to')} value={form.to} error={err('to')}
            onInput={(v) => setForm((f) => ({ ...f, to: v }))} />
          <TextField id="audit-action" label={t('admin.audit.actionPrefix')} value={form.action} error={err('action')}
            hint={t('admin.audit.actionHint')} list="audit-actions"
            onInput={(v) => setForm((f) => ({ ...f, action: v }))} autoComplete="off" />
          <datalist id="audit-actions">
            {ACTION_PREFIXES.map((a) => <option key={a} value={a} />)}
          </datalist>
        </div>
        <p class="button-row">
          <button type="submit" class="primary">{t('admin.audit.apply')}</button>
          <button type="button" onClick={() => go({}, 1)}>{t('admin.audit.clear')}</button>
        </p>
      </form>
      {log.loading && !log.data && <Loading />}
      {log.error && !fieldError && <ErrorView error={log.error} onRetry={log.reload} />}
      {log.data && (
        <>
          <p role="status" id="audit-count">
            {t('admin.audit.count', { total: fmt.number(total), page: fmt.number(page), pages: fmt.number(pages) })}
          </p>
          {log.data.items.length > 0 && (
            <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="audit-title">
              <table class="partnerships admin-table audit-table" id="audit-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.audit.when')}</th>
                    <th scope="col">{t('admin.audit.actor')}</th>
                    <th scope="col">{t('admin.audit.address')}</th>
                    <th scope="col">{t('admin.audit.action')}</th>
                    <th scope="col">{t('admin.audit.record')}</th>
                    <th scope="col">{t('admin.audit.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.data.items.map((e) => <AuditEntry key={e.seq} e={e} />)}
                </tbody>
              </table>
            </div>
          )}
          <nav class="pager" aria-label={t('admin.audit.paging')}>
            <button type="button" disabled={page <= 1} onClick={() => go(applied, page - 1)}>{t('admin.audit.prev')}</button>
            <button type="button" disabled={page >= pages} onClick={() => go(applied, page + 1)}>{t('admin.audit.next')}</button>
          </nav>
        </>
      )}
    </section>
  );
}

export default function Admin({ user }) {
  useLanguage();
  usePageTitle(t('admin.title'));
  const { query } = useLocation();
  const tab = TABS.includes(query.get('tab')) ? query.get('tab') : 'users';
  if (user?.role !== 'admin') {
    return (
      <>
        <h1 id="page-title" tabIndex={-1}>{t('admin.title')}</h1>
        <section class="error-view" role="alert" aria-labelledby="admin-only-title">
          <h2 id="admin-only-title">{t('admin.onlyTitle')}</h2>
          <p>{t('admin.only')}</p>
          <p><a href="/">{t('common.backToDashboard')}</a></p>
        </section>
      </>
    );
  }
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('admin.title')}</h1>
      <nav class="tabs" aria-label={t('admin.sections')}>
        <ul>
          {TABS.map((k) => (
            <li key={k}>
              <a href={'/admin?tab=' + k} aria-current={tab === k ? 'page' : undefined}>{t('admin.tab.' + k)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {tab === 'users' && <Users me={user} />}
      {tab === 'tokens' && <Tokens me={user} />}
      {tab === 'audit' && <Audit />}
    </>
  );
}
