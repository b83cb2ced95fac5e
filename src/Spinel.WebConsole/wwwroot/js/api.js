// Every figure the console shows comes from the REST API, with the signed-in user's credentials.
const storageKey = 'spinel.credentials';

export class ApiError extends Error {
  constructor(status, code, description) {
    super(description || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

function basic(user, password) {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  return 'Basic ' + btoa(String.fromCharCode(...bytes));
}

export function currentUser() {
  const saved = sessionStorage.getItem(storageKey);
  return saved ? JSON.parse(saved).user : null;
}

export function signOut() {
  sessionStorage.removeItem(storageKey);
}

async function send(method, path, body, authorization) {
  // credentials: 'omit' keeps the browser from answering a 401 with its own password prompt.
  const headers = { Accept: 'application/json', Authorization: authorization };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'omit', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (!response.ok) {
    throw new ApiError(response.status, json?.error_code, json?.description ?? json?.message ?? text);
  }
  return json;
}

/** Checks the credentials with an authenticated read and keeps them for this browser tab only. */
export async function signIn(user, password) {
  const authorization = basic(user, password);
  const cluster = await send('GET', '/v1/cluster', undefined, authorization);
  sessionStorage.setItem(storageKey, JSON.stringify({ user, authorization }));
  return cluster;
}

export async function api(method, path, body) {
  const saved = sessionStorage.getItem(storageKey);
  if (!saved) throw new ApiError(401, 'not_signed_in', 'Sign in first');
  try {
    return await send(method, path, body, JSON.parse(saved).authorization);
  } catch (error) {
    if (error.status === 401) {
      signOut();
      window.dispatchEvent(new Event('spinel:signed-out'));
    }
    throw error;
  }
}

export const get = (path) => api('GET', path);

/** A read of an endpoint this node may not have yet (stats, logs): null when it answers 404. */
export async function optional(path) {
  try {
    return await get(path);
  } catch (error) {
    if (error.status === 404 || error.status === 405) return null;
    throw error;
  }
}
