// Who is logged in: GET /api/me at start, POST /api/session to log in,
// DELETE /api/session to log out. The language follows the user's profile when it
// has one, and a switch is saved there (PUT /api/me) as well as on this device.
import { useEffect, useState } from 'preact/hooks';
import { api, onUnauthorized, setCsrf } from './api.js';
import { language, setLanguage } from '../i18n/index.js';

let state = { status: 'loading', user: null, ended: false };
const listeners = new Set();

function set(next) {
  state = { ...state, ...next };
  for (const f of listeners) f(state);
}

export function useSession() {
  const [s, setS] = useState(state);
  useEffect(() => {
    listeners.add(setS);
    setS(state);
    return () => listeners.delete(setS);
  }, []);
  return s;
}

function adoptUser(user) {
  if (user?.language && user.language !== language()) setLanguage(user.language);
  set({ status: 'in', user, ended: false });
}

export async function loadSession() {
  try {
    const me = await api.get('/api/me');
    adoptUser(me.user);
  } catch (e) {
    if (e.status === 401) set({ status: 'out', user: null });
    else set({ status: 'error', error: e });
  }
}

export async function login(username, password) {
  const r = await api.post('/api/session', { username, password });
  setCsrf(r.csrf);
  adoptUser(r.user);
}

export async function logout() {
  try {
    await api.del('/api/session');
  } catch {
    // the session is gone either way
  }
  setCsrf(null);
  set({ status: 'out', user: null, ended: false });
}

export async function switchLanguage(lang) {
  setLanguage(lang);
  if (state.status === 'in' && state.user?.language !== lang) {
    try {
      const r = await api.put('/api/me', { language: lang });
      set({ user: r.user });
    } catch {
      // remembered on this device; the profile is updated next time
    }
  }
}

onUnauthorized(() => {
  if (state.status === 'in') {
    setCsrf(null);
    set({ status: 'out', user: null, ended: true });
  }
});
