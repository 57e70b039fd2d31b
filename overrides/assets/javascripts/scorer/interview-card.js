/*
 * DOM of the interview page (scorer/interview.js): the sticky bar, the agency box, the jump list
 * and one criterion's card. Pure functions of their arguments (no state kept); every control
 * is a native element (radio group in a fieldset, check boxes, select, buttons) so keyboards
 * and screen readers get their usual behaviour.
 */
import { fill, own } from './storage.js';
import { h } from './views.js';
import { MODES } from './interview-path.js';
import { evidenceControl } from './evidence.js';

/** The bar under Material's header: agency being interviewed, progress (announced politely). */
export function buildBar(s) {
  const select = h('select', { class: 'kit-iv-agency', id: 'kit-iv-agency' });
  const bar = h('div', { class: 'kit-iv-progressbar', role: 'presentation' }, h('span', { class: 'kit-iv-progressfill' }));
  const text = h('p', { class: 'kit-iv-progress', role: 'status', 'aria-live': 'polite' });
  const box = h('div', { class: 'kit-iv-bar' },
    h('label', { class: 'kit-iv-agency-pick', for: 'kit-iv-agency' }, h('span', {}, s.ivAgency)), select, bar, text);
  return { box, select, bar, text };
}

/** Renaming and adding agencies. */
export function buildAgencyBox(s) {
  const name = h('input', { type: 'text', class: 'kit-iv-name', id: 'kit-iv-name', maxlength: 80, autocomplete: 'off' });
  const add = h('button', { type: 'button', class: 'md-button', 'data-action': 'add' }, s.ivAdd);
  const box = h('div', { class: 'kit-iv-agencies' },
    h('label', { for: 'kit-iv-name', class: 'kit-iv-name-label' }, s.ivName), name, add);
  return { box, name, add };
}

/** The interview's modes (modes: interview-path.js modesFor), as a select; those of one sitting grouped. */
export function buildMode(s, modes, current) {
  const option = ([value, mode]) => Object.assign(h('option', { value }, s[mode.name]), { selected: value === current });
  const rows = Object.entries(modes);
  const sittings = rows.filter(([, mode]) => mode.sitting);
  const select = h('select', { class: 'kit-iv-mode', id: 'kit-iv-mode' },
    rows.filter(([, mode]) => !mode.sitting).map(option),
    sittings.length ? h('optgroup', { label: s.ivModeSitting }, sittings.map(option)) : null);
  return { box: h('p', { class: 'kit-iv-mode-row' }, h('label', { for: 'kit-iv-mode' }, s.ivMode), select), select };
}

/** A select of every criterion, grouped by section ("1.2 title"; marked done or N/A by the interview). */
export function buildJump(data, s) {
  const select = h('select', { class: 'kit-iv-jump', id: 'kit-iv-jump' },
    data.sections.map((section) => h('optgroup', { label: `${section.number}. ${section.title}` },
      section.criteria.map((c) => h('option', { value: c.id, 'data-text': `${c.number} ${c.title}` },
        `${c.number} ${c.title}`)))));
  return { box: h('p', { class: 'kit-iv-jump-row' }, h('label', { for: 'kit-iv-jump' }, s.ivJump), select), select };
}

const list = (tag, cls, items) => h(tag, { class: cls }, items.map((text) => h('li', {}, text)));

function questions(s, asked) {
  return h('section', { class: 'kit-iv-questions', 'aria-labelledby': 'kit-iv-must' },
    h('h3', { id: 'kit-iv-must' }, s.ivMust), list('ol', 'kit-iv-must', asked));
}

/** The other questions, folded, under the score (full mode only). */
function more(s, c, full) {
  return full && c.more.length ? h('details', { class: 'kit-iv-more' }, h('summary', {}, fill(s.ivMore, { n: c.more.length })),
    h('ol', { class: 'kit-iv-more-list', start: c.must.length + 1 }, c.more.map((q) => h('li', {}, q)))) : null;
}

function flags(s, c, ticked) {
  return h('fieldset', { class: 'kit-iv-flags' }, h('legend', {}, s.ivFlags),
    c.flags.map((text, i) => h('label', { class: 'kit-iv-flag' },
      Object.assign(h('input', { type: 'checkbox', class: 'kit-iv-flag-box', value: String(i) }),
        { checked: ticked.includes(i) }),
      h('span', {}, text))));
}

/** Each level's head ("2 Good"), the card's meaning of it, and N/A with its meaning. */
function meanings(data, s, c) {
  return [...data.scale.levels.map((lv) => [String(lv.score), `${lv.score} ${lv.label}`, own(c.levels, String(lv.score)) || '']),
    ...(c.knockout ? [] : [['na', s.na, s.naMeaning]])];
}

/**
 * The score, right under the questions: one compact row of buttons (a radio group: the score and
 * the level's short name; N/A; not scored), the chosen level's meaning under the row
 * (levelMeaning), and every level's meaning one tap away in a disclosure.
 */
function levels(data, s, c, value) {
  const option = (v, score, name) => h('label', { class: 'kit-iv-level', 'data-score': v },
    Object.assign(h('input', { type: 'radio', name: 'kit-iv-score', class: 'kit-iv-score', value: v,
      'aria-describedby': 'kit-iv-meaning' }), { checked: value !== undefined && String(value) === v }),
    h('span', { class: 'kit-iv-level-text' }, h('strong', {}, score), name ? ' ' : null,
      name ? h('span', { class: 'kit-iv-level-name' }, name) : null));
  return h('fieldset', { class: 'kit-iv-levels', role: 'radiogroup' }, h('legend', {}, s.ivScore),
    h('div', { class: 'kit-iv-level-row' },
      data.scale.levels.map((lv) => option(String(lv.score), String(lv.score), lv.label)),
      // No N/A on a knock-out criterion: it must be checked (an old N/A shows as not scored).
      c.knockout ? null : option('na', s.na, ''), option('', s.ivNotScored, '')),
    h('p', { class: 'kit-iv-meaning', id: 'kit-iv-meaning', 'aria-live': 'polite' }),
    h('details', { class: 'kit-iv-meanings' }, h('summary', {}, s.ivMeanings),
      h('dl', {}, meanings(data, s, c).flatMap(([v, head, text]) => [h('dt', { 'data-score': v }, head),
        h('dd', {}, text)]))));
}

/** The chosen level's meaning under the score row (value: a score, 'na' or undefined), as nodes. */
export function levelMeaning(data, c, value) {
  const found = meanings(data, data.strings, c).find(([v]) => v === String(value));
  return found && value !== undefined ? [h('strong', {}, found[1]), ` ${found[2]}`] : [];
}

/**
 * One criterion's card for agency: must-ask questions, the score right under them, then the other
 * questions, red flags, evidence and notes. place is
 * {n, total} on the interview's path; mode (interview-path.js) picks the must-ask questions shown
 * (asked) and, when not full (must-ask and sitting modes), leaves out the other questions and the
 * evidence. A knock-out criterion says so at the top, before it is scored.
 */
export function buildCard(data, c, agency, place, mode = MODES.all) {
  const s = data.strings;
  const full = mode.full;
  const tags = [h('span', { class: 'kit-tag' }, `${s.weight} ${c.weight}`),
    c.knockout ? h('span', { class: 'kit-tag kit-tag-ko' }, s.ko) : null];
  return h('article', { class: `kit-iv-card${c.knockout ? ' kit-iv-card-ko' : ''}`, 'data-criterion': c.id,
    'aria-labelledby': 'kit-iv-card-title' },
  h('p', { class: 'kit-iv-section' }, `${c.section.number}. ${c.section.title}`),
  h('h2', { id: 'kit-iv-card-title', tabindex: -1 },
    h('span', { class: 'kit-iv-num' }, c.number), ' ', c.title),
  h('p', { class: 'kit-iv-tags' }, h('span', { class: 'kit-sc-sr' }, fill(s.ivCard, place)), tags),
  c.knockout ? h('p', { class: 'kit-iv-ko-rule' }, c.koRule || s.ivKoRule) : null,
  questions(s, mode.asked(c)),
  levels(data, s, c, own(agency.scores, c.id)),
  h('p', { class: 'kit-iv-state', role: 'status', 'aria-live': 'polite' }),
  h('p', { class: 'kit-iv-ko-msg', hidden: true }, s.knocked),
  more(s, c, full),
  flags(s, c, own(agency.flags, c.id) || []),
  full && c.evidence.length ? h('section', { class: 'kit-iv-evidence' }, h('h3', {}, s.ivEvidence),
      list('ul', '', c.evidence)) : null,
  evidenceControl(s, c.id, own(agency.evidence || {}, c.id)),
  h('label', { class: 'kit-iv-note-label', for: 'kit-iv-note' }, s.notes),
  Object.assign(h('textarea', { class: 'kit-iv-note', id: 'kit-iv-note', rows: 3, maxlength: 5000 }),
    { value: own(agency.notes, c.id) || '' }));
}

/** Previous / next unanswered / next, at the bottom of the screen. */
export function buildNav(s) {
  const prev = h('button', { type: 'button', class: 'md-button', 'data-action': 'prev' }, `‹ ${s.ivPrev}`);
  const unanswered = h('button', { type: 'button', class: 'md-button kit-iv-unanswered', 'data-action': 'unanswered' },
    s.ivNextUnscored);
  const next = h('button', { type: 'button', class: 'md-button md-button--primary', 'data-action': 'next' },
    `${s.ivNext} ›`);
  return { box: h('nav', { class: 'kit-iv-nav', 'aria-label': `${s.ivPrev} / ${s.ivNext}` }, prev, unanswered, next),
    prev, unanswered, next };
}
