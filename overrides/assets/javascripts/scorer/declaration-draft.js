/*
 * The online declaration's draft and file name, with no DOM (tests/test_declaration_online.py runs
 * it in a worker). The agency's draft is kept under its own key, "kit-declaration:<criteria id>",
 * never under the merchant's scores ("kit-scoring:<criteria id>"): an agency and a merchant who
 * share a computer must never overwrite each other.
 *
 * Draft: {company, code, signatory, date, answers: {criterion id: {text, attached}}} (what
 * declaration.js declarationFile takes as header and answers).
 */
import { LIMITS, isObject, own, record } from './storage.js';
import { declaredCriteria } from './declaration.js';

const SHORT = 200;
export const HEADER = Object.freeze(['company', 'code', 'signatory', 'date']);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The draft's storage key for data. */
export const draftKey = (data) => `kit-declaration:${data.criteria.id}`;

/** A draft with nothing written. */
export const emptyDraft = () => ({ company: '', code: '', signatory: '', date: '', answers: record() });

const text = (value, max) => (typeof value === 'string' ? value.slice(0, max) : '');

/**
 * The draft saved as raw (JSON text or null), keeping what can be read: header texts, a date
 * "YYYY-MM-DD", and the answers of the criteria data declares. Never throws: a draft is the
 * agency's own typing, and a broken one starts over rather than blocking the form.
 */
export function readDraft(raw, data) {
  const draft = emptyDraft();
  let saved;
  try {
    saved = JSON.parse(raw);
  } catch (error) {
    return draft;
  }
  if (!isObject(saved)) return draft;
  for (const key of HEADER) draft[key] = text(saved[key], SHORT);
  if (!DATE.test(draft.date)) draft.date = '';
  const answers = isObject(saved.answers) ? saved.answers : {};
  for (const c of declaredCriteria(data)) {
    const a = own(answers, c.id);
    if (isObject(a)) draft.answers[c.id] = { text: text(a.text, LIMITS.note), attached: a.attached === true };
  }
  return draft;
}

/** Whether the draft holds any answer (text, or evidence ticked). */
export const hasAnswer = (draft) => Object.values(draft.answers).some((a) => a.text.trim() || a.attached);

/**
 * The declaration file's name: edition (criteria id), "declaration", the criteria version and the
 * company, e.g. "kit-declaration-1.2.0-杭州某某电商有限公司.json"; characters file systems refuse
 * become "-", the company is cut to 60 characters.
 */
export function declarationName(data, company) {
  const safe = (value) => value.trim().replace(/[\\/:*?"<>|\s\u0000-\u001f\u007f]+/g, '-');
  const short = Array.from(safe(company)).slice(0, 60).join('').replace(/^[-_.]+|[-_.]+$/g, '');
  return `${safe(data.criteria.id)}-declaration-${safe(data.criteria.version)}${short ? `-${short}` : ''}.json`;
}
