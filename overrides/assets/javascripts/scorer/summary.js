/*
 * What the comparison report shows, computed from the saved document (no DOM; report.js draws
 * it on the page, image.js on a canvas). Scores come from the one rule (rule.js), so the report
 * agrees with the worksheet and with generator/scoring.py.
 */
import { closeText } from './verdict-text.js';
import { own } from './storage.js';
import { agencyName, answers, criteriaOf, results } from './state.js';
import { peopleLine } from './people-text.js';

export { agencyName, criteriaOf };

/** The red flags ticked for the agency (or a reviewer's sheet), per criterion in display order (unknown indices left out). */
export function ticked(criteria, agency) {
  const flags = agency.flags || {};
  return criteria.map((c) => ({ criterion: c, texts: [...new Set(own(flags, c.id) || [])].sort((a, b) => a - b)
    .filter((i) => i < (c.flags || []).length).map((i) => c.flags[i]) }))
    .filter((item) => item.texts.length);
}

/** The agency's (or a reviewer's sheet's) notes: those of current criteria in display order, then those of removed ones. */
export function notes(criteria, agency) {
  const known = criteria.map((c) => ({ criterion: c, id: c.id, text: own(agency.notes, c.id) || '' }));
  const ids = new Set(criteria.map((c) => c.id));
  const removed = Object.keys(agency.notes).filter((id) => !ids.has(id)).sort()
    .map((id) => ({ criterion: null, id, text: agency.notes[id] }));
  return [...known, ...removed].filter((n) => n.text.trim());
}

/**
 * One row per agency, in rank order (no total last, then page order): {index, agency, name, result,
 * rank, verdict (with its .text), knockouts: [criterion], flags: [{criterion, texts}], unscored: [criterion], notes};
 * close: the close-call note or null; people: who scored and what is not settled, or null (one scorer).
 */
export function summarise(data, doc) {
  const criteria = criteriaOf(data);
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const judged = results(data, doc);
  const rows = doc.agencies.map((agency, index) => {
    const result = judged.results[index];
    const given = answers(data, agency); // an old N/A on a knock-out is left out: not scored
    return {
      index, agency, name: agencyName(data, agency, index), result,
      knockouts: result.knockedOut.map((id) => byId.get(id)),
      flags: ticked(criteria, agency),
      verdict: result.verdict,
      unscored: criteria.filter((c) => !Object.prototype.hasOwnProperty.call(given, c.id)),
      notes: notes(criteria, agency),
    };
  });
  rows.forEach((r, i) => { r.rank = judged.ranks[i]; });
  const ordered = [...rows].sort((a, b) => (a.rank === null) - (b.rank === null) || (a.rank || 0) - (b.rank || 0)
    || a.index - b.index);
  return { criteria, rows: ordered, byIndex: rows, close: closeText(data, judged.close, rows.map((r) => r.name)),
    people: peopleLine(data, doc) }; // who scored, disagreements not settled (people-text.js); null without reviewers
}
