/*
 * The saved and exported scoring document: checking it, reading and writing it in
 * localStorage, new agencies, CSV cells. No DOM here (the phone interview page reuses it).
 *
 * Saved/exported document (format "kit-scoring", version 1):
 *   {format, formatVersion, criteria: {id, version, ids: [criterion ids when saved]},
 *    agencies: [{id, name, scores: {criterion id: level score | "na"}, notes: {criterion id: text},
 *                flags: {criterion id: [0-based indices of ticked red flags, ascending]}}]}
 * Missing score = not scored. flags is optional (older documents have none; formatVersion stays 1).
 * Scores, notes and flags are keyed by the stable criterion ids, so they follow the criteria
 * across versions; those of removed criteria are kept.
 */

/*
 * Limits on what is imported or loaded from storage, so that a hostile or broken file cannot
 * freeze the page on every visit (2,000 agencies would be rendered 2,000 times over).
 */
export const LIMITS = Object.freeze({
  agencies: 10, bytes: 1024 * 1024, name: 80, note: 5000, id: 100, keys: 2000,
});
export const MAX_AGENCIES = LIMITS.agencies;
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, name) => (
  Object.prototype.hasOwnProperty.call(values, name) ? values[name] : m));
export const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A record with no prototype: ids such as "constructor" or "__proto__" are plain keys in it. */
export function record(source = {}) {
  const out = Object.create(null);
  for (const [key, value] of Object.entries(source)) out[key] = value;
  return out;
}

/** object[key] if it is the object's own property, else undefined (never Object.prototype's). */
export const own = (object, key) => (Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined);

/**
 * Why a document was refused: kind is "json" (not JSON), "shape" (where names the bad part),
 * "tooBig" {size, max} (KB), "tooMany" {n, max} or "tooLong" {n, max} (agency n).
 */
export class ShapeError extends Error {
  constructor(where, kind = 'shape', values = {}) {
    super(where);
    this.kind = kind;
    this.values = values;
  }
}

export function check(ok, where, kind, values) {
  if (!ok) throw new ShapeError(where, kind, values);
}

const longest = (texts) => texts.reduce((max, text) => Math.max(max, text.length), 0);

/** A checked copy of a saved or imported document; throws ShapeError naming the bad part. */
export function validate(doc, data) {
  check(isObject(doc), 'document');
  check(doc.format === data.format.name, 'format');
  check(doc.formatVersion === data.format.version, 'formatVersion');
  const c = doc.criteria;
  check(isObject(c) && typeof c.id === 'string' && typeof c.version === 'string', 'criteria');
  check(Array.isArray(c.ids) && c.ids.every((id) => typeof id === 'string'), 'criteria.ids');
  check(c.ids.length <= LIMITS.keys && longest(c.ids) <= LIMITS.id, 'criteria.ids');
  check(Array.isArray(doc.agencies), 'agencies');
  const n = doc.agencies.length;
  check(n <= LIMITS.agencies, 'agencies', 'tooMany', { n, max: LIMITS.agencies });
  const seen = new Set();
  const agencies = doc.agencies.map((a, i) => {
    const where = `agencies[${i}]`;
    check(isObject(a) && typeof a.id === 'string' && a.id !== '' && !seen.has(a.id), `${where}.id`);
    seen.add(a.id);
    check(typeof a.name === 'string', `${where}.name`);
    check(isObject(a.scores) && Object.values(a.scores).every((v) => v === 'na' || Number.isInteger(v)),
      `${where}.scores`);
    check(isObject(a.notes) && Object.values(a.notes).every((v) => typeof v === 'string'), `${where}.notes`);
    check(a.flags === undefined || (isObject(a.flags) && Object.values(a.flags).every((v) => Array.isArray(v) && v.length <= 50 && v.every((i) => Number.isInteger(i) && i >= 0))), `${where}.flags`);
    const keys = [...Object.keys(a.scores), ...Object.keys(a.notes), ...Object.keys(a.flags || {})];
    const tooLong = a.id.length > LIMITS.id || a.name.length > LIMITS.name || keys.length > LIMITS.keys
      || longest(keys) > LIMITS.id || longest(Object.values(a.notes)) > LIMITS.note;
    check(!tooLong, where, 'tooLong', { n: i + 1, max: LIMITS.note });
    return { id: a.id, name: a.name, scores: record(a.scores), notes: record(a.notes), flags: record(a.flags || {}) };
  });
  return {
    format: doc.format, formatVersion: doc.formatVersion,
    criteria: { id: c.id, version: c.version, ids: [...c.ids] }, agencies,
  };
}

/** The checked document in text (saved or imported); throws ShapeError, also for text that is not JSON. */
export function parse(text, data) {
  if (text.length > LIMITS.bytes) {
    throw new ShapeError('size', 'tooBig', { size: Math.ceil(text.length / 1024), max: LIMITS.bytes / 1024 });
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new ShapeError('json', 'json');
  }
  return validate(doc, data);
}

/** The saved text under key (in storage, by default the page's localStorage): {raw (null when nothing is saved), storable}. */
export function readSaved(key, storage = undefined) {
  try {
    return { raw: (storage || localStorage).getItem(key), storable: true };
  } catch (error) {
    return { raw: null, storable: false };
  }
}

/** Saves state under key (in storage, by default the page's localStorage); false when the browser refuses. */
export function writeSaved(key, state, storage = undefined) {
  try {
    (storage || localStorage).setItem(key, JSON.stringify(state));
    return true;
  } catch (error) {
    return false;
  }
}

export function removeSaved(key, storage = undefined) {
  try {
    (storage || localStorage).removeItem(key);
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
  return { id, name: fill(defaultName, { letter }), scores: record(), notes: record(), flags: record() };
}

/** One CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The letter of a default name ("Agency B" -> "B") in any of the patterns (one per language,
 * each with {letter}); null for a name the merchant gave.
 */
export function defaultLetter(name, patterns) {
  for (const pattern of patterns) {
    const [before, after = ''] = pattern.split('{letter}');
    const found = new RegExp(`^${escapeRegExp(before)}([A-Z])${escapeRegExp(after)}$`).exec(name);
    if (found) return found[1];
  }
  return null;
}

/** Whether state holds anything of the merchant's: a score, a note or a name of their own. */
export function hasData(state, patterns) {
  return state.agencies.some((a) => Object.keys(a.scores).length || Object.keys(a.notes).length
    || (a.name.trim() && defaultLetter(a.name, patterns) === null));
}

/**
 * incoming merged into current: an agency of the same name (trimmed) takes the imported scores
 * and notes over its own, the others are added. Null if that makes more than the limit.
 */
export function merge(current, incoming) {
  const agencies = current.agencies.map((a) => ({ ...a, scores: record(a.scores), notes: record(a.notes), flags: record(a.flags || {}) }));
  for (const a of incoming.agencies) {
    const same = agencies.find((b) => b.name.trim() === a.name.trim());
    if (same) {
      Object.assign(same.scores, a.scores);
      Object.assign(same.notes, a.notes);
      Object.assign(same.flags, a.flags || {});
    } else {
      let id = a.id;
      while (agencies.some((b) => b.id === id)) id = `${a.id}-${Math.random().toString(36).slice(2, 6)}`;
      agencies.push({ ...a, id });
    }
  }
  return agencies.length > LIMITS.agencies ? null : { ...current, agencies };
}
