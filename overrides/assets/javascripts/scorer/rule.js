/*
 * The scoring rule: a mirror of generator/scoring.py (no DOM; tests/test_scoring_browser.py
 * checks it against the Python module on 1,000 random cases).
 *
 * score(items, low, high, answers): items are [section id, criterion id, weight, knockout]
 * in display order; answers map criterion id -> level score or "na" (missing/null = blank).
 *  - a scored criterion counts (score - low) / (high - low) * 100 percent;
 *  - N/A and blank criteria are left out of both sums;
 *  - section = sum(weight * percent) / sum(weight) over its scored criteria, null if none;
 *  - total = the same weighted average over all scored criteria of all sections
 *    (not the mean of the section scores);
 *  - a knock-out criterion scored at the lowest level (low) disqualifies; N/A does not.
 * Python computes exactly with fractions; this float arithmetic agrees to within 1e-9.
 *
 * Rounding, for display and ranking only: tenths = floor(x * 10 + 0.5 + 1e-9), shown as
 * tenths / 10 with one decimal ("62.3"), i.e. half up: 62.25 -> "62.3" even when the float
 * is 62.2499999...; the 1e-9 absorbs float error and is far smaller than the gap between
 * two distinct exact scores and a half-tenth. No score is shown as an em dash.
 * Rank: not disqualified first, by rounded total (tenths) highest first; then disqualified,
 * by rounded total; no total last (rank null). Equal (disqualified, tenths) share a rank.
 */

export function score(items, low, high, answers) {
  const bySection = new Map();
  const knockedOut = [];
  let scored = 0;
  let notApplicable = 0;
  let unscored = 0;
  for (const [section, id, weight, knockout] of items) {
    if (!bySection.has(section)) bySection.set(section, []);
    const answer = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null;
    if (answer === null || answer === undefined || answer === 'na') {
      if (answer === 'na') notApplicable += 1; else unscored += 1;
      continue;
    }
    if (!Number.isInteger(answer) || answer < low || answer > high) {
      throw new RangeError(`${id}: ${answer} is not a score between ${low} and ${high} or "na"`);
    }
    scored += 1;
    bySection.get(section).push([weight, ((answer - low) / (high - low)) * 100]);
    if (knockout && answer === low) knockedOut.push(id);
  }
  const average = (pairs) => {
    if (!pairs.length) return null;
    let weights = 0;
    let sum = 0;
    for (const [weight, percent] of pairs) {
      weights += weight;
      sum += weight * percent;
    }
    return sum / weights;
  };
  const sections = [...bySection].map(([id, pairs]) => ({ id, value: average(pairs), scored: pairs.length }));
  const total = average([...bySection.values()].flat());
  return { sections, total, knockedOut, disqualified: knockedOut.length > 0, scored, notApplicable, unscored };
}

export const tenths = (x) => Math.floor(x * 10 + 0.5 + 1e-9);

export function display(x) {
  if (x === null || x === undefined) return '—';
  const t = tenths(x);
  return `${Math.floor(t / 10)}.${t % 10}`;
}

export function rank(results) {
  const keyed = results
    .map((r, i) => ({ i, dq: r.disqualified ? 1 : 0, t: r.total === null ? null : tenths(r.total) }))
    .filter((k) => k.t !== null)
    .sort((a, b) => a.dq - b.dq || b.t - a.t || a.i - b.i);
  const ranks = results.map(() => null);
  keyed.forEach((k, position) => {
    const previous = keyed[position - 1];
    ranks[k.i] = previous && previous.dq === k.dq && previous.t === k.t ? ranks[previous.i] : position + 1;
  });
  return ranks;
}
