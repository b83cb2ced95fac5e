import { currentUser, signIn, signOut, get } from './api.js';
import { errorBox } from './dom.js';
import { overview } from './views/overview.js';
import { databases } from './views/databases.js';
import { database } from './views/database.js';
import { databaseForm } from './views/database-form.js';
import { actions } from './views/actions.js';
import { events } from './views/events.js';

const refreshMs = 1000;
const view = document.getElementById('view');
let timer = null;
let generation = 0;

// Each route gives a view: { element, refresh() } whose refresh runs every second while it is shown.
const routes = [
  [/^#\/overview$/, () => overview()],
  [/^#\/databases$/, () => databases()],
  [/^#\/databases\/new$/, () => databaseForm(null)],
  [/^#\/databases\/(\d+)\/edit$/, (m) => databaseForm(Number(m[1]))],
  [/^#\/databases\/(\d+)$/, (m) => database(Number(m[1]))],
  [/^#\/actions$/, () => actions()],
  [/^#\/events$/, () => events()],
];

function showLogin(message) {
  stop();
  document.getElementById('top').hidden = true;
  const form = document.getElementById('login-template').content.firstElementChild.cloneNode(true);
  const error = form.querySelector('.error');
  if (message) { error.textContent = message; error.hidden = false; }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try {
      await signIn(String(data.get('username')), String(data.get('password')));
      // A new hash routes through 'hashchange'; the same one (signed out on a page) has to be routed here.
      const target = location.hash && location.hash !== '#/login' ? location.hash : '#/overview';
      if (location.hash === target) await route();
      else location.hash = target;
    } catch (failure) {
      error.textContent = failure.status === 401 ? 'Wrong user or password' : failure.message;
      error.hidden = false;
    }
  });
  view.replaceChildren(form);
  form.querySelector('input').focus();
}

function stop() {
  clearTimeout(timer);
  timer = null;
  generation++;
}

async function showHeader() {
  document.getElementById('top').hidden = false;
  document.getElementById('user').textContent = currentUser();
  const section = location.hash.split('/')[1];
  for (const link of document.querySelectorAll('[data-nav]')) {
    link.classList.toggle('current', link.dataset.nav === section);
  }
  try {
    document.getElementById('cluster-name').textContent = (await get('/v1/cluster')).name;
  } catch { /* the view shows the error */ }
}

async function route() {
  if (!currentUser()) return showLogin();
  stop();
  const mine = generation;
  const match = routes.map(([pattern, make]) => [location.hash.match(pattern), make]).find(([m]) => m);
  if (!match) { location.hash = '#/overview'; return; }
  await showHeader();
  const current = match[1](match[0]);
  view.replaceChildren(current.element);
  const tick = async () => {
    try {
      await current.refresh();
      current.element.querySelector(':scope > .error.refresh')?.remove();
    } catch (error) {
      if (mine !== generation || error.status === 401) return;
      current.element.querySelector(':scope > .error.refresh')?.remove();
      current.element.prepend(Object.assign(errorBox(error), { className: 'error refresh' }));
    }
  };
  // One refresh at a time: the next starts a second after the last one ended, however slow the node answers.
  const loop = async () => {
    await tick();
    if (mine === generation && current.live !== false) timer = setTimeout(loop, refreshMs);
  };
  await loop();
}

document.getElementById('sign-out').addEventListener('click', () => { signOut(); showLogin(); });
window.addEventListener('spinel:signed-out', () => showLogin('Your session ended; sign in again'));
window.addEventListener('hashchange', route);
route();
