/*
 * The scoring rule: a mirror of generator/scoring.py (no DOM; tests/test_scoring_browser.py
 * checks it against the Python module on 1,000 random cases).
 *
 * score(items, low, high, answers): items are [section id, criterion id, weight, knockout]
 * in display order, knockout false/null (none), true (eliminates at the lowest level) or the
 * highest level score that eliminates; answers map criterion id -> level score or "na"
 * (missing/null = blank).
 *  - a scored criterion counts (score - low) / (high - low) * 100 percent;
 *  - N/A and blank criteria are left out of both sums;
 *  - section = sum(weight * percent) / sum(weight) over its scored criteria, null if none;
 *  - total = the same weighted average over all scored criteria of all sections
 *    (not the mean of the section scores);
 *  - a knock-out criterion scored at or below its eliminating level disqualifies; N/A on a
 *    knock-out counts as blank (listed in unchecked), and unscoredShare is the percent of the
 *    total weight left blank (or N/A on a knock-out).
 * Python computes exactly with fractions; this float arithmetic agrees to within 1e-9.
 *
 * Rounding, for display and ranking only: tenths = floor(x * 10 + 0.5 + 1e-9), shown as
 * tenths / 10 with one decimal ("62.3"), i.e. half up: 62.25 -> "62.3" even when the float
 * is 62.2499999...; the 1e-9 absorbs float error and is far smaller than the gap between
 * two distinct exact scores and a half-tenth. No score is shown as an em dash.
 * Rank: not disqualified first, by rounded total (tenths) highest first; then disqualified,
 * by rounded total; no total last (rank null). Equal (disqualified, tenths) share a rank.
 * rank(results, groups) ranks by (group, tenths) instead.
 *
 * Verdicts and close calls mirror generator/verdict.py: ruleOf(data) reads the scoring data;
 * judge(rule, answers) gives {kind: ranked | below_minimum | incomplete | eliminated,
 * criteria, sections}; judgeAll(rule, answersList) gives {results, verdicts, ranks, close}
 * (close: {first, second, criteria} or null).
 */

export const eliminatingLevel = (knockout, low) => (knockout === true ? low
  : knockout === false || knockout === null || knockout === undefined ? null : knockout);

export function score(items, low, high, answers) {
  const bySection = new Map();
  const knockedOut = [];
  const unchecked = [];
  let scored = 0;
  let notApplicable = 0;
  let unscored = 0;
  let allWeight = 0;
  let blankWeight = 0;
  for (const [section, id, weight, knockout] of items) {
    if (!bySection.has(section)) bySection.set(section, []);
    const answer = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null;
    const at = eliminatingLevel(knockout, low);
    allWeight += weight;
    if (answer === null || answer === undefined || answer === 'na') {
      const blank = answer !== 'na' || at !== null;
      if (blank) {
        unscored += 1;
        blankWeight += weight;
      } else notApplicable += 1;
      if (at !== null) unchecked.push(id);
      continue;
    }
    if (!Number.isInteger(answer) || answer < low || answer > high) {
      throw new RangeError(`${id}: ${answer} is not a score between ${low} and ${high} or "na"`);
    }
    scored += 1;
    bySection.get(section).push([weight, ((answer - low) / (high - low)) * 100]);
    if (at !== null && answer <= at) knockedOut.push(id);
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
  return { sections, total, knockedOut, disqualified: knockedOut.length > 0, scored, notApplicable, unscored,
    unchecked, unscoredShare: allWeight ? (blankWeight * 100) / allWeight : 0 };
}

export const tenths = (x) => Math.floor(x * 10 + 0.5 + 1e-9);

export function display(x) {
  if (x === null || x === undefined) return '—';
  const t = tenths(x);
  return `${Math.floor(t / 10)}.${t % 10}`;
}

export function rank(results, groups = null) {
  const keyed = results
    .map((r, i) => ({ i, dq: groups ? groups[i] : r.disqualified ? 1 : 0, t: r.total === null ? null : tenths(r.total) }))
    .filter((k) => k.t !== null)
    .sort((a, b) => a.dq - b.dq || b.t - a.t || a.i - b.i);
  const ranks = results.map(() => null);
  keyed.forEach((k, position) => {
    const previous = keyed[position - 1];
    ranks[k.i] = previous && previous.dq === k.dq && previous.t === k.t ? ranks[previous.i] : position + 1;
  });
  return ranks;
}

export const GROUPS = ['ranked', 'below_minimum', 'incomplete', 'eliminated'];

/** The verdict rule from the scoring data (generator/render/scoring_data.py). */
export function ruleOf(data) {
  const items = data.sections.flatMap((section) => section.criteria.map((c) => [section.id, c.id, c.weight,
    c.knockout ? (c.eliminatesAt ?? true) : null]));
  const minimums = data.sections.filter((section) => section.minimum !== null && section.minimum !== undefined)
    .map((section) => [section.id, section.minimum]);
  const verdict = data.verdict || {};
  return { items, levels: data.scale.levels.map((lv) => lv.score), minimums,
    unscoredLimit: verdict.unscoredLimit ?? 20, closeCallMargin: verdict.closeCallMargin ?? 5 };
}

const scoreBy = (rule, answers) => score(rule.items, rule.levels[0], rule.levels[rule.levels.length - 1], answers);

/** The verdict on one agency (see generator/verdict.py); tolerances absorb float error. */
export function judge(rule, answers, result = scoreBy(rule, answers)) {
  const r = result;
  if (r.knockedOut.length) return { kind: 'eliminated', criteria: r.knockedOut, sections: [] };
  if (r.unchecked.length || r.unscoredShare > rule.unscoredLimit + 1e-9) {
    return { kind: 'incomplete', criteria: r.unchecked, sections: [] };
  }
  const minimum = new Map(rule.minimums);
  const below = r.sections.filter((sec) => minimum.has(sec.id) && sec.value !== null
    && tenths(sec.value) + 1e-6 < minimum.get(sec.id) * 10).map((sec) => sec.id);
  return below.length ? { kind: 'below_minimum', criteria: [], sections: below }
    : { kind: 'ranked', criteria: [], sections: [] };
}

/** The rounded total (tenths) with one criterion moved one level (step 1 or -1); null if it cannot move. */
function moved(rule, answers, id, step) {
  const answer = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null;
  const position = rule.levels.indexOf(answer) + step;
  if (!rule.levels.includes(answer) || position < 0 || position >= rule.levels.length) return null;
  const total = scoreBy(rule, { ...answers, [id]: rule.levels[position] }).total;
  return total === null ? null : tenths(total);
}

/** The close call between the first two ranked agencies (see generator/verdict.py), or null. */
export function closeCall(rule, answersList, results, verdicts, ranks) {
  const order = ranks.map((r, i) => [r, i]).filter(([r, i]) => r !== null && verdicts[i].kind === 'ranked')
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  if (order.length < 2) return null;
  const [a, b] = [order[0][1], order[1][1]];
  const [ta, tb] = [tenths(results[a].total), tenths(results[b].total)];
  const deciding = rule.items.map((item) => item[1]).filter((id) => {
    const down = moved(rule, answersList[a], id, -1);
    const up = moved(rule, answersList[b], id, 1);
    return (down !== null && tb > down) || (up !== null && up > ta);
  });
  if (deciding.length) return { first: a, second: b, criteria: deciding };
  if (results[a].total - results[b].total > rule.closeCallMargin + 1e-9) return null;
  const gaps = [];
  rule.items.forEach(([, id, weight], position) => {
    const x = answersList[a][id];
    const y = answersList[b][id];
    if (Number.isInteger(x) && Number.isInteger(y) && x !== y) gaps.push([-weight * Math.abs(x - y), position, id]);
  });
  gaps.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { first: a, second: b, criteria: gaps.slice(0, 3).map((g) => g[2]) };
}

/** Scores, verdicts, ranks and the close call of several agencies. */
export function judgeAll(rule, answersList) {
  const results = answersList.map((answers) => scoreBy(rule, answers));
  const verdicts = answersList.map((answers, i) => judge(rule, answers, results[i]));
  const ranks = rank(results, verdicts.map((v) => GROUPS.indexOf(v.kind)));
  results.forEach((r, i) => { r.verdict = verdicts[i]; });
  return { results, verdicts, ranks, close: closeCall(rule, answersList, results, verdicts, ranks) };
}
