/*
 * The saved and exported scoring document: checking it, reading and writing it in
 * localStorage, new agencies, CSV cells. No DOM here (the phone interview page reuses it).
 *
 * Saved/exported document (format "kit-scoring", version 1):
 *   {format, formatVersion, criteria: {id, version, ids: [criterion ids when saved]},
 *    agencies: [{id, name, scores: {criterion id: level score | "na"}, notes: {criterion id: text}}]}
 * Missing score = not scored. Scores and notes are keyed by the stable criterion ids, so
 * they follow the criteria across versions; those of removed criteria are kept.
 */

export const MAX_AGENCIES = 10;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, name) => (name in values ? values[name] : m));
export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

export class ShapeError extends Error {}

export function check(ok, where) {
  if (!ok) throw new ShapeError(where);
}

/** A checked copy of a saved or imported document; throws ShapeError naming the bad part. */
export function validate(doc, data) {
  check(isObject(doc), 'document');
  check(doc.format === data.format.name, 'format');
  check(doc.formatVersion === data.format.version, 'formatVersion');
  const c = doc.criteria;
  check(isObject(c) && typeof c.id === 'string' && typeof c.version === 'string', 'criteria');
  check(Array.isArray(c.ids) && c.ids.every((id) => typeof id === 'string'), 'criteria.ids');
  check(Array.isArray(doc.agencies), 'agencies');
  const seen = new Set();
  const agencies = doc.agencies.map((a, i) => {
    const where = `agencies[${i}]`;
    check(isObject(a) && typeof a.id === 'string' && a.id !== '' && !seen.has(a.id), `${where}.id`);
    seen.add(a.id);
    check(typeof a.name === 'string', `${where}.name`);
    check(isObject(a.scores) && Object.values(a.scores).every((v) => v === 'na' || Number.isInteger(v)),
      `${where}.scores`);
    check(isObject(a.notes) && Object.values(a.notes).every((v) => typeof v === 'string'), `${where}.notes`);
    return { id: a.id, name: a.name, scores: { ...a.scores }, notes: { ...a.notes } };
  });
  return {
    format: doc.format, formatVersion: doc.formatVersion,
    criteria: { id: c.id, version: c.version, ids: [...c.ids] }, agencies,
  };
}

/** The saved text under key: {raw (null when nothing is saved), storable}. */
export function readSaved(key) {
  try {
    return { raw: localStorage.getItem(key), storable: true };
  } catch (error) {
    return { raw: null, storable: false };
  }
}

/** Saves state under key; false when the browser refuses. */
export function writeSaved(key, state) {
  try {
    localStorage.setItem(key, JSON.stringify(state));
    return true;
  } catch (error) {
    return false;
  }
}

export function removeSaved(key) {
  try {
    localStorage.removeItem(key);
  } catch (error) {
    // Storage unavailable: nothing to remove.
  }
}

/** A new agency for state, named defaultName with the first free letter. */
export function newAgency(state, defaultName) {
  const taken = new Set(state.agencies.map((a) => a.name));
  const letter = [...LETTERS].find((l) => !taken.has(fill(defaultName, { letter: l }))) || '';
  let id;
  do id = `a${Math.random().toString(36).slice(2, 10)}`; while (state.agencies.some((a) => a.id === id));
  return { id, name: fill(defaultName, { letter }), scores: {}, notes: {} };
}

/** A new document for data's criteria (stamped with ids) with three agencies. */
export function freshState(data, stamp) {
  const state = { format: data.format.name, formatVersion: data.format.version, criteria: stamp, agencies: [] };
  for (let i = 0; i < 3; i += 1) state.agencies.push(newAgency(state, data.strings.defaultName));
  return state;
}

/** One CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
