// The pages and their paths. A page is either imported here (the first-load bundle:
// keep it to what an officer sees first: the dashboard and a partnership) or loaded
// on demand with `load`, so the other pages do not grow the first load. `nav` puts a
// page in the header's navigation (in this order); `roles` limits that entry.
import Dashboard from './pages/Dashboard.jsx';
import Partnership from './pages/Partnership.jsx';
import { compile } from './lib/router.js';

export const ROUTES = [
  { path: '/', page: Dashboard, nav: 'nav.dashboard' },
  { path: '/partnerships/new', load: () => import('./pages/PartnershipNew.jsx') }, // before /partnerships/:id
  { path: '/partnerships/:id', page: Partnership },
  { path: '/regions/:id', load: () => import('./pages/RegionMap.jsx') },
  { path: '/calendar', load: () => import('./pages/Calendar.jsx'), nav: 'nav.calendar' },
  { path: '/finder', load: () => import('./pages/Finder.jsx'), nav: 'nav.finder' },
  { path: '/network', load: () => import('./pages/Network.jsx'), nav: 'nav.network' },
  { path: '/national', load: () => import('./pages/National.jsx'), nav: 'nav.national' },
  { path: '/import', load: () => import('./pages/Import.jsx'), nav: 'records.navImport', roles: ['editor', 'admin'] },
  { path: '/admin', load: () => import('./pages/Admin.jsx'), nav: 'nav.admin', roles: ['admin'] },
].map((r) => ({ ...r, match: compile(r.path) }));

export function findRoute(path) {
  for (const route of ROUTES) {
    const params = route.match(path);
    if (params) return { route, params };
  }
  return null;
}
