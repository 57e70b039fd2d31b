/*
 * Agency Vetting Kit: the in-browser scorer of the worksheet page.
 *
 * Progressive enhancement. The page (generator/render/forms.py) holds the printable
 * sheet, which works without this script, and a <template id="kit-scoring-data"> holding JSON
 * (generator/render/scoring_data.py; not a <script>, which instant navigation would run) with the criteria, the scale and the interface
 * strings in the page's language. This script builds an interactive scorer in place of the
 * empty #kit-scorer-slot after that element (right after the element if there is no slot);
 * the slot keeps the scorer's room while scripts load, so the sheet below does not jump.
 * The scorer: agencies side by side, scores and notes per criterion, live section
 * scores and totals, knock-outs, a ranking and an SVG chart; saved in localStorage
 * under "kit-scoring:<criteria id>", exported as JSON or CSV, printed filled in.
 *
 * Material's instant navigation swaps pages without reloading scripts, so the scorer is
 * (re)built from document$ on every page view, once per page (never bound twice).
 * Plain modern JavaScript, no framework, no build step, nothing loaded from elsewhere.
 *
 * Saved/exported document (format "kit-scoring", version 1):
 *   {format, formatVersion, criteria: {id, version, ids: [criterion ids when saved]},
 *    agencies: [{id, name, scores: {criterion id: level score | "na"}, notes: {criterion id: text}}]}
 * Missing score = not scored. Scores and notes are keyed by the stable criterion ids, so
 * they follow the criteria across versions; those of removed criteria are kept.
 */
(() => {
  'use strict';

  const DATA_ID = 'kit-scoring-data';
  const ROOT_ID = 'kit-scorer';
  const SLOT_ID = 'kit-scorer-slot';
  const MAX_AGENCIES = 10;
  const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const COLOURS = ['#3f51b5', '#e6550d', '#2ca02c', '#9467bd', '#c49c00', '#17becf', '#d62728', '#8c564b',
    '#e377c2', '#636363'];

  /* ---------- The scoring rule: a mirror of generator/scoring.py ----------
   *
   * score(items, low, high, answers): items are [section id, criterion id, weight, knockout]
   * in display order; answers map criterion id -> level score or "na" (missing/null = blank).
   *  - a scored criterion counts (score - low) / (high - low) * 100 percent;
   *  - N/A and blank criteria are left out of both sums;
   *  - section = sum(weight * percent) / sum(weight) over its scored criteria, null if none;
   *  - total = the same weighted average over all scored criteria of all sections
   *    (not the mean of the section scores);
   *  - a knock-out criterion scored at the lowest level (low) disqualifies; N/A does not.
   * Python computes exactly with fractions; this float arithmetic agrees to within 1e-9.
   *
   * Rounding, for display and ranking only: tenths = floor(x * 10 + 0.5 + 1e-9), shown as
   * tenths / 10 with one decimal ("62.3"), i.e. half up: 62.25 -> "62.3" even when the float
   * is 62.2499999...; the 1e-9 absorbs float error and is far smaller than the gap between
   * two distinct exact scores and a half-tenth. No score is shown as an em dash.
   * Rank: not disqualified first, by rounded total (tenths) highest first; then disqualified,
   * by rounded total; no total last (rank null). Equal (disqualified, tenths) share a rank.
   */
  function score(items, low, high, answers) {
    const bySection = new Map();
    const knockedOut = [];
    let scored = 0;
    let notApplicable = 0;
    let unscored = 0;
    for (const [section, id, weight, knockout] of items) {
      if (!bySection.has(section)) bySection.set(section, []);
      const answer = Object.prototype.hasOwnProperty.call(answers, id) ? answers[id] : null;
      if (answer === null || answer === undefined || answer === 'na') {
        if (answer === 'na') notApplicable += 1; else unscored += 1;
        continue;
      }
      if (!Number.isInteger(answer) || answer < low || answer > high) {
        throw new RangeError(`${id}: ${answer} is not a score between ${low} and ${high} or "na"`);
      }
      scored += 1;
      bySection.get(section).push([weight, ((answer - low) / (high - low)) * 100]);
      if (knockout && answer === low) knockedOut.push(id);
    }
    const average = (pairs) => {
      if (!pairs.length) return null;
      let weights = 0;
      let sum = 0;
      for (const [weight, percent] of pairs) {
        weights += weight;
        sum += weight * percent;
      }
      return sum / weights;
    };
    const sections = [...bySection].map(([id, pairs]) => ({ id, value: average(pairs), scored: pairs.length }));
    const total = average([...bySection.values()].flat());
    return { sections, total, knockedOut, disqualified: knockedOut.length > 0, scored, notApplicable, unscored };
  }

  const tenths = (x) => Math.floor(x * 10 + 0.5 + 1e-9);

  function display(x) {
    if (x === null || x === undefined) return '—';
    const t = tenths(x);
    return `${Math.floor(t / 10)}.${t % 10}`;
  }

  function rank(results) {
    const keyed = results
      .map((r, i) => ({ i, dq: r.disqualified ? 1 : 0, t: r.total === null ? null : tenths(r.total) }))
      .filter((k) => k.t !== null)
      .sort((a, b) => a.dq - b.dq || b.t - a.t || a.i - b.i);
    const ranks = results.map(() => null);
    keyed.forEach((k, position) => {
      const previous = keyed[position - 1];
      ranks[k.i] = previous && previous.dq === k.dq && previous.t === k.t ? ranks[previous.i] : position + 1;
    });
    return ranks;
  }

  /* ---------- Small helpers ---------- */

  function h(tag, attrs, ...children) {
    const el = tag.startsWith('svg:') ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      el.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) el.append(child);
    }
    return el;
  }

  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (m, name) => (name in values ? values[name] : m));
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

  class ShapeError extends Error {}

  function check(ok, where) {
    if (!ok) throw new ShapeError(where);
  }

  /** A checked copy of a saved or imported document; throws ShapeError naming the bad part. */
  function validate(doc, data) {
    check(isObject(doc), 'document');
    check(doc.format === data.format.name, 'format');
    check(doc.formatVersion === data.format.version, 'formatVersion');
    const c = doc.criteria;
    check(isObject(c) && typeof c.id === 'string' && typeof c.version === 'string', 'criteria');
    check(Array.isArray(c.ids) && c.ids.every((id) => typeof id === 'string'), 'criteria.ids');
    check(Array.isArray(doc.agencies), 'agencies');
    const seen = new Set();
    const agencies = doc.agencies.map((a, i) => {
      const where = `agencies[${i}]`;
      check(isObject(a) && typeof a.id === 'string' && a.id !== '' && !seen.has(a.id), `${where}.id`);
      seen.add(a.id);
      check(typeof a.name === 'string', `${where}.name`);
      check(isObject(a.scores) && Object.values(a.scores).every((v) => v === 'na' || Number.isInteger(v)),
        `${where}.scores`);
      check(isObject(a.notes) && Object.values(a.notes).every((v) => typeof v === 'string'), `${where}.notes`);
      return { id: a.id, name: a.name, scores: { ...a.scores }, notes: { ...a.notes } };
    });
    return {
      format: doc.format, formatVersion: doc.formatVersion,
      criteria: { id: c.id, version: c.version, ids: [...c.ids] }, agencies,
    };
  }

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = h('a', { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  /** One CSV cell: text that a spreadsheet would run as a formula gets a leading apostrophe. */
  function csvCell(value) {
    let text = value === null || value === undefined ? '' : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  /** Rough width of a text in px, for fitting chart labels (CJK counts one em). */
  function fitText(text, maxWidth, font) {
    const width = (ch) => (ch.codePointAt(0) >= 0x2e80 ? font : font * 0.58);
    let used = 0;
    let out = '';
    for (const ch of text) {
      used += width(ch);
      if (used > maxWidth - font) return `${out}…`;
      out += ch;
    }
    return out;
  }

  /* ---------- The chart: section scores per agency, inline SVG ---------- */

  function chart(data, agencies, results, width, names) {
    const s = data.strings;
    const W = Math.max(260, Math.round(width));
    const font = 12;
    const bar = 11;
    const gap = 3;
    const top = 22;
    const label = 18;
    const valueWidth = 38;
    const plot = W - valueWidth - 4;
    const groupHeight = label + agencies.length * (bar + gap) + 10;
    const height = top + data.sections.length * groupHeight;
    const x = (value) => 2 + (Math.max(0, value) / 100) * plot;
    const svg = h('svg:svg', {
      class: 'kit-sc-chart', viewBox: `0 0 ${W} ${height}`, width: W, height, role: 'img',
      'aria-label': `${s.chart}. ${s.chartDesc}`, 'font-size': font,
    });
    const axis = h('svg:g', { class: 'kit-sc-axis' });
    for (const p of [0, 25, 50, 75, 100]) {
      axis.append(h('svg:line', { x1: x(p), x2: x(p), y1: top - 6, y2: height }),
        h('svg:text', { x: x(p), y: top - 10, 'text-anchor': p === 0 ? 'start' : p === 100 ? 'end' : 'middle' }, String(p)));
    }
    svg.append(axis);
    const labels = h('svg:g', { class: 'kit-sc-labels' });
    data.sections.forEach((section, si) => {
      const y = top + si * groupHeight;
      labels.append(h('svg:text', { x: 2, y: y + 13 }, fitText(`${section.number}. ${section.title}`, W, font)));
    });
    svg.append(labels);
    agencies.forEach((agency, ai) => {
      const series = h('svg:g', { class: 'kit-sc-series', 'data-agency': agency.id, fill: COLOURS[ai % COLOURS.length] },
        h('svg:title', {}, names[ai]));
      const values = h('svg:g', { class: 'kit-sc-values' });
      data.sections.forEach((section, si) => {
        const value = results[ai].sections[si].value;
        const y = top + si * groupHeight + label + ai * (bar + gap);
        series.append(h('svg:rect', {
          x: 2, y, height: bar, width: value === null ? 0 : Math.max(1, x(value) - 2),
          'data-section': section.id, 'data-value': display(value),
        }, h('svg:title', {}, `${names[ai]} · ${section.title}: ${display(value)}`)));
        values.append(h('svg:text', { x: (value === null ? 2 : x(value)) + 4, y: y + bar - 1 }, display(value)));
      });
      svg.append(series, values);
    });
    return svg;
  }

  /* ---------- The scorer ---------- */

  class Scorer {
    constructor(anchor, data) {
      this.data = data;
      this.s = data.strings;
      this.key = `kit-scoring:${data.criteria.id}`;
      this.criteria = data.sections.flatMap((section) => section.criteria.map((c) => ({ ...c, section })));
      this.ids = this.criteria.map((c) => c.id);
      this.items = this.criteria.map((c) => [c.section.id, c.id, c.weight, c.knockout]);
      this.levels = new Set(data.scale.levels.map((lv) => lv.score));
      this.messages = [];
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

    fresh() {
      const state = { format: this.data.format.name, formatVersion: this.data.format.version, criteria: this.stamp(),
        agencies: [] };
      for (let i = 0; i < 3; i += 1) state.agencies.push(this.newAgency(state));
      return state;
    }

    newAgency(state) {
      const taken = new Set(state.agencies.map((a) => a.name));
      const letter = [...LETTERS].find((l) => !taken.has(fill(this.s.defaultName, { letter: l }))) || '';
      let id;
      do id = `a${Math.random().toString(36).slice(2, 10)}`; while (state.agencies.some((a) => a.id === id));
      return { id, name: fill(this.s.defaultName, { letter }), scores: {}, notes: {} };
    }

    /* Loading and saving */

    load() {
      let raw = null;
      this.storable = true;
      try {
        raw = localStorage.getItem(this.key);
      } catch (error) {
        this.storable = false;
      }
      this.state = null;
      this.corrupt = null;
      if (raw === null) {
        this.state = this.fresh();
      } else {
        try {
          const state = validate(JSON.parse(raw), this.data);
          check(state.criteria.id === this.data.criteria.id, 'criteria.id');
          this.state = state;
        } catch (error) {
          const reason = error instanceof ShapeError ? fill(this.s.badShape, { where: error.message }) : this.s.badJson;
          this.corrupt = { raw, reason };
        }
      }
      this.active = this.state && this.state.agencies.length ? this.state.agencies[0].id : null;
      this.render();
    }

    save() {
      try {
        localStorage.setItem(this.key, JSON.stringify(this.state));
        this.storable = true;
      } catch (error) {
        this.storable = false;
      }
      this.saved.textContent = this.storable ? this.s.saved : this.s.noStorage;
      this.saved.classList.toggle('kit-sc-warning', !this.storable);
    }

    /* Building the interface */

    render() {
      this.root.replaceChildren(
        h('h2', { id: 'kit-sc-title' }, this.s.title),
        h('p', { class: 'kit-sc-intro' }, this.s.intro),
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
      this.summary = h('p', { class: 'kit-sc-summary', 'aria-live': 'polite' });
      this.criteriaBox = h('div', { class: 'kit-sc-criteria' }, this.data.sections.map((sec) => this.buildSection(sec)));
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
        this.summary, this.empty, this.criteriaBox,
        h('section', { class: 'kit-sc-compare' }, h('h3', {}, this.s.compare), this.ranking,
          h('h4', {}, this.s.chart), this.chartBox),
        h('section', { class: 'kit-sc-tools' }, h('h3', {}, this.s.data), this.saved,
          h('p', { class: 'kit-sc-buttons' }, button('export-json', this.s.exportJson),
            button('import-json', this.s.importJson), this.file, button('export-csv', this.s.exportCsv),
            button('print', this.s.print)),
          h('p', { class: 'kit-sc-hint' }, this.s.printHint),
          h('p', { class: 'kit-sc-buttons' }, h('button', { type: 'button', class: 'md-button kit-sc-danger',
            'data-action': 'clear', 'data-confirm': this.s.clearConfirm }, this.s.clear))));
    }

    buildSection(section) {
      return h('section', { class: 'kit-sc-section', 'data-section': section.id },
        h('h3', {}, h('span', {}, `${section.number}. ${section.title}`), ' ',
          h('span', { class: 'kit-sc-section-score', 'data-section': section.id })),
        section.criteria.map((c) => this.buildCriterion(c)));
    }

    buildCriterion(c) {
      const s = this.s;
      const name = `kit-sc-c-${c.id}`;
      const option = (value, text, title) => h('label', { class: 'kit-sc-level', title },
        h('input', { type: 'radio', class: 'kit-sc-score', name, value, 'data-criterion': c.id }), ' ',
        h('span', {}, text));
      return h('fieldset', { class: 'kit-sc-criterion', 'data-criterion': c.id },
        h('legend', {}, h('span', { class: 'kit-sc-num' }, c.number), ' ', c.title, ' ',
          h('span', { class: 'kit-tag' }, `${s.weight} ${c.weight}`),
          c.knockout ? [' ', h('span', { class: 'kit-tag kit-tag-ko' }, s.ko)] : null),
        h('div', { class: 'kit-sc-levels' },
          this.data.scale.levels.map((lv) => option(String(lv.score), `${lv.score} ${lv.label}`)),
          option('na', s.na, s.naMeaning), option('', s.notScored)),
        h('p', { class: 'kit-sc-ko-msg', hidden: true }, s.knocked),
        h('label', { class: 'kit-sc-note-label' }, h('span', {}, s.notes),
          h('textarea', { class: 'kit-sc-note', rows: 1, 'data-criterion': c.id })));
    }

    name(agency, index) {
      return agency.name.trim() || fill(this.s.unnamed, { n: index + 1 });
    }

    renderAgencies() {
      const agencies = this.state.agencies;
      this.agencyList.replaceChildren(...agencies.map((a, i) => h('li', { 'data-agency': a.id },
        h('label', {}, h('span', { class: 'kit-sc-name-label' },
          h('span', { class: 'kit-sc-swatch', style: `background:${COLOURS[i % COLOURS.length]}` }), ' ',
          fill(this.s.agencyName, { n: i + 1 })),
          Object.assign(h('input', { type: 'text', class: 'kit-sc-name', 'data-agency': a.id, maxlength: 80,
            autocomplete: 'off' }), { value: a.name })),
        h('button', { type: 'button', class: 'md-button kit-sc-remove', 'data-action': 'remove', 'data-agency': a.id,
          'data-confirm': this.s.removeConfirm, 'aria-label': `${this.s.remove}: ${this.name(a, i)}` }, this.s.remove))));
      this.addButton.disabled = agencies.length >= MAX_AGENCIES;
      this.picker.replaceChildren(...agencies.map((a, i) => h('label', { class: 'kit-sc-pick' },
        Object.assign(h('input', { type: 'radio', name: 'kit-sc-active', value: a.id }), { checked: a.id === this.active }),
        ' ', h('span', { class: 'kit-sc-pick-name', 'data-agency': a.id }, this.name(a, i)))));
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
        const value = agency.scores[input.dataset.criterion];
        input.checked = input.value === (value === undefined ? '' : String(value));
      }
      for (const note of this.criteriaBox.querySelectorAll('textarea.kit-sc-note')) {
        note.value = agency.notes[note.dataset.criterion] || '';
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
      const out = {};
      for (const id of this.ids) {
        const value = agency.scores[id];
        if (value === 'na' || this.levels.has(value)) out[id] = value;
      }
      return out;
    }

    results() {
      const { min, max } = this.data.scale;
      const results = this.state.agencies.map((a) => score(this.items, min, max, this.answers(a)));
      return { results, ranks: rank(results) };
    }

    renderResults() {
      const { results, ranks } = this.results();
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
        this.summary.replaceChildren(h('strong', {}, this.name(this.state.agencies[index], index)), ' · ',
          `${this.s.total} `, h('strong', { class: 'kit-sc-total' }, display(r.total)), ' · ',
          fill(this.s.counts, { scored: r.scored, na: r.notApplicable, blank: r.unscored }),
          ...(r.disqualified ? [' · ', h('strong', { class: 'kit-sc-dq' }, this.s.disqualified)] : []));
      }
      this.ranking.replaceChildren(this.rankingTable(results, ranks));
      this.renderChart(results);
    }

    renderChart(results = this.results().results) {
      const names = this.state.agencies.map((a, i) => this.name(a, i));
      this.chartBox.replaceChildren(chart(this.data, this.state.agencies, results, this.chartBox.clientWidth || 600, names),
        h('figcaption', {}, h('ul', { class: 'kit-sc-legend' }, this.state.agencies.map((a, i) => h('li', {},
          h('span', { class: 'kit-sc-swatch', style: `background:${COLOURS[i % COLOURS.length]}` }), ' ', names[i],
          results[i].disqualified ? ` (${this.s.disqualified})` : null)))));
    }

    rankingTable(results, ranks) {
      const s = this.s;
      const order = this.state.agencies.map((a, i) => i)
        .sort((a, b) => (ranks[a] === null) - (ranks[b] === null) || (ranks[a] || 0) - (ranks[b] || 0) || a - b);
      return h('table', { class: 'kit-sc-rank-table' },
        h('thead', {}, h('tr', {}, [s.rank, s.agency, s.total, s.scored].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, order.map((i) => {
          const a = this.state.agencies[i];
          const r = results[i];
          return h('tr', { 'data-agency': a.id, class: r.disqualified ? 'kit-sc-dq-row' : null },
            h('td', { class: 'kit-sc-rank' }, ranks[i] === null ? '—' : String(ranks[i])),
            h('th', { scope: 'row' }, h('span', { class: 'kit-sc-swatch', style: `background:${COLOURS[i % COLOURS.length]}` }),
              ' ', h('span', { class: 'kit-sc-rank-name' }, this.name(a, i)), r.disqualified ? h('span', { class: 'kit-sc-status' }, s.disqualified) : null),
            h('td', { class: 'kit-sc-total' }, display(r.total)),
            h('td', { class: 'kit-sc-count' }, `${r.scored}/${this.ids.length}`));
        })));
    }

    /* Notices: criteria changes, kept data of removed criteria, messages */

    changes() {
      const saved = this.state.criteria;
      const current = new Set(this.ids);
      const withData = new Set(this.state.agencies.flatMap((a) => [...Object.keys(a.scores), ...Object.keys(a.notes)]));
      const gone = [...new Set([...saved.ids, ...withData])].filter((id) => !current.has(id));
      const before = new Set(saved.ids);
      const changed = saved.version !== this.data.criteria.version || saved.ids.join('\n') !== this.ids.join('\n');
      const invalid = this.ids.filter((id) => this.state.agencies.some((a) => id in a.scores
        && a.scores[id] !== 'na' && !this.levels.has(a.scores[id])));
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
      for (const message of this.messages) {
        items.push(h('p', { class: `kit-sc-notice kit-sc-message${message.error ? ' kit-sc-warning' : ''}`,
          role: message.error ? 'alert' : null }, message.text));
      }
      this.notices.replaceChildren(...items);
    }

    say(text, error = false) {
      this.messages = [{ text, error }];
      this.showNotices();
    }

    /* Events */

    on(event) {
      const t = event.target;
      if (event.type === 'focusout' && t.dataset && t.dataset.armed) {
        this.disarm(t);
      } else if (event.type === 'click') {
        const button = t.closest('button[data-action]');
        if (button && this.root.contains(button)) this.act(button);
      } else if (event.type === 'change' && t.name === 'kit-sc-active') {
        this.active = t.value;
        this.renderValues();
        this.renderResults();
      } else if (event.type === 'change' && t.classList.contains('kit-sc-score')) {
        const agency = this.agency();
        if (t.value === '') delete agency.scores[t.dataset.criterion];
        else agency.scores[t.dataset.criterion] = t.value === 'na' ? 'na' : Number(t.value);
        this.changed();
      } else if (event.type === 'change' && t === this.file && t.files.length) {
        t.files[0].text().then((text) => this.importText(text));
        t.value = '';
      } else if (event.type === 'input' && t.classList.contains('kit-sc-note')) {
        const agency = this.agency();
        if (t.value === '') delete agency.notes[t.dataset.criterion];
        else agency.notes[t.dataset.criterion] = t.value;
        this.save();
      } else if (event.type === 'input' && t.classList.contains('kit-sc-name')) {
        this.rename(t.dataset.agency, t.value);
      }
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
    }

    add() {
      if (this.state.agencies.length >= MAX_AGENCIES) return;
      const agency = this.newAgency(this.state);
      this.state.agencies.push(agency);
      this.active = agency.id;
      this.save();
      this.refresh();
      const input = this.agencyList.querySelector(`input[data-agency="${agency.id}"]`);
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
      const label = this.picker.querySelector(`.kit-sc-pick-name[data-agency="${id}"]`);
      label.textContent = this.name(this.state.agencies[index], index);
      const remove = this.agencyList.querySelector(`button[data-agency="${id}"]`);
      remove.setAttribute('aria-label', `${this.s.remove}: ${label.textContent}`);
      this.renderResults();
    }

    clear() {
      this.state = this.fresh();
      this.active = this.state.agencies[0].id;
      this.messages = [];
      this.save();
      this.showNotices();
      this.refresh();
    }

    reset() {
      try {
        localStorage.removeItem(this.key);
      } catch (error) {
        // Storage unavailable: nothing to remove.
      }
      this.messages = [];
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
        doc = validate(JSON.parse(text), this.data);
      } catch (error) {
        const reason = error instanceof ShapeError ? fill(this.s.badShape, { where: error.message }) : this.s.badJson;
        this.say(fill(this.s.importError, { reason }), true);
        return false;
      }
      if (doc.criteria.id !== this.data.criteria.id) {
        this.say(fill(this.s.importError, { reason: fill(this.s.wrongCriteria, { id: doc.criteria.id }) }), true);
        return false;
      }
      this.state = doc;
      this.active = doc.agencies.length ? doc.agencies[0].id : null;
      this.save();
      this.say(fill(this.s.imported, { n: doc.agencies.length }));
      this.refresh();
      return true;
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
              text(a.scores[c.id]), a.notes[c.id] || '']);
          }
          rows.push([name, place, section.title, section.number, '', s.sectionScore, '', '',
            display(r.sections[si].value), '']);
        });
        const extra = [...new Set([...Object.keys(a.scores), ...Object.keys(a.notes)])].filter((id) => !known.has(id));
        for (const id of extra) {
          rows.push([name, place, s.removedShort, '', id, '', '', '', text(a.scores[id]), a.notes[id] || '']);
        }
        rows.push([name, place, s.total, '', '', s.total, '', r.disqualified ? s.disqualified : '', display(r.total), '']);
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
      const names = this.state.agencies.map((a, i) => this.name(a, i));
      this.root.append(h('div', { class: 'kit-sc-print' }, h('h2', {}, this.s.printTitle),
        this.rankingTable(results, ranks), this.matrix(results, ranks, names),
        h('figure', { class: 'kit-sc-figure' }, chart(this.data, this.state.agencies, results, 680, names)),
        this.notesList(names)));
      document.documentElement.classList.add('kit-print-filled');
      window.addEventListener('afterprint', finishPrint, { once: true });
    }

    matrix(results, ranks, names) {
      const s = this.s;
      const agencies = this.state.agencies;
      const width = 4 + agencies.length;
      const sumRow = (label, cells, cls) => h('tr', { class: cls },
        h('th', { colspan: 4, scope: 'row' }, label), cells.map((text) => h('td', {}, text)));
      return h('table', { class: 'kit-sc-matrix' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, s.criterion),
          h('th', { scope: 'col', title: s.weight }, s.weightShort), h('th', { scope: 'col', title: s.ko }, s.koShort),
          names.map((name) => h('th', { scope: 'col' }, name)))),
        this.data.sections.map((section, si) => h('tbody', {},
          h('tr', { class: 'kit-sc-matrix-heading' }, h('th', { colspan: width, scope: 'rowgroup' },
            `${section.number}. ${section.title}`)),
          section.criteria.map((c) => h('tr', { 'data-criterion': c.id },
            h('td', {}, c.number), h('th', { scope: 'row' }, c.title), h('td', {}, String(c.weight)),
            h('td', {}, c.knockout ? s.koShort : ''),
            agencies.map((a, ai) => {
              const value = a.scores[c.id];
              const knocked = results[ai].knockedOut.includes(c.id);
              return h('td', { class: knocked ? 'kit-sc-knocked' : null },
                value === undefined ? '' : value === 'na' ? s.na : `${value}${knocked ? ' ✗' : ''}`);
            }))),
          sumRow(s.sectionScore, results.map((r) => display(r.sections[si].value)), 'kit-sc-matrix-sum'))),
        h('tbody', {}, sumRow(s.total, results.map((r) => display(r.total)), 'kit-sc-matrix-sum'),
          sumRow(s.status, results.map((r) => (r.disqualified ? s.disqualified : '')), null),
          sumRow(s.rank, ranks.map((r) => (r === null ? '—' : String(r))), null)));
    }

    notesList(names) {
      const byId = new Map(this.criteria.map((c) => [c.id, c]));
      const blocks = this.state.agencies.map((a, i) => {
        const notes = Object.entries(a.notes).filter(([, text]) => text.trim());
        if (!notes.length) return null;
        return h('div', { class: 'kit-sc-print-notes' }, h('h4', {}, names[i]), h('ul', {}, notes.map(([id, text]) => {
          const c = byId.get(id);
          return h('li', {}, h('strong', {}, c ? `${c.number} ${c.title}` : `${id} ${this.s.removedShort}`), ': ', text);
        })));
      }).filter(Boolean);
      return blocks.length ? h('section', {}, h('h3', {}, this.s.notesTitle), blocks) : null;
    }
  }

  function finishPrint() {
    document.documentElement.classList.remove('kit-print-filled');
    const block = document.querySelector('.kit-sc-print');
    if (block) block.remove();
  }

  /* ---------- Start on every page view (Material's instant navigation) ---------- */

  let current = null;

  function init() {
    document.documentElement.classList.remove('kit-print-filled');
    const element = document.getElementById(DATA_ID);
    if (!element) {
      current = null;
      return;
    }
    if (document.getElementById(ROOT_ID)) return; // already built for this page view
    const json = element.content ? element.content.textContent : element.textContent;
    current = new Scorer(element, JSON.parse(json));
  }

  let resizing = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      if (current && current.state && current.root.isConnected) current.renderChart();
    }, 150);
  });

  window.kitScoring = Object.freeze({
    score, display, rank, tenths, validate,
    get scorer() {
      return current;
    },
    preparePrint: () => current && current.preparePrint(),
    finishPrint,
  });

  if (typeof window.document$ !== 'undefined' && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(init);
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
