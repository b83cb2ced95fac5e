import { get } from '../api.js';
import { lastStats, opsPerSecond, latencyMicros } from '../stats.js';
import { LineChart } from '../chart.js';
import { h, table, badge, bytes, number, section } from '../dom.js';

/** The endpoint's DNS name and port, with the addresses it is bound on underneath (the name may not resolve here). */
export function endpointOf(bdb, id) {
  const endpoint = bdb.endpoints?.[0];
  if (!endpoint) return h('code', { id }, bdb.port ? `:${bdb.port}` : '—');
  const addresses = (endpoint.addr ?? []).map((a) => `${a}:${endpoint.port}`).join(', ');
  return h('span', { class: 'endpoint' },
    h('code', { id }, `${endpoint.dns_name || endpoint.addr?.[0] || ''}:${endpoint.port}`),
    addresses ? h('small', { class: 'muted' }, addresses) : null);
}

/** Every database with its endpoint, shards and memory; ops/s and latency charts while the stats API answers. */
export function databases() {
  const ops = new LineChart('Operations per second', 'ops/s');
  const latency = new LineChart('Average latency', 'µs');
  const charts = h('div', { class: 'charts', id: 'db-charts', hidden: true }, ops.element, latency.element);
  const list = h('div');
  const element = h('div', {},
    h('div', { class: 'title-row' }, h('h1', {}, 'Databases'), h('a', { class: 'button', href: '#/databases/new' }, 'New database')),
    charts, section('All databases', list));

  async function refresh() {
    const [bdbs, stats] = await Promise.all([get('/v1/bdbs'), lastStats('bdbs')]);
    charts.hidden = stats === null;
    if (stats !== null) {
      for (const bdb of bdbs) {
        const sample = stats.get(String(bdb.uid));
        ops.push(bdb.name, opsPerSecond(sample));
        latency.push(bdb.name, latencyMicros(sample));
      }
      ops.draw();
      latency.draw();
    }
    const columns = [
      ['Name', (b) => h('a', { href: `#/databases/${b.uid}` }, b.name)],
      ['Endpoint', (b) => endpointOf(b)],
      ['Shards', (b) => `${b.shards_count}${b.replication ? ` + ${b.shards_count} replicas` : ''}`],
      ['Memory', (b) => bytes(b.memory_size)],
      ['Status', (b) => badge(b.status)],
    ];
    if (stats !== null) {
      columns.push(['Ops/s', (b) => h('span', { class: 'ops' }, number(opsPerSecond(stats.get(String(b.uid)))))]);
      columns.push(['Avg latency (µs)', (b) => number(latencyMicros(stats.get(String(b.uid))))]);
    }
    list.replaceChildren(bdbs.length === 0
      ? h('p', { class: 'muted' }, 'No databases yet.')
      : table(columns, bdbs.sort((a, b) => a.uid - b.uid), { id: 'databases' }));
  }

  return { element, refresh };
}
