import { useEffect, useRef, useState } from 'preact/hooks';
import { ErrorView, Loading } from './components/ErrorView.jsx';
import { LANGUAGES, t } from './i18n/index.js';
import { useLanguage } from './lib/hooks.js';
import { navigate, useLocation } from './lib/router.js';
import { logout, switchLanguage, useSession } from './lib/session.js';
import Login from './pages/Login.jsx';
import NotFound from './pages/NotFound.jsx';
import { findRoute, ROUTES } from './routes.js';

function LanguageSwitch() {
  const lang = useLanguage();
  return (
    <div class="lang-switch">
      <label for="lang-select">{t('nav.language')}</label>
      <select id="lang-select" value={lang} onChange={(e) => switchLanguage(e.currentTarget.value)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>{t('lang.' + l)}</option>
        ))}
      </select>
    </div>
  );
}

// A page loaded on demand (routes with `load`).
function LazyPage({ route, ...props }) {
  const [Page, setPage] = useState(() => route.loaded || null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (route.loaded) return;
    route.load().then(
      (m) => {
        route.loaded = m.default;
        setPage(() => m.default);
      },
      () => setFailed(true), // the server went away, or a newer kembar renamed the chunk
    );
  }, [route]);
  if (failed) return <ErrorView error={{ status: 0 }} onRetry={() => location.reload()} />;
  return Page ? <Page {...props} /> : <Loading />;
}

function Header({ session, path }) {
  const user = session.user;
  return (
    <header class="top">
      <div class="brand">
        <a href="/" class="brand-name">{t('app.name')}</a>
        <span class="tagline">{t('app.tagline')}</span>
      </div>
      {user && (
        <nav aria-label={t('nav.main')}>
          <ul>
            {ROUTES.filter((r) => r.nav && (!r.roles || r.roles.includes(user.role))).map((r) => (
              <li key={r.path}>
                <a href={r.path} aria-current={path === r.path ? 'page' : undefined}>{t(r.nav)}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div class="tools">
        <LanguageSwitch />
        {user && (
          <div class="user">
            <span class="muted">{t('nav.signedInAs', { name: user.name, role: t('role.' + user.role) })}</span>
            <button type="button" onClick={() => logout().then(() => navigate('/'))}>{t('nav.logout')}</button>
          </div>
        )}
      </div>
    </header>
  );
}

export function App() {
  useLanguage();
  const session = useSession();
  const { path } = useLocation();

  // After a navigation inside the app or a login/logout (not the first load), focus
  // the new page's heading, so screen readers announce it and Tab continues from there.
  const shownPath = useRef(null);
  useEffect(() => {
    if (session.status !== 'in' && session.status !== 'out') return;
    const key = session.status + ' ' + path;
    const first = shownPath.current === null;
    if (shownPath.current === key) return;
    shownPath.current = key;
    if (!first) document.getElementById('page-title')?.focus();
  }, [path, session.status]);

  let content;
  if (session.status === 'loading') content = <Loading />;
  else if (session.status === 'error') content = <ErrorView error={session.error} onRetry={() => location.reload()} />;
  else if (session.status === 'out') content = <Login ended={session.ended} />;
  else {
    const found = findRoute(path);
    if (!found) content = <NotFound path={path} />;
    else {
      const props = { ...found.params, user: session.user };
      content = found.route.page ? <found.route.page key={path} {...props} /> : <LazyPage key={path} route={found.route} {...props} />;
    }
  }
  return (
    <>
      <a class="skip-link" href="#main">{t('nav.skip')}</a>
      <Header session={session} path={path} />
      <main id="main" tabIndex={-1}>{content}</main>
      <footer class="bottom"><p>{t('app.offline')}</p></footer>
    </>
  );
}
