/* The chart: section scores per agency, as inline SVG. */
import { display } from './rule.js';
import { COLOURS, h } from './views.js';

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

export function chart(data, agencies, results, width, names) {
  const s = data.strings;
  const W = Math.max(260, Math.round(width));
  const font = 12;
  const bar = 11;
  const gap = 3;
  const top = 22;
  const label = 18;
  const valueWidth = 38;
  const plot = W - valueWidth - 4;
  const groupHeight = label + agencies.length * (bar + gap) + 10;
  const height = top + data.sections.length * groupHeight;
  const x = (value) => 2 + (Math.max(0, value) / 100) * plot;
  const svg = h('svg:svg', {
    class: 'kit-sc-chart', viewBox: `0 0 ${W} ${height}`, width: W, height, role: 'img',
    'aria-label': `${s.chart}. ${s.chartDesc}`, 'font-size': font,
  });
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
    const series = h('svg:g', { class: 'kit-sc-series', 'data-agency': agency.id, fill: COLOURS[ai % COLOURS.length] },
      h('svg:title', {}, names[ai]));
    const values = h('svg:g', { class: 'kit-sc-values' });
    data.sections.forEach((section, si) => {
      const value = results[ai].sections[si].value;
      const y = top + si * groupHeight + label + ai * (bar + gap);
      series.append(h('svg:rect', {
        x: 2, y, height: bar, width: value === null ? 0 : Math.max(1, x(value) - 2),
        'data-section': section.id, 'data-value': display(value),
      }, h('svg:title', {}, `${names[ai]} · ${section.title}: ${display(value)}`)));
      values.append(h('svg:text', { x: (value === null ? 2 : x(value)) + 4, y: y + bar - 1 }, display(value)));
    });
    svg.append(series, values);
  });
  return svg;
}
