/*
 * The verdict and the close call in words (no DOM): the rule itself is in rule.js (judge,
 * closeCall). Used by the worksheet's sticky bar and ranking, the interview's finish card and
 * the report (page, print and PNG).
 */
import { display } from './rule.js';
import { fill } from './storage.js';

const titles = (data) => new Map(data.sections.flatMap((section) => [[section.id, section.title],
  ...section.criteria.map((c) => [c.id, `${c.number} ${c.title}`])]));

/** The verdict on one agency as a sentence in the page's language (short: one line for the sticky bar). */
export function verdictText(data, verdict, result, short = false) {
  const s = data.strings;
  const names = titles(data);
  const list = (ids) => ids.map((id) => names.get(id) || id).join(s.listSep || ', ');
  if (verdict.kind === 'eliminated') return fill(s.vdEliminated, { ids: list(verdict.criteria) });
  if (verdict.kind === 'incomplete') {
    if (short && verdict.criteria.length > 1) return fill(s.vdIncompleteShort, { n: verdict.criteria.length });
    if (verdict.criteria.length) return fill(s.vdIncomplete, { ids: list(verdict.criteria) });
    const max = (data.verdict && data.verdict.unscoredLimit) ?? 20;
    return fill(s.vdIncompleteShare, { share: display(result.unscoredShare), max });
  }
  if (verdict.kind === 'below_minimum') return fill(s.vdBelow, { names: list(verdict.sections) });
  return s.vdRanked;
}

/** The close-call note, or null when the first two are not a close call. */
export function closeText(data, close, names) {
  if (!close) return null;
  const all = titles(data);
  return fill(data.strings.vdClose, { first: names[close.first], second: names[close.second],
    ids: close.criteria.map((id) => all.get(id) || id).join(data.strings.listSep || ', ') });
}
