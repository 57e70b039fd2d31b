/*
 * Who scored what, what counts, and what it rests on: the owner's and the reviewers' scores of an
 * agency (storage.js document, version 2), the counted answers the rule scores, where the scorers
 * disagree, how much of the weight rests on evidence seen or checked, the contradicted claims.
 * No DOM here (tests/test_scorer_state.py, tests/test_doc_v2.py run it in a worker).
 */
import { LIMITS, copyAgency, emptyParts, newAgency, own, record } from './storage.js';

/** Criteria of data in display order, each with its section. */
export const criteriaOf = (data) => data.sections.flatMap((section) => section.criteria.map((c) => ({ ...c, section })));

/**
 * Everyone's scores of agency, the owner's first: [{id (null for the owner), name, scores, notes, flags}].
 * doc.reviewers gives the reviewers' order and names.
 */
export function sheetsOf(doc, agency) {
  const out = [{ id: null, name: (doc.owner && doc.owner.name) || '', scores: agency.scores, notes: agency.notes,
    flags: agency.flags }];
  for (const r of doc.reviewers || []) {
    const sheet = own(agency.reviews || {}, r.id);
    if (sheet) out.push({ id: r.id, name: r.name, ...sheet });
  }
  return out;
}

const isLevel = (v) => Number.isInteger(v);

/**
 * The scores that count, by criterion id: the agreed score where one was settled, else the owner's
 * own, else the reviewers' (the lowest level where they differ, N/A only when all said N/A).
 */
export function counted(agency) {
  const out = record(agency.scores);
  for (const sheet of Object.values(agency.reviews || {})) {
    for (const [id, value] of Object.entries(sheet.scores)) {
      if (Object.prototype.hasOwnProperty.call(agency.scores, id)) continue;
      const before = own(out, id);
      if (before === undefined || before === 'na' || (isLevel(value) && value < before)) out[id] = value;
    }
  }
  for (const [id, value] of Object.entries(agency.agreed || {})) out[id] = value;
  return out;
}

/**
 * Answers the rule can score: counted level scores and N/A of current criteria (others are kept,
 * not counted). An N/A on a knock-out criterion (saved before knock-outs refused it) is left out:
 * it shows as not scored.
 */
export function answers(data, agency) {
  const levels = new Set(data.scale.levels.map((lv) => lv.score));
  const scores = counted(agency);
  const out = record();
  for (const c of criteriaOf(data)) {
    const value = own(scores, c.id);
    if ((value === 'na' && !c.knockout) || levels.has(value)) out[c.id] = value;
  }
  return out;
}

/** The level score at or below which criterion c eliminates (null: not a knock-out). */
export function eliminatesAt(data, c) {
  if (!c.knockout) return null;
  return c.eliminatesAt === undefined || c.eliminatesAt === null || c.eliminatesAt === true
    ? data.scale.levels[0].score : c.eliminatesAt;
}

/**
 * Where the people who scored agency disagree: criteria (display order) whose level scores lie two
 * levels or more apart, or where a knock-out fires for some and not others. Each item:
 * {criterion, scores: [{id (null: owner), name, value}] of everyone who scored it, agreed (or
 * undefined), knockout (true when the knock-out is what differs)}. Blank and N/A answers take no
 * part (N/A on a knock-out counts as blank).
 */
export function disagreements(data, doc, agency) {
  const position = new Map(data.scale.levels.map((lv, i) => [lv.score, i]));
  const sheets = sheetsOf(doc, agency);
  const out = [];
  for (const c of criteriaOf(data)) {
    const scores = sheets.map((sh) => ({ id: sh.id, name: sh.name, value: own(sh.scores, c.id) }))
      .filter((x) => x.value !== undefined);
    const levels = scores.map((x) => position.get(x.value)).filter((p) => p !== undefined);
    if (levels.length < 2) continue;
    const at = eliminatesAt(data, c);
    const fires = scores.filter((x) => position.has(x.value)).map((x) => x.value <= at);
    const knockout = at !== null && fires.includes(true) && fires.includes(false);
    if (knockout || Math.max(...levels) - Math.min(...levels) >= 2) {
      out.push({ criterion: c.id, scores, agreed: own(agency.agreed || {}, c.id), knockout });
    }
  }
  return out;
}

/** Evidence statuses that rest on something the merchant saw or checked herself. */
export const VERIFIED = Object.freeze(['seen', 'checked']);

/** The weight from which a criterion is heavy: the median weight of the criteria (the lower middle one of an even count). */
export function heavyWeight(data) {
  const weights = criteriaOf(data).map((c) => c.weight).sort((x, y) => x - y);
  return weights.length ? weights[Math.floor((weights.length - 1) / 2)] : 0;
}

/**
 * How much of agency's score rests on evidence seen or checked: {share (percent of the weight of
 * the criteria scored with a level, null when none), verified, weight, unverified}. unverified
 * lists the heavy criteria scored on a claim or with no evidence recorded: knock-outs and those
 * weighing at least the median criterion, knock-outs first, then heaviest, then display order;
 * each {criterion, status ("claimed" or null)}.
 */
export function evidenceShare(data, agency) {
  const list = criteriaOf(data);
  const scores = answers(data, agency);
  const median = heavyWeight(data);
  let weight = 0;
  let verified = 0;
  const unverified = [];
  list.forEach((c, index) => {
    if (!isLevel(own(scores, c.id))) return;
    weight += c.weight;
    const e = own(agency.evidence || {}, c.id);
    if (e && VERIFIED.includes(e.status)) verified += c.weight;
    else if (c.knockout || c.weight >= median) {
      unverified.push({ criterion: c.id, status: e ? e.status : null, ko: Boolean(c.knockout), w: c.weight, index });
    }
  });
  unverified.sort((a, b) => Number(b.ko) - Number(a.ko) || b.w - a.w || a.index - b.index);
  return { share: weight ? (verified * 100) / weight : null, verified, weight,
    unverified: unverified.map((u) => ({ criterion: u.criterion, status: u.status })) };
}

/** The claims marked contradicted, over all agencies: [{agency (index), criterion, text}] in display order. */
export function contradictions(data, doc) {
  const out = [];
  doc.agencies.forEach((a, index) => {
    for (const c of criteriaOf(data)) {
      const claim = own(a.claims || {}, c.id);
      if (claim && claim.contradicted) out.push({ agency: index, criterion: c.id, text: claim.text });
    }
  });
  return out;
}

/**
 * One person's scores of doc as a document of their own (for export): their scores, notes and
 * flags as the owner's, with the agencies' names; who is null for the owner or a reviewer id.
 */
export function reviewerDocument(data, doc, who) {
  const reviewer = who === null ? null : doc.reviewers.find((r) => r.id === who);
  const name = reviewer ? reviewer.name : doc.owner.name;
  const agencies = [];
  for (const a of doc.agencies) {
    const sheet = reviewer ? own(a.reviews, reviewer.id) : a;
    if (sheet) agencies.push({ id: a.id, name: a.name, ...emptyParts(), scores: record(sheet.scores),
      notes: record(sheet.notes), flags: record(sheet.flags) });
  }
  return { format: doc.format, formatVersion: doc.formatVersion, criteria: { ...doc.criteria, ids: [...doc.criteria.ids] },
    owner: { name }, reviewers: [], agencies };
}


/** The reviewer of id in doc (when still there), else the one named name (added when new): their id, or null past the limit. */
function reviewerId(doc, name, id) {
  const found = doc.reviewers.find((r) => r.id === id) || doc.reviewers.find((r) => r.name.trim() === name.trim());
  if (found) return found.id;
  if (doc.reviewers.length >= LIMITS.reviewers) return null;
  let fresh;
  do fresh = `r${Math.random().toString(36).slice(2, 10)}`; while (doc.reviewers.some((r) => r.id === fresh));
  doc.reviewers.push({ id: fresh, name: name.trim() });
  return fresh;
}

/**
 * incoming's scores, notes and flags (what counts in it, per agency) added to doc as the scores of
 * reviewer (an id: an update, their earlier ones of those agencies replaced) or of the reviewer
 * named name: agencies matched by name (trimmed), the others added. Agreed scores stay. False past
 * a limit (doc unchanged).
 */
export function addReview(doc, name, incoming, defaultName, reviewer) {
  const next = { ...doc, reviewers: [...doc.reviewers], agencies: doc.agencies.map(copyAgency) };
  const id = reviewerId(next, name, reviewer);
  if (id === null) return false;
  for (const a of incoming.agencies) {
    let target = next.agencies.find((b) => b.name.trim() === a.name.trim());
    if (!target) {
      if (next.agencies.length >= LIMITS.agencies) return false;
      target = { ...newAgency(next, defaultName), name: a.name };
      next.agencies.push(target);
    }
    target.reviews[id] = { scores: counted(a), notes: record(a.notes), flags: record(a.flags) };
  }
  Object.assign(doc, next);
  return true;
}

/**
 * How many answers of reviewer id differ between documents before and after: a criterion of an
 * agency counts once when its score, note or flags changed.
 */
export function reviewChanges(before, after, id) {
  const sheet = (doc, agencyId) => {
    const agency = doc.agencies.find((a) => a.id === agencyId);
    return (agency && own(agency.reviews || {}, id)) || { scores: {}, notes: {}, flags: {} };
  };
  let n = 0;
  for (const a of after.agencies) {
    const [b, x] = [sheet(before, a.id), sheet(after, a.id)];
    const ids = new Set(['scores', 'notes', 'flags'].flatMap((f) => [...Object.keys(b[f]), ...Object.keys(x[f])]));
    for (const c of ids) {
      if (['scores', 'notes', 'flags'].some((f) => JSON.stringify(own(b[f], c)) !== JSON.stringify(own(x[f], c)))) n += 1;
    }
  }
  return n;
}

/** The agency's written answers from a declaration file (declaration.js parseDeclaration) in agency. */
export function takeDeclaration(agency, declaration) {
  const { answers: written, ...header } = declaration;
  const claims = record();
  for (const [id, answer] of Object.entries(written)) {
    const before = own(agency.claims, id);
    claims[id] = { text: answer.text, attached: answer.attached,
      contradicted: Boolean(before && before.contradicted && before.text === answer.text) };
    if (!own(agency.evidence, id) && answer.text.trim()) agency.evidence[id] = { status: 'claimed', date: header.date, where: '' };
  }
  agency.claims = claims;
  agency.declaration = header;
}
