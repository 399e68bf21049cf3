// The phone staff's console: sign in, list the open callback requests, set their status, and
// see the day's appointments per counter (dayAppointments.js).
// Everything from the server is written with textContent, never as HTML; the texts are
// locales/<lang>/staff.json (staffTexts.js).

import { setUpDayAppointments } from './dayAppointments.js';
import { byId as $, element, focusOn, inputById } from './pageElements.js';
import { dateLocale, labelOf, t } from './staffTexts.js';

/** @typedef {import('../../bot/staff/staffApi.js').StaffCallback} StaffCallback */
/** @typedef {import('../../bot/staff/staffApi.js').StaffCallbackList} StaffCallbackList */
/** @typedef {import('../../bot/staff/staffApi.js').StaffCallbackChange} StaffCallbackChange */
/** @typedef {import('./dayAppointments.js').ApiAnswer} ApiAnswer */
/** @typedef {{ status: string, label: string, done: string }} Action a status staff set, with its words */

// The statuses staff set; their labels are `actions.<status>` in the texts.
const ACTIONS = ['reached', 'notReached', 'done'].map((status) => ({
  status,
  label: t(`actions.${status}.label`),
  done: t(`actions.${status}.done`),
}));
// New requests show up without a reload.
const POLL_MS = 30_000;

/**
 * A Belgian number as staff dial it: "0470 12 34 56" (mobile), "09 999 12 34" (zones 2, 3, 4, 9),
 * "050 12 34 56" (other zones). Other numbers stay in international form.
 * @param {string} e164
 */
export function dialFormat(e164) {
  const match = /^\+32(\d{8,9})$/.exec(e164);
  if (!match) return e164;
  const national = `0${match[1]}`;
  if (/^04\d{8}$/.test(national)) return national.replace(/^(\d{4})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4');
  if (/^0[2349]\d{7}$/.test(national)) return national.replace(/^(\d{2})(\d{3})(\d{2})(\d{2})$/, '$1 $2 $3 $4');
  return national.replace(/^(\d{3})(\d{2})(\d{2})(\d{2})$/, '$1 $2 $3 $4');
}

const dayFormat = new Intl.DateTimeFormat(dateLocale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(dateLocale, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Brussels' });

/** @param {string} text */
function announce(text) {
  $('problem').textContent = '';
  $('status').textContent = text;
}

/** @param {string} text */
function problem(text) {
  $('status').textContent = '';
  $('problem').textContent = text;
}

/**
 * Fetches `path` with the session cookie; with a `body`, posts it as JSON.
 * @param {string} path
 * @param {object} [body]
 * @returns {Promise<ApiAnswer & { response: Response }>}
 */
async function api(path, body) {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  return { response, data };
}

function showLogin() {
  $('console').hidden = true;
  $('sections').hidden = true;
  days.clear();
  $('login').hidden = false;
}

/** @param {string} staffMember */
function showConsole(staffMember) {
  $('login').hidden = true;
  $('console').hidden = false;
  $('sections').hidden = false;
  $('staff-name').textContent = staffMember;
}

/** @param {StaffCallback['preferredMoment']} preferredMoment */
function moment(preferredMoment) {
  const day = dayFormat.format(new Date(`${preferredMoment.day}T12:00:00Z`));
  return `${day}, ${labelOf('partOfDay', preferredMoment.partOfDay)}`;
}

/** @param {StaffCallback['topic']} value */
function topic(value) {
  /** @type {string[]} */
  const parts = [];
  if (value.intent) parts.push(labelOf('topics', value.intent));
  if (value.document) parts.push(value.document.replaceAll('-', ' '));
  return parts.length > 0 ? parts.join(': ') : t('request.unknownTopic');
}

const days = setUpDayAppointments({
  api,
  onSignedOut() {
    showLogin();
    problem(t('messages.signedOutAgain'));
    $('login-title').focus();
  },
});

/**
 * @param {HTMLElement} list
 * @param {string} term
 * @param {string | Node} content
 */
function row(list, term, content) {
  list.append(element('dt', term));
  const detail = element('dd');
  if (typeof content === 'string') detail.textContent = content;
  else detail.append(content);
  list.append(detail);
}

/** @param {StaffCallback} request */
function renderRequest(request) {
  const item = element('li', undefined, 'request');
  const headingId = `request-${request.reference}`;
  const article = element('article');
  article.setAttribute('aria-labelledby', headingId);
  const heading = element('h3', `${request.reference} – ${moment(request.preferredMoment)}`);
  heading.id = headingId;
  if (request.attempts > 0) heading.append(element('span', t('request.notReachedFlag', { attempts: request.attempts }), 'flag'));
  article.append(heading);

  const details = element('dl');
  // What the resident said the call is about: the first thing staff read before they call.
  row(details, t('request.subject'), request.subject ?? t('request.noSubject'));
  const phone = element('a', dialFormat(request.phone));
  phone.href = `tel:${request.phone}`;
  row(details, t('request.phone'), phone);
  row(details, t('request.topic'), topic(request.topic));
  const excerpt = element('ul', undefined, 'excerpt');
  for (const line of request.excerpt) excerpt.append(element('li', line));
  row(details, t('request.question'), request.excerpt.length > 0 ? excerpt : t('request.noText'));
  row(details, t('request.language'), labelOf('languages', request.language));
  const history = element('ol', undefined, 'history');
  for (const change of request.history) {
    history.append(
      element(
        'li',
        t('request.historyEntry', {
          time: timeFormat.format(new Date(change.at)),
          status: labelOf('status', change.status),
          actor: labelOf('actors', change.staffMember),
        }),
      ),
    );
  }
  row(details, t('request.history'), history);
  article.append(details);

  const actions = element('div', undefined, 'actions');
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-label', t('request.statusOf', { reference: request.reference }));
  for (const action of ACTIONS) {
    const button = element('button', action.label);
    button.type = 'button';
    button.setAttribute('aria-describedby', headingId);
    button.dataset.reference = request.reference;
    button.dataset.status = action.status;
    button.addEventListener('click', () => setStatus(request.reference, action));
    actions.append(button);
  }
  article.append(actions);
  item.append(article);
  return item;
}

/** @type {string[] | null} */
let shownReferences = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let undoTimer;

/**
 * Fetches the open requests and shows them. Focus on a status button survives the redraw. With `announceNew`, requests that arrived since the last
 * look are announced politely. Returns the number shown, or false when the list could not be shown.
 * @param {{ announceNew?: boolean }} [options]
 * @returns {Promise<number | false>}
 */
async function loadRequests({ announceNew = false } = {}) {
  const { response, data } = await api('/api/staff/callbacks');
  const list = /** @type {StaffCallbackList | null} */ (data);
  if (response.status === 401) {
    showLogin();
    return false;
  }
  if (!response.ok || !list) {
    problem(t('messages.listFailed'));
    return false;
  }
  showConsole(list.staffMember);
  const requests = list.callbacks;
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset : {};
  $('requests').replaceChildren(...requests.map(renderRequest));
  if (focused.reference) {
    focusOn(`#requests button[data-reference="${CSS.escape(focused.reference)}"][data-status="${CSS.escape(focused.status ?? '')}"]`);
  }
  $('empty').hidden = requests.length > 0;
  const references = requests.map((request) => request.reference);
  const shown = shownReferences;
  if (announceNew && shown) {
    const arrived = references.filter((reference) => !shown.includes(reference));
    if (arrived.length > 0) announce(t('messages.newRequests', { count: arrived.length, references: arrived.join(', ') }));
  }
  shownReferences = references;
  return requests.length;
}

/**
 * @param {string} reference
 * @param {'status' | 'undo'} route
 */
function callbackPath(reference, route) {
  return `/api/staff/callbacks/${encodeURIComponent(reference)}/${route}`;
}

/**
 * Posts one change of a request (`callbackPath(reference, 'status' | 'undo')`); the server's answer
 * (`{ callback, undoableForMs }`), or null when it was not saved.
 * @param {string} path
 * @param {object} body
 * @param {string} failure what the console says when it was not saved
 * @returns {Promise<Partial<StaffCallbackChange> | null>}
 */
async function sendChange(path, body, failure) {
  const { response, data } = await api(path, body);
  if (response.status === 401) {
    showLogin();
    problem(t('messages.signedOutAgain'));
    return null;
  }
  if (!response.ok) {
    problem(failure);
    return null;
  }
  return /** @type {StaffCallbackChange | null} */ (data) ?? {};
}

/**
 * "Ongedaan maken" for a closed request, shown as long as the server still takes the close back.
 * @param {string} reference
 * @param {Action} action
 * @param {number} undoableForMs
 */
function showUndo(reference, action, undoableForMs) {
  const bar = $('undo');
  const button = element('button', t('messages.undo', { reference, done: action.done }));
  button.type = 'button';
  button.addEventListener('click', () => undo(reference));
  bar.replaceChildren(button);
  bar.hidden = false;
  clearTimeout(undoTimer);
  undoTimer = setTimeout(() => hideUndo(reference), undoableForMs);
}

/** @param {string} [reference] only when the bar is about this request; without, whatever it shows */
function hideUndo(reference) {
  const bar = $('undo');
  if (reference && !bar.textContent?.includes(reference)) return;
  bar.replaceChildren();
  bar.hidden = true;
}

/**
 * Saves a status at once. "Niet bereikt" keeps the request in the list; "Bereikt" and "Afgehandeld"
 * close it, and the server says how long "Ongedaan maken" can still take that back.
 * @param {string} reference
 * @param {Action} action
 */
async function setStatus(reference, action) {
  const saved = await sendChange(callbackPath(reference, 'status'), { status: action.status }, t('messages.statusNotSaved', { reference }));
  await loadRequests();
  if (!saved) return;
  const undoableForMs = saved.undoableForMs ?? 0;
  if (undoableForMs > 0) {
    showUndo(reference, action, undoableForMs);
    announce(t('messages.changedUndoable', { reference, done: action.done }));
  } else {
    announce(t('messages.changed', { reference, done: action.done }));
  }
  $('console-title').focus();
}

/** @param {string} reference */
async function undo(reference) {
  hideUndo(reference);
  const saved = await sendChange(callbackPath(reference, 'undo'), {}, t('messages.undoFailed', { reference }));
  await loadRequests();
  if (!saved) return;
  announce(t('messages.reopened', { reference }));
  focusOn(`#requests button[data-reference="${CSS.escape(reference)}"]`);
}

setInterval(() => {
  if (!$('console').hidden && document.visibilityState === 'visible') void loadRequests({ announceNew: true });
}, POLL_MS);

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = inputById('name').value.trim();
  const password = inputById('password').value;
  if (!name || !password) {
    problem(t('messages.credentialsMissing'));
    return;
  }
  const { response } = await api('/api/staff/login', { name, password });
  inputById('password').value = '';
  if (response.status === 429) {
    const seconds = response.headers.get('Retry-After');
    problem(seconds ? t('messages.tooManyAttempts', { seconds }) : t('messages.tooManyAttemptsLater'));
    return;
  }
  if (!response.ok) {
    problem(t('messages.credentialsWrong'));
    return;
  }
  const count = await loadRequests();
  if (count !== false) void days.show();
  announce(`${t('messages.signedIn')} ${t('messages.openCount', { count: count || 0 })}`);
  $('console-title').focus();
});

$('refresh').addEventListener('click', async () => {
  const count = await loadRequests();
  if (count !== false) announce(t('messages.openCount', { count }));
});

$('logout').addEventListener('click', async () => {
  hideUndo();
  await api('/api/staff/logout', {});
  $('requests').replaceChildren();
  showLogin();
  announce(t('messages.signedOut'));
  $('login-title').focus();
});

void loadRequests().then((count) => {
  if (count !== false) void days.show();
});
