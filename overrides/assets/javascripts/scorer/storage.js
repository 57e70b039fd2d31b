/*
 * The saved and exported scoring document: checking it, reading and writing it in
 * localStorage, new agencies, CSV cells. No DOM here (the phone interview page reuses it).
 *
 * Saved/exported document (format "kit-scoring", version 2):
 *   {format, formatVersion: 2, criteria: {id, version, ids: [criterion ids when saved]},
 *    owner: {name},                       who scored the agencies' own scores in this browser ("" unnamed)
 *    reviewers: [{id, name}],             other people whose scores were added (share link or file)
 *    agencies: [{id, name,
 *      scores: {criterion id: level score | "na"}, notes: {criterion id: text},
 *      flags: {criterion id: [0-based indices of ticked red flags, ascending]},    the owner's own
 *      reviews: {reviewer id: {scores, notes, flags}},      each other reviewer's, kept as received
 *      agreed: {criterion id: level score | "na"},          settled where reviewers differed
 *      evidence: {criterion id: {status: "claimed" | "seen" | "checked", date: "YYYY-MM-DD" | "", where}},
 *      claims: {criterion id: {text, attached, contradicted}},   the agency's written answers
 *      declaration: {company, code, signatory, date, criteria: {id, version}} | null}]}
 * Missing score = not scored. What counts is state.js counted(): agreed, else own, else the
 * reviewers' (the lowest where they differ). Scores and the rest are keyed by the stable
 * criterion ids, so they follow the criteria across versions; those of removed criteria are kept.
 *
 * Version 1 (no owner, reviewers, reviews, agreed, evidence, claims, declaration; flags
 * optional) is read without loss as a version-2 document with those empty. A document of a
 * newer version is refused with kind "newer" (never read as far as it goes: it could score wrong).
 */

/*
 * Limits on what is imported or loaded from storage, so that a hostile or broken file cannot
 * freeze the page on every visit (2,000 agencies would be rendered 2,000 times over).
 */
export const LIMITS = Object.freeze({
  agencies: 10, bytes: 1024 * 1024, name: 80, note: 5000, id: 100, keys: 2000, reviewers: 10,
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
 * "tooBig" {size, max} (KB), "tooMany" {n, max}, "tooLong" {n, max} (agency n) or "newer"
 * {version, max} (made by a later version of the kit).
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

export const STATUSES = Object.freeze(['claimed', 'seen', 'checked']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SHORT = 200;

const isScores = (v) => isObject(v) && Object.values(v).every((x) => x === 'na' || Number.isInteger(x));
const isNotes = (v) => isObject(v) && Object.values(v).every((x) => typeof x === 'string');
const isFlags = (v) => isObject(v) && Object.values(v).every((x) => Array.isArray(x) && x.length <= 50
  && x.every((i) => Number.isInteger(i) && i >= 0));
const isShort = (v) => typeof v === 'string' && v.length <= SHORT;
const isEvidence = (v) => isObject(v) && Object.values(v).every((e) => isObject(e) && STATUSES.includes(e.status)
  && (e.date === undefined || e.date === '' || (typeof e.date === 'string' && DATE.test(e.date)))
  && (e.where === undefined || isShort(e.where)));
const isClaims = (v) => isObject(v) && Object.values(v).every((c) => isObject(c) && typeof c.text === 'string'
  && c.text.length <= LIMITS.note && (c.attached === undefined || typeof c.attached === 'boolean')
  && (c.contradicted === undefined || typeof c.contradicted === 'boolean'));
const isDeclaration = (d) => d === null || (isObject(d)
  && ['company', 'code', 'signatory', 'date'].every((k) => isShort(d[k]))
  && isObject(d.criteria) && isShort(d.criteria.id) && isShort(d.criteria.version));

/** Scores, notes and flags of one person: checked, copied into records. */
function sheet(a, where) {
  check(isScores(a.scores), `${where}.scores`);
  check(isNotes(a.notes), `${where}.notes`);
  check(a.flags === undefined || isFlags(a.flags), `${where}.flags`);
  return { scores: record(a.scores), notes: record(a.notes), flags: record(a.flags || {}) };
}

function review(r, where) {
  check(isObject(r), where);
  return sheet(r, where);
}

const copyEvidence = (e) => ({ status: e.status, date: e.date || '', where: e.where || '' });
const copyClaim = (c) => ({ text: c.text, attached: c.attached === true, contradicted: c.contradicted === true });
const mapRecord = (source, f) => record(Object.fromEntries(Object.entries(source).map(([k, v]) => [k, f(v)])));

/** The agency's keys and texts within LIMITS (a hostile file must not freeze the page). */
function withinLimits(a, i) {
  const reviews = Object.values(a.reviews);
  const keyed = [a.scores, a.notes, a.flags, a.agreed, a.evidence, a.claims, ...reviews.flatMap((r) => [r.scores, r.notes, r.flags])];
  const keys = keyed.flatMap((o) => Object.keys(o));
  const texts = [...Object.values(a.notes), ...reviews.flatMap((r) => Object.values(r.notes)),
    ...Object.values(a.claims).map((c) => c.text)];
  const tooLong = a.id.length > LIMITS.id || a.name.length > LIMITS.name || keys.length > LIMITS.keys
    || longest(keys) > LIMITS.id || longest(texts) > LIMITS.note;
  check(!tooLong, `agencies[${i}]`, 'tooLong', { n: i + 1, max: LIMITS.note });
}

function agencyOf(a, i, reviewerIds, seen) {
  const where = `agencies[${i}]`;
  check(isObject(a) && typeof a.id === 'string' && a.id !== '' && !seen.has(a.id), `${where}.id`);
  seen.add(a.id);
  check(typeof a.name === 'string', `${where}.name`);
  const own = sheet(a, where);
  const reviews = a.reviews === undefined ? {} : a.reviews;
  check(isObject(reviews) && Object.keys(reviews).every((id) => reviewerIds.has(id)), `${where}.reviews`);
  const agreed = a.agreed === undefined ? {} : a.agreed;
  check(isScores(agreed), `${where}.agreed`);
  const evidence = a.evidence === undefined ? {} : a.evidence;
  check(isEvidence(evidence), `${where}.evidence`);
  const claims = a.claims === undefined ? {} : a.claims;
  check(isClaims(claims), `${where}.claims`);
  const declaration = a.declaration === undefined ? null : a.declaration;
  check(isDeclaration(declaration), `${where}.declaration`);
  const out = {
    id: a.id, name: a.name, ...own,
    reviews: mapRecord(reviews, (r) => review(r, `${where}.reviews`)),
    agreed: record(agreed), evidence: mapRecord(evidence, copyEvidence), claims: mapRecord(claims, copyClaim),
    declaration: declaration && { company: declaration.company, code: declaration.code,
      signatory: declaration.signatory, date: declaration.date,
      criteria: { id: declaration.criteria.id, version: declaration.criteria.version } },
  };
  withinLimits(out, i);
  return out;
}

/**
 * A checked copy of a saved or imported document, always of the current version (a version-1
 * document gains the empty fields); throws ShapeError naming the bad part ("newer" for a document
 * of a later version than data's).
 */
export function validate(doc, data) {
  check(isObject(doc), 'document');
  check(doc.format === data.format.name, 'format');
  check(Number.isInteger(doc.formatVersion) && doc.formatVersion >= 1, 'formatVersion');
  check(doc.formatVersion <= data.format.version, 'formatVersion', 'newer',
    { version: doc.formatVersion, max: data.format.version });
  const c = doc.criteria;
  check(isObject(c) && typeof c.id === 'string' && typeof c.version === 'string', 'criteria');
  check(Array.isArray(c.ids) && c.ids.every((id) => typeof id === 'string'), 'criteria.ids');
  check(c.ids.length <= LIMITS.keys && longest(c.ids) <= LIMITS.id, 'criteria.ids');
  const owner = doc.owner === undefined ? { name: '' } : doc.owner;
  check(isObject(owner) && typeof owner.name === 'string' && owner.name.length <= LIMITS.name, 'owner');
  const reviewers = doc.reviewers === undefined ? [] : doc.reviewers;
  check(Array.isArray(reviewers) && reviewers.length <= LIMITS.reviewers, 'reviewers');
  const reviewerIds = new Set();
  reviewers.forEach((r, i) => {
    check(isObject(r) && typeof r.id === 'string' && r.id !== '' && r.id.length <= LIMITS.id
      && !reviewerIds.has(r.id) && typeof r.name === 'string' && r.name.length <= LIMITS.name, `reviewers[${i}]`);
    reviewerIds.add(r.id);
  });
  check(Array.isArray(doc.agencies), 'agencies');
  const n = doc.agencies.length;
  check(n <= LIMITS.agencies, 'agencies', 'tooMany', { n, max: LIMITS.agencies });
  const seen = new Set();
  const agencies = doc.agencies.map((a, i) => agencyOf(a, i, reviewerIds, seen));
  return {
    format: doc.format, formatVersion: data.format.version,
    criteria: { id: c.id, version: c.version, ids: [...c.ids] },
    owner: { name: owner.name }, reviewers: reviewers.map((r) => ({ id: r.id, name: r.name })), agencies,
  };
}

/** The JSON value in text, within LIMITS.bytes; throws ShapeError "tooBig" or "json". */
export function readJson(text) {
  if (text.length > LIMITS.bytes) {
    throw new ShapeError('size', 'tooBig', { size: Math.ceil(text.length / 1024), max: LIMITS.bytes / 1024 });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ShapeError('json', 'json');
  }
}

/** The checked document in text (saved or imported); throws ShapeError, also for text that is not JSON. */
export const parse = (text, data) => validate(readJson(text), data);

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

/** The empty parts of a new agency besides its id and name. */
export const emptyParts = () => ({ scores: record(), notes: record(), flags: record(), reviews: record(),
  agreed: record(), evidence: record(), claims: record(), declaration: null });

/** A new agency for state, named defaultName with the first free letter. */
export function newAgency(state, defaultName) {
  const taken = new Set(state.agencies.map((a) => a.name));
  const letter = [...LETTERS].find((l) => !taken.has(fill(defaultName, { letter: l }))) || '';
  let id;
  do id = `a${Math.random().toString(36).slice(2, 10)}`; while (state.agencies.some((a) => a.id === id));
  return { id, name: fill(defaultName, { letter }), ...emptyParts() };
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
  return state.agencies.some((a) => KEYED.some((key) => Object.keys(a[key] || {}).length)
    || Object.keys(a.reviews || {}).length || a.declaration
    || (a.name.trim() && defaultLetter(a.name, patterns) === null));
}

const KEYED = ['scores', 'notes', 'flags', 'agreed', 'evidence', 'claims'];

/** A copy of agency whose records can be changed without touching the original. */
export function copyAgency(a) {
  const out = { ...a };
  for (const key of KEYED) out[key] = record(a[key] || {});
  out.reviews = mapRecord(a.reviews || {}, (r) => ({ scores: record(r.scores), notes: record(r.notes), flags: record(r.flags) }));
  return out;
}

/**
 * incoming merged into current: an agency of the same name (trimmed) takes the imported scores,
 * notes, flags, agreed scores, evidence, claims and reviews over its own (a declaration too, when
 * the import has one), the others are added; reviewers are joined by id. Null if that makes more
 * agencies than the limit.
 */
export function merge(current, incoming) {
  const agencies = current.agencies.map(copyAgency);
  for (const a of incoming.agencies) {
    const same = agencies.find((b) => b.name.trim() === a.name.trim());
    if (same) {
      for (const key of KEYED) Object.assign(same[key], a[key] || {});
      Object.assign(same.reviews, copyAgency(a).reviews);
      if (a.declaration) same.declaration = a.declaration;
    } else {
      let id = a.id;
      while (agencies.some((b) => b.id === id)) id = `${a.id}-${Math.random().toString(36).slice(2, 6)}`;
      agencies.push({ ...copyAgency(a), id });
    }
  }
  const reviewers = [...(current.reviewers || [])];
  for (const r of incoming.reviewers || []) {
    const at = reviewers.findIndex((x) => x.id === r.id);
    if (at < 0) reviewers.push({ ...r });
    else reviewers[at] = { ...r };
  }
  if (agencies.length > LIMITS.agencies || reviewers.length > LIMITS.reviewers) return null;
  return { ...current, reviewers, agencies };
}
