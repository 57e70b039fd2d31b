/*
 * DOM building blocks of the scorer: an element helper, the criterion form, the ranking table,
 * the filled-in print matrix and notes. Pure functions of their arguments (no state kept).
 */
import { display } from './rule.js';
import { own } from './storage.js';
import { answered, counted } from './state.js';
import { currentApp } from './inapp.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const COLOURS = ['#3f51b5', '#e6550d', '#2ca02c', '#9467bd', '#c49c00', '#17becf', '#d62728', '#8c564b',
  '#e377c2', '#636363'];

/** An element (tag "svg:x" for SVG) with attributes (null/false left out) and children. */
export function h(tag, attrs, ...children) {
  const el = tag.startsWith('svg:') ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

/**
 * The notice that another tab or window changed the saved scores (shown with show(text), fixed at
 * the bottom of the screen, so it is where the merchant is whatever they were looking at).
 */
export function remoteNotice(s) {
  const text = h('span', { class: 'kit-remote-text' });
  const box = h('div', { class: 'kit-remote', role: 'status', 'aria-live': 'polite', hidden: true }, text,
    h('button', { type: 'button', class: 'md-button', 'data-action': 'remote-ok' }, s.ok));
  box.show = (message) => {
    text.textContent = message;
    box.hidden = false;
  };
  return box;
}

export const swatch = (i) => h('span', { class: 'kit-sc-swatch', style: `background:${COLOURS[i % COLOURS.length]}` });

/**
 * Hands the browser a file to save; false (and nothing started) inside a chat app's built-in
 * browser, which drops such downloads without a word (inapp.js): the caller offers text or a picture.
 */
export function download(name, type, text) {
  if (currentApp()) return false;
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return true;
}

export function buildSection(data, section) {
  return h('section', { class: 'kit-sc-section', 'data-section': section.id },
    h('h3', {}, h('span', {}, `${section.number}. ${section.title}`), ' ',
      h('span', { class: 'kit-sc-section-score', 'data-section': section.id })),
    section.criteria.map((c) => buildCriterion(data, c)));
}

export function buildCriterion(data, c) {
  const s = data.strings;
  const name = `kit-sc-c-${c.id}`;
  const option = (value, text, title) => h('label', { class: 'kit-sc-level', title },
    h('input', { type: 'radio', class: 'kit-sc-score', name, value, 'data-criterion': c.id }), ' ',
    h('span', {}, text));
  return h('fieldset', { class: 'kit-sc-criterion', 'data-criterion': c.id },
    h('legend', {}, h('span', { class: 'kit-sc-num' }, c.number), ' ', c.title, ' ',
      h('span', { class: 'kit-tag' }, `${s.weight} ${c.weight}`),
      c.knockout ? [' ', h('span', { class: 'kit-tag kit-tag-ko' }, s.ko)] : null),
    h('div', { class: 'kit-sc-levels' },
      data.scale.levels.map((lv) => option(String(lv.score), `${lv.score} ${lv.label}`)),
      // No N/A on a knock-out criterion: it must be checked (an old N/A shows as not scored).
      c.knockout ? null : option('na', s.na, s.naMeaning), option('', s.notScored)),
    h('p', { class: 'kit-sc-ko-msg', hidden: true }, s.knocked),
    h('label', { class: 'kit-sc-note-label' }, h('span', {}, s.notes),
      h('textarea', { class: 'kit-sc-note', rows: 1, 'data-criterion': c.id })),
    (c.flags || []).length ? h('details', { class: 'kit-sc-flags', 'data-criterion': c.id },
      h('summary', {}, s.flagsHead, ' ', h('span', { class: 'kit-sc-flag-count', 'data-criterion': c.id })),
      c.flags.map((text, i) => h('label', { class: 'kit-sc-flag' },
        // data-flag, not value: tests and scripts find a score as input[value="3"] in the criterion's fieldset.
        h('input', { type: 'checkbox', class: 'kit-sc-flag-box', 'data-flag': String(i), 'data-criterion': c.id }),
        h('span', {}, text)))) : null);
}

/** Agencies by rank (no rank last) with total, count answered (N/A included) and verdict (result.verdict.text). */
export function rankingTable(s, agencies, names, results, ranks, count) {
  const order = agencies.map((a, i) => i)
    .sort((a, b) => (ranks[a] === null) - (ranks[b] === null) || (ranks[a] || 0) - (ranks[b] || 0) || a - b);
  return h('table', { class: 'kit-sc-rank-table' },
    h('thead', {}, h('tr', {}, [s.rank, s.agency, s.total, s.scored, s.verdict].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, order.map((i) => {
      const a = agencies[i];
      const r = results[i];
      const kind = r.verdict ? r.verdict.kind : 'ranked';
      return h('tr', { 'data-agency': a.id, 'data-verdict': kind, class: kind !== 'ranked' ? 'kit-sc-dq-row' : null },
        h('td', { class: 'kit-sc-rank' }, ranks[i] === null ? '—' : String(ranks[i])),
        h('th', { scope: 'row' }, swatch(i),
          ' ', h('span', { class: 'kit-sc-rank-name' }, names[i])),
        h('td', { class: 'kit-sc-total' }, display(r.total)),
        h('td', { class: 'kit-sc-count' }, `${answered(r)}/${count}`),
        h('td', { class: 'kit-sc-verdict' }, r.verdict ? r.verdict.text : ''));
    })));
}

/** Every criterion × agency score with section scores, total, status and rank (printed). */
export function matrix(data, agencies, names, results, ranks) {
  const s = data.strings;
  const width = 4 + agencies.length;
  const sumRow = (label, cells, cls) => h('tr', { class: cls },
    h('th', { colspan: 4, scope: 'row' }, label), cells.map((text) => h('td', {}, text)));
  return h('table', { class: 'kit-sc-matrix' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, s.criterion),
      h('th', { scope: 'col', title: s.weight }, s.weightShort), h('th', { scope: 'col', title: s.ko }, s.koShort),
      names.map((name) => h('th', { scope: 'col' }, name)))),
    data.sections.map((section, si) => h('tbody', {},
      h('tr', { class: 'kit-sc-matrix-heading' }, h('th', { colspan: width, scope: 'rowgroup' },
        `${section.number}. ${section.title}`)),
      section.criteria.map((c) => h('tr', { 'data-criterion': c.id },
        h('td', {}, c.number), h('th', { scope: 'row' }, c.title), h('td', {}, String(c.weight)),
        h('td', {}, c.knockout ? s.koShort : ''),
        agencies.map((a, ai) => {
          // The score that counts; "※" when it is an agreed one or a reviewer's (the note under the table says so).
          const value = own(counted(a), c.id);
          const star = value !== undefined && (own(a.agreed || {}, c.id) !== undefined || own(a.scores, c.id) === undefined)
            ? '※' : '';
          const knocked = results[ai].knockedOut.includes(c.id);
          return h('td', { class: knocked ? 'kit-sc-knocked' : null },
            value === undefined ? '' : value === 'na' ? `${s.na}${star}` : `${value}${star}${knocked ? ' ✗' : ''}`);
        }))),
      sumRow(s.sectionScore, results.map((r) => display(r.sections[si].value)), 'kit-sc-matrix-sum'))),
    h('tbody', {}, sumRow(s.total, results.map((r) => display(r.total)), 'kit-sc-matrix-sum'),
      sumRow(s.verdict, results.map((r) => (r.verdict ? r.verdict.text : '')), null),
      sumRow(s.rank, ranks.map((r) => (r === null ? '—' : String(r))), null)));
}

/** Each agency's ticked red flags, by criterion (printed); null when none is ticked. */
export function flagsList(s, criteria, agencies, names) {
  const blocks = agencies.map((a, i) => {
    const ticked = criteria.map((c) => ({ c, texts: (own(a.flags || {}, c.id) || []).filter((n) => n < (c.flags || []).length)
      .map((n) => c.flags[n]) })).filter((item) => item.texts.length);
    if (!ticked.length) return null;
    return h('div', { class: 'kit-sc-print-flags', 'data-agency': a.id }, h('h4', {}, names[i]),
      h('ul', {}, ticked.map(({ c, texts }) => h('li', {}, h('strong', {}, `${c.number} ${c.title}`), ': ',
        texts.join(s.listSep || '; ')))));
  }).filter(Boolean);
  return blocks.length ? h('section', {}, h('h3', {}, s.flagsTitle), blocks) : null;
}

/** Each agency's notes, by criterion (printed); null when there are none. */
export function notesList(s, criteria, agencies, names) {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const blocks = agencies.map((a, i) => {
    const notes = Object.entries(a.notes).filter(([, text]) => text.trim());
    if (!notes.length) return null;
    return h('div', { class: 'kit-sc-print-notes' }, h('h4', {}, names[i]), h('ul', {}, notes.map(([id, text]) => {
      const c = byId.get(id);
      return h('li', {}, h('strong', {}, c ? `${c.number} ${c.title}` : `${id} ${s.removedShort}`), ': ', text);
    })));
  }).filter(Boolean);
  return blocks.length ? h('section', {}, h('h3', {}, s.notesTitle), blocks) : null;
}
