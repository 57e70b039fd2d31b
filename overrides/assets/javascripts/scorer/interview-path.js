/*
 * The interview's path through the cards, with no DOM: the modes (which cards, in which order,
 * how much of each card), where each agency stands, the next card not yet answered, and the
 * marks of the jump list. Tested with the state module (tests/test_scorer_state.py).
 *
 * A mode is one row of MODES: strings key of its name, order(criteria) -> the criteria it visits
 * in order, and whether its cards show the other questions and evidence (full). modesFor(sittings)
 * adds a mode per sitting the criteria give ("sitting-phone", ...): the criteria with a must-ask
 * question in that sitting, knock-outs first as on the sitting's printed form, each card showing
 * only that sitting's must-ask questions (asked: criterion -> its questions on the card).
 */
import { own } from './storage.js';

const koFirst = (criteria) => [...criteria.filter((c) => c.knockout), ...criteria.filter((c) => !c.knockout)];
const allAsked = (c) => c.must;

export const MODES = Object.freeze({
  all: { name: 'ivModeAll', order: (criteria) => criteria, full: true, asked: allAsked },
  must: { name: 'ivModeMust', order: (criteria) => criteria, full: false, asked: allAsked },
  ko: { name: 'ivModeKo', order: koFirst, full: true, asked: allAsked },
});

/** The must-ask questions of criterion c asked in sitting (c.sittings: the sitting of each). */
export const askedIn = (c, sitting) => (c.must || []).filter((_, i) => (c.sittings || [])[i] === sitting);

/** MODES and one mode per sitting of sittings (ids, in the order a merchant meets them). */
export function modesFor(sittings) {
  const modes = { ...MODES };
  for (const sitting of sittings || []) {
    modes[`sitting-${sitting}`] = { name: `ivSitting_${sitting}`, sitting, full: false,
      order: (criteria) => koFirst(criteria.filter((c) => askedIn(c, sitting).length)),
      asked: (c) => askedIn(c, sitting) };
  }
  return Object.freeze(modes);
}

/** name if it is one of modes (default MODES), else "all". */
export const modeOf = (name, modes = MODES) => (typeof name === 'string'
  && Object.prototype.hasOwnProperty.call(modes, name) ? name : 'all');

/** Whether the agency answered criterion id (a level or N/A; levels: the scale's scores). */
export function isAnswered(agency, id, levels) {
  const value = own(agency.scores, id);
  return value === 'na' || levels.has(value);
}

/**
 * The id of the first criterion of path (ids in order) the agency has not answered, searched from
 * the one after `after` (an id, or null: from the start) round to the start; null when all are.
 */
export function nextUnanswered(path, agency, levels, after = null) {
  const start = after === null ? 0 : path.indexOf(after) + 1;
  for (let step = 0; step < path.length; step += 1) {
    const id = path[(start + step) % path.length];
    if (id !== after && !isAnswered(agency, id, levels)) return id;
  }
  return null;
}

/** Where an agency's interview opens: its own last card, else its first unanswered card, else the first. */
export function openingCard(path, agency, levels, cards) {
  const own_ = cards && Object.prototype.hasOwnProperty.call(cards, agency.id) ? cards[agency.id] : null;
  if (own_ !== null && path.includes(own_)) return own_;
  return nextUnanswered(path, agency, levels) || path[0];
}

/** The jump list's mark of a criterion: "done", "na" or "" (not answered). */
export function mark(agency, id, levels) {
  const value = own(agency.scores, id);
  if (value === 'na') return 'na';
  return levels.has(value) ? 'done' : '';
}

/** The saved position ({agency, mode, cards: {agency id: criterion id}}) read from any older form. */
export function readPlace(raw) {
  let place = {};
  try {
    place = JSON.parse(raw || '{}') || {};
  } catch (error) {
    // A damaged position is only a position: start over.
  }
  if (typeof place !== 'object' || Array.isArray(place)) place = {};
  const cards = place.cards && typeof place.cards === 'object' && !Array.isArray(place.cards)
    ? Object.fromEntries(Object.entries(place.cards).filter(([, id]) => typeof id === 'string')) : {};
  // Before each agency kept its own position, one card was saved for the agency then open.
  if (typeof place.agency === 'string' && typeof place.card === 'string' && !cards[place.agency]) {
    cards[place.agency] = place.card;
  }
  // The mode is checked against the page's modes (modeOf), which depend on the criteria.
  return { agency: typeof place.agency === 'string' ? place.agency : null,
    mode: typeof place.mode === 'string' ? place.mode : 'all', cards };
}
