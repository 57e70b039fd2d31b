/*
 * The scorer: state (agencies, scores, notes), events and rendering into the page.
 *
 * Progressive enhancement. The page (generator/render/forms.py) holds the printable sheet,
 * which works without scripts, and a <template id="kit-scoring-data"> holding JSON
 * (generator/render/scoring_data.py) with the criteria, the scale and the interface strings in
 * the page's language. The scorer is built in place of the empty #kit-scorer-slot after that
 * element (right after the element if there is no slot); the slot keeps the scorer's room
 * while scripts load, so the sheet below does not jump. Agencies side by side, scores and
 * notes per criterion, live section scores and totals, knock-outs, a ranking and an SVG chart;
 * saved in localStorage under "kit-scoring:<criteria id>", exported as JSON or CSV, printed
 * filled in.
 */
import { display, judgeAll, ruleOf } from './rule.js';
import { closeText, verdictText } from './verdict-text.js';
import {
  LIMITS, MAX_AGENCIES, ShapeError, check, csvCell, defaultLetter, fill, freshState, hasData, merge, newAgency, own,
  parse, readSaved, record, removeSaved, writeSaved,
} from './storage.js';
import { figure } from './chart.js';
import {
  buildSection, download, h, matrix, notesList, rankingTable, swatch,
} from './views.js';

export const ROOT_ID = 'kit-scorer';
const SLOT_ID = 'kit-scorer-slot';

export function finishPrint() {
  document.documentElement.classList.remove('kit-print-filled');
  const block = document.querySelector('.kit-sc-print');
  if (block) block.remove();
}

export class Scorer {
  constructor(anchor, data) {
    this.data = data;
    this.s = data.strings;
    this.key = `kit-scoring:${data.criteria.id}`;
    this.criteria = data.sections.flatMap((section) => section.criteria.map((c) => ({ ...c, section })));
    this.ids = this.criteria.map((c) => c.id);
    this.rule = ruleOf(data);
    this.levels = new Set(data.scale.levels.map((lv) => lv.score));
    this.patterns = data.defaultNames || [this.s.defaultName];
    this.root = h('section', { id: ROOT_ID, class: 'kit-scorer', 'aria-labelledby': 'kit-sc-title' });
    const slot = document.getElementById(SLOT_ID);
    if (slot) slot.replaceWith(this.root);
    else anchor.after(this.root);
    for (const type of ['click', 'change', 'input', 'focusout']) {
      this.root.addEventListener(type, (event) => this.on(event));
    }
    this.load();
  }

  stamp() {
    return { id: this.data.criteria.id, version: this.data.criteria.version, ids: [...this.ids] };
  }

  /* Loading and saving */

  load() {
    const { raw, storable } = readSaved(this.key);
    this.storable = storable;
    this.state = null;
    this.corrupt = null;
    if (raw === null) {
      this.state = freshState(this.data, this.stamp());
    } else {
      try {
        const state = parse(raw, this.data);
        check(state.criteria.id === this.data.criteria.id, 'criteria.id');
        this.state = state;
      } catch (error) {
        this.corrupt = { raw, reason: this.reason(error) };
      }
    }
    this.active = this.state && this.state.agencies.length ? this.state.agencies[0].id : null;
    this.render();
  }

  /** Why a document was refused, in the page's language. */
  reason(error) {
    if (!(error instanceof ShapeError)) throw error;
    const s = this.s;
    if (error.kind === 'json') return s.badJson;
    if (error.kind === 'tooBig') return fill(s.tooBig, error.values);
    if (error.kind === 'tooMany') return fill(s.tooMany, error.values);
    if (error.kind === 'tooLong') return fill(s.tooLong, error.values);
    const agency = /^agencies\[(\d+)\]/.exec(error.message);
    if (agency) return fill(s.damaged, { n: Number(agency[1]) + 1, where: error.message });
    return fill(s.badShape, { where: error.message });
  }

  /** The element matching selector whose data-agency is id (any characters). */
  byAgency(box, selector, id) {
    return box.querySelector(`${selector}[data-agency="${CSS.escape(id)}"]`);
  }

  save() {
    this.storable = writeSaved(this.key, this.state);
    this.saved.textContent = this.storable ? this.s.saved : this.s.noStorage;
    this.saved.classList.toggle('kit-sc-warning', !this.storable);
  }

  /* Building the interface */

  render() {
    this.root.replaceChildren(
      h('h2', { id: 'kit-sc-title' }, this.s.title),
      h('p', { class: 'kit-sc-intro' }, this.s.intro),
      this.data.interview ? h('p', { class: 'kit-sc-intro kit-sc-interview' }, `${this.data.interview.text} `,
        h('a', { href: this.data.interview.href }, this.data.interview.link)) : null,
      (this.notices = h('div', { class: 'kit-sc-notices', role: 'status', 'aria-live': 'polite' })),
      this.state ? this.buildLive() : this.buildCorrupt(),
    );
    this.showNotices();
    if (this.state) this.refresh();
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
    this.criteriaBox = h('div', { class: 'kit-sc-criteria' }, this.data.sections.map((sec) => buildSection(this.data, sec)));
    this.empty = h('p', { class: 'kit-sc-empty' }, this.s.noAgencies);
    this.ranking = h('div', { class: 'kit-sc-ranking' });
    this.chartBox = h('figure', { class: 'kit-sc-figure' });
    this.saved = h('p', { class: `kit-sc-saved${this.storable ? '' : ' kit-sc-warning'}` },
      this.storable ? this.s.saved : this.s.noStorage);
    this.file = h('input', { type: 'file', class: 'kit-sc-file', accept: '.json,application/json', hidden: true,
      tabindex: -1 });
    const button = (action, text) => h('button', { type: 'button', class: 'md-button', 'data-action': action }, text);
    return h('div', { class: 'kit-sc-live' },
      h('fieldset', { class: 'kit-sc-agencies' }, h('legend', {}, this.s.agencies), this.agencyList,
        h('p', { class: 'kit-sc-buttons' }, this.addButton,
          h('span', { class: 'kit-sc-hint' }, fill(this.s.max, { max: MAX_AGENCIES })))),
      (this.pickerBox = h('fieldset', { class: 'kit-sc-picker' }, h('legend', {}, this.s.scoringFor), this.picker)),
      h('div', { class: 'kit-sc-scoring' }, this.summary, this.empty, this.criteriaBox),
      h('section', { class: 'kit-sc-compare' }, h('h3', {}, this.s.compare), this.ranking,
        h('h4', {}, this.s.chart), this.chartBox),
      h('section', { class: 'kit-sc-tools' }, h('h3', {}, this.s.data), this.saved,
        h('p', { class: 'kit-sc-buttons' }, button('export-json', this.s.exportJson),
          button('import-json', this.s.importJson), this.file, button('export-csv', this.s.exportCsv),
          button('print', this.s.print)),
        this.importBox,
        h('p', { class: 'kit-sc-hint' }, this.s.printHint),
        h('p', { class: 'kit-sc-buttons' }, h('button', { type: 'button', class: 'md-button kit-sc-danger',
          'data-action': 'clear', 'data-confirm': this.s.clearConfirm }, this.s.clear))));
  }

  /** The agency's name as shown: a default name follows the page's language until renamed. */
  name(agency, index) {
    const letter = defaultLetter(agency.name, this.patterns);
    if (letter !== null) return fill(this.s.defaultName, { letter });
    return agency.name.trim() || fill(this.s.unnamed, { n: index + 1 });
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
    this.criteriaBox.hidden = none;
    this.summary.hidden = none;
    this.empty.hidden = !none;
  }

  renderValues() {
    const agency = this.agency();
    if (!agency) return;
    for (const input of this.criteriaBox.querySelectorAll('input.kit-sc-score')) {
      // Not scored: no option checked, so Tab lands on the first score rather than on "not scored".
      const value = own(agency.scores, input.dataset.criterion);
      input.checked = value !== undefined && input.value === String(value);
    }
    for (const note of this.criteriaBox.querySelectorAll('textarea.kit-sc-note')) {
      note.value = own(agency.notes, note.dataset.criterion) || '';
    }
  }

  refresh() {
    this.renderAgencies();
    this.renderValues();
    this.renderResults();
  }

  agency() {
    return this.state.agencies.find((a) => a.id === this.active) || null;
  }

  /** Answers the rule can score: level scores and N/A of current criteria (others are kept, not counted). */
  answers(agency) {
    const out = record();
    for (const id of this.ids) {
      const value = own(agency.scores, id);
      if (value === 'na' || this.levels.has(value)) out[id] = value;
    }
    return out;
  }

  /** Scores, verdicts (each result's .verdict, with its .text), ranks and the close call (rule.js). */
  results() {
    const out = judgeAll(this.rule, this.state.agencies.map((a) => this.answers(a)));
    out.results.forEach((r) => { r.verdict.text = verdictText(this.data, r.verdict, r); });
    return out;
  }

  renderResults() {
    const { results, ranks, close } = this.results();
    const index = this.state.agencies.findIndex((a) => a.id === this.active);
    if (index >= 0) {
      const r = results[index];
      r.sections.forEach((sec) => {
        const span = this.criteriaBox.querySelector(`.kit-sc-section-score[data-section="${CSS.escape(sec.id)}"]`);
        span.textContent = `${this.s.sectionScore} ${display(sec.value)}`;
      });
      for (const field of this.criteriaBox.querySelectorAll('fieldset.kit-sc-criterion')) {
        const knocked = r.knockedOut.includes(field.dataset.criterion);
        field.classList.toggle('kit-sc-knocked', knocked);
        field.querySelector('.kit-sc-ko-msg').hidden = !knocked;
      }
      this.figures.replaceChildren(`${this.s.total} `, h('strong', { class: 'kit-sc-total' }, display(r.total)), ' · ',
        fill(this.s.counts, { scored: r.scored, na: r.notApplicable, blank: r.unscored }),
        ' · ', h('strong', { class: `kit-sc-verdict kit-sc-v-${r.verdict.kind}${r.disqualified ? ' kit-sc-dq' : ''}`,
          title: r.verdict.text },
          verdictText(this.data, r.verdict, r, true)));
    }
    const note = closeText(this.data, close, this.names());
    this.ranking.replaceChildren(rankingTable(this.s, this.state.agencies, this.names(), results, ranks, this.ids.length),
      note ? h('p', { class: 'kit-sc-close', role: 'note' }, note) : '');
    this.renderChart(results);
  }

  renderChart(results = this.results().results) {
    this.chartBox.replaceChildren(...figure(this.data, this.state.agencies, results, this.chartBox.clientWidth || 600,
      this.names()));
  }

  /* Notices: criteria changes, kept data of removed criteria, messages */

  changes() {
    const saved = this.state.criteria;
    const current = new Set(this.ids);
    const withData = new Set(this.state.agencies.flatMap((a) => [...Object.keys(a.scores), ...Object.keys(a.notes)]));
    const gone = [...new Set([...saved.ids, ...withData])].filter((id) => !current.has(id));
    const before = new Set(saved.ids);
    const changed = saved.version !== this.data.criteria.version || saved.ids.join('\n') !== this.ids.join('\n');
    const invalid = this.ids.filter((id) => this.state.agencies.some((a) => {
      const value = own(a.scores, id);
      return value !== undefined && value !== 'na' && !this.levels.has(value);
    }));
    return { changed, removed: gone, kept: gone.filter((id) => withData.has(id)),
      added: this.ids.filter((id) => !before.has(id)), invalid };
  }

  showNotices() {
    const items = [];
    if (this.state) {
      const s = this.s;
      const c = this.changes();
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
    const t = event.target;
    if (event.type === 'focusout' && t.dataset && t.dataset.armed) {
      this.disarm(t);
    } else if (event.type === 'click') {
      const button = t.closest('button[data-action]');
      if (button && this.root.contains(button)) this.act(button);
    } else if (event.type === 'change' && (t.name === 'kit-sc-active' || t === this.barSelect)) {
      this.setActive(t.value);
    } else if (event.type === 'change' && t.classList.contains('kit-sc-score')) {
      const agency = this.agency();
      if (t.value === '') {
        delete agency.scores[t.dataset.criterion];
        t.checked = false;
      } else agency.scores[t.dataset.criterion] = t.value === 'na' ? 'na' : Number(t.value);
      this.changed();
    } else if (event.type === 'change' && t === this.file && t.files.length) {
      const file = t.files[0];
      t.value = '';
      if (file.size > LIMITS.bytes) {
        this.refuse(new ShapeError('size', 'tooBig', { size: Math.ceil(file.size / 1024), max: LIMITS.bytes / 1024 }));
      } else {
        file.text().then((text) => this.importText(text));
      }
    } else if (event.type === 'input' && t.classList.contains('kit-sc-note')) {
      const agency = this.agency();
      if (t.value === '') delete agency.notes[t.dataset.criterion];
      else agency.notes[t.dataset.criterion] = t.value;
      this.save();
    } else if (event.type === 'input' && t.classList.contains('kit-sc-name')) {
      this.rename(t.dataset.agency, t.value);
    }
  }

  setActive(id) {
    this.active = id;
    for (const input of this.picker.querySelectorAll('input')) input.checked = input.value === id;
    this.barSelect.value = id;
    this.renderValues();
    this.renderResults();
  }

  changed() {
    this.save();
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
    else if (action === 'export-json') this.exportJson();
    else if (action === 'import-json') this.file.click();
    else if (action === 'export-csv') this.exportCsv();
    else if (action === 'print') this.print();
    else if (action === 'clear') this.clear();
    else if (action === 'download-raw') download(`${this.data.criteria.id}-scores-saved.txt`, 'text/plain', this.corrupt.raw);
    else if (action === 'reset') this.reset();
    else if (action === 'ack') this.acknowledge();
    else if (action === 'import-replace') this.apply(this.pending, this.s.imported);
    else if (action === 'import-merge') this.mergeIn(this.pending);
    else if (action === 'import-cancel') this.tell(this.s.importCancelled);
  }

  add() {
    if (this.state.agencies.length >= MAX_AGENCIES) return;
    const agency = newAgency(this.state, this.s.defaultName);
    this.state.agencies.push(agency);
    this.active = agency.id;
    this.save();
    this.refresh();
    const input = this.byAgency(this.agencyList, 'input', agency.id);
    input.focus();
    input.select();
  }

  remove(id) {
    const index = this.state.agencies.findIndex((a) => a.id === id);
    if (index < 0) return;
    this.state.agencies.splice(index, 1);
    if (this.active === id) {
      const next = this.state.agencies[Math.min(index, this.state.agencies.length - 1)];
      this.active = next ? next.id : null;
    }
    this.save();
    this.refresh();
    this.addButton.focus();
  }

  rename(id, name) {
    const index = this.state.agencies.findIndex((a) => a.id === id);
    this.state.agencies[index].name = name;
    this.save();
    const label = this.byAgency(this.picker, '.kit-sc-pick-name', id);
    label.textContent = this.name(this.state.agencies[index], index);
    this.barSelect.options[index].textContent = label.textContent;
    const remove = this.byAgency(this.agencyList, 'button', id);
    remove.setAttribute('aria-label', `${this.s.remove}: ${label.textContent}`);
    this.renderResults();
  }

  clear() {
    this.state = freshState(this.data, this.stamp());
    this.active = this.state.agencies[0].id;
    this.save();
    this.showNotices();
    this.refresh();
  }

  reset() {
    removeSaved(this.key);
    this.load();
  }

  acknowledge() {
    this.state.criteria = this.stamp();
    this.save();
    this.showNotices();
  }

  /* Export, import, print */

  exportJson() {
    download(`${this.data.criteria.id}-scores.json`, 'application/json', `${JSON.stringify(this.state, null, 2)}\n`);
  }

  importText(text) {
    let doc;
    try {
      doc = parse(text, this.data);
    } catch (error) {
      return this.refuse(error);
    }
    if (doc.criteria.id !== this.data.criteria.id) {
      this.tell(fill(this.s.importError, { reason: fill(this.s.wrongCriteria, { id: doc.criteria.id }) }), true);
      return false;
    }
    if (!hasData(this.state, this.patterns)) return this.apply(doc, this.s.imported);
    this.ask(doc);
    return true;
  }

  /** Asks before replacing the merchant's data; offers a merge when the agencies' names differ. */
  ask(doc) {
    this.pending = doc;
    const s = this.s;
    const incoming = doc.agencies.map((a, i) => this.name(a, i));
    const here = new Set(this.names());
    const differ = incoming.length !== here.size || incoming.some((n) => !here.has(n));
    const button = (action, text) => h('button', { type: 'button', class: 'md-button', 'data-action': action }, text);
    this.tell(fill(s.importAsk, { n: incoming.length, names: incoming.join(', '), current: here.size }), false,
      button('import-replace', s.importReplace), differ ? button('import-merge', s.importMerge) : null,
      button('import-cancel', s.importCancel));
  }

  apply(doc, message) {
    this.state = doc;
    this.pending = null;
    this.active = doc.agencies.length ? doc.agencies[0].id : null;
    this.save();
    this.showNotices();
    this.refresh();
    this.tell(fill(message, { n: doc.agencies.length }));
    return true;
  }

  mergeIn(doc) {
    const merged = merge(this.state, doc);
    if (merged === null) {
      const n = new Set([...this.names(), ...doc.agencies.map((a, i) => this.name(a, i))]).size;
      this.tell(fill(this.s.importError, { reason: fill(this.s.mergeTooMany, { n, max: LIMITS.agencies }) }), true);
      return;
    }
    this.apply(merged, this.s.merged);
  }

  refuse(error) {
    this.tell(fill(this.s.importError, { reason: this.reason(error) }), true);
    return false;
  }

  csv() {
    const s = this.s;
    const { results, ranks } = this.results();
    const known = new Set(this.ids);
    const text = (value) => (value === undefined ? '' : value === 'na' ? s.na : String(value));
    const rows = [[s.agency, s.rank, s.section, s.no, s.criterionId, s.criterion, s.weight, s.ko, s.score, s.notes]];
    this.state.agencies.forEach((a, i) => {
      const name = this.name(a, i);
      const r = results[i];
      const place = ranks[i] === null ? '' : ranks[i];
      this.data.sections.forEach((section, si) => {
        for (const c of section.criteria) {
          rows.push([name, place, section.title, c.number, c.id, c.title, c.weight, c.knockout ? s.yes : '',
            text(own(a.scores, c.id)), own(a.notes, c.id) || '']);
        }
        rows.push([name, place, section.title, section.number, '', s.sectionScore, '', '',
          display(r.sections[si].value), '']);
      });
      const extra = [...new Set([...Object.keys(a.scores), ...Object.keys(a.notes)])].filter((id) => !known.has(id));
      for (const id of extra) {
        rows.push([name, place, s.removedShort, '', id, '', '', '', text(own(a.scores, id)), own(a.notes, id) || '']);
      }
      rows.push([name, place, s.total, '', '', s.total, '', r.verdict.text, display(r.total), '']);
    });
    return `\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
  }

  exportCsv() {
    download(`${this.data.criteria.id}-scores.csv`, 'text/csv;charset=utf-8', this.csv());
  }

  print() {
    this.preparePrint();
    window.print();
  }

  /** Builds the filled-in sheet and switches printing to it until the print dialog closes. */
  preparePrint() {
    const old = this.root.querySelector('.kit-sc-print');
    if (old) old.remove();
    const { results, ranks } = this.results();
    const names = this.names();
    const agencies = this.state.agencies;
    this.root.append(h('div', { class: 'kit-sc-print' }, h('h2', {}, this.s.printTitle),
      rankingTable(this.s, agencies, names, results, ranks, this.ids.length), matrix(this.data, agencies, names, results, ranks),
      h('figure', { class: 'kit-sc-figure' }, ...figure(this.data, agencies, results, 680, names)),
      notesList(this.s, this.criteria, agencies, names)));
    document.documentElement.classList.add('kit-print-filled');
    window.addEventListener('afterprint', finishPrint, { once: true });
  }
}
