/*
 * The agency's written answers (the due-diligence declaration) as a file: made by the online
 * declaration the agency fills, read by the merchant's worksheet and interview. No DOM here.
 *
 * Declaration file (format "kit-declaration", version 1):
 *   {format, formatVersion: 1, criteria: {id, version}, lang,
 *    company, code (unified social credit code), signatory, date ("YYYY-MM-DD" or ""),
 *    answers: {criterion id: {text, attached (evidence attached: true/false)}}}
 * A file of a newer version is refused (kind "newer"), one for other criteria too ("otherCriteria").
 * The merchant's copy keeps the header as the agency's declaration and the answers as claims
 * (state.js, edit "declaration"): a claim never sets a score.
 */
import { LIMITS, check, isObject, readJson, record } from './storage.js';

const SHORT = 200;
const DATE = /^(\d{4}-\d{2}-\d{2})?$/;
const HEADER = ['company', 'code', 'signatory', 'date'];

/** The criteria the declaration asks, in display order (data.sections' criteria with declare). */
export const declaredCriteria = (data) => data.sections.flatMap((s) => s.criteria.filter((c) => c.declare));

/** A declaration file for data: header {company, code, signatory, date}, answers {id: {text, attached}}. */
export function declarationFile(data, header, answers) {
  const out = record();
  for (const c of declaredCriteria(data)) {
    const a = answers[c.id];
    if (a && (a.text.trim() || a.attached)) out[c.id] = { text: a.text, attached: Boolean(a.attached) };
  }
  const fmt = data.declarationFormat;
  return { format: fmt.name, formatVersion: fmt.version, criteria: { id: data.criteria.id, version: data.criteria.version },
    lang: data.lang, ...Object.fromEntries(HEADER.map((k) => [k, header[k] || ''])), answers: out };
}

/**
 * The checked declaration in text: {company, code, signatory, date, criteria: {id, version},
 * answers: {id: {text, attached}}}; throws ShapeError ("json", "tooBig", "newer", "otherCriteria"
 * or the bad part).
 */
export function parseDeclaration(text, data) {
  const doc = readJson(text);
  const fmt = data.declarationFormat;
  check(isObject(doc) && doc.format === fmt.name, 'format');
  check(Number.isInteger(doc.formatVersion) && doc.formatVersion >= 1, 'formatVersion');
  check(doc.formatVersion <= fmt.version, 'formatVersion', 'newer', { version: doc.formatVersion, max: fmt.version });
  const c = doc.criteria;
  check(isObject(c) && typeof c.id === 'string' && typeof c.version === 'string'
    && c.id.length <= SHORT && c.version.length <= SHORT, 'criteria');
  check(c.id === data.criteria.id, 'criteria.id', 'otherCriteria', { id: c.id });
  for (const key of HEADER) check(typeof doc[key] === 'string' && doc[key].length <= SHORT, key);
  check(DATE.test(doc.date), 'date');
  check(isObject(doc.answers) && Object.keys(doc.answers).length <= LIMITS.keys, 'answers');
  const answers = record();
  for (const [id, a] of Object.entries(doc.answers)) {
    check(id.length <= LIMITS.id && isObject(a) && typeof a.text === 'string' && a.text.length <= LIMITS.note
      && typeof a.attached === 'boolean', `answers.${id.slice(0, LIMITS.id)}`);
    answers[id] = { text: a.text, attached: a.attached };
  }
  return { ...Object.fromEntries(HEADER.map((k) => [k, doc[k]])), criteria: { id: c.id, version: c.version }, answers };
}
