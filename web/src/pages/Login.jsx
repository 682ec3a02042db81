import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { usePageTitle } from '../lib/hooks.js';
import { login } from '../lib/session.js';

export default function Login({ ended }) {
  usePageTitle(t('login.title'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(ended ? t('login.sessionEnded') : '');
  const userRef = useRef(null);
  useEffect(() => userRef.current?.focus(), []);

  async function submit(e) {
    e.preventDefault();
    if (!username || !password) {
      setError(t('login.required'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      await login(username, password);
    } catch (err) {
      setBusy(false);
      if (err.status === 429) setError(t('login.throttled', { seconds: err.retryAfter || 60 }));
      else if (err.status === 401) setError(t('login.failed'));
      else if (err.status === 0) setError(t('error.network'));
      else setError(err.message);
    }
  }

  return (
    <section class="login card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div class="field">
          <label for="login-username">{t('login.username')}</label>
          <input
            id="login-username"
            ref={userRef}
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            aria-invalid={error && !username ? 'true' : undefined}
            aria-describedby={error ? 'login-error' : undefined}
          />
        </div>
        <div class="field">
          <label for="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            type="password"
            name="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            aria-invalid={error && !password ? 'true' : undefined}
            aria-describedby={error ? 'login-error' : undefined}
          />
        </div>
        {error && <p id="login-error" class="form-error" role="alert">{error}</p>}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </section>
  );
}
