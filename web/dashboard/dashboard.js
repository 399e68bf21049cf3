// The dashboard page: fetches the survey report with the session cookie and draws each chart
// as inline SVG, with a table under it that says the same in words and numbers.
import { dashboardModel, formatters, translator } from './dashboardModel.js';

/** @typedef {import('./dashboardModel.js').SurveyReport} SurveyReport */
/** @typedef {import('./dashboardModel.js').DashboardChart} DashboardChart */
/** @typedef {import('./dashboardModel.js').DashboardLineChart} DashboardLineChart */
/** @typedef {import('./dashboardModel.js').DashboardBarChart} DashboardBarChart */
/** @typedef {import('./dashboardModel.js').DashboardSeries} DashboardSeries */
/** @typedef {import('./dashboardModel.js').DashboardTable} DashboardTable */
/** @typedef {(value: number) => number} Scale where a value lands on the chart, in SVG units */

// The page's words, from locales/<lang>/dashboard.json: the server puts them on <html data-texts>.
const root = document.documentElement;
const texts = JSON.parse(root.dataset.texts || '{}');
const language = root.lang || 'nl';
const t = translator(texts);
const format = formatters(language, t);

const SVG = 'http://www.w3.org/2000/svg';
// Charts are drawn at the width they are shown (one SVG unit = one CSS pixel), so their text stays
// 13 px on a phone instead of shrinking with the picture.
let WIDTH = 640;
const HEIGHT = 260;
const SMALL_HEIGHT = 190;
const MARGIN = { top: 16, right: 24, bottom: 56, left: 56 };
// At least 3:1 against white (WCAG 1.4.11); lines also differ in dash and marker, bars carry their value.
const COLOURS = /** @type {const} */ (['#1f5fa8', '#a3480d', '#2e7031', '#5c3c92']);
const REFERENCE_COLOUR = '#595959';

/** @param {number} index */
const colourOf = (index) => COLOURS[index % COLOURS.length] ?? COLOURS[0];

/**
 * An element the page always has (dashboard.html): without it the page is broken, not empty.
 * @param {ParentNode} parent
 * @param {string} selector
 * @returns {HTMLElement}
 */
function part(parent, selector) {
  const found = parent.querySelector(selector);
  if (!(found instanceof HTMLElement)) throw new Error(`dashboard.html has no ${selector}`);
  return found;
}

/**
 * @param {string} name
 * @param {Record<string, string | number>} [attributes]
 * @param {string} [text]
 */
function svgElement(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/**
 * @param {'share' | 'mean'} kind
 * @param {number} value
 */
function formatValue(kind, value) {
  return kind === 'mean' ? format.mean(value) : format.share(value);
}

/**
 * @param {string} titleText
 * @param {string} descriptionText
 */
function chartFrame(titleText, descriptionText, height = HEIGHT) {
  const id = `chart-${Math.random().toString(36).slice(2, 8)}`;
  const svg = svgElement('svg', {
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: WIDTH,
    height,
    role: 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    class: 'chart-svg',
  });
  svg.append(svgElement('title', { id: `${id}-title` }, titleText), svgElement('desc', { id: `${id}-desc` }, descriptionText));
  return svg;
}

/**
 * @param {SVGElement} svg
 * @param {Scale} scale
 * @param {number[]} ticks
 * @param {'share' | 'mean'} format
 */
function yAxis(svg, scale, ticks, format) {
  for (const tick of ticks) {
    const y = scale(tick);
    svg.append(svgElement('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y, class: 'grid' }));
    svg.append(svgElement('text', { x: MARGIN.left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, formatValue(format, tick)));
  }
}

/**
 * Month labels: the first anchored at its start and the last at its end, so none is cut off.
 * @param {SVGElement} svg
 * @param {string[]} categories
 * @param {Scale} x where the month at an index lands
 * @param {number} height
 */
function monthAxis(svg, categories, x, height) {
  const count = categories.length;
  const room = (WIDTH - MARGIN.left - MARGIN.right) / Math.max(1, count - 1);
  const every = Math.max(1, Math.ceil(58 / room));
  categories.forEach((label, index) => {
    if (index % every !== 0 && index !== count - 1) return;
    if (index !== count - 1 && count - 1 - index < every) return;
    const anchor = count > 1 && index === 0 ? 'start' : index === count - 1 && count > 1 ? 'end' : 'middle';
    svg.append(svgElement('text', { x: x(index), y: height - MARGIN.bottom + 18, 'text-anchor': anchor, class: 'tick' }, label));
  });
}

/**
 * @param {DashboardLineChart} chart
 * @param {string} title
 * @param {DashboardSeries[]} series
 */
function lineChart(chart, title, series = chart.series, height = HEIGHT) {
  const only = series.length === 1 ? series[0] : undefined;
  const described = only?.reference !== undefined ? t('script.lineChartOne', { label: only.label }) : t('script.lineChart');
  const svg = chartFrame(title, described, height);
  const min = chart.yMin ?? 0;
  const plotHeight = height - MARGIN.top - MARGIN.bottom;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  /** @type {Scale} */
  const y = (value) => MARGIN.top + plotHeight * (1 - (value - min) / (chart.yMax - min));
  const count = chart.categories.length;
  /** @type {Scale} */
  const x = (index) => MARGIN.left + (count <= 1 ? plotWidth / 2 : (plotWidth * index) / (count - 1));
  const ticks = chart.yFormat === 'mean' ? [1, 2, 3, 4, 5] : series.length === 1 ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
  yAxis(svg, y, ticks, chart.yFormat);
  monthAxis(svg, chart.categories, x, height);
  series.forEach((line, index) => {
    const colour = colourOf(index);
    if (line.reference !== undefined) {
      svg.append(
        svgElement('line', {
          x1: MARGIN.left,
          x2: WIDTH - MARGIN.right,
          y1: y(line.reference),
          y2: y(line.reference),
          stroke: REFERENCE_COLOUR,
          'stroke-dasharray': '4 4',
          'stroke-width': 2,
          class: 'reference',
        }),
      );
    }
    // A suppressed month is a gap, never a point at zero; an incomplete month is an open circle.
    let path = '';
    let drawing = false;
    line.values.forEach((value, at) => {
      if (value === null || value === undefined) {
        drawing = false;
        return;
      }
      path += `${drawing ? 'L' : 'M'}${x(at).toFixed(1)},${y(value).toFixed(1)} `;
      drawing = true;
      const open = chart.incomplete?.[at];
      svg.append(
        svgElement('circle', {
          cx: x(at),
          cy: y(value),
          r: open ? 5 : 4,
          fill: open ? '#fff' : colour,
          stroke: colour,
          'stroke-width': 2,
          class: open ? 'incomplete' : 'complete',
        }),
      );
    });
    if (path) svg.append(svgElement('path', { d: path.trim(), fill: 'none', stroke: colour, 'stroke-width': 2.5 }));
  });
  return svg;
}

/**
 * @param {DashboardBarChart} chart
 * @param {string} title
 */
function barChart(chart, title) {
  const svg = chartFrame(title, chart.emptyText ? t('script.barChartEmpty', { text: chart.emptyText }) : t('script.barChart'));
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  /** @type {Scale} */
  const y = (value) => MARGIN.top + plotHeight * (1 - value);
  yAxis(svg, y, [0, 0.25, 0.5, 0.75, 1], 'share');
  const groupWidth = plotWidth / chart.groups.length;
  if (chart.emptyText) {
    svg.append(
      svgElement(
        'text',
        { x: MARGIN.left + plotWidth / 2, y: MARGIN.top + plotHeight / 2, 'text-anchor': 'middle', class: 'bar-value' },
        chart.emptyText,
      ),
    );
    return svg;
  }
  chart.groups.forEach((group, groupIndex) => {
    const barWidth = Math.min(48, (groupWidth - 12) / group.bars.length);
    const start = MARGIN.left + groupIndex * groupWidth + (groupWidth - barWidth * group.bars.length) / 2;
    group.bars.forEach((bar, barIndex) => {
      const left = start + barIndex * barWidth;
      if (bar.value === null || bar.value === undefined) {
        svg.append(
          svgElement('text', { x: left + barWidth / 2, y: y(0) - 4, 'text-anchor': 'middle', class: 'bar-value suppressed' }, '–'),
        );
        return;
      }
      svg.append(
        svgElement('rect', {
          x: left + 1,
          y: y(bar.value),
          width: barWidth - 2,
          height: y(0) - y(bar.value),
          fill: colourOf(barIndex),
        }),
      );
      // Narrow bars leave no room for their value: the table under the chart carries it.
      if (barWidth >= 40)
        svg.append(
          svgElement(
            'text',
            { x: left + barWidth / 2, y: y(bar.value) - 4, 'text-anchor': 'middle', class: 'bar-value' },
            format.share(bar.value),
          ),
        );
    });
    svg.append(
      wrappedLabel(group.label, MARGIN.left + groupIndex * groupWidth + groupWidth / 2, HEIGHT - MARGIN.bottom + 18, groupWidth - 4),
    );
  });
  return svg;
}

/**
 * A centred label broken into lines that fit `width` (about 7 px per character at 13 px).
 * @param {string} label
 * @param {number} x
 * @param {number} y
 * @param {number} width
 */
function wrappedLabel(label, x, y, width) {
  const perLine = Math.max(6, Math.floor(width / 7));
  /** @type {string[]} */
  const lines = [];
  for (const word of label.split(' ')) {
    const last = lines[lines.length - 1];
    if (last && `${last} ${word}`.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const text = svgElement('text', { x, y, 'text-anchor': 'middle', class: 'tick' });
  lines.forEach((line, index) => text.append(svgElement('tspan', { x, dy: index === 0 ? 0 : 15 }, line)));
  return text;
}

/** @param {DashboardChart} chart */
function legend(chart) {
  if (chart.kind === 'lines' && chart.layout === 'perSeries') {
    const note = document.createElement('p');
    note.className = 'legend';
    note.textContent = t('script.legendPerSeries');
    return note;
  }
  const items = chart.kind === 'lines' ? chart.series.map((series) => series.label) : (chart.groups[0]?.bars ?? []).map((bar) => bar.label);
  const list = document.createElement('ul');
  list.className = 'legend';
  items.forEach((label, index) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = `swatch swatch-${index % COLOURS.length}`;
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, document.createTextNode(label));
    list.append(item);
  });
  if (chart.kind === 'lines' && chart.incomplete?.some(Boolean)) {
    const item = document.createElement('li');
    item.textContent = t('script.legendIncomplete');
    list.append(item);
  }
  return list;
}

/**
 * @param {DashboardTable} model
 * @param {string} captionText
 */
function table(model, captionText) {
  const element = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = captionText;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  for (const column of model.columns) {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = column;
    headRow.append(cell);
  }
  head.append(headRow);
  const body = document.createElement('tbody');
  for (const row of model.rows) {
    const tableRow = document.createElement('tr');
    row.forEach((value, index) => {
      const cell = document.createElement(index === 0 ? 'th' : 'td');
      if (index === 0) cell.scope = 'row';
      cell.textContent = value;
      if (value === format.suppressed || value === format.noConversations) cell.className = 'suppressed';
      tableRow.append(cell);
    });
    body.append(tableRow);
  }
  element.append(caption, head, body);
  return element;
}

/** @param {SurveyReport} report */
function render(report) {
  // Today in Brussels, as YYYY-MM-DD (the Swedish format is ISO).
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Brussels' }).format(new Date());
  const model = dashboardModel(report, { today, texts, language });
  const summary = part(document, '#summary');
  summary.textContent = '';
  /** @param {string} key */
  const term = (key) => t(`labels.summary.${key}`);
  /** @type {[string, string][]} */
  const facts = [
    [term('period'), model.summary.period],
    [term('responses'), format.count(model.summary.responses)],
    [term('conversations'), format.count(model.summary.conversations)],
    [term('responseRate'), model.summary.responseRate === null ? term('noConversations') : format.share(model.summary.responseRate)],
    [
      term('outsideOpeningHours'),
      model.summary.outsideOpeningHours === null ? term('tooFewConversations') : format.share(model.summary.outsideOpeningHours),
    ],
  ];
  if (model.summary.synthetic > 0) facts.push([term('synthetic'), format.count(model.summary.synthetic)]);
  for (const [term, value] of facts) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    summary.append(dt, dd);
  }
  for (const chart of model.charts) {
    const section = document.getElementById(`chart-${chart.id}`);
    if (!section) continue;
    const title = part(section, 'h2').textContent ?? '';
    const findings = part(section, '.findings');
    findings.textContent = '';
    for (const sentence of chart.sentences) {
      const item = document.createElement('li');
      item.textContent = sentence;
      findings.append(item);
    }
    const figure = part(section, '.chart');
    figure.textContent = '';
    WIDTH = Math.round(Math.max(280, Math.min(640, figure.clientWidth || 640)));
    if (chart.kind === 'lines' && chart.layout === 'perSeries') {
      // One small chart per answer, each titled with the answer, on its own panel line.
      for (const line of chart.series) {
        const panel = document.createElement('figure');
        panel.className = 'small-chart';
        const caption = document.createElement('figcaption');
        caption.textContent = line.label;
        panel.append(caption, lineChart(chart, t('labels.columns.chartPart', { title, label: line.label }), [line], SMALL_HEIGHT));
        figure.append(panel);
      }
      figure.append(legend(chart));
    } else {
      figure.append(chart.kind === 'lines' ? lineChart(chart, title) : barChart(chart, title), legend(chart));
    }
    const tableHolder = part(section, '.table');
    tableHolder.textContent = '';
    // On a phone a wide table scrolls inside its own box (reachable with the keyboard), not the page.
    const scroller = document.createElement('div');
    scroller.className = 'table-scroll';
    scroller.tabIndex = 0;
    scroller.setAttribute('role', 'region');
    const caption = t('labels.columns.tableCaption', { title });
    scroller.setAttribute('aria-label', caption);
    scroller.append(table(chart.table, caption));
    tableHolder.append(scroller);
  }
}

async function load() {
  const main = part(document, '#inhoud');
  const status = part(document, '#status');
  const query = new URLSearchParams({ from: main.dataset.from ?? '', to: main.dataset.to ?? '' });
  try {
    const response = await fetch(`/api/reports/survey?${query}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status === 401) {
      window.location.assign(language === 'nl' ? '/dashboard' : `/dashboard?lang=${language}`);
      return;
    }
    if (!response.ok) throw new Error(String(response.status));
    /** @type {SurveyReport} */
    const report = await response.json();
    render(report);
    status.textContent = t('script.loaded');
    main.setAttribute('aria-busy', 'false');
  } catch {
    status.textContent = t('script.failed');
    status.setAttribute('role', 'alert');
  }
}

void load();
