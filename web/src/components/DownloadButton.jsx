// A download that shows its progress: a report or an export over the whole country
// can take the server seconds to prepare and be megabytes long. The file is fetched
// (with the session's cookie), its bytes counted as they arrive against
// Content-Length, then handed to the browser as a download under the server's file
// name (Content-Disposition). Errors are shown beside the button, in the reader's
// language when the server sent its JSON error.
import { useRef, useState } from 'preact/hooks';
import { fmt, t } from '../i18n/index.js';
import { language } from '../i18n/index.js';

function fileName(disposition, fallback) {
  const m = /filename="([^"]+)"/.exec(disposition || '');
  return m ? m[1] : fallback;
}

function megabytes(n) {
  return fmt.number(n / 1e6, { maximumFractionDigits: 1 });
}

// href: the API path with its query; label: the button's text; accessibleName: its
// full name for assistive technology (the label alone may be "PDF").
export function DownloadButton({ id, href, label, accessibleName, fallbackName = 'download' }) {
  const [state, setState] = useState(null); // null | {phase, received, total} | {error}
  const busy = state && !state.error && state.phase !== 'done';
  const abort = useRef(null);

  async function start() {
    const ctrl = new AbortController();
    abort.current = ctrl;
    setState({ phase: 'preparing', received: 0, total: 0 });
    try {
      const response = await fetch(href, {
        credentials: 'same-origin',
        headers: { 'Accept-Language': language() },
        signal: ctrl.signal,
      });
      if (!response.ok) {
        let message = `HTTP ${response.status}`;
        try {
          message = (await response.json()).message || message;
        } catch {
          // not JSON
        }
        setState({ error: message });
        return;
      }
      const total = Number(response.headers.get('Content-Length')) || 0;
      const chunks = [];
      let received = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        received += value.length;
        setState({ phase: 'receiving', received, total });
      }
      const blob = new Blob(chunks, { type: response.headers.get('Content-Type') || 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName(response.headers.get('Content-Disposition'), fallbackName);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      setState({ phase: 'done', received, total });
    } catch (e) {
      if (e?.name === 'AbortError') setState(null);
      else setState({ error: t('error.network') });
    }
  }

  return (
    <span class="download">
      <button type="button" id={id} class="button-link" onClick={start} disabled={busy}
        aria-label={accessibleName || label} aria-describedby={state ? id + '-status' : undefined}>
        {label}
      </button>
      {state && (
        <span id={id + '-status'} class={state.error ? 'form-error' : 'muted'} role={state.error ? 'alert' : 'status'}>
          {state.error && state.error}
          {state.phase === 'preparing' && (
            <>
              <progress aria-label={t('download.preparing')} /> {t('download.preparing')}
            </>
          )}
          {state.phase === 'receiving' && (
            <>
              <progress value={state.received} max={state.total || undefined} aria-label={t('download.receiving')} />{' '}
              {state.total
                ? t('download.progress', { done: megabytes(state.received), total: megabytes(state.total) })
                : t('download.progressUnknown', { done: megabytes(state.received) })}
            </>
          )}
          {state.phase === 'done' && t('download.done')}
          {busy && (
            <button type="button" class="link" onClick={() => abort.current?.abort()}>{t('download.cancel')}</button>
          )}
        </span>
      )}
    </span>
  );
}
