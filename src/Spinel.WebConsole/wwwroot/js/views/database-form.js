import { api, get } from '../api.js';
import { h } from '../dom.js';

const megabyte = 1024 * 1024;
const choices = {
  shards_placement: ['', 'dense', 'sparse'],
  proxy_policy: ['', 'single', 'all-master-shards', 'all-nodes'],
  eviction_policy: ['', 'volatile-lru', 'volatile-ttl', 'volatile-random', 'volatile-lfu', 'allkeys-lru', 'allkeys-random',
    'allkeys-lfu', 'noeviction'],
  data_persistence: ['', 'disabled', 'aof', 'snapshot'],
};

/**
 * Create (uid null) or edit a database. The browser checks nothing itself: every value goes to the API as typed, and
 * its 4xx description is shown next to the field it names, so the form and the API can never disagree.
 */
export function databaseForm(uid) {
  let original = null;
  const message = h('p', { class: 'error', role: 'alert', id: 'form-error', hidden: true });
  const fields = [
    text('name', 'Name', { required: true }),
    text('memory_mb', 'Memory limit (MB)', { inputmode: 'numeric', value: '100' }),
    text('shards_count', 'Master shards', { inputmode: 'numeric', value: '1' }),
    check('sharding', 'Sharding (needed for more than one shard)', true),
    check('replication', 'Replication (a replica of every master on another node)', false),
    text('port', 'Port (empty: the next free one)', { inputmode: 'numeric' }),
    ...Object.entries(choices).map(([name, values]) => select(name, name.replace('_', ' '), values)),
    text('authentication_redis_pass', 'Password (optional)', { type: 'password', autocomplete: 'new-password' }),
  ];
  const submit = h('button', { type: 'submit' }, uid === null ? 'Create database' : 'Save changes');
  const form = h('form', { id: 'database-form', class: 'card form', novalidate: true, onsubmit: save },
    ...fields, message, h('div', { class: 'buttons' }, submit,
      h('a', { class: 'button secondary', href: uid === null ? '#/databases' : `#/databases/${uid}` }, 'Cancel')));
  const element = h('div', {}, h('h1', {}, uid === null ? 'New database' : `Edit database ${uid}`), form);

  async function refresh() {
    if (uid === null || original) return;
    original = await get(`/v1/bdbs/${uid}`);
    for (const input of form.elements) {
      const value = input.name === 'memory_mb' ? original.memory_size / megabyte : original[input.name];
      if (value === undefined || input.name === 'authentication_redis_pass') continue;
      if (input.type === 'checkbox') input.checked = Boolean(value);
      else input.value = String(value);
    }
  }

  async function save(event) {
    event.preventDefault();
    clearErrors();
    const body = collect();
    if (Object.keys(body).length === 0) { location.hash = `#/databases/${uid}`; return; }
    submit.disabled = true;
    try {
      const bdb = await api(uid === null ? 'POST' : 'PUT', uid === null ? '/v1/bdbs' : `/v1/bdbs/${uid}`, body);
      location.hash = `#/databases/${bdb?.uid ?? uid}`;
    } catch (error) {
      showError(error);
    } finally {
      submit.disabled = false;
    }
  }

  function collect() {
    const body = {};
    for (const input of form.elements) {
      if (!input.name) continue;
      let name = input.name;
      let value = input.type === 'checkbox' ? input.checked : input.value.trim();
      if (value === '') continue;
      if (name === 'memory_mb') {
        name = 'memory_size';
        value = /^\d+(\.\d+)?$/.test(value) ? Math.round(Number(value) * megabyte) : value;
      } else if (input.inputMode === 'numeric' && /^-?\d+$/.test(value)) {
        value = Number(value);
      }
      if (original && original[name] === value) continue;
      body[name] = value;
    }
    return body;
  }

  function clearErrors() {
    message.hidden = true;
    for (const label of form.querySelectorAll('.invalid')) label.classList.remove('invalid');
    for (const hint of form.querySelectorAll('.field-error')) hint.remove();
  }

  function showError(error) {
    const text = error.message;
    message.textContent = error.code ? `${text} (${error.code})` : text;
    message.hidden = false;
    for (const label of form.querySelectorAll('label[data-field]')) {
      const field = label.dataset.field === 'memory_mb' ? 'memory_size' : label.dataset.field;
      if (new RegExp(`\\b${field}\\b`).test(text)) {
        label.classList.add('invalid');
        label.append(h('span', { class: 'field-error' }, text));
      }
    }
  }

  return { element, refresh, live: false };
}

function text(name, title, attributes = {}) {
  return h('label', { 'data-field': name }, title, h('input', { name, type: 'text', ...attributes }));
}

function check(name, title, checked) {
  return h('label', { 'data-field': name, class: 'check' }, h('input', { name, type: 'checkbox', checked }), title);
}

function select(name, title, values) {
  return h('label', { 'data-field': name }, title,
    h('select', { name }, values.map((v) => h('option', { value: v }, v === '' ? '(cluster default)' : v))));
}
