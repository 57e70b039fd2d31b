/*
 * The report's part on several reviewers (report.js): under the verdicts, how many disagreements
 * are not settled; after the details, who scored (each person's own total and count per agency)
 * and every disagreement with who scored what and the agreed score. Nothing when no reviewer's
 * scores were added. The ranking and verdicts above already use the counted scores (state.js results).
 */
import { display } from './rule.js';
import { fill } from './storage.js';
import { criteriaOf } from './state.js';
import { h } from './views.js';
import { disagreementsOf, ownTotals, ownerLabel, personLabel, scoreText } from './people-text.js';
import { sheetsOf } from './people.js';
import { notes, ticked } from './summary.js';

/**
 * Each reviewer's red flags and notes on agency (the owner's are in the agency's details), compact: one
 * line per criterion, the flags then the note; all of it text, never markup. [] when they left none.
 */
function remarks(data, doc, agency) {
  const s = data.strings;
  const criteria = criteriaOf(data);
  const sep = s.listSep || '; ';
  return sheetsOf(doc, agency).filter((sheet) => sheet.id !== null).map((sheet) => {
    const flags = new Map(ticked(criteria, sheet).map((f) => [f.criterion.id, f.texts]));
    const said = new Map(notes(criteria, sheet).map((n) => [n.id, n]));
    const ids = [...criteria.map((c) => c.id).filter((id) => flags.has(id) || said.has(id)),
      ...[...said.keys()].filter((id) => !flags.has(id) && !said.get(id).criterion)];
    if (!ids.length) return null;
    const title = (id) => {
      const c = criteria.find((k) => k.id === id);
      return c ? `${c.number} ${c.title}` : `${id} ${s.removedShort}`;
    };
    return h('div', { class: 'kit-rp-remarks', 'data-reviewer': sheet.id },
      h('p', { class: 'kit-rp-remarks-head' }, h('strong', {}, fill(s.ppReportRemarks, { name: personLabel(s, doc, sheet) }))),
      h('ul', {}, ids.map((id) => h('li', { 'data-criterion': id }, h('strong', {}, title(id)), s.colon,
        flags.has(id) ? h('span', { class: 'kit-rp-remarks-flags' }, `${s.flags}${s.colon}${flags.get(id).join(sep)}`) : null,
        flags.has(id) && said.has(id) ? ' · ' : null,
        said.has(id) ? h('span', { class: 'kit-rp-remarks-note' }, `${s.notesHead}${s.colon}${said.get(id).text}`) : null))));
  }).filter(Boolean);
}

/** The line under the verdicts: disagreements not settled (or all settled); [] without reviewers or disagreements. */
export function peopleNote(data, doc) {
  if (!doc.reviewers.length) return [];
  const all = disagreementsOf(data, doc);
  const found = all.reduce((n, a) => n + a.items.length, 0);
  const open = all.reduce((n, a) => n + a.open, 0);
  if (!found) return [];
  const s = data.strings;
  return [h('p', { class: `kit-rp-people-open${open ? ' kit-sc-warning' : ''}`, role: 'note', 'data-open': String(open) },
    open ? fill(s.ppReportOpen, { n: open }) : fill(s.ppReportSettled, { n: found }), ' ',
    h('a', { href: '#kit-rp-people' }, `${s.ppDisagree} ↓`))];
}

/** Who scored what: [] without reviewers, else the heading and one block per agency (names: as shown). */
export function peopleSection(data, doc, names) {
  if (!doc.reviewers.length) return [];
  const s = data.strings;
  const titles = new Map(criteriaOf(data).map((c) => [c.id, `${c.number} ${c.title}`]));
  const everyone = [ownerLabel(s, doc), ...doc.reviewers.map((r) => r.name)].join(s.listSep || ', ');
  const totals = ownTotals(data, doc);
  const blocks = disagreementsOf(data, doc).map((a) => h('div', { class: 'kit-rp-people-agency', 'data-agency': a.agency.id },
    h('h3', {}, names[a.index]),
    h('p', { class: 'kit-rp-people-own' }, totals[a.index].people.map((p) => fill(s.ppReportOwn,
      { name: p.label, total: display(p.total), n: p.scored })).join(s.listSep || '; ')),
    remarks(data, doc, a.agency),
    a.items.length ? h('p', { class: 'kit-pp-summary' }, fill(s.ppDisagreeCount, { n: a.items.length, open: a.open }))
      : h('p', {}, s.ppDisagreeNone),
    a.items.map((d) => h('div', { class: `kit-pp-item${d.agreed === undefined ? '' : ' kit-pp-settled'}`,
      'data-criterion': d.criterion },
    h('p', {}, h('strong', {}, titles.get(d.criterion) || d.criterion),
      d.knockout ? [' ', h('span', { class: 'kit-tag kit-tag-ko' }, s.ppKoDiffers)] : null),
    h('p', {}, d.scores.map((x) => `${x.label} ${scoreText(s, x.value)}`).join(s.listSep || ', '), ' → ',
      h('strong', {}, d.agreed === undefined ? s.ppReportOpenShort : fill(s.ppSettled, { score: scoreText(s, d.agreed) })))))));
  return [h('section', { class: 'kit-rp-people', 'aria-labelledby': 'kit-rp-people' },
    h('h2', { id: 'kit-rp-people' }, s.ppReport), h('p', {}, fill(s.ppReportPeople, { names: everyone })), blocks)];
}
