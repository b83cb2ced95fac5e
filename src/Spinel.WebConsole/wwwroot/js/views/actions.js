import { get } from '../api.js';
import { h, table, badge, time, section } from '../dom.js';

/** State machines, newest first, with a progress bar that moves while they run. */
export function actionTable(machines) {
  const sorted = [...machines].sort((a, b) => String(b.creation_time ?? '').localeCompare(String(a.creation_time ?? '')));
  return table([
    ['Action', (a) => h('code', { title: a.action_uid }, a.action_uid?.slice(0, 8))],
    ['Name', (a) => a.name],
    ['Object', (a) => a.object_name],
    ['State', (a) => a.state],
    ['Status', (a) => badge(a.status)],
    ['Progress', (a) => h('span', { class: 'progress' },
      h('progress', { max: 100, value: Math.round(a.progress ?? 0) }), ` ${Math.round(a.progress ?? 0)}%`)],
    ['Started', (a) => time(a.creation_time)],
    ['Error', (a) => a.error ?? ''],
  ], sorted, { class: 'actions' });
}

export function actions() {
  const list = h('div');
  const element = h('div', {}, h('h1', {}, 'Actions'), section('Cluster actions', list));

  async function refresh() {
    const answer = await get('/v1/actions');
    const machines = [...(answer.actions ?? []), ...(answer['state-machines'] ?? [])];
    list.replaceChildren(machines.length === 0 ? h('p', { class: 'muted' }, 'No actions yet.') : actionTable(machines));
  }

  return { element, refresh };
}
