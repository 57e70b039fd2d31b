/*
 * The scoring state, apart from any page: the saved document of storage.js, read and written
 * field by field so that two open pages (a worksheet tab left open, the interview in another)
 * never overwrite each other's answers. No DOM here: tests run this module with no page
 * (tests/test_scorer_state.py, in a worker), as they run rule.js.
 *
 * A page never writes back the document it read some time ago. Each change is an edit (data,
 * listed at applyEdit: {type: "score" | "note" | "flags" | "agree" | "evidence", agency, criterion,
 * value}, {type: "name", agency, value}, {type: "add", name}, {type: "review", name, doc, reviewer}, …)
 * that Store.commit applies to the document freshly re-read from storage,
 * then saves: a field the edit does not touch keeps what another page saved meanwhile.
 * Store.sync takes what another page saved (a "storage" event) and lists what changed
 * (differences), for the page to show and say so.
 */
import { addReview, answers, criteriaOf, takeDeclaration } from './people.js';
import { judgeAll, ruleOf } from './rule.js';
import { verdictText } from './verdict-text.js';
import {
  LIMITS, STATUSES, ShapeError, check, defaultLetter, fill, merge, newAgency, own, parse,
  readSaved, writeSaved,
} from './storage.js';


export {
  answers, contradictions, counted, criteriaOf, disagreements, eliminatesAt, evidenceShare, reviewerDocument, sheetsOf,
  VERIFIED,
} from './people.js';

/** The agency's name as shown: a default name follows the page's language until renamed. */
export function agencyName(data, agency, index) {
  const s = data.strings;
  const letter = defaultLetter(agency.name, data.defaultNames || [s.defaultName]);
  if (letter !== null) return fill(s.defaultName, { letter });
  return agency.name.trim() || fill(s.unnamed, { n: index + 1 });
}

/** The criteria stamp of a document saved for data now: {id, version, ids}. */
export const stampOf = (data) => ({ id: data.criteria.id, version: data.criteria.version,
  ids: criteriaOf(data).map((c) => c.id) });

/**
 * A new document for data with three agencies. Their ids are fixed ("a1".."a3"), so that two pages
 * that each started from nothing saved name the same agencies alike.
 */
export function freshDocument(data) {
  const doc = { format: data.format.name, formatVersion: data.format.version, criteria: stampOf(data),
    owner: { name: '' }, reviewers: [], agencies: [] };
  for (let i = 1; i <= 3; i += 1) doc.agencies.push({ ...newAgency(doc, data.strings.defaultName), id: `a${i}` });
  return doc;
}

/**
 * Each agency's result (rule.js), with its verdict (result.verdict, its words in .verdict.text), the
 * ranks and the close call between the first two: {results, ranks, close}.
 */
export function results(data, doc) {
  const out = judgeAll(ruleOf(data), doc.agencies.map((a) => answers(data, a)));
  out.results.forEach((r) => { r.verdict.text = verdictText(data, r.verdict, r); });
  return out;
}

/** Criteria answered (a level or N/A: N/A is an answer too), the count every page shows as "scored". */
export const answered = (result) => result.scored + result.notApplicable;

const FIELDS = { score: 'scores', note: 'notes', flags: 'flags', agree: 'agreed', evidence: 'evidence' };

const copyValue = (value) => (Array.isArray(value) ? [...value]
  : value !== null && typeof value === 'object' ? { ...value } : value);

/** Applies an edit that names no agency; undefined when edit is not one of those. */
function applyDocumentEdit(doc, edit, defaultName) {
  if (edit.type === 'replace') return Object.assign(doc, edit.doc) && true;
  if (edit.type === 'merge') {
    const merged = merge(doc, edit.doc);
    return merged && Object.assign(doc, merged) && true;
  }
  if (edit.type === 'stamp') return Object.assign(doc, { criteria: edit.criteria }) && true;
  if (edit.type === 'owner') return Object.assign(doc.owner, { name: edit.value }) && true;
  if (edit.type === 'review') return addReview(doc, edit.name, edit.doc, defaultName, edit.reviewer) || null;
  if (edit.type === 'forget') {
    doc.reviewers = doc.reviewers.filter((r) => r.id !== edit.reviewer);
    for (const a of doc.agencies) delete a.reviews[edit.reviewer];
    return true;
  }
  if (edit.type === 'add') {
    if (doc.agencies.length >= LIMITS.agencies) return null;
    const agency = newAgency(doc, edit.name || defaultName);
    doc.agencies.push(agency);
    return agency;
  }
  return undefined;
}

/**
 * Applies edit to doc in place; the agency it touched (or true), null when it no longer applies.
 * Edits on the whole document: replace, merge, stamp, add, owner {value}, review {name, doc} (doc's
 * counted scores as the reviewer's), forget {reviewer}. On one agency: remove, name, score, note,
 * flags, agree (an agreed score; undefined removes it), evidence ({status, date, where} or undefined),
 * contradicted (a claim marked, value true or false), declaration (value: a parsed declaration file).
 */
export function applyEdit(doc, edit, defaultName = '') {
  const whole = applyDocumentEdit(doc, edit, defaultName);
  if (whole !== undefined) return whole;
  const index = doc.agencies.findIndex((a) => a.id === edit.agency);
  if (index < 0) return null;
  const agency = doc.agencies[index];
  if (edit.type === 'remove') return doc.agencies.splice(index, 1)[0];
  if (edit.type === 'name') agency.name = edit.value;
  else if (edit.type === 'declaration') takeDeclaration(agency, edit.value);
  else if (edit.type === 'contradicted') {
    const claim = own(agency.claims, edit.criterion);
    if (!claim) return null;
    claim.contradicted = edit.value === true;
  } else {
    const field = agency[FIELDS[edit.type]];
    const empty = edit.value === undefined || edit.value === '' || (Array.isArray(edit.value) && !edit.value.length);
    if (edit.type === 'evidence' && !empty && !STATUSES.includes(edit.value.status)) return null;
    if (empty) delete field[edit.criterion];
    else field[edit.criterion] = copyValue(edit.value);
  }
  return agency;
}

const same = (a, b) => JSON.stringify(a === undefined ? null : a) === JSON.stringify(b === undefined ? null : b);

const COMPARED = { score: 'scores', note: 'notes', flags: 'flags', agree: 'agreed', evidence: 'evidence', claim: 'claims' };

/** What differs between two versions b and a of one agency, pushed to out (see differences). */
function agencyDifferences(b, a, out) {
  if (a.name !== b.name) out.push({ agency: a.id, criterion: null, field: 'name' });
  for (const [field, key] of Object.entries(COMPARED)) {
    const keys = new Set([...Object.keys(b[key] || {}), ...Object.keys(a[key] || {})]);
    for (const id of keys) {
      if (!same(own(b[key] || {}, id), own(a[key] || {}, id))) out.push({ agency: a.id, criterion: id, field });
    }
  }
  const reviewers = new Set([...Object.keys(b.reviews || {}), ...Object.keys(a.reviews || {})]);
  for (const id of reviewers) {
    if (!same(own(b.reviews || {}, id), own(a.reviews || {}, id))) {
      out.push({ agency: a.id, criterion: null, field: 'review', reviewer: id });
    }
  }
  if (!same(b.declaration, a.declaration)) out.push({ agency: a.id, criterion: null, field: 'declaration' });
}

/**
 * What differs between two documents: [{agency: id, criterion: id or null, field}], field being
 * "added", "removed", "name", "review" (with reviewer: id), "declaration" (criterion null),
 * "owner" (agency and criterion null: the owner's name) or
 * "score", "note", "flags", "agree", "evidence", "claim"; agencies in after's order.
 */
export function differences(before, after) {
  const out = [];
  const old = new Map((before ? before.agencies : []).map((a) => [a.id, a]));
  const ids = new Set(after.agencies.map((a) => a.id));
  for (const a of after.agencies) {
    const b = old.get(a.id);
    if (!b) out.push({ agency: a.id, criterion: null, field: 'added' });
    else agencyDifferences(b, a, out);
  }
  for (const b of old.values()) if (!ids.has(b.id)) out.push({ agency: b.id, criterion: null, field: 'removed' });
  const owner = (doc) => (doc && doc.owner ? doc.owner.name : '');
  if (before && owner(before) !== owner(after)) out.push({ agency: null, criterion: null, field: 'owner' });
  return out;
}

/** The changes in words: "Agency A 1.2, Agency B" (at most three, then "{n} more"); '' when none. */
export function describe(data, before, after, diffs) {
  const numbers = new Map(criteriaOf(data).map((c) => [c.id, c.number]));
  const nameOf = (id) => {
    const list = after.agencies.some((a) => a.id === id) || !before ? after.agencies : before.agencies;
    const index = list.findIndex((a) => a.id === id);
    return index < 0 ? id : agencyName(data, list[index], index);
  };
  const items = [...new Set(diffs.map((d) => (d.field === 'owner' ? after.owner.name || data.strings.ppMe
    : d.criterion === null ? nameOf(d.agency)
    : `${nameOf(d.agency)} ${numbers.get(d.criterion) || d.criterion}`)))];
  const shown = items.slice(0, 3);
  if (items.length > 3) shown.push(fill(data.strings.remoteMore, { n: items.length - 3 }));
  return shown.join(data.strings.listSep || ', ');
}

/**
 * The saved document of one criteria set, read before every write. state is what the page shows;
 * corrupt is {raw, error} when what is saved cannot be read; storable false when the browser refuses.
 */
export class Store {
  constructor(data, storage = undefined) {
    this.data = data;
    this.key = `kit-scoring:${data.criteria.id}`;
    this.storage = storage;
    this.state = null;
    this.corrupt = null;
    this.storable = true;
    this.unsaved = false;
  }

  /** {doc} (the saved document, a fresh one when nothing is saved) or {raw, error}. */
  read() {
    const { raw, storable } = readSaved(this.key, this.storage);
    this.storable = storable;
    if (raw === null) return { doc: this.state && !this.corrupt ? this.state : freshDocument(this.data), raw };
    try {
      const doc = parse(raw, this.data);
      check(doc.criteria.id === this.data.criteria.id, 'criteria.id');
      return { doc, raw };
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      return { raw, error };
    }
  }

  /** Reads what is saved into state (or corrupt); returns state. */
  load() {
    const { doc, raw, error } = this.read();
    this.state = doc || null;
    this.corrupt = doc ? null : { raw, error };
    return this.state;
  }

  /**
   * Applies edit to the document as saved now and saves it; returns what applyEdit returned
   * (null: the edit no longer applies, e.g. its agency was removed elsewhere; state is then the
   * saved one). After a refused write the page's own state is newer than what is saved: it stays.
   */
  commit(edit) {
    const { doc } = this.unsaved ? { doc: this.state } : this.read();
    if (!doc) return this.load();
    const result = applyEdit(doc, edit, this.data.strings.defaultName);
    this.state = doc;
    this.corrupt = null;
    if (result) this.save();
    return result;
  }

  save() {
    this.storable = writeSaved(this.key, this.state, this.storage);
    this.unsaved = !this.storable;
    return this.storable;
  }

  /** Takes what another page saved: {before, after, diffs} (after null when it cannot be read). */
  sync() {
    const before = this.state;
    if (this.unsaved) return { before, after: before, diffs: [] };
    const after = this.load();
    return { before, after, diffs: after ? differences(before, after) : [] };
  }
}
