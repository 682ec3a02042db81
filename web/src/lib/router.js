// A small history router: the server answers every non-/api path with index.html,
// so /partnerships/surabaya-liverpool can be bookmarked and reloaded.
import { useEffect, useState } from 'preact/hooks';

const listeners = new Set();

function currentLocation() {
  return { path: location.pathname, query: new URLSearchParams(location.search) };
}

export function navigate(to, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const f of listeners) f(currentLocation());
}

export function useLocation() {
  const [loc, setLoc] = useState(currentLocation);
  useEffect(() => {
    const update = (l) => setLoc(l);
    const onPop = () => update(currentLocation());
    listeners.add(update);
    addEventListener('popstate', onPop);
    return () => {
      listeners.delete(update);
      removeEventListener('popstate', onPop);
    };
  }, []);
  return loc;
}

// Turns "/partnerships/:id" into a matcher returning {id} or null.
export function compile(pattern) {
  const names = [];
  const re = new RegExp(
    '^' +
      pattern.replace(/\/:(\w+)/g, (_, n) => {
        names.push(n);
        return '/([^/]+)';
      }) +
      '/?$',
  );
  return (path) => {
    const m = re.exec(path);
    if (!m) return null;
    const params = {};
    names.forEach((n, i) => {
      params[n] = decodeURIComponent(m[i + 1]);
    });
    return params;
  };
}

// Same-origin links inside the app are followed without reloading the page.
export function interceptLinks(root) {
  root.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.target.closest?.('a[href]');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    if (url.pathname === location.pathname && url.hash) return; // in-page anchor
    e.preventDefault();
    navigate(url.pathname + url.search + url.hash);
  });
}
