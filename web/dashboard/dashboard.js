// The dashboard page: fetches the survey report with the session cookie and draws each chart
// as inline SVG, with a table under it that says the same in words and numbers.
import { dashboardModel, formatCount, formatMean, formatShare, SUPPRESSED_TEXT } from './dashboardModel.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 16, bottom: 44, left: 52 };
// At least 3:1 against white (WCAG 1.4.11); lines also differ in dash and marker, bars carry their value.
const COLOURS = ['#1f5fa8', '#a3480d', '#2e7031', '#5c3c92'];
const DASHES = ['', '6 4', '2 3', '10 3 2 3'];
const REFERENCE_COLOUR = '#595959';

function svgElement(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

function formatValue(format, value) {
  return format === 'mean' ? formatMean(value) : formatShare(value);
}

function chartFrame(titleText, descriptionText) {
  const id = `chart-${Math.random().toString(36).slice(2, 8)}`;
  const svg = svgElement('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, class: 'chart-svg' });
  svg.append(svgElement('title', { id: `${id}-title` }, titleText), svgElement('desc', { id: `${id}-desc` }, descriptionText));
  return svg;
}

function yAxis(svg, scale, ticks, format) {
  for (const tick of ticks) {
    const y = scale(tick);
    svg.append(svgElement('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y, y2: y, class: 'grid' }));
    svg.append(svgElement('text', { x: MARGIN.left - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, formatValue(format, tick)));
  }
}

function lineChart(chart, title) {
  const svg = chartFrame(title, 'Lijngrafiek per maand. De tabel hieronder toont dezelfde cijfers.');
  const min = chart.yMin ?? 0;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const y = (value) => MARGIN.top + plotHeight * (1 - (value - min) / (chart.yMax - min));
  const count = chart.categories.length;
  const x = (index) => MARGIN.left + (count <= 1 ? plotWidth / 2 : (plotWidth * index) / (count - 1));
  const ticks = chart.yFormat === 'mean' ? [1, 2, 3, 4, 5] : [0, 0.25, 0.5, 0.75, 1];
  yAxis(svg, y, ticks, chart.yFormat);
  chart.categories.forEach((label, index) => {
    if (count > 8 && index % 2 === 1) return;
    svg.append(svgElement('text', { x: x(index), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', class: 'tick' }, label));
  });
  chart.series.forEach((series, index) => {
    const colour = COLOURS[index % COLOURS.length];
    if (series.reference !== undefined) {
      svg.append(svgElement('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(series.reference), y2: y(series.reference), stroke: colour, 'stroke-dasharray': '3 5', 'stroke-width': 1.5 }));
    }
    // A suppressed month is a gap, never a point at zero.
    let path = '';
    let drawing = false;
    series.values.forEach((value, at) => {
      if (value === null || value === undefined) {
        drawing = false;
        return;
      }
      path += `${drawing ? 'L' : 'M'}${x(at).toFixed(1)},${y(value).toFixed(1)} `;
      drawing = true;
      svg.append(svgElement('circle', { cx: x(at), cy: y(value), r: 4, fill: colour }));
    });
    if (path) svg.append(svgElement('path', { d: path.trim(), fill: 'none', stroke: colour, 'stroke-width': 2.5, 'stroke-dasharray': DASHES[index % DASHES.length] }));
  });
  return svg;
}

function barChart(chart, title) {
  const svg = chartFrame(title, 'Staafgrafiek. De tabel hieronder toont dezelfde cijfers.');
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const y = (value) => MARGIN.top + plotHeight * (1 - value);
  yAxis(svg, y, [0, 0.25, 0.5, 0.75, 1], 'share');
  const groupWidth = plotWidth / chart.groups.length;
  chart.groups.forEach((group, groupIndex) => {
    const barWidth = Math.min(48, (groupWidth - 12) / group.bars.length);
    const start = MARGIN.left + groupIndex * groupWidth + (groupWidth - barWidth * group.bars.length) / 2;
    group.bars.forEach((bar, barIndex) => {
      const left = start + barIndex * barWidth;
      if (bar.value === null || bar.value === undefined) {
        svg.append(svgElement('text', { x: left + barWidth / 2, y: y(0) - 4, 'text-anchor': 'middle', class: 'bar-value suppressed' }, '–'));
        return;
      }
      svg.append(svgElement('rect', { x: left + 1, y: y(bar.value), width: barWidth - 2, height: y(0) - y(bar.value), fill: COLOURS[barIndex % COLOURS.length] }));
      svg.append(svgElement('text', { x: left + barWidth / 2, y: y(bar.value) - 4, 'text-anchor': 'middle', class: 'bar-value' }, formatShare(bar.value)));
    });
    svg.append(svgElement('text', { x: MARGIN.left + groupIndex * groupWidth + groupWidth / 2, y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', class: 'tick' }, group.label));
  });
  return svg;
}

function legend(chart) {
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
  if (chart.kind === 'lines' && chart.series.some((series) => series.reference !== undefined)) {
    const item = document.createElement('li');
    item.textContent = 'Stippellijn: basislijn van het inwonerspanel';
    list.append(item);
  }
  return list;
}

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
      if (value === SUPPRESSED_TEXT) cell.className = 'suppressed';
      tableRow.append(cell);
    });
    body.append(tableRow);
  }
  element.append(caption, head, body);
  return element;
}

function render(report) {
  const model = dashboardModel(report);
  const summary = document.getElementById('summary');
  summary.textContent = '';
  const facts = [
    ['Periode', `${model.summary.from} tot en met ${model.summary.to}`],
    ['Ingevulde enquêtes', formatCount(model.summary.responses)],
  ];
  if (model.summary.synthetic > 0) facts.push(['Waarvan demogegevens', formatCount(model.summary.synthetic)]);
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
    const title = section.querySelector('h2').textContent;
    const figure = section.querySelector('.chart');
    figure.textContent = '';
    figure.append(chart.kind === 'lines' ? lineChart(chart, title) : barChart(chart, title), legend(chart));
    const tableHolder = section.querySelector('.table');
    tableHolder.textContent = '';
    tableHolder.append(table(chart.table, `${title}: cijfers`));
  }
}

async function load() {
  const main = document.getElementById('inhoud');
  const status = document.getElementById('status');
  const query = new URLSearchParams({ from: main.dataset.from, to: main.dataset.to });
  try {
    const response = await fetch(`/api/reports/survey?${query}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    if (response.status === 401) {
      window.location.assign('/dashboard');
      return;
    }
    if (!response.ok) throw new Error(String(response.status));
    render(await response.json());
    status.textContent = 'De cijfers zijn geladen.';
    main.setAttribute('aria-busy', 'false');
  } catch {
    status.textContent = 'De cijfers konden niet geladen worden. Probeer het later opnieuw.';
    status.setAttribute('role', 'alert');
  }
}

void load();
