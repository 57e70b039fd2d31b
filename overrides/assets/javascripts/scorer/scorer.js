/*
 * The scorer: state (agencies, scores, notes), events and rendering into the page.
 *
 * Progressive enhancement. The page (generator/render/forms.py) holds the printable sheet,
 * which works without scripts, and a <template id="kit-scoring-data"> holding JSON
 * (generator/render/scoring_data.py) with the criteria, the scale and the interface strings in
 * the page's language. The scorer is built in the #kit-scorer-slot after that element, after
 * the heading and introduction the page already shows there (right after the element if there
 * is no slot); the slot keeps the scorer's room while scripts load, so the sheet below does
 * not jump. Agencies side by side, scores and
 * notes per criterion, live section scores and totals, knock-outs, a ranking and an SVG chart;
 * saved in localStorage under "kit-scoring:<criteria id>", exported as JSON or CSV, printed
 * filled in. This is the view: the document, its edits and their merge with what other pages
 * save are state.js's (Store), its texts state-text.js's; export, import and print are
 * scorer-files.js's.
 */
import { display } from './rule.js';
import { closeText, verdictText } from './verdict-text.js';
import {
  LIMITS, MAX_AGENCIES, ShapeError, defaultLetter, fill, own, removeSaved,
} from './storage.js';
import {
  Store, agencyName, answered, criteriaOf, describe, freshDocument, results, stampOf,
} from './state.js';
import { criteriaChanges, reason } from './state-text.js';
import { figure } from './chart.js';
import { currentApp } from './inapp.js';
import { Transfer, copyBox, inAppNote } from './transfer.js';
import { ShareView } from './share-view.js';
import { PeopleView } from './people-view.js';
import { showWorksheetClaims, worksheetClaims } from './claims.js';
import {
  buildCriterion, buildSection, download, h, rankingTable, remoteNotice, swatch,
} from './views.js';
import * as files from './scorer-files.js';
import { finishPrint } from './scorer-files.js';
import { addEvidence, evidenceLines, saveEvidence, showAllEvidence } from './evidence.js';
import { afterPaint } from './every-page.js';

export const ROOT_ID = 'kit-scorer';
const SLOT_ID = 'kit-scorer-slot';
const LATER_PER_FRAME = 3; // criteria built a frame after the first section (buildLater): a few dozen elements each

export { finishPrint };

export class Scorer {
  constructor(anchor, data) {
    this.data = data;
    this.s = data.strings;
    this.store = new Store(data);
    this.criteria = criteriaOf(data);
    this.ids = this.criteria.map((c) => c.id);
    this.patterns = data.defaultNames || [this.s.defaultName];
    this.app = currentApp(); // a chat app's built-in browser: no file downloads (inapp.js)
    const slot = document.getElementById(SLOT_ID);
    // The slot holds the heading and introduction (worksheet.html.j2), painted with the page before any
    // script ran: the scorer is built in the slot, after them, and never re-creates them (issue 30: they
    // are the first screen's largest text, and a new copy would be painted again later).
    // It gets its id, which tests wait for, once built whole (ready()).
    this.head = slot && slot.firstElementChild ? [...slot.children] : null;
    if (this.head) {
      this.root = slot;
      slot.className = 'kit-scorer';
    } else {
      this.root = h('section', { class: 'kit-scorer', 'aria-labelledby': 'kit-sc-title' });
      if (slot) slot.replaceWith(this.root);
      else anchor.after(this.root);
    }
    for (const type of ['click', 'change', 'input', 'focusout']) {
      this.root.addEventListener(type, (event) => this.on(event));
    }
    this.share = new ShareView(this); // the share link: made below, received at the top
    this.people = new PeopleView(this); // who is scoring, other reviewers, disagreements (people-view.js)
    this.load();
    this.share.receive();
  }

  /** The document shown (the Store's, re-read before every change). */
  get state() {
    return this.store.state;
  }

  get storable() {
    return this.store.storable;
  }

  get key() {
    return this.store.key;
  }

  /* Loading and saving */

  load() {
    this.store.load();
    const { corrupt } = this.store;
    this.corrupt = corrupt && { raw: corrupt.raw, reason: reason(this.s, corrupt.error) };
    this.active = this.state && this.state.agencies.length ? this.state.agencies[0].id : null;
    this.render();
  }

  /** The element matching selector whose data-agency is id (any characters). */
  byAgency(box, selector, id) {
    return box.querySelector(`${selector}[data-agency="${CSS.escape(id)}"]`);
  }

  /** Applies edit (state.js) to the document as saved now, saves it, shows the outcome; what the edit returned. */
  edit(edit) {
    const done = this.store.commit(edit);
    if (!this.state) return this.load();
    this.remote.hidden = true;
    if (!this.state.agencies.some((a) => a.id === this.active)) {
      this.active = this.state.agencies.length ? this.state.agencies[0].id : null;
    }
    this.saved.textContent = this.storable ? this.s.saved : this.s.noStorage;
    this.saved.classList.toggle('kit-sc-warning', !this.storable);
    return done;
  }

  /** Another page saved the document (a "storage" event): show it, and say what changed. */
  sync() {
    const { before, after, diffs } = this.store.sync();
    if (!after || !before) {
      this.load();
      return;
    }
    if (!diffs.length) return;
    if (!after.agencies.some((a) => a.id === this.active)) this.active = after.agencies.length ? after.agencies[0].id : null;
    const focused = document.activeElement;
    this.showNotices();
    this.refresh(focused);
    this.remote.show(fill(this.s.remote, { what: describe(this.data, before, after, diffs) }));
    const mine = new Set(diffs.filter((d) => d.agency === this.active && d.criterion).map((d) => d.criterion));
    for (const field of this.criteriaBox.querySelectorAll('fieldset.kit-sc-criterion')) {
      field.classList.toggle('kit-remote-changed', mine.has(field.dataset.criterion));
    }
  }

  /* Building the interface */

  render() {
    if (!this.head) {
      this.head = [h('h2', { id: 'kit-sc-title' }, this.s.title), h('p', { class: 'kit-sc-intro' }, this.s.intro),
        this.data.interview ? h('p', { class: 'kit-sc-intro kit-sc-interview' }, `${this.data.interview.text} `,
          h('a', { href: this.data.interview.href }, this.data.interview.link)) : null].filter(Boolean);
      this.root.append(...this.head);
    }
    this.later = []; // sections still to build (buildLive)
    const last = this.head[this.head.length - 1];
    while (this.root.lastChild !== last) this.root.lastChild.remove(); // the heading stays, the rest is built anew
    this.root.append(...[ // filtered: append would show a null as the text "null"
      this.app ? inAppNote(this.s, this.app, this.s.pictureLink) : null,
      this.share.received,
      this.state ? h('p', { class: 'kit-sc-jumps' }, h('a', { href: '#kit-sc-compare' }, `${this.s.toRanking} ↓`),
        this.people.jump, h('a', { href: '../report/' }, this.s.reportLink)) : null,
      (this.notices = h('div', { class: 'kit-sc-notices', role: 'status', 'aria-live': 'polite' })),
      this.state ? this.buildLive() : this.buildCorrupt(),
      (this.remote = remoteNotice(this.s)),
    ].filter(Boolean));
    this.showNotices();
    if (this.state) this.refresh();
    this.foldBlank();
    if (this.later.length) this.buildLater();
    else this.ready();
  }

  /**
   * The criteria sections left out of the first build (buildLive), a few criteria a frame, so that the
   * page's first build, style and layout are not one long task (issue 30: blocking time); then the values
   * of those criteria, and the scorer is ready. The totals above come from the document: exact throughout.
   */
  buildLater() {
    const box = this.criteriaBox;
    const queue = this.later.flatMap((section) => [{ section }, ...section.criteria.map((criterion) => ({ criterion }))]);
    let shell = null;
    const step = (limit) => { // builds up to limit criteria, then, when none are left, finishes
      for (let built = 0; built < limit && queue.length;) {
        const { section, criterion } = queue.shift();
        if (section) {
          shell = box.appendChild(buildSection(this.data, { ...section, criteria: [] }));
        } else {
          const row = document.createDocumentFragment();
          row.append(buildCriterion(this.data, criterion));
          addEvidence(this.s, row);
          shell.append(row);
          built += 1;
        }
      }
      if (queue.length) return;
      this.renderValues(document.activeElement);
      const index = this.state.agencies.findIndex((a) => a.id === this.active);
      if (index >= 0) this.markCriteria(this.results().results[index]);
      this.people.renderMarks();
      this.ready();
    };
    const next = () => {
      if (box !== this.criteriaBox || !box.isConnected || this.flush !== flush) return; // built anew, or finished
      step(LATER_PER_FRAME);
      if (this.flush === flush) afterPaint(next);
    };
    // The merchant's first tap, key or edit in the scorer builds the rest at once (on()).
    const flush = () => step(Infinity);
    this.flush = flush;
    afterPaint(next);
  }

  /** Built whole: the scorer's id, which tests (and main.js) take as the sign that it is ready. */
  ready() {
    this.built = true;
    this.flush = null;
    this.root.id = ROOT_ID;
    if (this.state) this.renderChart();
  }

  /** Folds the blank sheet below (phones only, scoring.css) behind a button that shows it to print. */
  foldBlank() {
    const blank = document.getElementById('kit-blank');
    if (!blank || this.blankButton) return;
    const form = blank.closest('.kit-worksheet') || blank.parentElement;
    this.blankButton = h('button', { type: 'button', class: 'md-button kit-sc-blank-toggle', 'aria-controls': 'kit-blank',
      'aria-expanded': 'false' }, this.s.blankShow);
    form.classList.add('kit-blank-folded');
    this.blankButton.addEventListener('click', () => {
      const open = form.classList.toggle('kit-blank-folded') === false;
      form.classList.toggle('kit-blank-shown', open); // scoring.css folds it before this script runs
      this.blankButton.setAttribute('aria-expanded', String(open));
      this.blankButton.textContent = open ? this.s.blankHide : this.s.blankShow;
      if (open) blank.scrollIntoView({ block: 'start' });
    });
    blank.before(h('p', { class: 'kit-sc-blank-row kit-screen-only' }, this.blankButton));
  }

  buildCorrupt() {
    return h('div', { class: 'kit-sc-corrupt', role: 'alert' },
      h('p', {}, fill(this.s.corrupt, { reason: this.corrupt.reason })),
      h('p', { class: 'kit-sc-buttons' },
        h('button', { type: 'button', class: 'md-button', 'data-action': 'download-raw' }, this.s.downloadRaw),
        h('button', { type: 'button', class: 'md-button', 'data-action': 'reset' }, this.s.reset)));
  }

  buildLive() {
    this.agencyList = h('ol', { class: 'kit-sc-agency-list' });
    this.addButton = h('button', { type: 'button', class: 'md-button', 'data-action': 'add' }, this.s.add);
    this.picker = h('div', { class: 'kit-sc-picker-options' });
    this.barSelect = h('select', { class: 'kit-sc-bar-select', 'aria-label': this.s.scoringFor });
    this.figures = h('span', { class: 'kit-sc-figures', 'aria-live': 'polite' });
    this.summary = h('div', { class: 'kit-sc-summary' }, h('label', { class: 'kit-sc-bar-pick' },
      h('span', { class: 'kit-sc-bar-label' }, this.s.barLabel), this.barSelect), this.figures);
    this.importBox = h('div', { class: 'kit-sc-import', tabindex: -1 });
    // The first build of the page shows the first section at once and builds the others after (buildLater).
    const sections = this.data.sections;
    this.later = this.built ? [] : sections.slice(1);
    this.criteriaBox = h('div', { class: 'kit-sc-criteria' },
      sections.slice(0, sections.length - this.later.length).map((sec) => buildSection(this.data, sec)));
    this.claims = worksheetClaims(this); // the agency's written answers (claims.js)
    addEvidence(this.s, this.criteriaBox);
    this.empty = h('p', { class: 'kit-sc-empty' }, this.s.noAgencies);
    this.ranking = h('div', { class: 'kit-sc-ranking' });
    this.chartBox = h('figure', { class: 'kit-sc-figure' });
    this.saved = h('p', { class: `kit-sc-saved${this.storable ? '' : ' kit-sc-warning'}` },
      this.storable ? this.s.saved : this.s.noStorage);
    this.file = h('input', { type: 'file', class: 'kit-sc-file', accept: '.json,application/json', hidden: true,
      tabindex: -1 });
    const button = (action, text) => h('button', { type: 'button', class: 'md-button', 'data-action': action }, text);
    // No downloads and no printing in a chat app's browser (it drops both without a word; inapp.js).
    const file = (action, text) => (this.app ? null : button(action, text));
    this.transfer = new Transfer(this);
    return h('div', { class: 'kit-sc-live' },
      h('fieldset', { class: 'kit-sc-agencies' }, h('legend', {}, this.s.agencies), this.agencyList,
        h('p', { class: 'kit-sc-buttons' }, this.addButton,
          h('span', { class: 'kit-sc-hint' }, fill(this.s.max, { max: MAX_AGENCIES })))),
      this.people.box,
      (this.pickerBox = h('fieldset', { class: 'kit-sc-picker' }, h('legend', {}, this.s.scoringFor), this.picker)),
      h('div', { class: 'kit-sc-scoring' }, this.summary, this.claims.element, this.empty, this.criteriaBox),
      h('section', { class: 'kit-sc-compare' }, h('h3', { id: 'kit-sc-compare', tabindex: -1 }, this.s.compare),
        this.ranking, this.people.disagreeBox,
        h('h4', {}, this.s.chart), this.chartBox),
      h('section', { class: 'kit-sc-tools' }, h('h3', {}, this.s.data), this.saved,
        h('p', { class: 'kit-sc-buttons' }, file('export-json', this.s.exportJson),
          button('import-json', this.s.importJson), this.file, file('export-csv', this.s.exportCsv),
          file('print', this.s.print)),
        this.transfer.element,
        this.importBox,
        h('p', { class: 'kit-sc-hint' }, this.s.printHint),
        h('p', { class: 'kit-sc-buttons' }, h('button', { type: 'button', class: 'md-button kit-sc-danger',
          'data-action': 'clear', 'data-confirm': this.s.clearConfirm }, this.s.clear))),
      this.share.element);
  }

  /** The agency's name as shown (state.js). */
  name(agency, index) {
    return agencyName(this.data, agency, index);
  }

  names() {
    return this.state.agencies.map((a, i) => this.name(a, i));
  }

  renderAgencies() {
    const agencies = this.state.agencies;
    this.agencyList.replaceChildren(...agencies.map((a, i) => h('li', { 'data-agency': a.id },
      h('label', {}, h('span', { class: 'kit-sc-name-label' }, swatch(i), ' ', fill(this.s.agencyName, { n: i + 1 })),
        Object.assign(h('input', { type: 'text', class: 'kit-sc-name', 'data-agency': a.id, maxlength: 80,
          autocomplete: 'off' }), { value: defaultLetter(a.name, this.patterns) === null ? a.name : this.name(a, i) })),
      h('button', { type: 'button', class: 'md-button kit-sc-remove', 'data-action': 'remove', 'data-agency': a.id,
        'data-confirm': this.s.removeConfirm, 'aria-label': `${this.s.remove}: ${this.name(a, i)}` }, this.s.remove))));
    this.addButton.disabled = agencies.length >= MAX_AGENCIES;
    this.picker.replaceChildren(...agencies.map((a, i) => h('label', { class: 'kit-sc-pick' },
      Object.assign(h('input', { type: 'radio', name: 'kit-sc-active', value: a.id }), { checked: a.id === this.active }),
      ' ', h('span', { class: 'kit-sc-pick-name', 'data-agency': a.id }, this.name(a, i)))));
    this.barSelect.replaceChildren(...agencies.map((a, i) => Object.assign(h('option', {}, this.name(a, i)),
      { value: a.id, selected: a.id === this.active })));
    const none = agencies.length === 0;
    this.pickerBox.hidden = none;
    this.claims.element.hidden = none;
    this.criteriaBox.hidden = none;
    this.summary.hidden = none;
    this.empty.hidden = !none;
  }

  /** Shows the active agency's scores and notes; a note being typed in (keep) stays as it is. */
  renderValues(keep = null) {
    const agency = this.agency();
    if (!agency) return;
    for (const input of this.criteriaBox.querySelectorAll('input.kit-sc-score')) {
      // Not scored: no option checked, so Tab lands on the first score rather than on "not scored".
      const value = own(agency.scores, input.dataset.criterion);
      input.checked = value !== undefined && input.value === String(value);
    }
    for (const note of this.criteriaBox.querySelectorAll('textarea.kit-sc-note')) {
      if (note !== keep) note.value = own(agency.notes, note.dataset.criterion) || '';
    }
    for (const box of this.criteriaBox.querySelectorAll('input.kit-sc-flag-box')) {
      box.checked = (own(agency.flags || {}, box.dataset.criterion) || []).includes(Number(box.dataset.flag));
    }
    showAllEvidence(this.s, this.criteriaBox, agency, keep);
    for (const count of this.criteriaBox.querySelectorAll('.kit-sc-flag-count')) {
      const n = (own(agency.flags || {}, count.dataset.criterion) || []).length;
      count.textContent = n ? `(${fill(this.s.flagged, { n })})` : '';
    }
    showWorksheetClaims(this, agency);
  }

  /** Everything from the document; focused (an element that had focus) gets it back if rebuilt. */
  refresh(focused = null) {
    const name = focused && focused.classList && focused.classList.contains('kit-sc-name') ? focused.dataset.agency : null;
    this.renderAgencies();
    this.renderValues(focused);
    this.renderResults();
    this.share.refresh();
    const again = name === null ? null : this.byAgency(this.agencyList, 'input', name);
    if (again) again.focus({ preventScroll: true });
  }

  agency() {
    return this.state.agencies.find((a) => a.id === this.active) || null;
  }

  /** Scores, verdicts (each result's .verdict, with its .text), ranks and the close call (state.js). */
  results() {
    return results(this.data, this.state);
  }

  renderResults() {
    const { results, ranks, close } = this.results();
    const index = this.state.agencies.findIndex((a) => a.id === this.active);
    if (index >= 0) {
      const r = results[index];
      this.markCriteria(r);
      this.figures.replaceChildren(`${this.s.total} `, h('strong', { class: 'kit-sc-total' }, display(r.total)), ' · ',
        fill(this.s.counts, { scored: answered(r), na: r.notApplicable, blank: r.unscored }),
        ' · ', h('strong', { class: `kit-sc-verdict kit-sc-v-${r.verdict.kind}${r.disqualified ? ' kit-sc-dq' : ''}`,
          title: r.verdict.text },
          verdictText(this.data, r.verdict, r, true)));
    }
    const note = closeText(this.data, close, this.names());
    this.ranking.replaceChildren(rankingTable(this.s, this.state.agencies, this.names(), results, ranks, this.ids.length),
      note ? h('p', { class: 'kit-sc-close', role: 'note' }, note) : '');
    this.ranking.append(evidenceLines(this.data, this.state.agencies, this.names()));
    this.renderChart(results);
    this.people.refresh();
  }

  /** The active agency's section scores and knock-outs on the criteria built so far (r: its result). */
  markCriteria(r) {
    r.sections.forEach((sec) => {
      const span = this.criteriaBox.querySelector(`.kit-sc-section-score[data-section="${CSS.escape(sec.id)}"]`);
      if (span) span.textContent = `${this.s.sectionScore} ${display(sec.value)}`; // none: not built yet
    });
    for (const field of this.criteriaBox.querySelectorAll('fieldset.kit-sc-criterion')) {
      const knocked = r.knockedOut.includes(field.dataset.criterion);
      field.classList.toggle('kit-sc-knocked', knocked);
      field.querySelector('.kit-sc-ko-msg').hidden = !knocked;
    }
  }

  renderChart(results = null) {
    if (!this.built) return; // drawn once the scorer is built whole (ready)
    // The first chart is drawn after the browser has laid out the scorer just built: reading the box's
    // width in the task that built it forced that layout there, a third of the worksheet's first build
    // (issue 30: blocking time). The chart is below the first screen.
    if (this.chartWidth === undefined) {
      this.chartWidth = null;
      afterPaint(() => {
        this.chartWidth = this.chartBox.clientWidth || 600;
        if (this.state) this.renderChart();
      });
    }
    if (this.chartWidth === null) return;
    this.chartBox.replaceChildren(...figure(this.data, this.state.agencies, results || this.results().results,
      this.chartBox.clientWidth || 600, this.names()));
  }

  /* Notices: criteria changes, kept data of removed criteria, messages */

  showNotices() {
    const items = [];
    if (this.state) {
      const s = this.s;
      const c = criteriaChanges(this.data, this.state);
      const list = (template, ids) => (ids.length ? h('li', {}, fill(template, { ids: ids.join(', ') })) : null);
      if (c.changed) {
        const old = this.state.criteria.version;
        const head = old === this.data.criteria.version ? fill(s.changed, { new: old })
          : fill(s.versionChanged, { old, new: this.data.criteria.version });
        items.push(h('div', { class: 'kit-sc-notice kit-sc-version' }, h('p', {}, head),
          h('ul', {}, list(s.removed, c.removed), list(s.added, c.added), list(s.invalid, c.invalid)),
          h('button', { type: 'button', class: 'md-button', 'data-action': 'ack' }, s.ok)));
      } else if (c.kept.length || c.invalid.length) {
        items.push(h('div', { class: 'kit-sc-notice kit-sc-kept' },
          h('ul', {}, list(s.kept, c.kept), list(s.invalid, c.invalid))));
      }
    }
    this.notices.replaceChildren(...items);
  }

  /** Shows the outcome of an import next to its button, scrolled into view and focused. */
  tell(text, error = false, ...buttons) {
    const message = h('p', { class: `kit-sc-notice kit-sc-message${error ? ' kit-sc-warning' : ''}`,
      role: error ? 'alert' : 'status' }, text);
    const choices = buttons.filter(Boolean);
    this.importBox.replaceChildren(message, ...(choices.length ? [h('p', { class: 'kit-sc-buttons' }, choices)] : []));
    this.importBox.scrollIntoView({ block: 'nearest' });
    this.importBox.focus({ preventScroll: true });
  }

  /* Events */

  on(event) {
    if (this.flush) this.flush(); // the criteria not built yet (buildLater)
    if (this.onEvidence(event)) return;
    const t = event.target;
    if (event.type === 'focusout' && t.dataset && t.dataset.armed) {
      this.disarm(t);
    } else if (event.type === 'click') {
      const button = t.closest('button[data-action]');
      if (button && this.root.contains(button)) this.act(button);
    } else if (event.type === 'change' && (t.name === 'kit-sc-active' || t === this.barSelect)) {
      this.setActive(t.value);
    } else if (event.type === 'change' && t.classList.contains('kit-sc-score')) {
      if (t.value === '') t.checked = false;
      this.edit({ type: 'score', agency: this.active, criterion: t.dataset.criterion,
        value: t.value === '' ? undefined : t.value === 'na' ? 'na' : Number(t.value) });
      this.renderResults();
    } else if (event.type === 'change' && t === this.file && t.files.length) {
      const file = t.files[0];
      t.value = '';
      if (file.size > LIMITS.bytes) {
        files.refuse(this, new ShapeError('size', 'tooBig', { size: Math.ceil(file.size / 1024), max: LIMITS.bytes / 1024 }));
      } else {
        file.text().then((text) => files.importText(this, text));
      }
    } else if (event.type === 'change' && t.classList.contains('kit-sc-flag-box')) {
      const id = t.dataset.criterion;
      const ticked = [...this.criteriaBox.querySelectorAll(`input.kit-sc-flag-box[data-criterion="${CSS.escape(id)}"]:checked`)]
        .map((box) => Number(box.dataset.flag));
      this.edit({ type: 'flags', agency: this.active, criterion: id, value: ticked });
      this.renderValues(t);
    } else if (event.type === 'input' && t.classList.contains('kit-sc-note')) {
      this.edit({ type: 'note', agency: this.active, criterion: t.dataset.criterion, value: t.value });
    } else if (event.type === 'input' && t.classList.contains('kit-sc-name')) {
      this.rename(t.dataset.agency, t.value);
    }
  }

  /** A tap, date or note in a row's evidence control (evidence.js): saved, shown in place, the share line redrawn. */
  onEvidence(event) {
    const saved = saveEvidence(this.s, event, () => this.state && this.agency(),
      (criterion, value) => this.edit({ type: 'evidence', agency: this.active, criterion, value }));
    if (saved && event.type === 'click') this.renderResults();
    return saved;
  }

  setActive(id) {
    this.active = id;
    for (const input of this.picker.querySelectorAll('input')) input.checked = input.value === id;
    this.barSelect.value = id;
    this.renderValues();
    this.renderResults();
  }

  disarm(button) {
    delete button.dataset.armed;
    button.textContent = button.dataset.label;
  }

  act(button) {
    if (button.dataset.confirm && !button.dataset.armed) {
      button.dataset.armed = '1';
      button.dataset.label = button.textContent;
      button.textContent = button.dataset.confirm;
      return;
    }
    if (button.dataset.armed) this.disarm(button);
    const action = button.dataset.action;
    if (action === 'add') this.add();
    else if (action === 'remove') this.remove(button.dataset.agency);
    else if (action === 'export-json') files.exportJson(this);
    else if (action === 'import-json') this.file.click();
    else if (action === 'export-csv') files.exportCsv(this);
    else if (action === 'print') files.print(this);
    else if (action === 'clear') this.clear();
    else if (action === 'download-raw' && !download(`${this.data.criteria.id}-scores-saved.txt`, 'text/plain', this.corrupt.raw)) {
      button.parentElement.after(copyBox(this.s.copyBox, this.corrupt.raw, 'kit-sc-copy-text')[0]);
    }
    else if (action === 'reset') this.reset();
    else if (action === 'ack') this.acknowledge();
    else if (action === 'remote-ok') this.remote.hidden = true;
    else if (action === 'import-replace') files.apply(this, this.pending, this.s.imported);
    else if (action === 'import-merge') files.mergeIn(this, this.pending);
    else if (action === 'import-cancel') this.tell(this.s.importCancelled);
  }

  add() {
    const agency = this.edit({ type: 'add' });
    if (agency) this.active = agency.id;
    this.refresh();
    if (!agency) return;
    const input = this.byAgency(this.agencyList, 'input', agency.id);
    input.focus();
    input.select();
  }

  remove(id) {
    const index = this.state.agencies.findIndex((a) => a.id === id);
    if (index < 0) return;
    const at = this.state.agencies.findIndex((a) => a.id === this.active);
    this.edit({ type: 'remove', agency: id });
    if (this.active === id || !this.agency()) {
      const next = this.state.agencies[Math.min(Math.max(at, 0), this.state.agencies.length - 1)];
      this.active = next ? next.id : null;
    }
    this.refresh();
    this.addButton.focus();
  }

  rename(id, name) {
    if (!this.edit({ type: 'name', agency: id, value: name })) {
      this.refresh();
      return;
    }
    const index = this.state.agencies.findIndex((a) => a.id === id);
    const label = this.byAgency(this.picker, '.kit-sc-pick-name', id);
    label.textContent = this.name(this.state.agencies[index], index);
    this.barSelect.options[index].textContent = label.textContent;
    const remove = this.byAgency(this.agencyList, 'button', id);
    remove.setAttribute('aria-label', `${this.s.remove}: ${label.textContent}`);
    this.renderResults();
  }

  clear() {
    this.edit({ type: 'replace', doc: freshDocument(this.data) });
    this.active = this.state.agencies[0].id;
    this.showNotices();
    this.refresh();
  }

  reset() {
    removeSaved(this.store.key);
    this.load();
  }

  acknowledge() {
    this.edit({ type: 'stamp', criteria: stampOf(this.data) });
    this.showNotices();
  }

  /** Builds the filled-in sheet for printing (scorer-files.js; tests call it through window.kitScoring). */
  preparePrint() {
    files.printSheet(this);
  }
}
