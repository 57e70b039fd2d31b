/*
 * The online declaration the agency fills on the declaration page, on its own phone or computer
 * (an ES module that overrides/main.html loads only on the page holding #kit-declaration-data,
 * generator/render/declaration_data.py). Each declared question gets an answer box and an
 * "evidence attached" tick, then company, unified social credit code, signatory and date; the
 * draft is kept in this browser (declaration-draft.js, its own key) and "Save the file" hands
 * over the declaration file (declaration.js), which the merchant imports on her worksheet or in
 * the interview. A chat app's built-in browser drops downloads (inapp.js): the file's text is
 * copied or shown to copy instead, as the worksheet does (transfer.js). The printable form
 * below prints as before; on phones it folds behind a button. Nothing here shows a red flag or
 * a weight: the form is meant for the agency.
 */
import { declarationFile, declaredCriteria } from './declaration.js';
import { HEADER, declarationName, draftKey, emptyDraft, hasAnswer, readDraft } from './declaration-draft.js';
import { fill, readSaved, writeSaved } from './storage.js';
import { download, h } from './views.js';
import { copyBox, copyText } from './transfer.js';
import { appName, currentApp } from './inapp.js';
import { onEveryPage } from './every-page.js';

export const FORM_ID = 'kit-declaration-online';
const DATA_ID = 'kit-declaration-data';
const SLOT_ID = 'kit-dc-slot';
const MAX_SHORT = 200;
const FIELD_TYPES = { company: 'text', code: 'text', signatory: 'text', date: 'date' };

const button = (action, text, cls = '') => h('button', { type: 'button', class: `md-button ${cls}`.trim(),
  'data-action': action }, text);

export class DeclarationForm {
  constructor(anchor, data) {
    this.data = data;
    this.s = data.strings;
    this.key = draftKey(data);
    this.app = currentApp();
    const { raw, storable } = readSaved(this.key);
    this.draft = raw === null ? emptyDraft() : readDraft(raw, data);
    this.storable = storable;
    this.form = anchor.closest('.kit-declaration');
    this.root = h('section', { id: FORM_ID, class: 'kit-dc-online', 'aria-labelledby': 'kit-dc-title' });
    const slot = document.getElementById(SLOT_ID);
    const head = this.form && this.form.querySelector('.kit-form-head');
    if (slot) slot.replaceWith(this.root);
    else if (head) head.after(this.root);
    else anchor.before(this.root);
    this.build();
    for (const type of ['input', 'change', 'click', 'focusout']) this.root.addEventListener(type, (e) => this.on(e));
    this.foldPrintable();
  }

  build() {
    const s = this.s;
    this.message = h('div', { class: 'kit-dc-message', role: 'status', 'aria-live': 'polite', tabindex: -1 });
    this.warning = h('p', { class: 'kit-dc-warning', role: 'alert', hidden: this.storable }, s.noStorage);
    this.root.replaceChildren(...[
      h('h2', { id: 'kit-dc-title' }, s.title),
      h('p', {}, s.intro),
      this.app ? h('p', { class: 'kit-inapp-note', role: 'note', 'data-app': this.app.id },
        fill(s.inapp, { app: appName(s, this.app) })) : null,
      h('p', { class: 'kit-dc-hint' }, s.draft), this.warning,
      h('ol', { class: 'kit-dc-questions' }, declaredCriteria(this.data).map((c) => this.question(c))),
      h('fieldset', { class: 'kit-dc-sign' }, h('legend', {}, s.signHead), HEADER.map((k) => this.field(k))),
      h('p', { class: 'kit-dc-buttons' }, button('save', s.save, 'md-button--primary'), button('copy', s.copy)),
      this.message,
      h('p', { class: 'kit-dc-buttons' }, button('clear', s.clear, 'kit-dc-danger')),
    ].filter(Boolean));
  }

  /** One declared question: its number and title, the questions put, an answer box and the tick. */
  question(c) {
    const a = this.draft.answers[c.id] || { text: '', attached: false };
    const id = `kit-dc-a-${c.number}`;
    return h('li', { class: 'kit-dc-q', 'data-criterion': c.id },
      h('p', { class: 'kit-dc-q-title' }, h('span', { class: 'kit-dc-num' }, String(c.number)), ' ', h('strong', {}, c.title)),
      h('ul', { class: 'kit-dc-asked' }, c.questions.map((q) => h('li', {}, q))),
      h('label', { class: 'kit-dc-label', for: id }, this.s.answer),
      Object.assign(h('textarea', { id, class: 'kit-dc-answer', rows: 3, maxlength: 5000, 'data-criterion': c.id }),
        { value: a.text }),
      h('label', { class: 'kit-dc-tick' }, Object.assign(h('input', { type: 'checkbox', class: 'kit-dc-attached',
        'data-criterion': c.id }), { checked: a.attached }), h('span', {}, this.s.attached)));
  }

  field(key) {
    const input = h('input', { type: FIELD_TYPES[key], class: 'kit-dc-field', id: `kit-dc-${key}`, 'data-field': key,
      maxlength: MAX_SHORT, autocomplete: key === 'company' ? 'organization' : 'off' });
    input.value = this.draft[key];
    return h('label', { class: 'kit-dc-label kit-dc-field-label', for: input.id }, h('span', {}, this.s[key]), input);
  }

  /** The draft from the page's controls, saved in this browser (a warning when it refuses). */
  keep() {
    for (const input of this.root.querySelectorAll('.kit-dc-field')) this.draft[input.dataset.field] = input.value;
    for (const area of this.root.querySelectorAll('textarea.kit-dc-answer')) {
      const id = area.dataset.criterion;
      const box = this.root.querySelector(`input.kit-dc-attached[data-criterion="${CSS.escape(id)}"]`);
      this.draft.answers[id] = { text: area.value, attached: box.checked };
    }
    this.storable = writeSaved(this.key, this.draft);
    this.warning.hidden = this.storable;
  }

  on(event) {
    const t = event.target;
    if (event.type === 'focusout' && t.dataset && t.dataset.armed) this.disarm(t);
    else if (event.type === 'input' || event.type === 'change') {
      if (t.matches('.kit-dc-field, .kit-dc-answer, .kit-dc-attached')) this.keep();
    } else if (event.type === 'click') {
      const b = t.closest('button[data-action]');
      if (b) this.act(b);
    }
  }

  act(b) {
    const action = b.dataset.action;
    if (action === 'save') this.save();
    else if (action === 'copy') this.copy();
    else if (action === 'clear' && !b.dataset.armed) {
      b.dataset.armed = '1';
      b.textContent = this.s.clearConfirm;
    } else if (action === 'clear') this.clear(b);
  }

  disarm(b) {
    delete b.dataset.armed;
    b.textContent = this.s.clear;
  }

  clear(b) {
    this.disarm(b);
    this.draft = emptyDraft();
    this.build();
    this.keep();
    this.root.querySelector('textarea, input').focus();
  }

  /** The declaration file's text and name; null (and the reason shown) when it cannot be made yet. */
  file() {
    this.keep();
    if (!this.draft.company.trim()) return this.refuse(this.s.needCompany, '#kit-dc-company');
    if (!hasAnswer(this.draft)) return this.refuse(this.s.nothing, 'textarea.kit-dc-answer');
    const header = Object.fromEntries(HEADER.map((k) => [k, this.draft[k].trim()]));
    const doc = declarationFile(this.data, header, this.draft.answers);
    return { text: `${JSON.stringify(doc, null, 2)}\n`, name: declarationName(this.data, header.company) };
  }

  refuse(text, selector) {
    this.say(text, true);
    const control = this.root.querySelector(selector);
    if (control) control.focus();
    return null;
  }

  say(text, error = false, ...more) {
    this.message.classList.toggle('kit-dc-error', error);
    this.message.replaceChildren(h('p', {}, text), ...more);
  }

  /** Saves the file; where the browser cannot (a chat app's), copies its text or shows it to copy. */
  save() {
    const file = this.file();
    if (!file) return null;
    if (download(file.name, 'application/json', file.text)) {
      this.say(fill(this.s.savedFile, { name: file.name }));
      this.lastFile = file;
      return file.name;
    }
    this.copy(file);
    return null;
  }

  /** Copies the file's text; when the clipboard refuses, shows it selected to copy by hand. */
  async copy(file = this.file()) {
    if (!file) return false;
    this.lastFile = file;
    if (await copyText(file.text)) {
      this.say(this.s.copied);
      return true;
    }
    const [label, area] = copyBox(this.s.copyBox, file.text, 'kit-dc-copy-text');
    this.say(this.s.copyFallback, false, label);
    area.focus({ preventScroll: true });
    area.select();
    label.scrollIntoView({ block: 'nearest' });
    return false;
  }

  /** On a phone the printable form below folds behind a button (declaration.css); paper shows it whole. */
  foldPrintable() {
    if (!this.form || this.form.querySelector('.kit-dc-print-row')) return;
    const toggle = h('button', { type: 'button', class: 'md-button', 'aria-expanded': 'false' }, this.s.printShow);
    this.form.classList.add('kit-dc-folded');
    toggle.addEventListener('click', () => {
      const open = !this.form.classList.toggle('kit-dc-folded');
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = open ? this.s.printHide : this.s.printShow;
    });
    this.root.after(h('p', { class: 'kit-dc-print-row' }, toggle));
  }
}

const json = (element) => JSON.parse(element.content ? element.content.textContent : element.textContent);

let current = null;

function init() {
  const element = document.getElementById(DATA_ID);
  if (!element) {
    current = null;
    return;
  }
  if (!document.getElementById(FORM_ID)) current = new DeclarationForm(element, json(element));
}

window.kitDeclaration = Object.freeze({
  get form() {
    return current;
  },
});

onEveryPage(init);
