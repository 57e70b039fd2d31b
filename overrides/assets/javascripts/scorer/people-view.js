/*
 * Several reviewers on the worksheet (scorer.js): who is scoring (the owner's name), the other
 * reviewers (each one's own scores exported, or removed after a confirmation), the disagreement
 * view next to the ranking (settled by choosing the agreed score: an "agree" edit, undone with an
 * empty one), the mark on a criterion whose counted score is an agreed or a reviewer's one, and the
 * "add as a reviewer's scores" choice offered by a share link and an import. The words are
 * people-text.js's, the document's rules people.js's (through state.js edits).
 * Buttons here carry data-pp (not data-action), so the scorer's own click handling leaves them alone.
 */
import { fill, hasData } from './storage.js';
import { reviewChanges, reviewerDocument } from './people.js';
import { criteriaOf } from './state.js';
import { fileName } from './state-text.js';
import { download, h } from './views.js';
import {
  countedOrigin, defaultReviewer, disagreementsOf, freeName, nameProblem, ownerLabel, reviewerNamed, sayNameProblem,
  scoreText,
} from './people-text.js';

const button = (attrs, text, primary = false) => h('button', { type: 'button',
  class: `md-button${primary ? ' md-button--primary' : ''}`, ...attrs }, text);
const NO_PEOPLE = { owner: { name: '' }, reviewers: [] };

/**
 * The "add as a reviewer's scores" choice of scorer's page for scores sent by name. When name (case,
 * width and spaces aside) is a reviewer's here, a colleague sending their scores again, the first
 * choice updates that reviewer's scores: add(reviewer's name, reviewer's id). Then, or else, a name
 * field (name made distinct from everyone's here, "王 (2)") and a button adding the scores as a new
 * reviewer's: add(name) runs unless the name is already the owner's or a reviewer's: then the
 * message, right above the button, suggests a free name and puts it in the field, so a second tap adds it.
 */
export function reviewForm(scorer, name, add) {
  const s = scorer.s;
  const state = scorer.state || NO_PEOPLE;
  const same = reviewerNamed(state, name);
  const input = h('input', { type: 'text', class: 'kit-pp-review-name', maxlength: 80, autocomplete: 'off' });
  input.value = freeName(s, state, name);
  const message = h('p', { class: 'kit-pp-taken kit-sc-warning', role: 'alert', hidden: true });
  const go = button({ 'data-pp': 'review' }, same ? s.ppReviewNew : s.ppReviewAdd, !same);
  go.addEventListener('click', () => {
    scorer.store.load(); // the names saved now (another tab may have added someone)
    const doc = scorer.state || NO_PEOPLE;
    const problem = nameProblem(s, doc, input.value);
    sayNameProblem(input, message, problem);
    if (!problem) add(input.value);
    else input.value = freeName(s, doc, input.value);
  });
  let update = [];
  if (same) {
    const again = button({ 'data-pp': 'update', 'data-reviewer': same.id }, fill(s.ppUpdate, { name: same.name }), true);
    again.addEventListener('click', () => add(same.name, same.id));
    update = [h('p', { class: 'kit-sc-hint kit-pp-update-hint' }, fill(s.ppUpdateHint, { name: same.name })),
      h('p', { class: 'kit-sc-buttons' }, again)];
  }
  return h('div', { class: 'kit-pp-review' }, ...update,
    h('label', { class: 'kit-sc-box-label' }, h('span', {}, same ? s.ppReviewNewName : s.ppReviewName), input),
    h('p', { class: 'kit-sc-hint' }, s.ppReviewHint), message, h('p', { class: 'kit-sc-buttons' }, go));
}

/**
 * incoming (a checked document: a share link's or a file's) added to the scorer's document as the
 * scores of the reviewer named name (a "review" edit), or, given reviewer (an id), as that reviewer's
 * new scores in place of their earlier ones. Three empty agencies of a new sheet make way first.
 * The message to show, and whether it worked: {ok, text}.
 */
export function addAsReviewer(scorer, incoming, name, reviewer) {
  const s = scorer.s;
  scorer.store.load(); // taken into what is saved now
  const who = name.trim() || defaultReviewer(s, scorer.state);
  const before = JSON.parse(JSON.stringify(scorer.state));
  if (!hasData(scorer.state, scorer.patterns)) scorer.edit({ type: 'replace', doc: { ...scorer.state, agencies: [] } });
  const done = scorer.edit({ type: 'review', name: who, doc: incoming, reviewer });
  if (scorer.state.agencies.length && !scorer.state.agencies.some((a) => a.id === scorer.active)) {
    scorer.active = scorer.state.agencies[0].id;
  }
  scorer.showNotices();
  scorer.refresh();
  if (!done) return { ok: false, text: s.ppReviewFailed };
  const updated = reviewer && before.reviewers.find((r) => r.id === reviewer);
  return { ok: true, text: updated
    ? fill(s.ppUpdated, { name: updated.name, n: reviewChanges(before, scorer.state, reviewer) })
    : fill(s.ppReviewed, { name: who, n: incoming.agencies.length }) };
}

export class PeopleView {
  constructor(scorer) {
    this.scorer = scorer;
    this.data = scorer.data;
    this.s = scorer.s;
    const s = this.s;
    this.owner = h('input', { type: 'text', class: 'kit-pp-owner', id: 'kit-pp-owner', maxlength: 80,
      autocomplete: 'off', placeholder: s.ppMe });
    this.ownerMessage = h('p', { class: 'kit-pp-taken kit-sc-warning', id: 'kit-pp-owner-taken', role: 'alert',
      hidden: true });
    this.owner.setAttribute('aria-describedby', 'kit-pp-owner-taken');
    this.list = h('ul', { class: 'kit-pp-list' });
    this.message = h('p', { class: 'kit-pp-message', role: 'status', 'aria-live': 'polite' });
    this.box = h('fieldset', { class: 'kit-pp-people' }, h('legend', {}, s.ppWho),
      h('label', { class: 'kit-sc-box-label', for: 'kit-pp-owner' }, h('span', {}, s.ppOwnerName)), this.owner,
      this.ownerMessage, h('p', { class: 'kit-sc-hint' }, s.ppOwnerHint), this.list, this.message);
    this.jump = h('a', { href: '#kit-pp-disagree', class: 'kit-pp-jump', hidden: true }, `${s.ppDisagree} ↓`);
    this.summary = h('p', { class: 'kit-pp-summary', role: 'status', 'aria-live': 'polite' });
    this.body = h('div', { class: 'kit-pp-body' });
    this.disagreeBox = h('section', { class: 'kit-pp-disagree', hidden: true, 'aria-labelledby': 'kit-pp-disagree' },
      h('h4', { id: 'kit-pp-disagree', tabindex: -1 }, s.ppDisagree), h('p', { class: 'kit-sc-hint' }, s.ppDisagreeIntro),
      this.summary, this.body);
    // A reviewer's name is refused as the owner's (saved only once it differs); left so, the saved one comes back.
    this.owner.addEventListener('input', () => {
      const problem = nameProblem(s, this.state || NO_PEOPLE, this.owner.value, null);
      sayNameProblem(this.owner, this.ownerMessage, problem);
      if (problem) return;
      this.scorer.edit({ type: 'owner', value: this.owner.value });
      this.refresh();
    });
    this.owner.addEventListener('change', () => {
      if (!this.ownerMessage.hidden && this.state) this.owner.value = this.state.owner.name;
    });
    scorer.root.addEventListener('click', (event) => {
      const target = event.target.closest('button[data-pp]');
      if (target) this.act(target);
    });
    this.box.addEventListener('focusout', (event) => {
      if (event.target.dataset && event.target.dataset.armed) this.disarm(event.target);
    });
  }

  get state() {
    return this.scorer.state;
  }

  act(target) {
    const { pp, agency, criterion, reviewer } = target.dataset;
    if (pp === 'agree') this.agree(agency, criterion, target.dataset.value === 'na' ? 'na' : Number(target.dataset.value));
    else if (pp === 'unagree') this.agree(agency, criterion, undefined);
    else if (pp === 'export') this.exportOf(reviewer === '' ? null : reviewer);
    else if (pp === 'forget') this.forget(target, reviewer);
  }

  /** Sets (or, value undefined, removes) the agreed score; focus stays on the disagreement's controls. */
  agree(agency, criterion, value) {
    this.scorer.edit({ type: 'agree', agency, criterion, value });
    this.scorer.renderResults(); // the ranking follows the counted scores; this view is drawn again with it
    const item = [...this.root().querySelectorAll('.kit-pp-item')]
      .find((el) => el.dataset.agency === agency && el.dataset.criterion === criterion);
    const next = item && item.querySelector('button');
    if (next) next.focus({ preventScroll: true });
  }

  root() {
    return this.scorer.root;
  }

  /** One person's own scores as a JSON file (text to copy in a chat app's browser); who null for the owner. */
  exportOf(who) {
    const doc = reviewerDocument(this.data, this.state, who);
    const text = `${JSON.stringify(doc, null, 2)}\n`;
    const person = who === null ? ownerLabel(this.s, this.state) : doc.owner.name;
    const name = fileName(this.data, { agencies: [{ name: person }] }, 'scores', 'json');
    if (!download(name, 'application/json', text)) this.scorer.transfer.show(text);
    this.message.textContent = fill(this.s.ppExported, { name: person });
  }

  /** Removes a reviewer's scores on the second tap (the first asks, as the scorer's other removals do). */
  forget(target, reviewer) {
    const found = this.state.reviewers.find((r) => r.id === reviewer);
    if (!found) return;
    if (!target.dataset.armed) {
      target.dataset.armed = '1';
      target.dataset.label = target.textContent;
      target.textContent = fill(this.s.ppForgetConfirm, { name: found.name });
      return;
    }
    this.scorer.edit({ type: 'forget', reviewer });
    this.scorer.refresh();
    this.message.textContent = fill(this.s.ppForgotten, { name: found.name });
    this.owner.focus({ preventScroll: true });
  }

  disarm(target) {
    delete target.dataset.armed;
    target.textContent = target.dataset.label;
  }

  /** Everything from the document: the owner's name, the reviewers, the disagreements, the marks. */
  refresh() {
    if (!this.state) return;
    if (document.activeElement !== this.owner) this.owner.value = this.state.owner.name;
    this.renderList();
    this.renderDisagreements();
    this.renderMarks();
  }

  renderList() {
    const s = this.s;
    const reviewers = this.state.reviewers;
    const count = (id) => this.state.agencies.filter((a) => Object.prototype.hasOwnProperty.call(a.reviews || {}, id))
      .length;
    const item = (id, name, n, forget) => h('li', { class: 'kit-pp-person', 'data-reviewer': id === null ? '' : id },
      h('span', { class: 'kit-pp-name' }, fill(s.ppPerson, { name, n })),
      h('span', { class: 'kit-sc-buttons' }, button({ 'data-pp': 'export', 'data-reviewer': id === null ? '' : id },
        fill(s.ppExport, { name })),
      forget ? button({ 'data-pp': 'forget', 'data-reviewer': id, class: 'md-button kit-sc-danger' },
        fill(s.ppForget, { name })) : null));
    this.list.replaceChildren(...(reviewers.length ? [
      item(null, ownerLabel(s, this.state), this.state.agencies.filter((a) => Object.keys(a.scores).length).length, false),
      ...reviewers.map((r) => item(r.id, r.name, count(r.id), true))]
      : [h('li', { class: 'kit-pp-none' }, s.ppNoReviewers)]));
  }

  renderDisagreements() {
    const s = this.s;
    const show = this.state.reviewers.length > 0;
    this.disagreeBox.hidden = !show;
    this.jump.hidden = !show;
    if (!show) return;
    const all = disagreementsOf(this.data, this.state);
    const found = all.reduce((n, a) => n + a.items.length, 0);
    const open = all.reduce((n, a) => n + a.open, 0);
    this.summary.textContent = found ? fill(s.ppDisagreeCount, { n: found, open }) : s.ppDisagreeNone;
    const titles = new Map(criteriaOf(this.data).map((c) => [c.id, `${c.number} ${c.title}`]));
    const names = this.scorer.names();
    this.body.replaceChildren(...all.filter((a) => a.items.length).map((a) => h('div', { class: 'kit-pp-agency',
      'data-agency': a.agency.id }, h('h5', {}, fill(s.ppAgencyCount, { name: names[a.index], n: a.items.length,
      open: a.open })), a.items.map((d) => this.item(a.agency, d, titles.get(d.criterion))))));
  }

  /** One disagreement: who scored what, and the agreed score (buttons) or the settled one (undo). */
  item(agency, d, title) {
    const s = this.s;
    const given = new Set(d.scores.map((x) => x.value));
    const settled = d.agreed !== undefined;
    return h('div', { class: `kit-pp-item${settled ? ' kit-pp-settled' : ''}`, 'data-agency': agency.id,
      'data-criterion': d.criterion },
    h('p', { class: 'kit-pp-title' }, h('strong', {}, title || d.criterion),
      d.knockout ? [' ', h('span', { class: 'kit-tag kit-tag-ko' }, s.ppKoDiffers)] : null),
    h('ul', { class: 'kit-pp-scores' }, d.scores.map((x) => h('li', { 'data-reviewer': x.id === null ? '' : x.id },
      `${x.label}${s.colon || ': '}`, h('strong', {}, scoreText(s, x.value))))),
    settled ? h('p', { class: 'kit-pp-agreed kit-sc-buttons' }, h('span', {}, fill(s.ppSettled,
      { score: scoreText(s, d.agreed) })), button({ 'data-pp': 'unagree', 'data-agency': agency.id,
      'data-criterion': d.criterion }, s.ppUnsettle))
      : h('p', { class: 'kit-pp-choose kit-sc-buttons' }, h('span', {}, s.ppAgreePick), this.data.scale.levels.map((lv) => button({
        'data-pp': 'agree', 'data-agency': agency.id, 'data-criterion': d.criterion, 'data-value': String(lv.score),
        class: `md-button kit-pp-level${given.has(lv.score) ? ' kit-pp-given' : ''}`,
        'aria-label': `${s.ppAgreePick} ${lv.score} ${lv.label}` }, String(lv.score)))));
  }

  /** On the active agency's criteria: where the score that counts is an agreed one or a reviewer's, say so. */
  renderMarks() {
    const agency = this.scorer.agency();
    for (const field of this.scorer.criteriaBox.querySelectorAll('fieldset.kit-sc-criterion')) {
      let mark = field.querySelector('.kit-pp-counted');
      const origin = agency ? countedOrigin(this.data, this.state, agency, field.dataset.criterion) : null;
      if (!origin && !mark) continue;
      if (!mark) {
        mark = h('p', { class: 'kit-pp-counted' });
        field.querySelector('.kit-sc-levels').after(mark);
      }
      mark.hidden = !origin;
      if (!origin) continue;
      mark.dataset.kind = origin.kind;
      mark.replaceChildren(h('span', {}, origin.text), ...(origin.kind === 'agreed' ? [button({ 'data-pp': 'unagree',
        'data-agency': agency.id, 'data-criterion': field.dataset.criterion }, this.s.ppUnsettle)] : []));
    }
  }
}
