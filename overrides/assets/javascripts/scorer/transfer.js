/*
 * Moving the scores without a file: copy the saved document as text (the Clipboard API, or a
 * visible text box to copy by hand where the browser refuses) and import it by pasting, on the
 * worksheet. Chat apps' built-in browsers drop file downloads (inapp.js); text always goes through.
 * Also the note such a browser gets on the worksheet and the report.
 */
import { fill } from './storage.js';
import { h } from './views.js';
import { appName } from './inapp.js';
import { importText } from './scorer-files.js';

/** Copies text with the Clipboard API; false when there is none or the browser refuses. */
export async function copyText(text) {
  try {
    if (!navigator.clipboard || !window.isSecureContext) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch (error) {
    return false;
  }
}

/** The note for an app's built-in browser: no files here, how to open the phone's browser, storage stays. */
export function inAppNote(s, app, ...more) {
  return h('p', { class: 'kit-inapp-note', role: 'note', 'data-app': app.id },
    fill(s.inappNote, { app: appName(s, app) }), ...more.filter(Boolean).map((text) => [' ', text]));
}

/** A read-only text box holding text, selected, to copy by hand. */
export function copyBox(label, text, cls) {
  const area = h('textarea', { class: cls, readonly: true, rows: 6, spellcheck: 'false' });
  area.value = text;
  return [h('label', { class: 'kit-sc-box-label' }, h('span', {}, label), area), area];
}

const button = (action, text) => h('button', { type: 'button', class: 'md-button', 'data-action': action }, text);

/** The worksheet's copy and paste tools (scorer: the Scorer; the pasted text is imported as a file is). */
export class Transfer {
  constructor(scorer) {
    this.scorer = scorer;
    this.s = scorer.s;
    this.box = h('div', { class: 'kit-sc-transfer-box' });
    this.element = h('div', { class: 'kit-sc-transfer' },
      h('p', { class: 'kit-sc-buttons' }, button('copy-json', this.s.copyJson), button('paste-json', this.s.pasteJson)),
      this.box);
    this.element.addEventListener('click', (event) => {
      const action = event.target.closest('button[data-action]');
      if (action) this.act(action.dataset.action);
    });
  }

  act(action) {
    if (action === 'copy-json') this.copy();
    else if (action === 'paste-json') this.openPaste();
    else if (action === 'paste-go') this.importPasted();
  }

  /** The saved document as text, copied; resolves to true when the clipboard took it. */
  async copy() {
    const text = `${JSON.stringify(this.scorer.state, null, 2)}\n`;
    const copied = await copyText(text);
    if (copied) {
      this.box.replaceChildren(h('p', { class: 'kit-sc-notice kit-sc-message', role: 'status' }, this.s.copied));
      return true;
    }
    this.show(text);
    return false;
  }

  /** Shows text in a box to copy by hand, selected, with the instructions. */
  show(text) {
    const [label, area] = copyBox(this.s.copyBox, text, 'kit-sc-copy-text');
    this.box.replaceChildren(h('p', { class: 'kit-sc-notice kit-sc-message', role: 'status' }, this.s.copyFallback), label);
    area.focus({ preventScroll: true });
    area.select();
    label.scrollIntoView({ block: 'nearest' });
  }

  openPaste() {
    const area = h('textarea', { class: 'kit-sc-paste-text', rows: 6, spellcheck: 'false' });
    this.box.replaceChildren(h('label', { class: 'kit-sc-box-label' }, h('span', {}, this.s.pasteBox), area),
      h('p', { class: 'kit-sc-buttons' }, button('paste-go', this.s.pasteGo)));
    area.focus();
  }

  importPasted() {
    const area = this.box.querySelector('.kit-sc-paste-text');
    const text = area ? area.value.trim() : '';
    if (!text) {
      this.scorer.tell(this.s.pasteEmpty, true);
      return;
    }
    const link = text.indexOf('#kit-share=');
    if (link >= 0 && !text.startsWith('{')) { // a share link pasted here: read as if opened (share-view.js)
      this.box.replaceChildren();
      this.scorer.share.receive(text.slice(link).split(/\s/)[0]); // the link ends at the first space
      return;
    }
    if (importText(this.scorer, text)) this.box.replaceChildren();
  }
}
