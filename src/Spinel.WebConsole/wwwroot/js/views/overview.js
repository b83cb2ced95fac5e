import { get } from '../api.js';
import { lastStats } from '../stats.js';
import { h, table, badge, bytes, section } from '../dom.js';

/** The cluster: its name, quorum and leader, and every node with its status and memory. */
export function overview() {
  const summary = h('div', { class: 'tiles' });
  const nodes = h('div');
  const element = h('div', {}, h('h1', {}, 'Cluster'), summary, section('Nodes', nodes));

  async function refresh() {
    const [cluster, list, status, bdbs, nodeStats] = await Promise.all([
      get('/v1/cluster'), get('/v1/nodes'), get('/v1/nodes/status'), get('/v1/bdbs?fields=uid'), lastStats('nodes'),
    ]);
    const live = list.filter((n) => n.status !== 'down').length;
    const quorum = live > list.length / 2;
    const leader = Object.entries(status).find(([, s]) => s.role === 'master')?.[0];
    summary.replaceChildren(
      tile('Cluster', cluster.name),
      tile('Nodes up', `${live} / ${list.length}`, 'nodes-up'),
      tile('Quorum', badge(quorum ? 'yes' : 'no'), 'quorum'),
      tile('Leader', leader ? `node ${leader}` : 'none', 'leader'),
      tile('Databases', bdbs.length));
    nodes.replaceChildren(table([
      ['Node', (n) => n.uid],
      ['Address', (n) => n.addr],
      ['Status', (n) => badge(n.status)],
      ['Role', (n) => (String(n.uid) === leader ? badge('leader') : 'follower')],
      ['Shards', (n) => n.shard_count],
      ['Memory', (n) => memory(n, nodeStats?.get(String(n.uid)))],
      ['Cores', (n) => n.cores],
      ['Version', (n) => n.software_version],
    ], list.sort((a, b) => a.uid - b.uid), { id: 'nodes' }));
  }

  return { element, refresh };
}

function tile(title, value, id) {
  return h('div', { class: 'tile', id }, h('span', { class: 'muted' }, title), h('strong', {}, value));
}

// Node stats carry used_memory (Spinel) or free_memory (Redis Enterprise); without stats only the total is known.
function memory(node, stats) {
  const used = stats?.used_memory ?? (stats?.free_memory !== undefined ? node.total_memory - stats.free_memory : undefined);
  return used === undefined || !node.total_memory ? bytes(node.total_memory) : `${bytes(used)} used of ${bytes(node.total_memory)}`;
}
