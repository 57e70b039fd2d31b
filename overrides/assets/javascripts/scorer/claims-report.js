/*
 * The report's part of the agency's written answers (report.js): the claims the merchant marked
 * contradicted by what she found, first on the report, before the ranking details, per agency with
 * the declaration's company, signatory and date: each is grounds to walk away. The merchant's note
 * on the criterion (what she found) follows the claim when she wrote one.
 */
import { own } from './storage.js';
import { contradictions } from './state.js';
import { h, swatch } from './views.js';
import { declaredBy } from './claims.js';

/** The contradicted claims per agency, in page order: [{index, agency, name, items: [{criterion, text, note}]}]. */
export function contradictedByAgency(data, doc, names) {
  const byId = new Map(data.sections.flatMap((s) => s.criteria).map((c) => [c.id, c]));
  const out = new Map();
  for (const item of contradictions(data, doc)) {
    const agency = doc.agencies[item.agency];
    if (!out.has(item.agency)) out.set(item.agency, { index: item.agency, agency, name: names[item.agency], items: [] });
    out.get(item.agency).items.push({ criterion: byId.get(item.criterion), text: item.text,
      note: own(agency.notes, item.criterion) || '' });
  }
  return [...out.values()];
}

/** The report's first section, or null when no claim is marked contradicted. */
export function contradictedSection(data, doc, names) {
  const s = data.strings;
  const groups = contradictedByAgency(data, doc, names);
  if (!groups.length) return null;
  return h('section', { class: 'kit-rp-contradicted', 'aria-labelledby': 'kit-rp-contradicted' },
    h('h2', { id: 'kit-rp-contradicted' }, s.rpContradicted),
    h('p', {}, s.rpContradictedIntro),
    groups.map((g) => h('div', { class: 'kit-rp-contradicted-agency', 'data-agency': g.agency.id },
      h('h3', {}, swatch(g.index), ' ', `${g.index + 1} · ${g.name}`),
      g.agency.declaration ? h('p', { class: 'kit-rp-declared' }, declaredBy(s, g.agency.declaration)) : null,
      h('ul', {}, g.items.map((item) => h('li', { 'data-criterion': item.criterion.id },
        h('strong', {}, `${item.criterion.number} ${item.criterion.title}`), s.colon,
        h('q', { class: 'kit-rp-claim' }, item.text.trim() || '—'),
        item.note.trim() ? h('span', { class: 'kit-rp-found' }, ` — ${s.notes}${s.colon}${item.note.trim()}`) : null))))));
}

/** An agency's details (section) with its declaration's header under the heading, when it sent one. */
export function withDeclaration(section, s, agency) {
  const heading = section.querySelector('h3');
  if (agency.declaration && heading) heading.after(h('p', { class: 'kit-rp-declared' }, declaredBy(s, agency.declaration)));
  return section;
}

/** The contradicted claims drawn first on the report's picture (p: image.js's painter; ko: its red). */
export function paintContradicted(p, data, summary, ko) {
  const s = data.strings;
  const rows = summary.byIndex;
  const groups = contradictedByAgency(data, { agencies: rows.map((r) => r.agency) }, rows.map((r) => r.name));
  if (!groups.length) return;
  p.text(s.rpContradicted, { size: 42, bold: true, colour: ko });
  p.text(s.rpContradictedIntro, { size: 34 });
  for (const g of groups) {
    p.keyed('', g.index, `${g.index + 1} · ${g.name}`, ko);
    if (g.agency.declaration) p.text(declaredBy(s, g.agency.declaration), { size: 32, indent: 24, after: 0.15 });
    for (const item of g.items) {
      const text = item.text.trim().length > 280 ? `${item.text.trim().slice(0, 280)}…` : item.text.trim();
      p.text(`${item.criterion.number} ${item.criterion.title}${s.colon}“${text}”`, { size: 34, indent: 24, after: 0.15 });
    }
  }
  p.rule();
}
