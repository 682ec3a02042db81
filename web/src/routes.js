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
  { path: '/partnerships/new', load: () => import('./pages/PartnershipNew.jsx') }, // before /partnerships/:id
  { path: '/partnerships/:id', page: Partnership },
  { path: '/national', load: () => import('./pages/National.jsx'), nav: 'nav.national' },
  { path: '/calendar', load: () => import('./pages/Calendar.jsx'), nav: 'nav.calendar' },
  { path: '/admin', load: () => import('./pages/Admin.jsx'), nav: 'nav.admin', roles: ['admin'] },
  { path: '/import', load: () => import('./pages/Import.jsx'), nav: 'records.navImport', roles: ['editor', 'admin'] },
].map((r) => ({ ...r, match: compile(r.path) }));

export function findRoute(path) {
  for (const route of ROUTES) {
    const params = route.match(path);
    if (params) return { route, params };
  }
  return null;
}
