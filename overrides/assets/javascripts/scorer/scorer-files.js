/*
 * The worksheet scorer's files: JSON export and import (asked before anything is replaced, merged
 * by agency name on request), CSV export and the filled-in print. Functions of the scorer (sc,
 * scorer.js) they act for; the document work itself is state.js's and state-text.js's.
 */
import { LIMITS, fill, hasData, merge, parse } from './storage.js';
import { csv, fileName, reason } from './state-text.js';
import { figure } from './chart.js';
import { download, flagsList, h, matrix, notesList, rankingTable } from './views.js';
import { addAsReviewer, reviewForm } from './people-view.js';
import { defaultReviewer } from './people-text.js';
import { isDeclaration } from './claims.js';
import { evidenceLines } from './evidence.js';

/** Printing goes back to the blank sheet (after the print dialog closes, or on a new page view). */
export function finishPrint() {
  document.documentElement.classList.remove('kit-print-filled');
  const block = document.querySelector('.kit-sc-print');
  if (block) block.remove();
}

/** The JSON file; inside a chat app's browser, which drops downloads (inapp.js), its text to copy instead. */
export function exportJson(sc) {
  const text = `${JSON.stringify(sc.state, null, 2)}\n`;
  if (!download(fileName(sc.data, sc.state, 'scores', 'json'), 'application/json', text)) sc.transfer.show(text);
}

export function importText(sc, text) {
  if (isDeclaration(text, sc.data)) { // the agency's written answers: imported per agency (claims.js)
    sc.claims.details.open = true;
    sc.tell(fill(sc.s.importError, { reason: sc.s.clUseImport }), true);
    return false;
  }
  let doc;
  try {
    doc = parse(text, sc.data);
  } catch (error) {
    return refuse(sc, error);
  }
  if (doc.criteria.id !== sc.data.criteria.id) {
    sc.tell(fill(sc.s.importError, { reason: fill(sc.s.wrongCriteria, { id: doc.criteria.id }) }), true);
    return false;
  }
  if (!hasData(sc.state, sc.patterns)) return apply(sc, doc, sc.s.imported);
  ask(sc, doc);
  return true;
}

/** Asks before replacing the merchant's data; offers a merge when the agencies' names differ. */
export function ask(sc, doc) {
  sc.pending = doc;
  const s = sc.s;
  const incoming = doc.agencies.map((a, i) => sc.name(a, i));
  const here = new Set(sc.names());
  const differ = incoming.length !== here.size || incoming.some((n) => !here.has(n));
  const button = (action, text) => h('button', { type: 'button', class: 'md-button', 'data-action': action }, text);
  sc.tell(fill(s.importAsk, { n: incoming.length, names: incoming.join(', '), current: here.size }), false,
    button('import-replace', s.importReplace), differ ? button('import-merge', s.importMerge) : null,
    button('import-cancel', s.importCancel));
  // Or kept apart as a reviewer's scores (people-view.js), named as the file's owner by default.
  sc.importBox.querySelector('.kit-sc-buttons').before(reviewForm(sc, doc.owner.name || defaultReviewer(s, sc.state),
    (name, reviewer) => {
      const { ok, text } = addAsReviewer(sc, doc, name, reviewer);
      sc.pending = null;
      sc.tell(text, !ok);
    }));
}

export function apply(sc, doc, message, edit = { type: 'replace', doc }) {
  sc.edit(edit);
  sc.pending = null;
  sc.active = sc.state.agencies.length ? sc.state.agencies[0].id : null;
  sc.showNotices();
  sc.refresh();
  sc.tell(fill(message, { n: sc.state.agencies.length }));
  return true;
}

export function mergeIn(sc, doc) {
  sc.store.load(); // the names compared and merged are those saved now
  if (sc.state && merge(sc.state, doc) === null) {
    const n = new Set([...sc.names(), ...doc.agencies.map((a, i) => sc.name(a, i))]).size;
    sc.tell(fill(sc.s.importError, { reason: fill(sc.s.mergeTooMany, { n, max: LIMITS.agencies }) }), true);
    return;
  }
  apply(sc, doc, sc.s.merged, { type: 'merge', doc });
}

export function refuse(sc, error) {
  sc.tell(fill(sc.s.importError, { reason: reason(sc.s, error) }), true);
  return false;
}

export function exportCsv(sc) {
  const text = csv(sc.data, sc.state);
  if (!download(fileName(sc.data, sc.state, 'scores', 'csv'), 'text/csv;charset=utf-8', text)) sc.transfer.show(text);
}

export function print(sc) {
  printSheet(sc);
  window.print();
}

/** Builds the filled-in sheet and switches printing to it until the print dialog closes. */
export function printSheet(sc) {
  const old = sc.root.querySelector('.kit-sc-print');
  if (old) old.remove();
  const { results, ranks } = sc.results();
  const names = sc.names();
  const agencies = sc.state.agencies;
  sc.root.append(h('div', { class: 'kit-sc-print' }, h('h2', {}, sc.s.printTitle),
    rankingTable(sc.s, agencies, names, results, ranks, sc.ids.length), evidenceLines(sc.data, agencies, names),
    matrix(sc.data, agencies, names, results, ranks),
    sc.state.reviewers.length || agencies.some((a) => Object.keys(a.agreed || {}).length)
      ? h('p', { class: 'kit-sc-hint kit-pp-star' }, sc.s.ppPrintStar) : null,
    h('figure', { class: 'kit-sc-figure' }, ...figure(sc.data, agencies, results, 680, names)),
    flagsList(sc.s, sc.criteria, agencies, names), notesList(sc.s, sc.criteria, agencies, names)));
  document.documentElement.classList.add('kit-print-filled');
  window.addEventListener('afterprint', finishPrint, { once: true });
}
