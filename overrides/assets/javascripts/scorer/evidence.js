/*
 * Claimed, seen or checked myself (issue 27): the one-tap evidence control of the interview card
 * and of the worksheet's criterion row, and the evidence lines of the worksheet's ranking and the
 * report. The status lives in the saved document (storage.js: agency.evidence[criterion] =
 * {status, date, where}); what share of the weight it carries is people.js evidenceShare.
 *
 * One tap sets a status, a tap on the pressed one clears it (with its date and note). Setting or
 * changing the status dates it today (this browser's date): the date records when the merchant
 * heard, saw or checked it, which is nearly always while she records it; she can change or empty
 * it. A status that changes (a claim she then checks) is a new fact with a new date, so it is
 * dated again; the "where" note is kept. Date and note show only once a status is set.
 */
import { display } from './rule.js';
import { fill, own } from './storage.js';
import { evidenceShare, heavyWeight } from './people.js';
import { today } from './state-text.js';
import { h } from './views.js';

const WORDS = {
  claimed: ['evClaimed', 'evClaimedMeans', 'evWhereClaimed'],
  seen: ['evSeen', 'evSeenMeans', 'evWhereSeen'],
  checked: ['evChecked', 'evCheckedMeans', 'evWhereChecked'],
};
const SHORT = 200;

/** The status's name in the page's language ('' for none). */
export const statusText = (s, status) => (status ? s[WORDS[status][0]] : '');

/** The entry after a tap on status: undefined (cleared) when it had that status, else that status dated date. */
export function tapped(entry, status, date = today()) {
  if (entry && entry.status === status) return undefined;
  return { status, date, where: entry ? entry.where : '' };
}

/** The control for criterion id (its entry: {status, date, where} or undefined), shown by showEvidence. */
export function evidenceControl(s, id, entry) {
  const tap = (status) => h('button', { type: 'button', class: 'kit-ev-tap', 'data-status': status,
    'aria-pressed': 'false', title: s[WORDS[status][1]] }, s[WORDS[status][0]]);
  const box = h('fieldset', { class: 'kit-ev', 'data-ev': id }, h('legend', {}, s.evHead),
    h('div', { class: 'kit-ev-taps' }, Object.keys(WORDS).map(tap)),
    h('div', { class: 'kit-ev-more', hidden: true },
      h('p', { class: 'kit-ev-means' }),
      h('label', { class: 'kit-ev-date-label' }, h('span', {}, s.evDate),
        h('input', { type: 'date', class: 'kit-ev-date' })),
      h('label', { class: 'kit-ev-where-label' }, h('span', {}, s.evWhere),
        h('input', { type: 'text', class: 'kit-ev-where', maxlength: SHORT, autocomplete: 'off' }))));
  showEvidence(s, box, entry);
  return box;
}

/** Shows entry in the control box; the input keep (being typed in) keeps what it holds. */
export function showEvidence(s, box, entry, keep = null) {
  const status = entry ? entry.status : null;
  for (const button of box.querySelectorAll('.kit-ev-tap')) {
    button.setAttribute('aria-pressed', String(button.dataset.status === status));
  }
  const more = box.querySelector('.kit-ev-more');
  more.hidden = !status;
  box.dataset.status = status || '';
  if (!status) return;
  more.querySelector('.kit-ev-means').textContent = `${s[WORDS[status][0]]}${s.evColon}${s[WORDS[status][1]]}`;
  const date = box.querySelector('.kit-ev-date');
  const where = box.querySelector('.kit-ev-where');
  if (date !== keep) date.value = entry.date || '';
  if (where !== keep) where.value = entry.where || '';
  where.placeholder = s[WORDS[status][2]];
}

/**
 * What an event in an evidence control asks for: {box, criterion, value (the new entry, or
 * undefined to clear)}; null when the event is not one of the control's. entryOf(criterion) gives
 * the entry saved now.
 */
function evidenceEvent(event, entryOf) {
  const t = event.target;
  const box = t.closest && t.closest('.kit-ev');
  if (!box) return null;
  const criterion = box.dataset.ev;
  const entry = entryOf(criterion);
  if (event.type === 'click') {
    const button = t.closest('.kit-ev-tap');
    return button ? { box, criterion, value: tapped(entry, button.dataset.status) } : null;
  }
  if (!entry) return null;
  if (event.type === 'change' && t.classList.contains('kit-ev-date')) {
    return { box, criterion, value: { ...entry, date: /^\d{4}-\d{2}-\d{2}$/.test(t.value) ? t.value : '' } };
  }
  if (event.type === 'input' && t.classList.contains('kit-ev-where')) {
    return { box, criterion, value: { ...entry, where: t.value.slice(0, SHORT) } };
  }
  return null;
}

/**
 * Shows what the page saved for an event of evidenceEvent (asked) in its control: entry is the
 * entry saved now. The date and note a first tap reveals are scrolled into view if the page's
 * sticky bars or the screen's edge hide them (scroll-padding keeps them clear of the bars).
 */
function showSaved(s, asked, entry, target) {
  const more = asked.box.querySelector('.kit-ev-more');
  const hidden = more.hidden;
  showEvidence(s, asked.box, entry, target);
  if (hidden && !more.hidden && more.isConnected) more.scrollIntoView({ block: 'nearest' });
}

/**
 * A tap, date or note in an evidence control of a page (the worksheet's row, the interview card):
 * saved through commit(criterion, value) and shown in place. agencyOf() is the agency shown, null
 * when there is no document (a damaged save is shown instead). Returns whether the event was the
 * control's; what else the page redraws is the page's.
 */
export function saveEvidence(s, event, agencyOf, commit) {
  const agency = agencyOf();
  const asked = agency && evidenceEvent(event, (id) => own(agency.evidence || {}, id));
  if (!asked) return false;
  commit(asked.criterion, asked.value);
  const now = agencyOf();
  if (now) showSaved(s, asked, own(now.evidence || {}, asked.criterion), event.target);
  return true;
}

/** The agency's share in words: "42.5% of the scored weight rests on evidence seen or checked". */
export function shareText(s, share) {
  return share.share === null ? s.evShareNone : fill(s.evShare, { share: display(share.share) });
}

/** One line per agency (the worksheet's ranking area): name, share, count of heavy criteria not seen or checked. */
export function evidenceLines(data, agencies, names) {
  const s = data.strings;
  return h('ul', { class: 'kit-ev-lines' }, agencies.map((a, i) => {
    const share = evidenceShare(data, a);
    return h('li', { 'data-agency': a.id, 'data-share': share.share === null ? '' : display(share.share) },
      h('strong', {}, names[i]), s.evColon, shareText(s, share),
      share.unverified.length ? [s.listSep || '; ', fill(s.evHeavyCount, { n: share.unverified.length })] : null);
  }));
}

/**
 * The report's evidence part for agency: the share, then the knock-outs and heavy criteria still only
 * claimed or with no evidence recorded, numbered and titled (knock-outs first, then heaviest).
 */
export function evidencePart(data, agency, criteria) {
  const s = data.strings;
  const share = evidenceShare(data, agency);
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const items = share.unverified.map((u) => {
    const c = byId.get(u.criterion);
    const e = own(agency.evidence || {}, u.criterion);
    return h('li', { 'data-criterion': u.criterion, 'data-status': u.status || '' },
      h('strong', {}, `${c.number} ${c.title}`),
      c.knockout ? [' ', h('span', { class: 'kit-tag kit-tag-ko' }, s.ko)] : null,
      s.evColon, u.status ? statusText(s, u.status) : s.evNone,
      e && e.where ? ` (${e.where})` : '');
  });
  return h('div', { class: 'kit-rp-part kit-rp-evidence kit-ev-report', 'data-share': share.share === null ? ''
    : display(share.share) }, h('h4', {}, s.evHead),
  h('p', { class: 'kit-ev-share' }, shareText(s, share)),
  share.share === null ? null : items.length ? [h('p', { class: 'kit-ev-heavy-head' }, s.evHeavy),
    h('ul', { class: 'kit-ev-heavy' }, items)] : h('p', { class: 'kit-rp-none' }, s.evHeavyNone),
  // What "heavy" means, with this criteria file's number (the weights are data).
  share.share === null ? null : h('p', { class: 'kit-ev-heavy-means kit-sc-hint' },
    fill(s.evHeavyMeans, { median: String(heavyWeight(data)) })));
}

/**
 * Adds an evidence control to every criterion row (fieldset[data-criterion]) of the worksheet's box,
 * after its note: Tab from a score still goes to the note, as on the paper sheet's row.
 */
export function addEvidence(s, box) {
  for (const row of box.querySelectorAll('fieldset.kit-sc-criterion[data-criterion]')) {
    const control = evidenceControl(s, row.dataset.criterion, undefined);
    const note = row.querySelector(':scope > .kit-sc-note-label');
    if (note) note.after(control);
    else row.append(control);
  }
}

/** Shows agency's evidence in every control in box; keep (an input being typed in) keeps its text. */
export function showAllEvidence(s, box, agency, keep = null) {
  for (const control of box.querySelectorAll('.kit-ev')) {
    showEvidence(s, control, own(agency.evidence || {}, control.dataset.ev), keep);
  }
}

/**
 * The agency's evidence in one line of text (the report's picture): the share, and the numbers of
 * the heavy criteria still only claimed or unrecorded.
 */
export function evidenceText(data, agency, criteria) {
  const s = data.strings;
  const share = evidenceShare(data, agency);
  const numbers = new Map(criteria.map((c) => [c.id, c.number]));
  const heavy = share.unverified.map((u) => numbers.get(u.criterion));
  return `${s.evHead}${s.evColon}${shareText(s, share)}${heavy.length
    ? `${s.listSep || '; '}${fill(s.evHeavyCount, { n: heavy.length })} (${heavy.join(', ')})` : ''}`;
}
