// The pages and their paths. A page is either imported here (the first-load bundle:
// keep it to what an officer sees first) or loaded on demand with `load`, so the
// remaining pages of issue 12 (forms, import, calendar, finder, maps, national,
// admin) slot in as lazy entries without growing the first load:
//   { path: '/calendar', load: () => import('./pages/Calendar.jsx') },
//   { path: '/admin', load: () => import('./pages/Admin.jsx'), roles: ['admin'] },
import Dashboard from './pages/Dashboard.jsx';
import Partnership from './pages/Partnership.jsx';
import { compile } from './lib/router.js';

export const ROUTES = [
  { path: '/', page: Dashboard, nav: 'nav.dashboard' },
  { path: '/partnerships/:id', page: Partnership },
  { path: '/regions/:id', load: () => import('./pages/RegionMap.jsx') },
  { path: '/network', load: () => import('./pages/Network.jsx'), nav: 'nav.network' },
  { path: '/finder', load: () => import('./pages/Finder.jsx'), nav: 'nav.finder' },
].map((r) => ({ ...r, match: compile(r.path) }));

export function findRoute(path) {
  for (const route of ROUTES) {
    const params = route.match(path);
    if (params) return { route, params };
  }
  return null;
}
