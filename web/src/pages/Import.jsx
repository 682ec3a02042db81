// Importing a dossier-v1 file (issue 12, record keeping): choose or drop the file,
// the mode (refuse, merge, replace), then POST /api/import?mode= with the file's text,
// showing the progress of reading and sending it. The answer is either the summary
// (regions and partnerships added or updated, events) or every problem at its JSON
// path: then nothing was written. Also the export of everything the user can see.
import { useEffect, useRef, useState } from 'preact/hooks';
import { fmt, t } from '../i18n/index.js';
import { upload } from '../lib/api.js';
import { useLanguage, usePageTitle } from '../lib/hooks.js';
import { canEditAny, problemsOf } from '../lib/records.js';

const MODES = ['refuse', 'merge', 'replace'];
const LIMIT = 64 * 1024 * 1024; // the server's import limit (docs/api.md, "Limits")

function readText(file, onProgress) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}

function Progress({ phase }) {
  const determinate = phase.total > 0 && phase.step !== 'processing';
  const share = determinate ? Math.min(1, phase.done / phase.total) : null;
  const text =
    phase.step === 'reading' ? t('records.import.reading', { percent: fmt.percent(share ?? 0) })
      : phase.step === 'uploading' ? t('records.import.uploading', { percent: fmt.percent(share ?? 0) })
        : t('records.import.processing');
  return (
    <div class="import-progress">
      <label for="import-progress" id="import-progress-text">{text}</label>
      {determinate
        ? <progress id="import-progress" max={phase.total} value={phase.done} />
        : <progress id="import-progress" />}
    </div>
  );
}

function Summary({ result }) {
  const s = result.summary || {};
  const rows = [
    ['records.import.regionsAdded', s.regions_added],
    ['records.import.regionsUpdated', s.regions_updated],
    ['records.import.partnershipsAdded', s.partnerships_added],
    ['records.import.partnershipsUpdated', s.partnerships_updated],
    ['records.import.events', s.events],
  ];
  return (
    <section id="import-result" class="card import-done" aria-labelledby="import-result-title">
      <h2 id="import-result-title" tabIndex={-1}>{t('records.import.done', { name: result.name })}</h2>
      <dl class="facts">
        {rows.map(([key, n]) => [
          <dt key={key + 't'}>{t(key)}</dt>,
          <dd key={key + 'd'}>{fmt.number(n ?? 0)}</dd>,
        ])}
      </dl>
    </section>
  );
}

function Problems({ result }) {
  const e = result.error;
  const problems = e.status === 400 || e.status === 403 ? problemsOf(e) : [];
  const withPaths = problems.filter((p) => p.path);
  return (
    <section id="import-problems" class="card import-failed" role="alert" aria-labelledby="import-problems-title">
      <h2 id="import-problems-title" tabIndex={-1}>{t('records.import.failed', { name: result.name })}</h2>
      <p class="form-alert-title">{t('records.import.nothingWritten')}</p>
      {e.status === 0 && <p>{t('error.network')}</p>}
      {e.status === 403 && <p>{t('records.import.forbidden')}</p>}
      {e.status === 413 && <p>{t('records.import.tooLarge')}</p>}
      {withPaths.length > 0 ? (
        <>
          <p>{t('records.import.problemCount', { n: fmt.number(problems.length) })}</p>
          <ol class="problems">
            {problems.map((p, i) => (
              <li key={i}>
                <code class="problem-path">{p.path || '/'}</code> <span class="server-message">{p.message}</span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        e.status !== 0 && e.message && <p class="server-message">{e.message}</p>
      )}
    </section>
  );
}

export default function Import({ user }) {
  useLanguage();
  usePageTitle(t('records.import.title'));
  const [file, setFile] = useState(null);
  const [mode, setMode] = useState('refuse');
  const [phase, setPhase] = useState(null);
  const [result, setResult] = useState(null);
  const [fileError, setFileError] = useState('');
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef(null);
  const allowed = canEditAny(user);

  useEffect(() => {
    if (result) document.getElementById(result.error ? 'import-problems-title' : 'import-result-title')?.focus();
  }, [result]);

  function choose(f) {
    setFile(f || null);
    setFileError('');
    setResult(null);
  }

  async function submit(e) {
    e.preventDefault();
    if (!file) {
      setFileError(t('records.import.chooseFirst'));
      inputRef.current?.focus();
      return;
    }
    if (file.size > LIMIT) {
      setFileError(t('records.import.tooLarge'));
      inputRef.current?.focus();
      return;
    }
    setResult(null);
    setPhase({ step: 'reading', done: 0, total: file.size });
    try {
      const text = await readText(file, (done, total) => setPhase({ step: 'reading', done, total }));
      setPhase({ step: 'uploading', done: 0, total: 0 });
      const summary = await upload('POST', '/api/import', {
        body: text,
        query: { mode },
        onProgress: (done, total) =>
          setPhase(total && done >= total ? { step: 'processing' } : { step: 'uploading', done, total }),
      });
      setResult({ summary, name: file.name });
    } catch (err) {
      setResult({ error: err?.status !== undefined ? err : { status: 0, message: String(err) }, name: file.name });
    } finally {
      setPhase(null);
    }
  }

  const busy = !!phase;
  return (
    <>
      <h1 id="page-title" tabIndex={-1}>{t('records.import.title')}</h1>
      <p class="lead">{t('records.import.lead')}</p>
      {!allowed && <p class="notice">{t('records.import.notAllowed')}</p>}
      {allowed && (
        <section class="card" aria-labelledby="import-form-title">
          <h2 id="import-form-title">{t('records.import.formTitle')}</h2>
          <form id="import-form" noValidate onSubmit={submit}>
            <div
              class={'drop-zone' + (dragging ? ' dragging' : '')}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => {
                e.preventDefault();
                setDragging(false);
                const files = e.dataTransfer?.files;
                if (files?.length) {
                  try {
                    if (inputRef.current) inputRef.current.files = files;
                  } catch {
                    // older browsers: the file is kept in the state only
                  }
                  choose(files[0]);
                }
              }}
            >
              <div class="field">
                <label for="import-file">{t('records.import.file')}</label>
                <p id="import-file-hint" class="hint">{t('records.import.fileHint')}</p>
                <input
                  id="import-file"
                  ref={inputRef}
                  type="file"
                  accept=".json,application/json"
                  aria-invalid={fileError ? 'true' : undefined}
                  aria-describedby={['import-file-hint', fileError && 'import-file-error'].filter(Boolean).join(' ')}
                  onChange={(e) => choose(e.currentTarget.files?.[0])}
                />
                {fileError && <p id="import-file-error" class="field-error" role="alert">{fileError}</p>}
              </div>
              {file && (
                <p id="import-chosen" class="chosen">
                  {t('records.import.chosen', { name: file.name, size: fmt.unit(Math.max(1, Math.round(file.size / 1024)), 'kilobyte') })}
                </p>
              )}
            </div>
            <fieldset class="field-wide modes">
              <legend>{t('records.import.mode')}</legend>
              {MODES.map((m) => (
                <div key={m} class="mode">
                  <input
                    type="radio"
                    id={'import-mode-' + m}
                    name="import-mode"
                    value={m}
                    checked={mode === m}
                    aria-describedby={'import-mode-' + m + '-hint'}
                    onChange={() => setMode(m)}
                  />
                  <label for={'import-mode-' + m}>{t('records.import.mode.' + m)}</label>
                  <p id={'import-mode-' + m + '-hint'} class="hint">{t('records.import.modeHint.' + m)}</p>
                </div>
              ))}
            </fieldset>
            <p class="form-actions">
              <button type="submit" id="import-submit" class="primary" disabled={busy}>
                {busy ? t('records.import.busy') : t('records.import.submit')}
              </button>
            </p>
            <div role="status" aria-live="polite">{phase && <Progress phase={phase} />}</div>
          </form>
        </section>
      )}
      {result && (result.error ? <Problems result={result} /> : <Summary result={result} />)}
      <section class="card" aria-labelledby="export-title">
        <h2 id="export-title">{t('records.export.title')}</h2>
        <p>{t('records.export.allHelp')}</p>
        <p>
          <a id="export-all" class="button-link" href="/api/export" download>{t('records.export.all')}</a>
        </p>
      </section>
    </>
  );
}
