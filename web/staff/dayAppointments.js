// The counter staff's day view: who comes to which counter on one day, from
// GET /api/staff/appointments?day=YYYY-MM-DD. Everything from the server is written with
// textContent, never as HTML; the texts are `day.*` in locales/<lang>/staff.json (staffTexts.js).

import { dateLocale, t } from './staffTexts.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const dayFormat = new Intl.DateTimeFormat(dateLocale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const listFormat = new Intl.ListFormat(dateLocale, { type: 'conjunction' });

const $ = (id) => document.getElementById(id);

/** Today's date in Brussels as YYYY-MM-DD, whatever the phone's own time zone. */
export function todayInBrussels(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type) => parts.find((candidate) => candidate.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The day `days` after a YYYY-MM-DD day (calendar days, so summer time does not matter). */
export function addDays(day, days) {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date + days)).toISOString().slice(0, 10);
}

function spokenDay(day) {
  return dayFormat.format(new Date(`${day}T12:00:00Z`));
}

function countText(count) {
  return t('day.count', { count });
}

/**
 * Wires the appointments section. `api(path)` fetches JSON like the rest of the console;
 * `element(tag, text, className)` makes a node; `onSignedOut()` shows the login again.
 */
export function setUpDayAppointments({ api, element, onSignedOut }) {
  // Answers can arrive out of order when someone clicks quickly: only the last request counts.
  let latest = 0;

  function say(text) {
    $('day-problem').textContent = '';
    $('day-status').textContent = text;
  }

  function problem(text) {
    $('day-status').textContent = '';
    $('day-problem').textContent = text;
  }

  function heading(day) {
    $('appointments-title').textContent = day === todayInBrussels() ? t('day.today') : t('day.other', { day: spokenDay(day) });
  }

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
    const { response, data } = answer;
    if (response.status === 401) {
      clear();
      onSignedOut();
      return;
    }
    if (!response.ok || !data || !Array.isArray(data.counters)) {
      $('day-counters').replaceChildren();
      $('day-empty').hidden = true;
      problem(t('day.loadFailed'));
      return;
    }
    const count = render(data);
    say(t('day.summary', { appointments: countText(count), day: spokenDay(data.day) }));
  }

  function show(day = $('day').value || todayInBrussels()) {
    $('day').value = day;
    $('appointments').hidden = false;
    return load(day);
  }

  /** Hides the section and forgets the day: the next sign-in opens on today again. */
  function clear() {
    latest += 1;
    $('appointments').hidden = true;
    $('day').value = '';
    $('day-counters').replaceChildren();
    $('day-empty').hidden = true;
    $('day-status').textContent = '';
    $('day-problem').textContent = '';
  }

  function move(days) {
    const current = DAY.test($('day').value) ? $('day').value : todayInBrussels();
    void show(addDays(current, days));
  }

  $('previous-day').addEventListener('click', () => move(-1));
  $('next-day').addEventListener('click', () => move(1));
  $('today').addEventListener('click', () => void show(todayInBrussels()));
  $('day').addEventListener('change', () => void load($('day').value));
  $('day-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void load($('day').value);
  });

  return { show, clear };
}
