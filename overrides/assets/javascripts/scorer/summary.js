/*
 * What the comparison report shows, computed from the saved document (no DOM; report.js draws
 * it on the page, image.js on a canvas). Scores come from the one rule (rule.js), so the report
 * agrees with the worksheet and with generator/scoring.py.
 */
import { judgeAll, ruleOf } from './rule.js';
import { closeText, verdictText } from './verdict-text.js';
import { defaultLetter, fill, own, record } from './storage.js';

/** Criteria of data in display order, each with its section. */
export const criteriaOf = (data) => data.sections.flatMap((section) => section.criteria.map((c) => ({ ...c, section })));

/** The agency's name as shown: a default name follows the page's language until renamed. */
export function agencyName(data, agency, index) {
  const s = data.strings;
  const letter = defaultLetter(agency.name, data.defaultNames || [s.defaultName]);
  if (letter !== null) return fill(s.defaultName, { letter });
  return agency.name.trim() || fill(s.unnamed, { n: index + 1 });
}

/** Answers the rule can score: level scores and N/A of current criteria. */
function answers(criteria, levels, agency) {
  const out = record();
  for (const c of criteria) {
    const value = own(agency.scores, c.id);
    if (value === 'na' || levels.has(value)) out[c.id] = value;
  }
  return out;
}

/** The red flags ticked for the agency, per criterion in display order (unknown indices left out). */
function ticked(criteria, agency) {
  const flags = agency.flags || {};
  return criteria.map((c) => ({ criterion: c, texts: [...new Set(own(flags, c.id) || [])].sort((a, b) => a - b)
    .filter((i) => i < (c.flags || []).length).map((i) => c.flags[i]) }))
    .filter((item) => item.texts.length);
}

/** The agency's notes: those of current criteria in display order, then those of removed ones. */
function notes(criteria, agency) {
  const known = criteria.map((c) => ({ criterion: c, id: c.id, text: own(agency.notes, c.id) || '' }));
  const ids = new Set(criteria.map((c) => c.id));
  const removed = Object.keys(agency.notes).filter((id) => !ids.has(id)).sort()
    .map((id) => ({ criterion: null, id, text: agency.notes[id] }));
  return [...known, ...removed].filter((n) => n.text.trim());
}

/**
 * One row per agency, in rank order (no total last, then page order): {index, agency, name, result,
 * rank, verdict (with its .text), knockouts: [criterion], flags: [{criterion, texts}], unscored: [criterion], notes};
 * close: the close-call note or null.
 */
export function summarise(data, doc) {
  const criteria = criteriaOf(data);
  const levels = new Set(data.scale.levels.map((lv) => lv.score));
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const given = doc.agencies.map((agency) => answers(criteria, levels, agency));
  const judged = judgeAll(ruleOf(data), given);
  const rows = doc.agencies.map((agency, index) => {
    const result = judged.results[index];
    result.verdict.text = verdictText(data, result.verdict, result);
    return {
      index, agency, name: agencyName(data, agency, index), result,
      knockouts: result.knockedOut.map((id) => byId.get(id)),
      flags: ticked(criteria, agency),
      verdict: result.verdict,
      // Not scored: blank, or an old document's N/A on a knock-out criterion.
      unscored: criteria.filter((c) => !Object.prototype.hasOwnProperty.call(given[index], c.id)
        || (c.knockout && given[index][c.id] === 'na')),
      notes: notes(criteria, agency),
    };
  });
  rows.forEach((r, i) => { r.rank = judged.ranks[i]; });
  const ordered = [...rows].sort((a, b) => (a.rank === null) - (b.rank === null) || (a.rank || 0) - (b.rank || 0)
    || a.index - b.index);
  return { criteria, rows: ordered, byIndex: rows, close: closeText(data, judged.close, rows.map((r) => r.name)) };
}
