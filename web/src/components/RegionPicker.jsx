// Choosing a stored region for a partnership's party: a search field asking
// GET /api/regions?text= as one types, the matches as radio buttons, the choice
// named under the field. The value in the form is the region's id.
import { useEffect, useState } from 'preact/hooks';
import { fmt, label, language, t } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { countryName, regionName } from '../lib/names.js';
import { fieldId } from './RecordFields.jsx';

const SHOWN = 12;

export function regionText(r, lang) {
  if (!r) return '';
  const where = [r.level && label('level', r.level), r.country_name || countryName(r.country, lang)].filter(Boolean);
  return regionName(r, lang, r.id) + (where.length ? ` (${where.join(', ')})` : '');
}

export function RegionPicker({ form, name, label: text, hint, chosen, onChoose, required }) {
  const id = fieldId(form.prefix, name);
  const error = form.errors[name];
  const [query, setQuery] = useState('');
  const [found, setFound] = useState(null); // {items, total} | null
  const [failed, setFailed] = useState(null);
  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setFound(null);
      return undefined;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      api.get('/api/regions', { text: q, lang: language() }, { signal: ctrl.signal }).then(
        (r) => {
          setFailed(null);
          setFound({ items: r.items || [], total: r.total ?? (r.items || []).length });
        },
        (e) => e?.name !== 'AbortError' && setFailed(e),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [query]);
  const lang = language();
  const value = form.values[name] || '';
  const items = found ? found.items.slice(0, SHOWN) : [];
  return (
    <div class="field field-wide region-picker">
      <label for={id}>
        {text}
        {required && <span class="required"> {t('records.requiredMark')}</span>}
      </label>
      <p id={id + '-chosen'} class="chosen">
        {value ? t('records.region.chosen', { region: regionText(chosen, lang) || value }) : t('records.region.none')}
      </p>
      {hint && <p id={id + '-hint'} class="hint">{hint}</p>}
      <input
        id={id}
        type="search"
        value={query}
        autocomplete="off"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={[id + '-chosen', hint && id + '-hint', error && id + '-error', id + '-status'].filter(Boolean).join(' ')}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {error && <p id={id + '-error'} class="field-error" role="alert">{error}</p>}
      <p id={id + '-status'} class="hint" role="status">
        {failed ? failed.message || t('error.network')
          : found ? (found.total === 0 ? t('records.region.noMatch')
            : found.total > items.length
              ? t('records.region.someMatch', { shown: fmt.number(items.length), total: fmt.number(found.total) })
              : t('records.region.matches', { n: fmt.number(found.total) }))
          : ''}
      </p>
      {items.length > 0 && (
        <fieldset class="region-choices">
          <legend class="visually-hidden">{t('records.region.choose', { label: text })}</legend>
          {items.map((r) => (
            <label key={r.id} class="checkbox">
              <input
                type="radio"
                name={id + '-choice'}
                id={`${id}-opt-${r.id}`}
                value={r.id}
                checked={value === r.id}
                onChange={() => {
                  form.set(name, r.id);
                  onChoose(r);
                }}
              />{' '}
              {regionText(r, lang)}
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
