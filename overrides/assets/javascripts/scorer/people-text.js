/*
 * Several reviewers in words: who a score is from, where the score that counts comes from (an
 * agreed score, or the reviewers' when the owner left it blank), the disagreements of every agency
 * with each person's score, and each person's own total. No DOM here (tests/test_reviewers.py runs
 * it in a worker); people-view.js (worksheet), interview-people.js and report-people.js show it.
 */
import { fill, own, record } from './storage.js';
import { counted, disagreements, sheetsOf } from './people.js';
import { answered, results } from './state.js';

/** The owner's name as shown: the name she gave, else "Me" in the page's language. */
export const ownerLabel = (s, doc) => ((doc.owner && doc.owner.name.trim()) || s.ppMe);

/** A sheet's (people.js sheetsOf) person as shown: the owner's label for the owner. */
export const personLabel = (s, doc, sheet) => (sheet.id === null ? ownerLabel(s, doc) : sheet.name.trim() || s.ppMe);

/** A score as shown: the level's number, or N/A. */
export const scoreText = (s, value) => (value === 'na' ? s.na : String(value));

/** "Me 3, Wang 1": everyone who scored criterion id of agency, with their score. */
export function whoScored(s, doc, agency, id) {
  return sheetsOf(doc, agency).map((sheet) => ({ sheet, value: own(sheet.scores, id) }))
    .filter((x) => x.value !== undefined)
    .map((x) => `${personLabel(s, doc, x.sheet)} ${scoreText(s, x.value)}`).join(s.listSep || ', ');
}

/**
 * Where the score that counts for criterion id of agency comes from, when it is not simply the
 * owner's own: {kind: "agreed" | "reviewers", value, text} ("Agreed: 2 (Me 3, Wang 1)"); null when
 * the owner's own score counts or nothing does.
 */
export function countedOrigin(data, doc, agency, id) {
  const s = data.strings;
  const agreed = own(agency.agreed || {}, id);
  if (agreed !== undefined) {
    return { kind: 'agreed', value: agreed,
      text: fill(s.ppCountsAgreed, { score: scoreText(s, agreed), who: whoScored(s, doc, agency, id) }) };
  }
  if (own(agency.scores, id) !== undefined) return null;
  const value = own(counted(agency), id);
  if (value === undefined) return null;
  return { kind: 'reviewers', value,
    text: fill(s.ppCountsReviewer, { score: scoreText(s, value), who: whoScored(s, doc, agency, id) }) };
}

/**
 * Every agency's disagreements (people.js disagreements) with each person's label:
 * [{agency, index, items: [{criterion, scores: [{id, name, label, value}], agreed, knockout}], open}],
 * open counting those not settled.
 */
export function disagreementsOf(data, doc) {
  const s = data.strings;
  return doc.agencies.map((agency, index) => {
    const sheets = sheetsOf(doc, agency);
    const items = disagreements(data, doc, agency).map((d) => ({ ...d, scores: d.scores.map((x) => ({ ...x,
      label: personLabel(s, doc, sheets.find((sh) => sh.id === x.id) || { id: x.id, name: x.name }) })) }));
    return { agency, index, items, open: items.filter((d) => d.agreed === undefined).length };
  });
}

/** How many disagreements are not settled, over all agencies. */
export const openCount = (data, doc) => disagreementsOf(data, doc).reduce((n, a) => n + a.open, 0);

/**
 * Each person's own scores of each agency, judged alone: [{agency, index, people: [{id, label, scored,
 * total}]}], the owner first; people who scored nothing of an agency are left out.
 */
export function ownTotals(data, doc) {
  const s = data.strings;
  return doc.agencies.map((agency, index) => ({ agency, index, people: sheetsOf(doc, agency)
    .filter((sheet) => Object.keys(sheet.scores).length)
    .map((sheet) => {
      const alone = { id: agency.id, name: agency.name, scores: record(sheet.scores), notes: record(), flags: record(),
        reviews: record(), agreed: record() };
      const result = results(data, { agencies: [alone] }).results[0];
      return { id: sheet.id, label: personLabel(s, doc, sheet), scored: answered(result), total: result.total };
    }) }));
}

/**
 * The report picture's line about the people (null without reviewers): who scored, and how many
 * disagreements are not settled (or that all are).
 */
export function peopleLine(data, doc) {
  if (!doc.reviewers || !doc.reviewers.length) return null;
  const s = data.strings;
  const all = disagreementsOf(data, doc);
  const found = all.reduce((n, a) => n + a.items.length, 0);
  const open = all.reduce((n, a) => n + a.open, 0);
  const everyone = [ownerLabel(s, doc), ...doc.reviewers.map((r) => r.name)];
  const names = fill(s.ppPeopleLine, { names: everyone.join(s.listSep || ', ') });
  if (!found) return names;
  return `${names} · ${open ? fill(s.ppReportOpen, { n: open }) : fill(s.ppReportSettled, { n: found })}`;
}

/** A name as compared with the others: letter case, full-width forms and spaces aside ("Wang " is "wang"). */
const nameKey = (name) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * The name of whoever in doc is already called name (the owner, as shown, or a reviewer), leaving out
 * the person except (null: the owner, renaming herself; a reviewer id); null when the name is free or empty.
 */
export function nameTaken(s, doc, name, except) {
  const key = nameKey(name);
  const people = [{ id: null, name: ownerLabel(s, doc) }, ...doc.reviewers];
  const found = key && people.find((p) => p.id !== except && nameKey(p.name) === key);
  return found ? found.name : null;
}

/** The reviewer in doc called name (case, width and spaces aside; not the owner): {id, name}, or null. */
export function reviewerNamed(doc, name) {
  const key = nameKey(name);
  return (key && doc.reviewers.find((r) => nameKey(r.name) === key)) || null;
}

/** Name made distinct in doc: itself when free, else "Wang (2)", "Wang (3)"… (the first free one). */
export function freeName(s, doc, name, except) {
  const base = name.trim();
  let n = 2;
  if (!nameTaken(s, doc, base, except)) return base;
  while (nameTaken(s, doc, `${base} (${n})`, except)) n += 1;
  return `${base} (${n})`;
}

/** Why name cannot be given (to a new reviewer; or to the owner, except null), suggesting a free one; '' when it can. */
/** Shows problem ('' for none) in message, beside input: said aloud, and tied to the field. */
export function sayNameProblem(input, message, problem) {
  message.textContent = problem;
  message.hidden = !problem;
  input.setAttribute('aria-invalid', problem ? 'true' : 'false');
}

export function nameProblem(s, doc, name, except) {
  const taken = nameTaken(s, doc, name, except);
  return taken === null ? '' : fill(s.ppNameTaken, { name: taken, suggestion: freeName(s, doc, name, except) });
}

/** A reviewer's name for scores received from someone who gave none: "Reviewer 2" (the first free number). */
export function defaultReviewer(s, doc) {
  const taken = new Set(doc.reviewers.map((r) => r.name.trim()));
  let n = doc.reviewers.length + 1;
  while (taken.has(fill(s.ppReviewerN, { n }))) n += 1;
  return fill(s.ppReviewerN, { n });
}
