/*
 * The agency's written answers on the merchant's side: importing the declaration file the agency
 * saved (declaration.js) for one agency, on the worksheet (scorer.js) and in the interview
 * (interview.js), and showing each answer on its criterion's row and card as the agency's written
 * claim, with a one-tap, undoable "contradicted by what I found" mark (state.js edits
 * "declaration" and "contradicted"). A claim never sets a score: nothing here touches scores.
 *
 * The host page passes {data, agency() (the agency shown), name() (its name as shown),
 * edit(edit) (its Store commit), after() (draws the page again)}; the view keeps no document.
 */
import { ShapeError, LIMITS, fill, isObject, own } from './storage.js';
import { parseDeclaration } from './declaration.js';
import { h } from './views.js';

const CLAIM = 'kit-claim';

/** Why a declaration was refused, in the page's language (s: the page's strings). */
export function declarationReason(s, error) {
  if (!(error instanceof ShapeError)) throw error;
  if (error.kind === 'json') return s.clBadJson;
  if (error.kind === 'tooBig') return fill(s.tooBig, error.values);
  if (error.kind === 'newer') return fill(s.clNewer, error.values);
  if (error.kind === 'otherCriteria') return fill(s.clOtherCriteria, error.values);
  return fill(s.clBadShape, { where: error.message });
}

/** Whether text is an agency's declaration file (what the worksheet's own import then points to). */
export function isDeclaration(text, data) {
  try {
    const doc = JSON.parse(text);
    return isObject(doc) && doc.format === data.declarationFormat.name;
  } catch (error) {
    return false;
  }
}

/** The declaration's header in words: company, signatory and date as the agency wrote them ("—" when blank). */
export function declaredBy(s, declaration) {
  const or = (text) => (text && text.trim()) || '—';
  return fill(s.clDeclaredBy, { company: or(declaration.company), signatory: or(declaration.signatory),
    date: or(declaration.date) });
}

/**
 * The agency's written claim on criterion id, or null when it wrote none: the text, "evidence
 * attached" when ticked, and the contradicted mark (a toggle button; once marked, a note and Undo).
 */
export function claimBlock(s, agency, id) {
  const claim = own(agency.claims || {}, id);
  if (!claim) return null;
  const marked = claim.contradicted === true;
  return h('div', { class: `${CLAIM}${marked ? ` ${CLAIM}-contradicted` : ''}`, 'data-criterion': id },
    h('p', { class: `${CLAIM}-head` }, h('strong', {}, s.clHead),
      claim.attached ? [' ', h('span', { class: `kit-tag ${CLAIM}-attached` }, `✓ ${s.clAttached}`)] : null),
    h('blockquote', { class: `${CLAIM}-text` }, claim.text.trim() || '—'),
    marked
      ? h('p', { class: `${CLAIM}-mark` }, h('span', { class: `${CLAIM}-marked` }, s.clContradicted), ' ',
        h('button', { type: 'button', class: 'md-button', 'data-claim': 'undo', 'data-criterion': id }, s.clUndo))
      : h('p', { class: `${CLAIM}-mark` }, h('button', { type: 'button', class: `md-button ${CLAIM}-contradict`,
        'data-claim': 'contradict', 'data-criterion': id }, s.clContradict)));
}

/** Puts the agency's claim on criterion id into box (after `after`, an element in box, or at its end). */
export function placeClaim(box, s, agency, id, after = null) {
  for (const old of box.querySelectorAll(`:scope > .${CLAIM}`)) old.remove();
  const block = claimBlock(s, agency, id);
  if (!block) return;
  if (after && after.parentElement) after.after(block);
  else box.append(block);
}

/** Marks (or unmarks) claims tapped in box: host.edit a "contradicted" edit, then host.after(criterion id). */
export function listenClaims(box, host) {
  box.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-claim]');
    const agency = host.agency();
    if (!button || !agency || !box.contains(button)) return;
    const id = button.dataset.criterion;
    host.edit({ type: 'contradicted', agency: agency.id, criterion: id, value: button.dataset.claim === 'contradict' });
    host.after(id);
    const again = box.querySelector(`.${CLAIM}[data-criterion="${CSS.escape(id)}"] button[data-claim]`);
    if (again) again.focus({ preventScroll: true });
  });
}

/** The import of one agency's written answers (a file or pasted text) and its declaration's header. */
export class ClaimImport {
  constructor(host) {
    this.host = host;
    this.s = host.data.strings;
    const s = this.s;
    this.header = h('p', { class: `${CLAIM}-declared`, hidden: true });
    this.file = h('input', { type: 'file', accept: '.json,application/json,text/plain', hidden: true, tabindex: -1,
      class: `${CLAIM}-file`, 'aria-label': s.clChooseFile });
    this.paste = h('textarea', { class: `${CLAIM}-paste`, rows: 4, spellcheck: 'false' });
    this.message = h('div', { class: `${CLAIM}-message`, role: 'status', 'aria-live': 'polite' });
    this.details = h('details', { class: `${CLAIM}-import` },
      h('summary', {}, s.clImport),
      h('p', { class: `${CLAIM}-intro` }, s.clImportIntro),
      h('p', { class: `${CLAIM}-buttons` },
        h('button', { type: 'button', class: 'md-button', 'data-claim-import': 'file' }, s.clChooseFile), this.file),
      h('label', { class: `${CLAIM}-paste-label` }, h('span', {}, s.clPasteBox), this.paste),
      h('p', { class: `${CLAIM}-buttons` },
        h('button', { type: 'button', class: 'md-button', 'data-claim-import': 'paste' }, s.clPasteGo)));
    this.element = h('div', { class: `${CLAIM}-box` }, this.header, this.details, this.message);
    this.element.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-claim-import]');
      if (!button) return;
      if (button.dataset.claimImport === 'file') this.file.click();
      else this.take(this.paste.value.trim());
    });
    this.file.addEventListener('change', () => {
      const file = this.file.files[0];
      this.file.value = '';
      if (!file) return;
      if (file.size > LIMITS.bytes) this.refuse(new ShapeError('size', 'tooBig', { size: Math.ceil(file.size / 1024),
        max: LIMITS.bytes / 1024 }));
      else file.text().then((text) => this.take(text));
    });
  }

  /** Shows the declaration header of the agency shown (and clears an old message when the agency changed). */
  show(agency) {
    if (!agency || agency.id !== this.shown) this.message.replaceChildren();
    this.shown = agency ? agency.id : null;
    const declaration = agency && agency.declaration;
    this.header.hidden = !declaration;
    this.header.textContent = declaration ? declaredBy(this.s, declaration) : '';
  }

  refuse(error) {
    this.say(fill(this.s.importError, { reason: declarationReason(this.s, error) }), true);
    return false;
  }

  say(text, error = false, ...more) {
    this.message.replaceChildren(h('p', { class: `kit-sc-notice kit-sc-message${error ? ' kit-sc-warning' : ''}`,
      role: error ? 'alert' : null }, text), ...more.filter(Boolean));
  }

  /** Imports text (a declaration file) for the agency shown; true when it was taken. */
  take(text) {
    const s = this.s;
    if (!text) {
      this.say(s.pasteEmpty, true);
      this.paste.focus();
      return false;
    }
    const agency = this.host.agency();
    if (!agency) return false;
    let declaration;
    try {
      declaration = parseDeclaration(text, this.host.data);
    } catch (error) {
      return this.refuse(error);
    }
    if (!this.host.edit({ type: 'declaration', agency: agency.id, value: declaration })) return false;
    this.paste.value = '';
    this.details.open = false;
    this.host.after(null);
    const n = Object.values(declaration.answers).filter((a) => a.text.trim() || a.attached).length;
    const version = declaration.criteria.version;
    this.say(fill(s.clImported, { n, name: this.host.name() }),
      false, version === this.host.data.criteria.version ? null
        : h('p', { class: `${CLAIM}-version` }, fill(s.clOtherVersion, { old: version, new: this.host.data.criteria.version })));
    return true;
  }
}

/* The two pages' hooks: each page calls one function when it builds and one when it draws an agency. */

/** The worksheet's import for the active agency (sc: scorer.js Scorer); claims tapped in its criteria. */
export function worksheetClaims(sc) {
  const host = { data: sc.data, agency: () => sc.agency(), edit: (edit) => sc.edit(edit),
    name: () => sc.name(sc.agency(), sc.state.agencies.indexOf(sc.agency())), after: () => sc.renderValues() };
  listenClaims(sc.criteriaBox, host);
  return new ClaimImport(host);
}

/** Each worksheet row of agency shows its claim, under the criterion's title. */
export function showWorksheetClaims(sc, agency) {
  sc.claims.show(agency);
  for (const field of sc.criteriaBox.querySelectorAll('fieldset.kit-sc-criterion')) {
    placeClaim(field, sc.s, agency, field.dataset.criterion, field.querySelector(':scope > legend'));
  }
}

/** The interview's import for the agency interviewed (iv: interview.js Interview); claims tapped on its card. */
export function interviewClaims(iv) {
  const host = { data: iv.data, agency: () => iv.agency(), edit: (edit) => iv.change(edit),
    name: () => iv.name(iv.agency(), iv.state.agencies.indexOf(iv.agency())), after: () => iv.show(false) };
  listenClaims(iv.cardBox, host);
  return new ClaimImport(host);
}

/** The interview card of agency shows its claim on the criterion, after the questions put. */
export function showCardClaim(iv, agency, card) {
  iv.claims.show(agency);
  placeClaim(card, iv.s, agency, card.dataset.criterion, card.querySelector(':scope > .kit-iv-questions'));
}
