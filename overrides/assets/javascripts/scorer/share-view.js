/*
 * The worksheet's share link (share.js): making it (which agencies, notes or not, what the link will
 * contain said before it is made, the link to copy and its QR code) and opening one (the received
 * scores shown, then added, put in place of the agencies with the same names, or ignored: never
 * taken in silently). The QR code is qr.js's.
 */
import { display } from './rule.js';
import { LIMITS, fill, hasData } from './storage.js';
import { agencyName, answered, results } from './state.js';
import { h } from './views.js';
import { copyBox, copyText } from './transfer.js';
import { qrImage } from './qr.js';
import {
  LINK_MAX, QR_MAX, ShareError, contents, isShare, makeLink, payload, readLink,
} from './share.js';
import { takeIn } from './share-take.js';
import { addAsReviewer, reviewForm } from './people-view.js';
import { defaultReviewer } from './people-text.js';

const button = (action, text, primary = false) => h('button', { type: 'button',
  class: `md-button${primary ? ' md-button--primary' : ''}`, 'data-action': action }, text);
const address = () => window.location.href.split('#')[0];
/** n with a comma between thousands, as toLocaleString('en') writes it, without the first call's cost of
 * loading the browser's locale data (about 20 ms, 80 ms on a slow phone, in the worksheet's first build). */
const grouped = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export class ShareView {
  constructor(scorer) {
    this.scorer = scorer;
    this.s = scorer.s;
    this.received = h('div', { class: 'kit-sh-inbox', tabindex: -1 });
    this.select = h('select', { class: 'kit-sh-which' });
    this.notes = h('input', { type: 'checkbox', class: 'kit-sh-notes' });
    this.says = h('p', { class: 'kit-sh-contains', 'aria-live': 'polite' });
    this.out = h('div', { class: 'kit-sh-out' });
    this.element = h('section', { class: 'kit-sc-share', 'aria-labelledby': 'kit-sh-title' },
      h('h3', { id: 'kit-sh-title' }, this.s.shTitle),
      h('p', { class: 'kit-sc-hint' }, fill(this.s.shIntro, { max: grouped(LINK_MAX) })),
      h('div', { class: 'kit-sh-options' }, h('label', { class: 'kit-sh-pick' }, h('span', {}, this.s.shWhich), this.select),
        h('label', {}, this.notes, h('span', {}, this.s.shNotes))),
      this.says, h('p', { class: 'kit-sc-buttons' }, (this.makeButton = button('share-make', this.s.shMake))), this.out);
    for (const box of [this.element, this.received]) {
      box.addEventListener('click', (event) => {
        const action = event.target.closest('button[data-action]');
        if (action) this.act(action.dataset.action);
      });
    }
    this.element.addEventListener('change', () => {
      this.out.replaceChildren();
      this.describe();
    });
  }

  act(action) {
    if (action === 'share-make') this.make();
    else if (action === 'share-copy') this.copy();
    else if (action === 'share-add') this.take('add');
    else if (action === 'share-replace') this.take('replace');
    else if (action === 'share-ignore') this.close(this.s.shIgnored);
  }

  /** The choice of agencies follows the document; what the link will contain is said again. */
  refresh() {
    const state = this.scorer.state;
    if (!state) return;
    const chosen = this.select.value;
    this.select.replaceChildren(h('option', { value: '' }, this.s.shAll), ...state.agencies.map((a, i) => h('option',
      { value: a.id }, agencyName(this.scorer.data, a, i))));
    this.select.value = state.agencies.some((a) => a.id === chosen) ? chosen : '';
    this.describe();
  }

  payload() {
    return payload(this.scorer.data, this.scorer.state, { agency: this.select.value || null, notes: this.notes.checked });
  }

  describe() {
    const state = this.scorer.state;
    const p = this.payload();
    const c = contents(p);
    this.makeButton.disabled = !c.agencies.length; // nothing to share
    const names = state.agencies.filter((a) => !this.select.value || a.id === this.select.value)
      .map((a) => agencyName(this.scorer.data, a, state.agencies.indexOf(a)));
    this.says.textContent = fill(this.s.shContains, { names: names.join(this.s.listSep || ', '), scores: c.scores,
      flags: c.flags, notes: this.notes.checked ? fill(this.s.shNotesIn, { n: c.notes }) : this.s.shNotesOut })
      + (p.o ? ` ${fill(this.s.ppShareAs, { name: p.o })}` : ''); // the sender's name, for the receiver's reviewer list
  }

  /** Makes the link; resolves to it, or null when it is too long. */
  async make() {
    this.describe();
    const { link, compressed } = await makeLink(address(), this.payload());
    const s = this.s;
    if (link.length > LINK_MAX) {
      this.out.replaceChildren(h('p', { class: 'kit-sc-notice kit-sc-warning', role: 'alert' },
        fill(s.shTooLong, { n: grouped(link.length), max: grouped(LINK_MAX) })));
      return null;
    }
    const [label, area] = copyBox(fill(s.shLink, { n: link.length }), link, 'kit-sh-link');
    area.rows = 3;
    const qr = link.length <= QR_MAX ? await qrImage(link, s.shQr) : null;
    this.out.replaceChildren(...[label, h('p', { class: 'kit-sc-buttons' }, button('share-copy', s.shCopy, true)),
      h('p', { class: 'kit-sh-status', role: 'status' }),
      compressed ? null : h('p', { class: 'kit-sc-hint kit-sh-plain' }, s.shPlain),
      qr ? h('figure', { class: 'kit-sh-qr' }, qr, h('figcaption', { class: 'kit-sc-hint' }, s.shQr)) : null,
      link.length > QR_MAX ? h('p', { class: 'kit-sc-hint kit-sh-no-qr' }, fill(s.shNoQr, { n: link.length, max: QR_MAX }))
        : null].filter(Boolean));
    this.link = link;
    return link;
  }

  async copy() {
    const status = this.out.querySelector('.kit-sh-status');
    const area = this.out.querySelector('.kit-sh-link');
    if (await copyText(this.link)) {
      status.textContent = this.s.shCopied;
    } else {
      status.textContent = this.s.copyFallback;
      area.focus({ preventScroll: true });
      area.select();
    }
  }

  /* Receiving */

  /** Reads a share link's hash (location.hash by default): shows what it carries and asks; nothing is saved. */
  async receive(hash = window.location.hash) {
    if (!isShare(hash) || !this.scorer.state) return;
    const s = this.s;
    try {
      this.incoming = await readLink(this.scorer.data, hash);
    } catch (error) {
      // Whatever a hostile link makes go wrong, it is refused as damaged (problem), never half-read.
      this.incoming = null;
      this.show(h('p', { role: 'alert', class: 'kit-sc-warning' }, this.problem(error)),
        button('share-ignore', s.ok));
      return;
    }
    const { doc, notes } = this.incoming;
    const names = doc.agencies.map((a, i) => agencyName(this.scorer.data, a, i));
    const { results: scored } = results(this.scorer.data, doc);
    const count = this.scorer.ids.length;
    this.show(h('p', { role: 'status' }, fill(s.shReceived, { n: doc.agencies.length, names: names.join(s.listSep || ', '),
      notes: notes ? fill(s.shNotesIn, { n: doc.agencies.reduce((n, a) => n + Object.keys(a.notes).length, 0) })
        : s.shNotesOut })),
    h('ul', { class: 'kit-sh-received-list' }, names.map((name, i) => h('li', { 'data-agency': doc.agencies[i].id },
      h('strong', {}, name), ` · ${s.total} ${display(scored[i].total)} · ${s.scored} ${answered(scored[i])}/${count}`,
      scored[i].verdict.kind === 'ranked' ? '' : ` · ${scored[i].verdict.text}`))),
    // As a reviewer's scores (kept apart, people-view.js) first: the usual case of a colleague's link.
    reviewForm(this.scorer, doc.owner.name || defaultReviewer(s, this.scorer.state), (name, reviewer) => this.review(name, reviewer)),
    button('share-add', s.shAdd), button('share-replace', s.shReplace), button('share-ignore', s.shIgnore));
  }

  /** Adds the received scores as the reviewer named name's (or updates reviewer's, an id), and says so. */
  review(name, reviewer) {
    if (!this.incoming) return;
    const { ok, text } = addAsReviewer(this.scorer, this.incoming.doc, name, reviewer);
    if (ok) this.close(text);
    else this.show(h('p', { role: 'alert', class: 'kit-sc-warning' }, text), button('share-ignore', this.s.ok));
  }

  problem(error) {
    const s = this.s;
    if (!(error instanceof ShareError)) return s.shBad;
    const v = error.values;
    if (error.kind === 'tooLong') return fill(s.shLinkTooLong, { max: grouped(v.max) });
    if (error.kind === 'noInflate') return s.shNoInflate;
    if (error.kind === 'newer') return s.shNewer;
    if (error.kind === 'otherCriteria') return fill(s.importError, { reason: fill(s.wrongCriteria, v) });
    if (error.kind === 'otherVersion') return fill(s.shOtherVersion, v);
    if (error.kind === 'tooMany') return fill(s.importError, { reason: fill(s.tooMany, v) });
    return s.shBad; // kind "bad", or an error that is no ShareError at all
  }

  /** Shows message with more elements (lists, buttons: buttons go in one row) where the link's news go. */
  show(message, ...more) {
    this.received.className = 'kit-sh-inbox kit-sh-received';
    this.received.replaceChildren(message, ...more.filter((el) => el.tagName !== 'BUTTON'),
      h('p', { class: 'kit-sc-buttons' }, more.filter((el) => el.tagName === 'BUTTON')));
    this.received.scrollIntoView({ block: 'start' });
    this.received.focus({ preventScroll: true });
  }

  /** Takes the received agencies in (mode "add" or "replace", share.js takeIn) and says so. */
  take(mode) {
    if (!this.incoming) return;
    const scorer = this.scorer;
    scorer.store.load(); // taken into what is saved now
    // Nothing of the merchant's yet (the three empty agencies a new sheet starts with): those make way.
    const here = hasData(scorer.state, scorer.patterns) ? scorer.state : { ...scorer.state, agencies: [] };
    const doc = takeIn(here, this.incoming.doc, mode, this.incoming.notes);
    if (!doc) {
      const n = scorer.state.agencies.length + this.incoming.doc.agencies.length;
      this.show(h('p', { role: 'alert', class: 'kit-sc-warning' }, fill(this.s.importError,
        { reason: fill(this.s.mergeTooMany, { n, max: LIMITS.agencies }) })), button('share-ignore', this.s.ok));
      return;
    }
    const n = this.incoming.doc.agencies.length;
    scorer.edit({ type: 'replace', doc });
    scorer.showNotices();
    scorer.refresh();
    this.close(fill(mode === 'add' ? this.s.shAdded : this.s.shReplaced, { n }));
  }

  /** Forgets the link (also in the address, so a reload does not ask again) and says message. */
  close(message) {
    this.incoming = null;
    if (isShare(window.location.hash)) window.history.replaceState(null, '', address());
    this.received.className = 'kit-sh-inbox';
    this.received.replaceChildren(h('p', { class: 'kit-sc-notice kit-sc-message', role: 'status' }, message));
  }
}
