/*
 * The chart: section scores per agency, as inline SVG, in a figure with its legend and a
 * section × agency table for screen readers. Each agency's bars have a colour and a pattern
 * and are labelled with the agency's number and value, so a black-and-white print still tells
 * them apart. The same figure is shown on screen and printed.
 */
import { display } from './rule.js';
import { COLOURS, h } from './views.js';

/* Pattern drawn in white over the colour: none, stripes of three angles, dots, grids. */
export const PATTERNS = ['', 'M0 6L6 0', 'M0 0L6 6', 'M0 3H6', 'M3 0V6', 'dots', 'M0 3H6M3 0V6', 'M0 6L6 0M0 0L6 6',
  'M0 1.5H6M0 4.5H6', 'M1.5 0V6M4.5 0V6'];
let charts = 0;

/** Rough width of a text in px, for fitting chart labels (CJK counts one em). */
function fitText(text, maxWidth, font) {
  const width = (ch) => (ch.codePointAt(0) >= 0x2e80 ? font : font * 0.58);
  let used = 0;
  let out = '';
  for (const ch of text) {
    used += width(ch);
    if (used > maxWidth - font) return `${out}…`;
    out += ch;
  }
  return out;
}

function pattern(id, i) {
  const colour = COLOURS[i % COLOURS.length];
  const shape = PATTERNS[i % PATTERNS.length];
  const mark = shape === 'dots' ? h('svg:circle', { cx: 3, cy: 3, r: 1.3, fill: '#fff' })
    : shape ? h('svg:path', { d: shape, stroke: '#fff', 'stroke-width': 1.2 }) : null;
  return h('svg:pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse' },
    h('svg:rect', { width: 6, height: 6, fill: colour }), mark);
}

function chart(data, agencies, results, width, names, ids) {
  const s = data.strings;
  const W = Math.max(260, Math.round(width));
  const font = 12;
  const bar = 12;
  const gap = 3;
  const top = 22;
  const label = 18;
  const valueWidth = 64;
  const plot = W - valueWidth - 4;
  const groupHeight = label + agencies.length * (bar + gap) + 10;
  const height = top + data.sections.length * groupHeight;
  const x = (value) => 2 + (Math.max(0, value) / 100) * plot;
  const svg = h('svg:svg', {
    class: 'kit-sc-chart', viewBox: `0 0 ${W} ${height}`, width: W, height, role: 'img',
    'aria-label': `${s.chart}. ${s.chartDesc}`, 'font-size': font,
  }, h('svg:defs', {}, agencies.map((a, i) => pattern(ids[i], i))));
  const axis = h('svg:g', { class: 'kit-sc-axis' });
  for (const p of [0, 25, 50, 75, 100]) {
    axis.append(h('svg:line', { x1: x(p), x2: x(p), y1: top - 6, y2: height }),
      h('svg:text', { x: x(p), y: top - 10, 'text-anchor': p === 0 ? 'start' : p === 100 ? 'end' : 'middle' }, String(p)));
  }
  svg.append(axis);
  const labels = h('svg:g', { class: 'kit-sc-labels' });
  data.sections.forEach((section, si) => {
    const y = top + si * groupHeight;
    labels.append(h('svg:text', { x: 2, y: y + 13 }, fitText(`${section.number}. ${section.title}`, W, font)));
  });
  svg.append(labels);
  agencies.forEach((agency, ai) => {
    const series = h('svg:g', { class: 'kit-sc-series', 'data-agency': agency.id, fill: `url(#${ids[ai]})`,
      stroke: '#000', 'stroke-width': 0.5 }, h('svg:title', {}, names[ai]));
    const values = h('svg:g', { class: 'kit-sc-values' });
    data.sections.forEach((section, si) => {
      const value = results[ai].sections[si].value;
      const y = top + si * groupHeight + label + ai * (bar + gap);
      series.append(h('svg:rect', {
        x: 2, y, height: bar, width: value === null ? 0 : Math.max(1, x(value) - 2),
        'data-section': section.id, 'data-value': display(value),
      }, h('svg:title', {}, `${names[ai]} · ${section.title}: ${display(value)}`)));
      values.append(h('svg:text', { x: (value === null ? 2 : x(value)) + 4, y: y + bar - 2 },
        `${ai + 1} · ${display(value)}`));
    });
    svg.append(series, values);
  });
  return svg;
}

/** Section × agency scores as a table (read by screen readers, not drawn). */
function table(data, names, results) {
  const s = data.strings;
  return h('div', { class: 'kit-sc-sr' }, h('table', { class: 'kit-sc-chart-table' },
    h('caption', {}, s.chart),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, s.section), names.map((n) => h('th', { scope: 'col' }, n)))),
    h('tbody', {}, data.sections.map((section, si) => h('tr', {},
      h('th', { scope: 'row' }, `${section.number}. ${section.title}`),
      results.map((r) => h('td', {}, display(r.sections[si].value))))))));
}

/** The chart, its legend (number, pattern, name) and the table, as the contents of a figure. */
export function figure(data, agencies, results, width, names) {
  charts += 1;
  const ids = agencies.map((a, i) => `kit-sc-p${charts}-${i}`);
  const key = (i) => h('svg:svg', { class: 'kit-sc-key', viewBox: '0 0 12 12', width: 12, height: 12, 'aria-hidden': 'true' },
    h('svg:rect', { width: 12, height: 12, fill: `url(#${ids[i]})`, stroke: '#000', 'stroke-width': 0.5 }));
  return [chart(data, agencies, results, width, names, ids),
    h('figcaption', {}, h('ul', { class: 'kit-sc-legend' }, agencies.map((a, i) => h('li', {},
      key(i), ` ${i + 1} · ${names[i]}`, results[i].disqualified ? ` (${data.strings.disqualified})` : null))),
    table(data, names, results))];
}
