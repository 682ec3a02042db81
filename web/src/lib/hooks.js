import { useEffect, useState } from 'preact/hooks';
import { language, onLanguageChange } from '../i18n/index.js';

// Re-renders the caller when the language changes.
export function useLanguage() {
  const [lang, setLang] = useState(language());
  useEffect(() => onLanguageChange(setLang), []);
  return lang;
}

// Runs `load(signal)` whenever `deps` change: {data, error, loading, reload}.
export function useResource(load, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    load(ctrl.signal).then(
      (data) => !ctrl.signal.aborted && setState({ data, error: null, loading: false }),
      (error) => !ctrl.signal.aborted && error?.name !== 'AbortError' &&
        setState({ data: null, error, loading: false }),
    );
    return () => ctrl.abort();
  }, [...deps, tick]);
  return { ...state, reload: () => setTick((n) => n + 1) };
}

// Sets the document title and moves focus to the page's heading after navigation,
// so screen-reader and keyboard users start at the new page.
export function usePageTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} · kembar` : 'kembar';
  }, [title]);
}

// `value`, once it has not changed for `ms` (search boxes: one request per pause).
export function useDebounced(value, ms) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
