/** Builds an element: h('a', { href: '#/x', class: 'y' }, 'text', child). Text is always set as text, never as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A table with a header row; each column is [title, row => cell content]. */
export function table(columns, rows, attributes = {}) {
  return h('table', attributes,
    h('thead', {}, h('tr', {}, columns.map(([title]) => h('th', {}, title)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map(([, cell]) => h('td', {}, cell(row)))))));
}

const good = new Set(['active', 'ok', 'completed', 'up', 'idle', 'master', 'leader', 'yes', 'info']);
const bad = new Set(['down', 'failed', 'inactive', 'creation-failed', 'link_down', 'timeout', 'no', 'error', 'critical']);
const warn = new Set(['warning', 'pending', 'active-change-pending', 'in_progress', 'loading']);

export function badge(text) {
  const key = String(text ?? '').toLowerCase();
  const kind = good.has(key) ? 'good' : bad.has(key) ? 'bad' : warn.has(key) ? 'warn' : 'neutral';
  return h('span', { class: `badge ${kind}` }, text ?? '—');
}

export function bytes(value) {
  if (value === undefined || value === null) return '—';
  if (value === 0) return '0';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let unit = 0;
  let scaled = value;
  while (scaled >= 1024 && unit < units.length - 1) { scaled /= 1024; unit++; }
  return `${scaled >= 10 || unit === 0 ? Math.round(scaled) : scaled.toFixed(1)} ${units[unit]}`;
}

export function number(value, digits = 0) {
  return value === undefined || value === null ? '—' : Number(value).toFixed(digits);
}

export function time(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function section(title, ...children) {
  return h('section', { class: 'card' }, h('h2', {}, title), ...children);
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, error.message ?? String(error));
}
