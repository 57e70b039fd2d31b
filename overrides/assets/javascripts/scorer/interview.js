/*
 * The phone interview page: one agency, one criterion card at a time (built from
 * <template id="kit-interview-data">, generator/render/interview.py).
 *
 * It reads and writes the worksheet scorer's saved document ("kit-scoring:<criteria id>",
 * storage.js), so scores, notes and red-flag ticks entered here show on the worksheet and the
 * reverse; every change is an edit of the document as saved now (state.js, Store), so a worksheet
 * open in another tab is never overwritten with old data, and what another tab saves shows here.
 * Which agency was open, the mode and each agency's card are kept apart, under
 * "kit-interview:<criteria id>" as {agency, mode, cards: {agency id: criterion id}}
 * (interview-path.js), so the document format stays as it is.
 */
import { display } from './rule.js';
import { defaultLetter, fill, own, readSaved, writeSaved, MAX_AGENCIES } from './storage.js';
import { Store, agencyName, answered, answers, criteriaOf, describe, results } from './state.js';
import { verdictText } from './verdict-text.js';
import { h, remoteNotice } from './views.js';
import { buildAgencyBox, buildBar, buildCard, buildJump, buildMode, buildNav, levelMeaning } from './interview-card.js';
import { mark, modeOf, modesFor, nextUnanswered, openingCard, readPlace } from './interview-path.js';
import { onSwipe } from './swipe.js';
import { InterviewPeople } from './interview-people.js';
import { interviewClaims, showCardClaim } from './claims.js';
import { saveEvidence } from './evidence.js';

/** The verdict on the finish card (kit-iv-dq when a knock-out eliminates the agency). */
const verdictBlock = (data, verdict, result) => h('strong', {
  class: `kit-iv-verdict kit-sc-v-${verdict.kind}${verdict.kind === 'eliminated' ? ' kit-iv-dq' : ''}` },
verdictText(data, verdict, result));

export const INTERVIEW_ID = 'kit-interview';
const SLOT_ID = 'kit-interview-slot';

export class Interview {
  constructor(anchor, data) {
    this.data = data;
    this.s = data.strings;
    this.store = new Store(data);
    this.key = this.store.key;
    this.placeKey = `kit-interview:${data.criteria.id}`;
    this.criteria = criteriaOf(data);
    this.criteria.forEach((c, index) => { c.index = index; });
    this.levels = new Set(data.scale.levels.map((lv) => lv.score));
    this.ways = modesFor(data.sittings);
    this.patterns = data.defaultNames || [this.s.defaultName];
    this.root = h('section', { id: INTERVIEW_ID, class: 'kit-interview', 'aria-label': this.s.ivTitle });
    const slot = document.getElementById(SLOT_ID);
    if (slot) slot.replaceWith(this.root);
    else anchor.after(this.root);
    for (const type of ['click', 'change', 'input']) this.root.addEventListener(type, (event) => this.on(event));
    this.load();
  }

  /* Saved data */

  get state() {
    return this.store.state;
  }

  load() {
    this.store.load();
    if (!this.state) {
      this.root.replaceChildren(h('p', { class: 'kit-iv-corrupt', role: 'alert' },
        fill(this.s.ivCorrupt, { reason: this.store.corrupt.error.message }), ' ',
        h('a', { href: '../worksheet/' }, this.s.ivToWorksheet)));
      return;
    }
    const place = readPlace(readSaved(this.placeKey).raw);
    this.cards = place.cards;
    this.setMode(place.mode);
    const agency = this.state.agencies.find((a) => a.id === place.agency) || this.state.agencies[0];
    this.open(agency);
    this.build();
    this.show(false);
  }

  /** Applies edit (state.js) to the document as saved now and saves it; what the edit returned. */
  change(edit) {
    const done = this.store.commit(edit);
    if (!this.state) return this.load();
    this.remote.hidden = true;
    this.warning.hidden = this.store.storable;
    if (this.agency()) this.status();
    else {
      // The agency was removed in another tab meanwhile.
      this.open(this.state.agencies[0]);
      this.show(false);
    }
    return done;
  }

  /** Another page saved the document (a "storage" event): show it, and say what changed. */
  sync() {
    const { before, after, diffs } = this.store.sync();
    if (!after || !before || !this.remote) {
      this.load();
      return;
    }
    if (!diffs.length) return;
    if (!this.agency()) this.open(after.agencies[0]);
    const focused = document.activeElement;
    // The note or evidence "where" (evidence.js) being typed in.
    const kind = focused && ['kit-iv-note', 'kit-ev-where'].find((c) => focused.classList.contains(c));
    const typed = kind && { value: focused.value, start: focused.selectionStart, end: focused.selectionEnd };
    if (diffs.some((d) => d.agency === this.active)) this.show(false);
    else {
      this.renderAgencies();
      this.status();
    }
    const again = typed && this.cardBox.querySelector(`.${kind}`);
    if (again && again.offsetParent) {
      // The text being typed in stays as typed (the next keystroke saves it).
      again.value = typed.value;
      again.focus({ preventScroll: true });
      again.setSelectionRange(typed.start, typed.end);
    }
    this.remote.show(fill(this.s.remote, { what: describe(this.data, before, after, diffs) }));
  }

  remember() {
    const agency = this.agency();
    if (agency) this.cards[agency.id] = this.criteria[this.card].id;
    const ids = new Set(this.state.agencies.map((a) => a.id));
    for (const id of Object.keys(this.cards)) if (!ids.has(id)) delete this.cards[id];
    writeSaved(this.placeKey, { agency: this.active, mode: this.mode, cards: this.cards });
  }

  /* The path through the cards (interview-path.js) */

  setMode(name) {
    this.mode = modeOf(name, this.ways);
    this.path = this.ways[this.mode].order(this.criteria);
    this.pathIds = this.path.map((c) => c.id);
  }

  /** Opens agency (or nothing) at its own card: where it was left, else its first unanswered card. */
  open(agency) {
    this.active = agency ? agency.id : null;
    const id = agency ? openingCard(this.pathIds, agency, this.levels, this.cards) : this.pathIds[0];
    this.card = this.criteria.findIndex((c) => c.id === id);
  }

  /** Position of the current card on the path (0-based). */
  position() {
    return this.pathIds.indexOf(this.criteria[this.card].id);
  }

  /** The next card the agency has not answered after the current one (round to the start); null if none. */
  unanswered() {
    const agency = this.agency();
    return agency ? nextUnanswered(this.pathIds, agency, this.levels, this.criteria[this.card].id) : null;
  }

  agency() {
    return this.state.agencies.find((a) => a.id === this.active) || null;
  }

  /** The agency's name as shown (state.js). */
  name(agency, index) {
    return agencyName(this.data, agency, index);
  }

  /* Building */

  build() {
    this.bar = buildBar(this.s);
    this.names = buildAgencyBox(this.s);
    this.jump = buildJump(this.data, this.s);
    this.modes = buildMode(this.s, this.ways, this.mode);
    this.nav = buildNav(this.s);
    this.cardBox = h('div', { class: 'kit-iv-card-box' });
    this.empty = h('p', { class: 'kit-iv-empty' }, this.s.noAgencies);
    this.finish = h('p', { class: 'kit-iv-finish' });
    // Private mode or full storage: say so at once, as the worksheet does.
    this.warning = h('p', { class: 'kit-iv-warning', role: 'alert', hidden: this.store.storable }, this.s.noStorage);
    this.remote = remoteNotice(this.s);
    this.people = new InterviewPeople(this); // the merchant's name, where a counted score comes from
    this.claims = interviewClaims(this); // the agency's written answers (claims.js)
    this.root.replaceChildren(this.bar.box, this.warning, this.names.box, this.claims.element, this.modes.box,
      this.jump.box, this.empty, this.cardBox,
      h('p', { class: 'kit-iv-hint' }, this.s.ivSwipe), this.finish, this.remote, this.nav.box, this.people.box);
    onSwipe(this.cardBox, (step) => this.step(step));
  }

  renderAgencies() {
    const agencies = this.state.agencies;
    this.bar.select.replaceChildren(...agencies.map((a, i) => Object.assign(h('option', {}, this.name(a, i)),
      { value: a.id, selected: a.id === this.active })));
    const agency = this.agency();
    const index = agencies.indexOf(agency);
    this.names.name.value = !agency ? '' : defaultLetter(agency.name, this.patterns) === null ? agency.name
      : this.name(agency, index);
    this.names.add.disabled = agencies.length >= MAX_AGENCIES;
    const none = !agency;
    for (const part of [this.bar.select, this.names.name, this.modes.box, this.jump.box, this.cardBox, this.nav.box,
      this.claims.element]) {
      part.hidden = none;
    }
    this.empty.hidden = !none;
  }

  /** Shows the current card; focus moves to its title when the merchant moved (not on load). */
  show(focus = true) {
    this.renderAgencies();
    const agency = this.agency();
    if (!agency) return;
    const c = this.criteria[this.card];
    const at = this.position();
    this.cardBox.replaceChildren(buildCard(this.data, c, agency, { n: at + 1, total: this.path.length },
      this.ways[this.mode]));
    showCardClaim(this, agency, this.cardBox.firstChild);
    this.jump.select.value = c.id;
    this.nav.prev.disabled = at === 0;
    this.nav.next.disabled = at === this.path.length - 1;
    this.status();
    this.remember();
    const top = this.covered();
    if (focus) {
      this.cardBox.querySelector('h2').focus({ preventScroll: true });
      // The new card starts under the bar, unless its top is already in view there.
      const y = this.cardBox.getBoundingClientRect().top;
      if (y < top || y > window.innerHeight / 2) window.scrollTo({ top: window.scrollY + y - top - 8 });
    }
  }

  /** How much of the screen's top Material's header and the bar cover (kept for scroll-padding). */
  covered() {
    const header = document.querySelector('.md-header');
    const top = (header ? header.getBoundingClientRect().height : 0) + this.bar.box.getBoundingClientRect().height;
    document.documentElement.style.setProperty('--kit-iv-top', `${Math.ceil(top + 8)}px`);
    return top;
  }

  /** Progress, the card's state and knock-out, and the summary on the last card. */
  status() {
    const agency = this.agency();
    if (!agency) return;
    const s = this.s;
    const given = answers(this.data, agency);
    const result = results(this.data, { agencies: [agency] }).results[0];
    const total = this.criteria.length;
    const scored = answered(result); // N/A is an answer too: the card is done
    const at = this.position();
    this.bar.text.textContent = fill(s.ivProgress, { n: at + 1, total: this.path.length, scored });
    this.bar.bar.firstChild.style.width = `${(100 * scored) / total}%`;
    const c = this.criteria[this.card];
    const value = own(given, c.id);
    const level = this.data.scale.levels.find((lv) => lv.score === value);
    const flags = (own(agency.flags, c.id) || []).length;
    const parts = [value === undefined ? s.ivNotScored
      : fill(s.ivScored, { score: level ? `${level.score} ${level.label}` : s.na })];
    if (flags) parts.push(fill(s.ivFlagged, { n: flags }));
    const state = this.cardBox.querySelector('.kit-iv-state');
    if (state) state.textContent = parts.join(' · ');
    const meaning = this.cardBox.querySelector('.kit-iv-meaning');
    if (meaning) meaning.replaceChildren(...levelMeaning(this.data, c, level || value === 'na' ? value : undefined));
    const ko = this.cardBox.querySelector('.kit-iv-ko-msg');
    if (ko) ko.hidden = !result.knockedOut.includes(c.id);
    for (const option of this.jump.select.options) {
      const done = mark(agency, option.value, this.levels);
      option.textContent = done ? fill(done === 'na' ? s.ivJumpNa : s.ivJumpDone, { item: option.dataset.text })
        : option.dataset.text;
    }
    this.nav.unanswered.disabled = this.unanswered() === null;
    this.people.refresh();
    const last = at === this.path.length - 1;
    this.finish.hidden = !last;
    this.finish.replaceChildren(...(last ? [fill(s.ivDone, { total, scored }), ' ',
      h('strong', { class: 'kit-iv-total' }, fill(s.ivTotal, { score: display(result.total) })),
      ' ', verdictBlock(this.data, result.verdict, result), ' ',
      h('a', { href: '../worksheet/' }, s.ivToWorksheet), ' ', h('a', { href: '../report/' }, s.ivToReport)].flat() : []));
  }

  /* Events */

  move(index) {
    if (index < 0 || index >= this.criteria.length || index === this.card) return;
    this.card = index;
    this.show();
  }

  /** One card forward (1) or back (-1) on the path. */
  step(by) {
    const next = this.path[this.position() + by];
    if (next) this.move(next.index);
  }

  on(event) {
    if (this.onEvidence(event)) return;
    const t = event.target;
    const id = this.criteria[this.card].id;
    if (event.type === 'click') {
      const button = t.closest('button[data-action]');
      if (!button) return;
      const id_ = button.dataset.action === 'unanswered' ? this.unanswered() : null;
      if (button.dataset.action === 'remote-ok') this.remote.hidden = true;
      else if (button.dataset.action === 'prev') this.step(-1);
      else if (button.dataset.action === 'next') this.step(1);
      else if (id_ !== null) this.move(this.criteria.findIndex((c) => c.id === id_));
      else if (button.dataset.action === 'add') this.add();
    } else if (event.type === 'change' && t === this.bar.select) {
      this.open(this.state.agencies.find((a) => a.id === t.value));
      this.show(false);
    } else if (event.type === 'change' && t === this.modes.select) {
      this.setMode(t.value);
      // The mode's own start: the first card it visits that is not answered yet.
      this.open(this.agency());
      this.card = this.criteria.findIndex((c) => c.id === (nextUnanswered(this.pathIds, this.agency(), this.levels)
        || this.pathIds[0]));
      this.show();
    } else if (event.type === 'change' && t === this.jump.select) {
      this.move(this.criteria.findIndex((c) => c.id === t.value));
    } else if (event.type === 'change' && t.classList.contains('kit-iv-score')) {
      if (t.value === '') t.checked = false;
      this.change({ type: 'score', agency: this.active, criterion: id,
        value: t.value === '' ? undefined : t.value === 'na' ? 'na' : Number(t.value) });
    } else if (event.type === 'change' && t.classList.contains('kit-iv-flag-box')) {
      const ticked = [...this.cardBox.querySelectorAll('input.kit-iv-flag-box:checked')].map((box) => Number(box.value));
      this.change({ type: 'flags', agency: this.active, criterion: id, value: ticked });
    } else if (event.type === 'input' && t.classList.contains('kit-iv-note')) {
      this.change({ type: 'note', agency: this.active, criterion: id, value: t.value });
    } else if (event.type === 'input' && t === this.names.name) {
      if (!this.change({ type: 'name', agency: this.active, value: t.value })) return;
      const index = this.state.agencies.findIndex((a) => a.id === this.active);
      this.bar.select.options[index].textContent = this.name(this.state.agencies[index], index);
    }
  }

  /** A tap, date or note in the card's evidence control (evidence.js): saved and shown in place. */
  onEvidence(event) {
    return saveEvidence(this.s, event, () => this.state && this.agency(),
      (criterion, value) => this.change({ type: 'evidence', agency: this.active, criterion, value }));
  }

  add() {
    const agency = this.change({ type: 'add' });
    if (!agency) return;
    this.open(agency);
    this.show(false);
    this.names.name.focus();
    this.names.name.select();
  }
}
