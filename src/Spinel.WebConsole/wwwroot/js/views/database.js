import { api, get } from '../api.js';
import { lastStats, opsPerSecond, latencyMicros } from '../stats.js';
import { LineChart } from '../chart.js';
import { h, table, badge, bytes, number, time, section, errorBox } from '../dom.js';
import { endpointOf } from './databases.js';
import { actionTable } from './actions.js';

const configuration = [
  'uid', 'name', 'type', 'version', 'memory_size', 'shards_count', 'replication', 'sharding', 'shards_placement',
  'proxy_policy', 'port', 'data_persistence', 'aof_policy', 'eviction_policy', 'oss_cluster', 'max_connections',
  'slave_ha', 'created_time', 'last_changed_time',
];

/** One database: its endpoint and status, live figures, shards (role, node, slots, memory), configuration, actions. */
export function database(uid) {
  const heading = h('h1', {}, `Database ${uid}`);
  const summary = h('div', { class: 'tiles' });
  const ops = new LineChart('Operations per second', 'ops/s');
  const latency = new LineChart('Average latency', 'µs');
  const charts = h('div', { class: 'charts', hidden: true }, ops.element, latency.element);
  const shards = h('div');
  const config = h('div');
  const history = h('div');
  const message = h('div');
  const element = h('div', {},
    h('div', { class: 'title-row' }, heading, h('span', { class: 'buttons' },
      h('a', { class: 'button', href: `#/databases/${uid}/edit` }, 'Edit'),
      h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete'))),
    message, summary, charts, section('Shards', shards), section('Configuration', config), section('Actions', history));

  async function remove() {
    if (!window.confirm(`Delete database ${uid}? Its data is lost.`)) return;
    try {
      await api('DELETE', `/v1/bdbs/${uid}`);
      location.hash = '#/databases';
    } catch (error) {
      message.replaceChildren(errorBox(error));
    }
  }

  async function refresh() {
    const [bdb, shardList, nodes, bdbStats, shardStats, actionList] = await Promise.all([
      get(`/v1/bdbs/${uid}`), get(`/v1/bdbs/${uid}/shards`), get('/v1/nodes'),
      lastStats('bdbs'), lastStats('shards'), get(`/v1/actions/bdb/${uid}`),
    ]);
    heading.textContent = bdb.name;
    const sample = bdbStats?.get(String(uid));
    summary.replaceChildren(
      tile('Endpoint', endpointOf(bdb, 'endpoint')),
      tile('Status', badge(bdb.status)),
      tile('Memory limit', bytes(bdb.memory_size)),
      tile('Shards', `${bdb.shards_count}${bdb.replication ? ' + replicas' : ''}`),
      ...(sample ? [tile('Keys', number(sample.no_of_keys))] : []));
    charts.hidden = bdbStats === null;
    if (bdbStats !== null) {
      ops.push(bdb.name, opsPerSecond(sample));
      latency.push(bdb.name, latencyMicros(sample));
      ops.draw();
      latency.draw();
    }
    const addresses = new Map(nodes.map((n) => [String(n.uid), n.addr]));
    const perShard = bdb.memory_size ? bdb.memory_size / Math.max(1, shardList.length) : 0;
    shards.replaceChildren(table([
      ['Shard', (s) => s.uid],
      ['Role', (s) => h('span', { class: `role role-${s.role}` }, s.role)],
      ['Node', (s) => `${s.node_uid} (${addresses.get(String(s.node_uid)) ?? '?'})`],
      ['Slots', (s) => s.assigned_slots || '—'],
      ['Status', (s) => badge(s.detailed_status || s.status)],
      ['Sync', (s) => (s.sync ? badge(s.sync.status) : '')],
      ['Memory', (s) => shardMemory(shardStats?.get(String(s.uid)), perShard)],
    ], shardList.sort((a, b) => Number(a.uid) - Number(b.uid)), { id: 'shards' }));
    config.replaceChildren(h('dl', { class: 'config' }, configuration.flatMap((field) =>
      [h('dt', {}, field), h('dd', {}, show(field, bdb[field]))])));
    const machines = actionList?.['state-machines'] ?? actionList ?? [];
    history.replaceChildren(machines.length === 0 ? h('p', { class: 'muted' }, 'No actions.') : actionTable(machines));
  }

  return { element, refresh };
}

function tile(title, value) {
  return h('div', { class: 'tile' }, h('span', { class: 'muted' }, title), h('strong', {}, value));
}

function shardMemory(stats, limit) {
  const used = stats?.used_memory;
  if (used === undefined || used === null) return limit ? `limit ${bytes(limit)}` : '—';
  return limit ? `${bytes(used)} / ${bytes(limit)}` : bytes(used);
}

function show(field, value) {
  if (value === undefined || value === null || value === '') return '—';
  if (field === 'memory_size') return `${bytes(value)} (${value} bytes)`;
  if (field.endsWith('_time')) return time(value);
  return String(value);
}
