/*
 * The phone interview page: one agency, one criterion card at a time (built from
 * <template id="kit-interview-data">, generator/render/interview.py).
 *
 * It reads and writes the worksheet scorer's saved document ("kit-scoring:<criteria id>",
 * storage.js), so scores, notes and red-flag ticks entered here show on the worksheet and the
 * reverse; the document is re-read before every change, so a worksheet open in another tab is
 * never overwritten with old data. Which agency and card were open is kept apart, under
 * "kit-interview:<criteria id>" as {agency, card: criterion id}, so the document format stays
 * as it is.
 */
import { display, judge, ruleOf, score } from './rule.js';
import { verdictText } from './verdict-text.js';
import {
  check, defaultLetter, fill, freshState, newAgency, own, parse, readSaved, record, writeSaved, MAX_AGENCIES,
} from './storage.js';
import { h } from './views.js';
import { buildAgencyBox, buildBar, buildCard, buildJump, buildNav } from './interview-card.js';
import { onSwipe } from './swipe.js';

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
    this.key = `kit-scoring:${data.criteria.id}`;
    this.placeKey = `kit-interview:${data.criteria.id}`;
    this.criteria = data.sections.flatMap((section) => section.criteria.map((c) => ({ ...c, section })));
    this.criteria.forEach((c, index) => { c.index = index; });
    this.rule = ruleOf(data);
    this.items = this.rule.items;
    this.levels = new Set(data.scale.levels.map((lv) => lv.score));
    this.patterns = data.defaultNames || [this.s.defaultName];
    this.root = h('section', { id: INTERVIEW_ID, class: 'kit-interview', 'aria-label': this.s.ivTitle });
    const slot = document.getElementById(SLOT_ID);
    if (slot) slot.replaceWith(this.root);
    else anchor.after(this.root);
    for (const type of ['click', 'change', 'input']) this.root.addEventListener(type, (event) => this.on(event));
    this.load();
  }

  /* Saved data */

  /** The saved document, or a fresh one; null (and this.problem) if what is saved cannot be read. */
  read() {
    const { raw, storable } = readSaved(this.key);
    this.storable = storable;
    if (raw === null) {
      // Nothing saved yet: the page's unsaved fresh document (its agency ids must not change).
      if (this.state) return this.state;
      return freshState(this.data, { id: this.data.criteria.id, version: this.data.criteria.version,
        ids: this.criteria.map((c) => c.id) });
    }
    try {
      const state = parse(raw, this.data);
      check(state.criteria.id === this.data.criteria.id, 'criteria.id');
      return state;
    } catch (error) {
      this.problem = error.message;
      return null;
    }
  }

  load() {
    this.state = this.read();
    if (!this.state) {
      this.root.replaceChildren(h('p', { class: 'kit-iv-corrupt', role: 'alert' },
        fill(this.s.ivCorrupt, { reason: this.problem }), ' ',
        h('a', { href: '../worksheet/' }, this.s.ivToWorksheet)));
      return;
    }
    const { raw } = readSaved(this.placeKey);
    let place = {};
    try {
      place = JSON.parse(raw || '{}') || {};
    } catch (error) {
      // A damaged position is only a position: start at the first card.
    }
    const agency = this.state.agencies.find((a) => a.id === place.agency) || this.state.agencies[0];
    this.active = agency ? agency.id : null;
    this.card = Math.max(0, this.criteria.findIndex((c) => c.id === place.card));
    this.build();
    this.show(false);
  }

  /** Applies change(agency) to the freshly re-read document and saves it. */
  change(update) {
    // After a refused write, what is saved is older than what is on screen: keep working on the latter.
    const state = this.unsaved ? this.state : this.read();
    if (!state) return this.load();
    this.state = state;
    const agency = this.agency();
    if (agency) update(agency);
    this.storable = writeSaved(this.key, this.state);
    this.unsaved = !this.storable;
    this.warning.hidden = this.storable;
    this.status();
    return true;
  }

  remember() {
    writeSaved(this.placeKey, { agency: this.active, card: this.criteria[this.card].id });
  }

  agency() {
    return this.state.agencies.find((a) => a.id === this.active) || null;
  }

  /** The agency's name as shown: a default name follows the page's language until renamed. */
  name(agency, index) {
    const letter = defaultLetter(agency.name, this.patterns);
    if (letter !== null) return fill(this.s.defaultName, { letter });
    return agency.name.trim() || fill(this.s.unnamed, { n: index + 1 });
  }

  /* Building */

  build() {
    this.bar = buildBar(this.s);
    this.names = buildAgencyBox(this.s);
    this.jump = buildJump(this.data, this.s);
    this.nav = buildNav(this.s);
    this.cardBox = h('div', { class: 'kit-iv-card-box' });
    this.empty = h('p', { class: 'kit-iv-empty' }, this.s.noAgencies);
    this.finish = h('p', { class: 'kit-iv-finish' });
    // Private mode or full storage: say so at once, as the worksheet does.
    this.warning = h('p', { class: 'kit-iv-warning', role: 'alert', hidden: this.storable }, this.s.noStorage);
    this.root.replaceChildren(this.bar.box, this.warning, this.names.box, this.jump.box, this.empty, this.cardBox,
      h('p', { class: 'kit-iv-hint' }, this.s.ivSwipe), this.finish, this.nav.box);
    onSwipe(this.cardBox, (step) => this.move(this.card + step));
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
    for (const part of [this.bar.select, this.names.name, this.jump.box, this.cardBox, this.nav.box]) part.hidden = none;
    this.empty.hidden = !none;
  }

  /** Shows the current card; focus moves to its title when the merchant moved (not on load). */
  show(focus = true) {
    this.renderAgencies();
    const agency = this.agency();
    if (!agency) return;
    const c = this.criteria[this.card];
    this.cardBox.replaceChildren(buildCard(this.data, c, agency, this.criteria.length));
    this.jump.select.value = c.id;
    this.nav.prev.disabled = this.card === 0;
    this.nav.next.disabled = this.card === this.criteria.length - 1;
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
    const answers = record();
    for (const c of this.criteria) {
      const value = own(agency.scores, c.id);
      if (value === 'na' || this.levels.has(value)) answers[c.id] = value;
    }
    const { min, max } = this.data.scale;
    const result = score(this.items, min, max, answers);
    const total = this.criteria.length;
    const scored = result.scored + result.notApplicable; // N/A is an answer too: the card is done
    this.bar.text.textContent = fill(s.ivProgress, { n: this.card + 1, total, scored });
    this.bar.bar.firstChild.style.width = `${(100 * scored) / total}%`;
    const c = this.criteria[this.card];
    // An old document's N/A on a knock-out criterion counts as not scored.
    const value = c.knockout && own(answers, c.id) === 'na' ? undefined : own(answers, c.id);
    const level = this.data.scale.levels.find((lv) => lv.score === value);
    const flags = (own(agency.flags, c.id) || []).length;
    const parts = [value === undefined ? s.ivNotScored
      : fill(s.ivScored, { score: level ? `${level.score} ${level.label}` : s.na })];
    if (flags) parts.push(fill(s.ivFlagged, { n: flags }));
    const state = this.cardBox.querySelector('.kit-iv-state');
    if (state) state.textContent = parts.join(' · ');
    const ko = this.cardBox.querySelector('.kit-iv-ko-msg');
    if (ko) ko.hidden = !result.knockedOut.includes(c.id);
    const last = this.card === total - 1;
    this.finish.hidden = !last;
    this.finish.replaceChildren(...(last ? [fill(s.ivDone, { total, scored }), ' ',
      h('strong', { class: 'kit-iv-total' }, fill(s.ivTotal, { score: display(result.total) })),
      ' ', verdictBlock(this.data, judge(this.rule, answers, result), result), ' ',
      h('a', { href: '../worksheet/' }, s.ivToWorksheet)].flat() : []));
  }

  /* Events */

  move(index) {
    if (index < 0 || index >= this.criteria.length || index === this.card) return;
    this.card = index;
    this.show();
  }

  on(event) {
    const t = event.target;
    const id = this.criteria[this.card].id;
    if (event.type === 'click') {
      const button = t.closest('button[data-action]');
      if (!button) return;
      if (button.dataset.action === 'prev') this.move(this.card - 1);
      else if (button.dataset.action === 'next') this.move(this.card + 1);
      else if (button.dataset.action === 'add') this.add();
    } else if (event.type === 'change' && t === this.bar.select) {
      this.active = t.value;
      this.show(false);
    } else if (event.type === 'change' && t === this.jump.select) {
      this.move(this.criteria.findIndex((c) => c.id === t.value));
    } else if (event.type === 'change' && t.classList.contains('kit-iv-score')) {
      this.change((agency) => {
        if (t.value === '') delete agency.scores[id];
        else agency.scores[id] = t.value === 'na' ? 'na' : Number(t.value);
      });
      if (t.value === '') t.checked = false;
    } else if (event.type === 'change' && t.classList.contains('kit-iv-flag-box')) {
      const ticked = [...this.cardBox.querySelectorAll('input.kit-iv-flag-box:checked')].map((box) => Number(box.value));
      this.change((agency) => {
        if (ticked.length) agency.flags[id] = ticked;
        else delete agency.flags[id];
      });
    } else if (event.type === 'input' && t.classList.contains('kit-iv-note')) {
      this.change((agency) => {
        if (t.value === '') delete agency.notes[id];
        else agency.notes[id] = t.value;
      });
    } else if (event.type === 'input' && t === this.names.name) {
      this.change((agency) => { agency.name = t.value; });
      const index = this.state.agencies.findIndex((a) => a.id === this.active);
      this.bar.select.options[index].textContent = this.name(this.state.agencies[index], index);
    }
  }

  add() {
    const state = this.read();
    if (!state || state.agencies.length >= MAX_AGENCIES) return;
    this.state = state;
    const agency = newAgency(this.state, this.s.defaultName);
    this.state.agencies.push(agency);
    this.active = agency.id;
    this.card = 0;
    this.storable = writeSaved(this.key, this.state);
    this.unsaved = !this.storable;
    this.warning.hidden = this.storable;
    this.show(false);
    this.names.name.focus();
    this.names.name.select();
  }
}
