/*
 * The comparison report as a PNG a merchant can send in a chat app: drawn here on a <canvas>,
 * 1080 px wide, with no library. Text is at least MIN_FONT px, broken into lines by Chinese rules
 * (linebreak.js: no line starts with a closing mark). Bars carry the chart's colours and white
 * patterns (chart.js), a legend above them keys each pattern to the agency's name and entry
 * number, and each bar is labelled with its value and the agency's name, so they do not rely on
 * colour. Drawn twice: once to measure the height, once on a canvas of that height;
 * canvas.kitLines lists every line of text drawn (for tests and checks).
 */
import { display } from './rule.js';
import { fill } from './storage.js';
import { PATTERNS } from './chart.js';
import { COLOURS } from './views.js';
import { wrap } from './linebreak.js';
import { paintContradicted } from './claims-report.js';
import { evidenceText } from './evidence.js';

export const WIDTH = 1080;
export const MIN_FONT = 32;
const MARGIN = 56;
const MAX_HEIGHT = 30000;
const NOTE_MAX = 280;
const INK = '#111';
const GREY = '#555';
const KO = '#b00020';
function patternFor(ctx, i) {
  const tile = document.createElement('canvas');
  tile.width = 16;
  tile.height = 16;
  const t = tile.getContext('2d');
  t.fillStyle = COLOURS[i % COLOURS.length];
  t.fillRect(0, 0, 16, 16);
  const shape = PATTERNS[i % PATTERNS.length];
  t.scale(16 / 6, 16 / 6);
  t.strokeStyle = '#fff';
  t.fillStyle = '#fff';
  t.lineWidth = 1.2;
  if (shape === 'dots') {
    t.beginPath();
    t.arc(3, 3, 1.3, 0, 2 * Math.PI);
    t.fill();
  } else if (shape) t.stroke(new Path2D(shape));
  return ctx.createPattern(tile, 'repeat');
}

/** Lays out (and, when drawing, paints) the report; y ends at the height used. */
class Painter {
  constructor(ctx, family, draw) {
    Object.assign(this, { ctx, family, draw, y: MARGIN, minFont: Infinity, lines: [] });
  }

  /** Draws one line of text at (x, y) and records it. */
  say(line, x, y) {
    if (!this.draw) return;
    this.ctx.fillText(line, x, y);
    this.lines.push(line);
  }

  /** text cut with … to fit width (at least its first character). */
  fit(text, width) {
    if (this.ctx.measureText(text).width <= width) return text;
    const chars = [...text];
    while (chars.length > 1 && this.ctx.measureText(`${chars.join('')}…`).width > width) chars.pop();
    return `${chars.join('')}…`;
  }

  /** The agency's key: its bar pattern in a square of side size at (x, y). */
  swatch(i, x, y, size) {
    if (!this.draw) return;
    this.ctx.fillStyle = patternFor(this.ctx, i);
    this.ctx.fillRect(x, y, size, size);
    this.ctx.strokeStyle = '#000';
    this.ctx.lineWidth = 1;
    this.ctx.strokeRect(x + 0.5, y + 0.5, size - 1, size - 1);
  }

  font(size, bold) {
    this.minFont = Math.min(this.minFont, size);
    this.ctx.font = `${bold ? '700 ' : ''}${size}px ${this.family}`;
  }

  text(text, { size = 36, bold = false, colour = INK, indent = 0, after = 0.3 } = {}) {
    this.font(size, bold);
    for (const line of wrap((piece) => this.ctx.measureText(piece).width, text, WIDTH - 2 * MARGIN - indent)) {
      if (this.y + size * 1.4 < MAX_HEIGHT) {
        this.ctx.fillStyle = colour;
        this.say(line, MARGIN + indent, this.y + size * 1.05);
      }
      this.y += size * 1.4;
    }
    this.y += size * after;
  }

  /** A ranking line: the place, the agency's key (its pattern, as on the bars), then text. */
  keyed(place, i, text, colour) {
    const size = 36;
    this.font(size, true);
    this.ctx.fillStyle = colour;
    this.say(place, MARGIN, this.y + size * 1.05);
    this.swatch(i, MARGIN + 76, this.y + 6, 38);
    this.text(text, { size, bold: true, colour, indent: 130, after: 0.2 });
  }

  /** A bar of value (0–100, or null) in agency i's pattern, labelled "value name" at its end. */
  bar(i, value, number, name) {
    const height = 40;
    const room = WIDTH - 2 * MARGIN - 360; // room right of the longest bar for "100.0" and a name
    const width = value === null ? 0 : Math.max(3, (Math.max(0, value) / 100) * room);
    this.font(MIN_FONT, true);
    if (this.draw) {
      this.ctx.fillStyle = patternFor(this.ctx, i);
      this.ctx.fillRect(MARGIN, this.y, width, height);
      this.ctx.strokeStyle = '#000';
      this.ctx.lineWidth = 1;
      if (width) this.ctx.strokeRect(MARGIN + 0.5, this.y + 0.5, width - 1, height - 1);
      this.ctx.fillStyle = INK;
      const x = MARGIN + width + 14;
      this.say(this.fit(`${number} ${name}`, WIDTH - MARGIN - x), x, this.y + 32);
    }
    this.y += height + 10;
  }

  /** The legend of the bars: each agency's pattern, name and entry number, one a line. */
  legend(rows, entry) {
    for (const row of rows) {
      this.swatch(row.index, MARGIN, this.y + 4, 36);
      this.text(`${row.name} · ${entry(row.index + 1)}`, { size: MIN_FONT, indent: 52, after: 0.1 });
    }
    this.y += 12;
  }

  rule() {
    if (this.draw) {
      this.ctx.fillStyle = '#bbb';
      this.ctx.fillRect(MARGIN, this.y, WIDTH - 2 * MARGIN, 2);
    }
    this.y += 30;
  }
}

function paint(p, data, summary, date) {
  const s = data.strings;
  const title = (c) => `${c.number} ${c.title}`;
  const clip = (text) => (text.length > NOTE_MAX ? `${text.slice(0, NOTE_MAX)}…` : text);
  // The agency's entry number (its place on the worksheet) is named as such, never read as a rank.
  const entry = (n) => fill(s.entry, { n });
  const colour = (row) => (row.verdict.kind === 'ranked' ? INK : KO);
  p.text(`${data.criteria.title} · ${s.report}`, { size: 52, bold: true });
  p.text(`${s.scoredWith} · ${fill(s.date, { date })}`, { size: MIN_FONT, colour: GREY, after: 0.8 });
  paintContradicted(p, data, summary, KO); // the agency's written claims found false, first (claims-report.js)
  // The verdict first, with the close-call note, then the figures.
  p.text(s.verdict, { size: 42, bold: true });
  for (const row of summary.rows) {
    const place = row.rank === null ? '—' : row.rank;
    p.keyed(`${place}.`, row.index, `${row.name} · ${entry(row.index + 1)}${s.colon}${row.verdict.text}`, colour(row));
  }
  if (summary.close) p.text(summary.close, { bold: true, colour: KO });
  if (summary.people) p.text(summary.people, { bold: true }); // several reviewers (people-text.js)
  p.rule();
  p.text(s.ranking, { size: 42, bold: true });
  for (const row of summary.rows) {
    const place = row.rank === null ? '—' : row.rank;
    p.keyed(`${place}.`, row.index, `${row.name} · ${fill(s.agencyTotal, { total: display(row.result.total) })}`,
      colour(row));
  }
  p.rule();
  p.text(s.sections, { size: 42, bold: true });
  p.legend(summary.byIndex, entry);
  data.sections.forEach((section, si) => {
    p.text(`${section.number}. ${section.title}`, { size: 34, bold: true, after: 0.15 });
    for (const row of summary.byIndex) {
      p.bar(row.index, row.result.sections[si].value, display(row.result.sections[si].value), row.name);
    }
    p.y += 10;
  });
  for (const row of summary.rows) {
    p.rule();
    p.text(`${row.rank === null ? '—' : row.rank}. ${row.name} · ${fill(s.agencyTotal, { total: display(row.result.total) })}`,
      { size: 42, bold: true, colour: row.result.disqualified ? KO : INK });
    p.text(`${s.knockouts}${s.colon}${row.knockouts.length ? row.knockouts.map(title).join(s.listSep) : s.noKnockout}`,
      { colour: row.knockouts.length ? KO : INK });
    p.text(`${s.flags}${s.colon}${row.flags.length ? '' : s.noFlags}`, { bold: true, after: 0.1 });
    for (const f of row.flags) {
      p.text(title(f.criterion), { size: 34, bold: true, indent: 24, after: 0.05 });
      for (const t of f.texts) p.text(`• ${t}`, { size: 34, indent: 48, after: 0.1 });
    }
    p.text(`${s.unscored}${s.colon}${row.unscored.length ? fill(s.unscoredCount, { n: row.unscored.length }) : s.allScored}`
      + `${row.unscored.length ? ` (${row.unscored.map((c) => c.number).join(', ')})` : ''}`);
    p.text(evidenceText(data, row.agency, summary.criteria));
    if (row.notes.length) p.text(`${s.notesHead}${s.colon}`, { bold: true, after: 0.1 });
    for (const n of row.notes) {
      p.text(`${n.criterion ? title(n.criterion) : n.id}${s.colon}${clip(n.text)}`, { size: 34, indent: 24, after: 0.15 });
    }
  }
}

/** The report drawn on a new canvas, WIDTH px wide; canvas.kitMinFont is its smallest font size, kitLines its lines. */
export function reportImage(data, summary, date, family) {
  const face = family || 'sans-serif';
  const measure = new Painter(document.createElement('canvas').getContext('2d'), face, false);
  paint(measure, data, summary, date);
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = Math.min(MAX_HEIGHT, Math.ceil(measure.y + MARGIN));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'alphabetic';
  const painter = new Painter(ctx, face, true);
  paint(painter, data, summary, date);
  canvas.kitMinFont = painter.minFont;
  canvas.kitLines = painter.lines;
  return canvas;
}
