import { optional } from '../api.js';
import { h, table, badge, time, section } from '../dom.js';

const objectFields = ['bdb_uid', 'node_uid', 'shard_uid', 'action_uid', 'user_uid'];

/** The cluster's event log, newest first, while this node serves /v1/logs. */
export function events() {
  const list = h('div');
  const element = h('div', {}, h('h1', {}, 'Events'), section('Event log', list));

  async function refresh() {
    const answer = await optional('/v1/logs?order=desc&limit=200');
    if (answer === null) {
      list.replaceChildren(h('p', { class: 'muted' }, 'This node has no event log (GET /v1/logs answers 404).'));
      return;
    }
    const entries = Array.isArray(answer) ? answer : answer.logs ?? answer.events ?? [];
    list.replaceChildren(entries.length === 0 ? h('p', { class: 'muted' }, 'No events yet.') : table([
      ['Time', (e) => time(e.time)],
      ['Severity', (e) => badge(e.severity)],
      ['Type', (e) => h('code', {}, e.type)],
      ['Object', (e) => objectFields.filter((f) => e[f] !== undefined && e[f] !== null)
        .map((f) => `${f.replace('_uid', '')} ${f === 'action_uid' ? String(e[f]).slice(0, 8) : e[f]}`).join(', ')],
      ['Description', (e) => e.description ?? e.message ?? ''],
    ], entries, { id: 'events' }));
  }

  return { element, refresh };
}
