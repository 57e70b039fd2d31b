/*
 * The scoring state in words, with no DOM (tested with state.js): why a document was refused,
 * what changed in the criteria since it was saved, and the CSV export.
 */
import { display } from './rule.js';
import { ShapeError, csvCell, fill, own } from './storage.js';
import { agencyName, counted, criteriaOf, results } from './state.js';

/** Today in this browser, as YYYY-MM-DD (the build carries no date: files are dated when made). */
export function today(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A download's file name: criteria id, what it is, the date and the agencies' names, e.g.
 * "kit-scores-2026-12-06-Hangzhou_Agency-B.json"; characters file systems refuse become "-",
 * the names are cut to 60 characters.
 */
export function fileName(data, doc, what, ext, date = today()) {
  const names = doc.agencies.map((a, i) => agencyName(data, a, i).trim().replace(/[\\/:*?"<>|\s\u0000-\u001f\u007f]+/g, '-'))
    .filter(Boolean).join('_');
  const short = Array.from(names).slice(0, 60).join('').replace(/^[-_.]+|[-_.]+$/g, '');
  return `${data.criteria.id}-${what}-${date}${short ? `-${short}` : ''}.${ext}`;
}

/** Why a document was refused, in the page's language (s: the page's strings). */
export function reason(s, error) {
  if (!(error instanceof ShapeError)) throw error;
  if (error.kind === 'json') return s.badJson;
  if (error.kind === 'tooBig') return fill(s.tooBig, error.values);
  if (error.kind === 'tooMany') return fill(s.tooMany, error.values);
  if (error.kind === 'tooLong') return fill(s.tooLong, error.values);
  if (error.kind === 'newer') return fill(s.newerFile, error.values);
  const agency = /^agencies\[(\d+)\]/.exec(error.message);
  if (agency) return fill(s.damaged, { n: Number(agency[1]) + 1, where: error.message });
  return fill(s.badShape, { where: error.message });
}

/**
 * How the criteria changed since doc was saved: {changed, removed, kept (removed ones with data),
 * added, invalid (current criteria with a score that is no level)}.
 */
export function criteriaChanges(data, doc) {
  const ids = criteriaOf(data).map((c) => c.id);
  const levels = new Set(data.scale.levels.map((lv) => lv.score));
  const saved = doc.criteria;
  const current = new Set(ids);
  const withData = new Set(doc.agencies.flatMap((a) => [...Object.keys(a.scores), ...Object.keys(a.notes)]));
  const gone = [...new Set([...saved.ids, ...withData])].filter((id) => !current.has(id));
  const before = new Set(saved.ids);
  const changed = saved.version !== data.criteria.version || saved.ids.join('\n') !== ids.join('\n');
  const invalid = ids.filter((id) => doc.agencies.some((a) => {
    const value = own(a.scores, id);
    return value !== undefined && value !== 'na' && !levels.has(value);
  }));
  return { changed, removed: gone, kept: gone.filter((id) => withData.has(id)),
    added: ids.filter((id) => !before.has(id)), invalid };
}

const STATUS = { claimed: 'evClaimed', seen: 'evSeen', checked: 'evChecked' };

/** The evidence cells of criterion id (status in words, date, where; issue 27), appended to its row. */
function evidenceCells(s, agency, id) {
  const e = own(agency.evidence || {}, id);
  return e ? [s[STATUS[e.status]], e.date, e.where] : ['', '', ''];
}

/**
 * The document as CSV (UTF-8 with BOM, CRLF): a row per agency and criterion, section scores and
 * totals; the evidence status, date and where come last (columns added after the others).
 */
export function csv(data, doc) {
  const s = data.strings;
  const { results: all, ranks } = results(data, doc);
  const known = new Set(criteriaOf(data).map((c) => c.id));
  const text = (value) => (value === undefined ? '' : value === 'na' ? s.na : String(value));
  const rows = [[s.agency, s.rank, s.section, s.no, s.criterionId, s.criterion, s.weight, s.ko, s.score, s.notes,
    s.evHead, s.evCsvDate, s.evCsvWhere]];
  const none = ['', '', ''];
  doc.agencies.forEach((a, i) => {
    const name = agencyName(data, a, i);
    const r = all[i];
    const place = ranks[i] === null ? '' : ranks[i];
    const scores = counted(a); // what the totals rest on: agreed, else own, else the reviewers' (people.js)
    data.sections.forEach((section, si) => {
      for (const c of section.criteria) {
        rows.push([name, place, section.title, c.number, c.id, c.title, c.weight, c.knockout ? s.yes : '',
          text(own(scores, c.id)), own(a.notes, c.id) || '', ...evidenceCells(s, a, c.id)]);
      }
      rows.push([name, place, section.title, section.number, '', s.sectionScore, '', '',
        display(r.sections[si].value), '', ...none]);
    });
    const extra = [...new Set([...Object.keys(a.scores), ...Object.keys(a.notes), ...Object.keys(a.evidence || {})])]
      .filter((id) => !known.has(id));
    for (const id of extra) {
      rows.push([name, place, s.removedShort, '', id, '', '', '', text(own(a.scores, id)), own(a.notes, id) || '',
        ...evidenceCells(s, a, id)]);
    }
    rows.push([name, place, s.total, '', '', s.total, '', r.verdict.text, display(r.total), '', ...none]);
  });
  return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
