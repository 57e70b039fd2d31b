/*
 * The comparison report page: the agencies scored on the worksheet (and interview) pages, read
 * from the same saved document (storage.js), ranked on one page with totals, section scores,
 * knock-outs and the criteria that caused them, red flags ticked, criteria left unscored and notes,
 * the chart of chart.js, a print layout (print.css, scoring.css) and a PNG image (image.js).
 *
 * The page (generator/render/report.py) holds a <template id="kit-report-data"> with the
 * criteria, their red flags and the strings; the report is built in place of #kit-report-slot.
 */
import { display } from './rule.js';
import { ShapeError, check, fill, parse, readSaved } from './storage.js';
import { download, h, remoteNotice, swatch } from './views.js';
import { summarise } from './summary.js';
import { answered, describe, differences } from './state.js';
import { fileName, today } from './state-text.js';
import { currentApp } from './inapp.js';
import { peopleNote, peopleSection } from './report-people.js';
import { contradictedSection, withDeclaration } from './claims-report.js';
import { afterPaint, painted } from './every-page.js';

export const REPORT_ROOT = 'kit-report';
const SLOT_ID = 'kit-report-slot';

// The report is dated when shown (state-text.js today).
export { today };

/*
 * The code of what is below a phone's first screen (report-more.js), `later` once loaded: not among the
 * modules the verdicts wait for (issue 30: each is a request before they paint). Asked for two frames
 * after the first screen is built: fetched before that screen's paint, Lighthouse counts it among what
 * the paint waited for.
 */
let later = null;
let loading = null;
const more = () => (loading ||= painted().then(painted).then(() => import('./report-more.js'))
  .then((module) => { later = module; return module; }));

/** Among the report's parts (build): those after it need report-more.js. */
const MORE = Symbol('report-more.js');

const list = (items, empty, cls) => (items.length
  ? h('ul', { class: cls }, items) : h('p', { class: 'kit-rp-none' }, empty));

export class Report {
  constructor(anchor, data) {
    this.data = data;
    this.s = data.strings;
    this.key = `kit-scoring:${data.criteria.id}`;
    this.app = currentApp(); // a chat app's built-in browser (inapp.js): the picture, not a download
    // It gets its id, which tests wait for, once built whole (ready()).
    this.root = h('section', { class: 'kit-report', 'aria-label': this.s.report });
    const slot = document.getElementById(SLOT_ID);
    if (slot) slot.replaceWith(this.root);
    else anchor.after(this.root);
    this.root.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-action]');
      if (button) this.act(button.dataset.action);
    });
    this.load();
    this.render();
  }

  /** The saved document, or null (this.problem says why when it cannot be read). */
  load() {
    this.doc = null;
    this.problem = null;
    const { raw } = readSaved(this.key);
    if (raw === null) return;
    try {
      const doc = parse(raw, this.data);
      check(doc.criteria.id === this.data.criteria.id, 'criteria.id');
      this.doc = doc;
    } catch (error) {
      if (!(error instanceof ShapeError)) throw error;
      this.problem = error.kind === 'shape' ? fill(this.s.badShape, { where: error.message }) : this.s.badJson;
    }
  }

  render() {
    const s = this.s;
    this.date = today();
    // The edition, version and commit are in the page's running line above (and on every printed page).
    const stamp = h('p', { class: 'kit-rp-stamp' }, fill(s.date, { date: this.date }));
    if (this.problem || !this.doc || !this.doc.agencies.length) {
      const text = this.problem ? fill(s.corrupt, { reason: this.problem }) : s.empty;
      this.root.replaceChildren(h('p', { class: 'kit-rp-empty', role: this.problem ? 'alert' : null }, text,
        ' ', h('a', { href: '../worksheet/' }, s.toWorksheet)));
      this.ready();
      return;
    }
    this.summary = summarise(this.data, this.doc);
    this.chartBox = h('figure', { class: 'kit-sc-figure kit-rp-figure kit-rp-screen' });
    // Paper gets its own chart, drawn for the A4 text width (as the worksheet's printed chart is):
    // one drawn for a phone's width would be scaled up to twice its height on paper.
    this.printChart = h('figure', { class: 'kit-sc-figure kit-rp-figure kit-rp-paper' });
    this.message = h('p', { class: 'kit-rp-message', role: 'status', 'aria-live': 'polite' });
    const names = this.summary.byIndex.map((r) => r.name);
    // The first screen: the verdicts (the page's largest paint), built alone (issue 30).
    this.root.replaceChildren(stamp,
      // The agency's written claims contradicted by what the merchant found come first (claims-report.js).
      ...[contradictedSection(this.data, this.doc, names)].filter(Boolean),
      h('h2', { id: 'kit-rp-verdicts' }, s.verdict), this.verdicts(), ...peopleNote(this.data, this.doc));
    // Below it: built after it (build), each a part of its own; from the details on, with report-more.js.
    const rows = this.summary.byIndex;
    this.build([
      () => [h('h2', { id: 'kit-rp-ranking' }, s.ranking), this.ranking()],
      () => {
        const parts = [h('h2', { id: 'kit-rp-sections' }, s.sections), this.sectionTable(), this.chartBox, this.printChart];
        this.root.append(...parts);
        this.renderChart();
        return null;
      },
      MORE,
      () => h('h2', { id: 'kit-rp-details' }, s.details),
      ...this.summary.rows.map((row) => () => withDeclaration(this.agency(row), s, row.agency)),
      () => peopleSection(this.data, this.doc, names), // several reviewers
      () => h('section', { class: 'kit-rp-actions', 'aria-labelledby': 'kit-rp-actions' },
        h('h2', { id: 'kit-rp-actions' }, s.actions),
        h('p', { class: 'kit-rp-buttons' },
          h('button', { type: 'button', class: 'md-button md-button--primary', 'data-action': 'image' }, s.image),
          // A chat app's browser commonly ignores window.print() (field notes): no button that does nothing.
          this.app ? null : h('button', { type: 'button', class: 'md-button', 'data-action': 'print' }, s.printReport)),
        h('p', { class: 'kit-rp-hint' }, s.imageHint), this.message,
        this.app ? later.inAppNote(s, this.app) : null,
        (this.picture = later.reportPicture(this))),
      () => {
        this.printChart.replaceChildren(...later.figure(this.data, rows.map((r) => r.agency), rows.map((r) => r.result), 680,
          rows.map((r) => r.name)));
        return null;
      },
    ]);
  }

  /**
   * Appends the parts (functions making elements, or MORE: those after it need report-more.js) after the
   * report's first screen: on the page's first build two a frame, so that building, styling and laying out
   * the whole report are not one long task (issue 30: blocking time), then the report is ready; all at once
   * when built again (once report-more.js has loaded).
   */
  build(parts) {
    const token = (this.building = {});
    const first = !this.root.id;
    const next = () => {
      if (this.building !== token) return; // built anew meanwhile
      for (let n = 0; n < (first ? 2 : Infinity) && parts.length; n += 1) {
        const part = parts.shift();
        if (part === MORE && !later) {
          more().then(next);
          return;
        }
        if (part !== MORE) this.root.append(...[part()].flat().filter(Boolean));
      }
      if (parts.length) afterPaint(next);
      else this.ready();
    };
    if (first) afterPaint(next);
    else next();
  }

  /** Built whole: the report's id, which tests (and main.js) take as the sign that it is ready. */
  ready() {
    this.building = null;
    this.root.id = REPORT_ROOT;
  }

  renderChart() {
    if (!this.summary) return;
    // The chart is drawn for the width of its box, read once the browser has laid out the report just
    // built: reading it in the task that built the report forced that layout there (issue 30: blocking
    // time). The chart is below a phone's first screen; the paper chart has a width of its own.
    // A box just built is drawn in a task of its own once laid out, and not before report-more.js has
    // loaded (more: frames after the report was built).
    const box = this.chartBox;
    if (!later || this.laidOut !== box) {
      if (this.waiting !== box) {
        this.waiting = box;
        (later ? painted() : more()).then(() => {
          if (this.waiting !== box) return; // built again meanwhile
          this.laidOut = box;
          this.renderChart();
        });
      }
      return;
    }
    const rows = this.summary.byIndex;
    box.replaceChildren(...later.figure(this.data, rows.map((r) => r.agency), rows.map((r) => r.result),
      box.clientWidth || 600, rows.map((r) => r.name)));
  }

  /** The verdict first: one line per agency in rank order, then the close-call note. */
  verdicts() {
    return h('div', { class: 'kit-rp-verdicts' }, h('ul', { class: 'kit-rp-verdict-list' },
      this.summary.rows.map((row) => h('li', { 'data-agency': row.agency.id, 'data-verdict': row.verdict.kind,
        class: `kit-sc-v-${row.verdict.kind}` }, h('strong', {}, `${row.rank === null ? '—' : row.rank}. ${row.name}`),
      this.s.colon, row.verdict.text))),
    this.summary.close ? h('p', { class: 'kit-sc-close', role: 'note' }, this.summary.close) : null);
  }

  ranking() {
    const s = this.s;
    const head = [s.rank, s.agency, s.total, s.scored, s.verdict];
    return h('div', { class: 'kit-rp-scroll' }, h('table', { class: 'kit-rp-rank' },
      h('thead', {}, h('tr', {}, head.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, this.summary.rows.map((row) => h('tr', { 'data-agency': row.agency.id,
        'data-verdict': row.verdict.kind, class: row.verdict.kind !== 'ranked' ? 'kit-rp-dq' : null },
      h('td', { class: 'kit-rp-place' }, row.rank === null ? '—' : String(row.rank)),
      // The agency's entry number (its place on the worksheet) is tagged as such, so that it is
      // never read as the rank beside it.
      h('th', { scope: 'row' }, swatch(row.index), ' ', h('span', { class: 'kit-rp-name' }, row.name), ' ',
        h('span', { class: 'kit-rp-entry' }, fill(s.entry, { n: row.index + 1 }))),
      h('td', { class: 'kit-rp-total' }, display(row.result.total)),
      h('td', { class: 'kit-rp-count' }, `${answered(row.result)}/${this.summary.criteria.length}`),
      h('td', { class: 'kit-rp-status' }, row.verdict.text))))));
  }

  sectionTable() {
    const rows = this.summary.rows;
    return h('div', { class: 'kit-rp-scroll' }, h('table', { class: 'kit-rp-sections' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, this.s.section),
        rows.map((r) => h('th', { scope: 'col', 'data-agency': r.agency.id }, h('span', { class: 'kit-rp-name' }, r.name),
          ' ', h('span', { class: 'kit-rp-entry' }, fill(this.s.entry, { n: r.index + 1 })))))),
      h('tbody', {}, this.data.sections.map((section, si) => h('tr', { 'data-section': section.id },
        h('th', { scope: 'row' }, `${section.number}. ${section.title}`),
        rows.map((r) => h('td', { 'data-agency': r.agency.id }, display(r.result.sections[si].value))))),
      h('tr', { class: 'kit-rp-sum' }, h('th', { scope: 'row' }, this.s.total),
        rows.map((r) => h('td', { 'data-agency': r.agency.id }, display(r.result.total)))))));
  }

  agency(row) {
    const s = this.s;
    const title = (c) => `${c.number} ${c.title}`;
    const part = (kind, heading, body) => h('div', { class: `kit-rp-part kit-rp-${kind}` }, h('h4', {}, heading), body);
    return h('section', { class: `kit-rp-agency${row.result.disqualified ? ' kit-rp-dq' : ''}`,
      'data-agency': row.agency.id, 'aria-labelledby': `kit-rp-a-${row.index}` },
    h('h3', { id: `kit-rp-a-${row.index}` }, `${row.rank === null ? '—' : row.rank}. ${row.name}`, ' ',
      h('span', { class: 'kit-rp-agency-total' }, fill(s.agencyTotal, { total: display(row.result.total) })),
      ' ', h('strong', { class: `kit-rp-verdict kit-sc-v-${row.verdict.kind}${row.result.disqualified ? ' kit-rp-flag-dq' : ''}` },
        row.verdict.text)),
    part('knockouts', s.knockouts, list(row.knockouts.map((c) => h('li', { 'data-criterion': c.id }, title(c))),
      s.noKnockout)),
    part('flags', s.flags, list(row.flags.map((f) => h('li', { 'data-criterion': f.criterion.id },
      h('strong', {}, title(f.criterion)), h('ul', {}, f.texts.map((t) => h('li', {}, t))))), s.noFlags)),
    part('unscored', `${s.unscored}${s.colon}${row.unscored.length ? fill(s.unscoredCount, { n: row.unscored.length })
      : s.allScored}`, row.unscored.length ? h('p', { class: 'kit-rp-unscored-list' },
      row.unscored.map((c) => title(c)).join(s.listSep || '; ')) : null),
    later.evidencePart(this.data, row.agency, this.summary.criteria),
    part('notes', s.notesHead, list(row.notes.map((n) => h('li', { 'data-criterion': n.id },
      h('strong', {}, n.criterion ? title(n.criterion) : `${n.id} ${s.removedShort}`), s.colon, n.text)), s.noNotes)));
  }

  /** Another page saved the scores (a "storage" event): the report is drawn again, and says so. */
  sync() {
    const before = this.doc;
    this.load();
    this.render();
    const diffs = this.doc ? differences(before, this.doc) : [];
    if (!diffs.length) return;
    const notice = remoteNotice(this.s);
    this.root.append(notice);
    notice.show(fill(this.s.remote, { what: describe(this.data, before, this.doc, diffs) }));
  }

  act(action) {
    if (action === 'remote-ok') this.root.querySelector('.kit-remote').hidden = true;
    else if (action === 'print') window.print();
    else if (action === 'image') this.exportImage();
  }

  /** The report as a PNG (1080 px wide) downloaded by the browser; resolves to its file name or null. */
  async exportImage() {
    const name = fileName(this.data, this.doc, `report-${this.data.criteria.version}`, 'png', this.date);
    try {
      const { reportImage } = await more();
      const canvas = reportImage(this.data, this.summary, this.date, getComputedStyle(this.root).fontFamily);
      const blob = await new Promise((resolve) => { canvas.toBlob(resolve, 'image/png'); });
      if (!blob) throw new Error('no image');
      this.lastImage = { name, width: canvas.width, height: canvas.height, minFont: canvas.kitMinFont,
        lines: canvas.kitLines };
      if (!download(name, 'image/png', blob)) { // a chat app's browser: the picture below instead
        this.message.textContent = this.s.pictureInapp;
        if (this.picture) this.picture.start();
        if (this.picture && await this.picture.ready) this.picture.scrollIntoView({ block: 'start' });
        return null;
      }
      this.message.textContent = fill(this.s.imageDone, { name });
      return name;
    } catch (error) {
      this.message.textContent = this.s.imageFailed;
      return null;
    }
  }
}
