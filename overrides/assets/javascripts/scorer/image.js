/*
 * The comparison report as a PNG a merchant can send in a chat app: drawn here on a <canvas>,
 * 1080 px wide, with no library. Text is at least MIN_FONT px (at 1080 px that reads on a phone
 * like the page does); bars carry the chart's colours and white patterns (chart.js) and are
 * labelled with the agency's number and value, so they do not rely on colour. Drawn twice:
 * once to measure the height, once on a canvas of that height.
 */
import { display } from './rule.js';
import { fill } from './storage.js';
import { PATTERNS } from './chart.js';
import { COLOURS } from './views.js';
import { paintContradicted } from './claims-report.js';

export const WIDTH = 1080;
export const MIN_FONT = 32;
const MARGIN = 56;
const MAX_HEIGHT = 30000;
const NOTE_MAX = 280;
const INK = '#111';
const GREY = '#555';
const KO = '#b00020';
const BREAKABLE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Pieces of text a line may break between: CJK characters one by one, other words whole. */
const tokens = (text) => text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+/g) || [];

/** text broken into lines no wider than width (words longer than a line are cut by character). */
export function wrap(ctx, text, width) {
  const lines = [];
  let line = '';
  const push = (piece) => {
    if (ctx.measureText(line + piece).width <= width || !line.trim()) line += piece;
    else {
      lines.push(line.trimEnd());
      line = piece.trimStart();
    }
  };
  for (const token of tokens(text)) {
    if (!BREAKABLE.test(token) && ctx.measureText(token).width > width) [...token].forEach(push);
    else push(token);
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

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
    Object.assign(this, { ctx, family, draw, y: MARGIN, minFont: Infinity });
  }

  font(size, bold) {
    this.minFont = Math.min(this.minFont, size);
    this.ctx.font = `${bold ? '700 ' : ''}${size}px ${this.family}`;
  }

  text(text, { size = 36, bold = false, colour = INK, indent = 0, after = 0.3 } = {}) {
    this.font(size, bold);
    for (const line of wrap(this.ctx, text, WIDTH - 2 * MARGIN - indent)) {
      if (this.draw && this.y + size * 1.4 < MAX_HEIGHT) {
        this.ctx.fillStyle = colour;
        this.ctx.fillText(line, MARGIN + indent, this.y + size * 1.05);
      }
      this.y += size * 1.4;
    }
    this.y += size * after;
  }

  /** A ranking line: the place, the agency's key (its pattern, as on the bars), then text. */
  keyed(place, i, text, colour) {
    const size = 36;
    this.font(size, true);
    if (this.draw) {
      this.ctx.fillStyle = colour;
      this.ctx.fillText(place, MARGIN, this.y + size * 1.05);
      this.ctx.fillStyle = patternFor(this.ctx, i);
      this.ctx.fillRect(MARGIN + 76, this.y + 6, 38, 38);
      this.ctx.strokeStyle = '#000';
      this.ctx.strokeRect(MARGIN + 76.5, this.y + 6.5, 37, 37);
    }
    this.text(text, { size, bold: true, colour, indent: 130, after: 0.2 });
  }

  bar(i, value, label) {
    const height = 40;
    const room = WIDTH - 2 * MARGIN - 200;
    const width = value === null ? 0 : Math.max(3, (Math.max(0, value) / 100) * room);
    this.font(MIN_FONT, true);
    if (this.draw) {
      this.ctx.fillStyle = patternFor(this.ctx, i);
      this.ctx.fillRect(MARGIN, this.y, width, height);
      this.ctx.strokeStyle = '#000';
      this.ctx.lineWidth = 1;
      if (width) this.ctx.strokeRect(MARGIN + 0.5, this.y + 0.5, width - 1, height - 1);
      this.ctx.fillStyle = INK;
      this.ctx.fillText(label, MARGIN + width + 14, this.y + 32);
    }
    this.y += height + 10;
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
  p.text(`${data.criteria.title} · ${s.report}`, { size: 52, bold: true });
  p.text(`${s.scoredWith} · ${fill(s.date, { date })}`, { size: MIN_FONT, colour: GREY, after: 0.8 });
  paintContradicted(p, data, summary, KO); // the agency's written claims found false, first (claims-report.js)
  // The verdict first, with the close-call note, then the figures.
  p.text(s.verdict, { size: 42, bold: true });
  for (const row of summary.rows) {
    const place = row.rank === null ? '—' : row.rank;
    p.keyed(`${place}.`, row.index, `${row.index + 1} · ${row.name}${s.colon}${row.verdict.text}`,
      row.verdict.kind === 'ranked' ? INK : KO);
  }
  if (summary.close) p.text(summary.close, { bold: true, colour: KO });
  p.rule();
  p.text(s.ranking, { size: 42, bold: true });
  for (const row of summary.rows) {
    const place = row.rank === null ? '—' : row.rank;
    p.keyed(`${place}.`, row.index, `${row.index + 1} · ${row.name} · ${fill(s.agencyTotal, { total: display(row.result.total) })}`,
      row.verdict.kind === 'ranked' ? INK : KO);
  }
  p.rule();
  p.text(s.sections, { size: 42, bold: true });
  data.sections.forEach((section, si) => {
    p.text(`${section.number}. ${section.title}`, { size: 34, bold: true, after: 0.15 });
    for (const row of summary.byIndex) p.bar(row.index, row.result.sections[si].value,
      `${row.index + 1} · ${display(row.result.sections[si].value)}`);
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
    if (row.notes.length) p.text(`${s.notesHead}${s.colon}`, { bold: true, after: 0.1 });
    for (const n of row.notes) {
      p.text(`${n.criterion ? title(n.criterion) : n.id}${s.colon}${clip(n.text)}`, { size: 34, indent: 24, after: 0.15 });
    }
  }
}

/** The report drawn on a new canvas, WIDTH px wide; canvas.kitMinFont is its smallest font size. */
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
  return canvas;
}
