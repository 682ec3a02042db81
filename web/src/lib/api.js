// The HTTP API (issue 11, docs/api.md): same origin, the session cookie, and the
// CSRF token from the login answer on every state-changing request.
// Every failure is an ApiError carrying the server's {code, message, path, field}.
import { language } from '../i18n/index.js';

const CSRF_KEY = 'kembar.csrf';

export class ApiError extends Error {
  constructor(status, body, requestPath) {
    super(body?.message || `HTTP ${status}`);
    this.status = status; // 0: the server could not be reached
    this.code = body?.code || (status === 0 ? 'network' : 'http_' + status);
    this.path = body?.path || requestPath;
    this.field = body?.field || '';
    // [{path, message}] for a document refused as a whole (import, a write's body):
    // every problem at its JSON path, in the reader's language.
    this.problems = Array.isArray(body?.problems) ? body.problems : [];
    this.retryAfter = 0;
  }
}

let csrf = null;
try {
  csrf = globalThis.sessionStorage?.getItem(CSRF_KEY) ?? null;
} catch {
  csrf = null;
}

export function setCsrf(token) {
  csrf = token || null;
  try {
    if (csrf) sessionStorage.setItem(CSRF_KEY, csrf);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    // kept in memory only
  }
}

const unauthorizedListeners = new Set();
// Called with the ApiError when any request other than the login answers 401.
export function onUnauthorized(f) {
  unauthorizedListeners.add(f);
  return () => unauthorizedListeners.delete(f);
}

// `ifMatch` sends the record's version (If-Match): a write over a version someone
// else replaced answers 409 `conflict`. `raw: true` sends `body` as it is (a file's
// text) rather than as JSON. The answer's ETag, when there is one, is returned as
// `version` on the answer object (a write's new version).
export async function request(method, path, { body, query, signal, ifMatch, raw } = {}) {
  let url = path;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v != null && v !== '') q.set(k, v);
    const s = q.toString();
    if (s) url += '?' + s;
  }
  const headers = { Accept: 'application/json', 'Accept-Language': language() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrf) headers['X-CSRF-Token'] = csrf;
  if (ifMatch) headers['If-Match'] = `"${ifMatch}"`;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new ApiError(0, null, path);
  }
  if (response.status === 204) return null;
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      data = await response.json();
    } catch {
      data = null;
    }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data, path);
    error.retryAfter = Number(response.headers.get('Retry-After')) || 0;
    if (response.status === 401 && path !== '/api/session') {
      for (const f of unauthorizedListeners) f(error);
    }
    throw error;
  }
  return data;
}

export const api = {
  get: (path, query, options) => request('GET', path, { query, ...options }),
  post: (path, body, options) => request('POST', path, { body, ...options }),
  put: (path, body, options) => request('PUT', path, { body, ...options }),
  patch: (path, body, options) => request('PATCH', path, { body, ...options }),
  del: (path, options) => request('DELETE', path, options),
};

export const enc = encodeURIComponent;

// A large body sent with upload progress (the import page): XMLHttpRequest, because
// fetch reports no upload progress. `onProgress(sent, total)` while the body goes out;
// then resolves like request() (the parsed JSON answer) or rejects with an ApiError.
export function upload(method, path, { body, query, onProgress, contentType = 'application/json' } = {}) {
  let url = path;
  if (query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v != null && v !== '') q.set(k, v);
    if (q.toString()) url += '?' + q.toString();
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language());
    xhr.setRequestHeader('Content-Type', contentType);
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onerror = () => reject(new ApiError(0, null, path));
    xhr.onload = () => {
      let data = null;
      if ((xhr.getResponseHeader('Content-Type') || '').includes('json')) {
        try {
          data = JSON.parse(xhr.responseText);
        } catch {
          data = null;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data);
      const error = new ApiError(xhr.status, data, path);
      if (xhr.status === 401) for (const f of unauthorizedListeners) f(error);
      reject(error);
    };
    xhr.send(body);
  });
}
