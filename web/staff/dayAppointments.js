// The counter staff's day view: who comes to which counter on one day, from
// GET /api/staff/appointments?day=YYYY-MM-DD. Everything from the server is written with
// textContent, never as HTML; the texts are `day.*` in locales/<lang>/staff.json (staffTexts.js).

import { byId as $, element, inputById } from './pageElements.js';
import { dateLocale, t } from './staffTexts.js';

/** @typedef {import('../../bot/staff/staffApi.js').StaffDayView} StaffDayView */
/**
 * What `api(path)` answers: the response, and its JSON body (null when there is none).
 * @typedef {{ response: { ok: boolean, status: number }, data: unknown }} ApiAnswer
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayFormat = new Intl.DateTimeFormat(dateLocale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const listFormat = new Intl.ListFormat(dateLocale, { type: 'conjunction' });

/** Today's date in Brussels as YYYY-MM-DD, whatever the phone's own time zone. */
export function todayInBrussels(now = new Date()) {
  // The Swedish date format is ISO.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(now);
}

/**
 * The day `days` after a YYYY-MM-DD day (calendar days, so summer time does not matter).
 * @param {string} day
 * @param {number} days
 */
export function addDays(day, days) {
  const moved = new Date(`${day}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** @param {string} day */
function spokenDay(day) {
  return dayFormat.format(new Date(`${day}T12:00:00Z`));
}

/** @param {number} count */
function countText(count) {
  return t('day.count', { count });
}

/**
 * Wires the appointments section. `api(path)` fetches JSON like the rest of the console;
 * `onSignedOut()` shows the login again.
 * @param {{ api: (path: string) => Promise<ApiAnswer>, onSignedOut: () => void }} console
 */
export function setUpDayAppointments({ api, onSignedOut }) {
  // Answers can arrive out of order when someone clicks quickly: only the last request counts.
  let latest = 0;
  const dayField = inputById('day');

  /** @param {string} text */
  function say(text) {
    $('day-problem').textContent = '';
    $('day-status').textContent = text;
  }

  /** @param {string} text */
  function problem(text) {
    $('day-status').textContent = '';
    $('day-problem').textContent = text;
  }

  /** @param {string} day */
  function heading(day) {
    $('appointments-title').textContent = day === todayInBrussels() ? t('day.today') : t('day.other', { day: spokenDay(day) });
  }

  /**
   * @param {StaffDayView['counters'][number]} counter
   * @param {string} day
   */
  function table(counter, day) {
    const wrapper = element('div', undefined, 'counter');
    const tableNode = element('table');
    tableNode.append(
      element(
        'caption',
        t('day.caption', { counter: counter.name, day: spokenDay(day), appointments: countText(counter.appointments.length) }),
      ),
    );
    const head = element('thead');
    const headRow = element('tr');
    for (const column of ['time', 'name', 'service', 'code']) {
      const cell = element('th', t(`day.columns.${column}`));
      cell.scope = 'col';
      headRow.append(cell);
    }
    head.append(headRow);
    const body = element('tbody');
    for (const appointment of counter.appointments) {
      const row = element('tr');
      const time = element('th', `${appointment.time}–${appointment.endTime}`, 'time');
      time.scope = 'row';
      row.append(time, element('td', appointment.name), element('td', appointment.serviceName), element('td', appointment.code, 'code'));
      body.append(row);
    }
    tableNode.append(head, body);
    wrapper.append(tableNode);
    return wrapper;
  }

  /** @param {StaffDayView} view */
  function render(view) {
    const busy = view.counters.filter((counter) => counter.appointments.length > 0);
    const quiet = view.counters.filter((counter) => counter.appointments.length === 0);
    const nodes = busy.map((counter) => table(counter, view.day));
    if (busy.length > 0 && quiet.length > 0) {
      nodes.push(element('p', t('day.quietCounters', { counters: listFormat.format(quiet.map((counter) => counter.name)) }), 'quiet'));
    }
    $('day-counters').replaceChildren(...nodes);
    $('day-empty').textContent = t('day.none', { day: spokenDay(view.day) });
    $('day-empty').hidden = busy.length > 0;
    return busy.reduce((sum, counter) => sum + counter.appointments.length, 0);
  }

  /** @param {string} day */
  async function load(day) {
    if (!DAY.test(day)) {
      problem(t('day.invalid'));
      return;
    }
    const request = ++latest;
    heading(day);
    let answer;
    try {
      answer = await api(`/api/staff/appointments?day=${encodeURIComponent(day)}`);
    } catch {
      answer = { response: { ok: false, status: 0 }, data: null };
    }
    if (request !== latest) return;
    const { response } = answer;
    const view = /** @type {StaffDayView | null} */ (answer.data);
    if (response.status === 401) {
      clear();
      onSignedOut();
      return;
    }
    if (!response.ok || !view || !Array.isArray(view.counters)) {
      $('day-counters').replaceChildren();
      $('day-empty').hidden = true;
      problem(t('day.loadFailed'));
      return;
    }
    const count = render(view);
    say(t('day.summary', { appointments: countText(count), day: spokenDay(view.day) }));
  }

  function show(day = dayField.value || todayInBrussels()) {
    dayField.value = day;
    $('appointments').hidden = false;
    return load(day);
  }

  /** Hides the section and forgets the day: the next sign-in opens on today again. */
  function clear() {
    latest += 1;
    $('appointments').hidden = true;
    dayField.value = '';
    $('day-counters').replaceChildren();
    $('day-empty').hidden = true;
    $('day-status').textContent = '';
    $('day-problem').textContent = '';
  }

  /** @param {number} days */
  function move(days) {
    const current = DAY.test(dayField.value) ? dayField.value : todayInBrussels();
    void show(addDays(current, days));
  }

  $('previous-day').addEventListener('click', () => move(-1));
  $('next-day').addEventListener('click', () => move(1));
  $('today').addEventListener('click', () => void show(todayInBrussels()));
  dayField.addEventListener('change', () => void load(dayField.value));
  $('day-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void load(dayField.value);
  });

  return { show, clear };
}
