/*
 * Several reviewers on the interview page (interview.js): the merchant's own name (an "owner" edit,
 * shown with her scores) and, on the card, where the score that counts is an agreed one or a
 * reviewer's rather than hers (people-text.js countedOrigin), so the selected level and the score
 * that counts never seem to contradict each other.
 */
import { h } from './views.js';
import { countedOrigin, nameProblem, sayNameProblem } from './people-text.js';

export class InterviewPeople {
  constructor(interview) {
    this.interview = interview;
    const s = interview.s;
    this.owner = h('input', { type: 'text', class: 'kit-pp-owner', id: 'kit-iv-owner', maxlength: 80,
      autocomplete: 'off', placeholder: s.ppMe });
    // A reviewer's name is refused as hers, as on the worksheet (people-view.js), the message under the field.
    this.message = h('span', { class: 'kit-pp-taken kit-sc-warning', id: 'kit-iv-owner-taken', role: 'alert',
      hidden: true });
    this.owner.setAttribute('aria-describedby', 'kit-iv-owner-taken');
    this.box = h('p', { class: 'kit-iv-owner-row' }, h('label', { for: 'kit-iv-owner' }, s.ppOwnerName), this.owner,
      this.message);
    this.owner.addEventListener('input', () => {
      const problem = interview.state ? nameProblem(s, interview.state, this.owner.value, null) : '';
      sayNameProblem(this.owner, this.message, problem);
      if (!problem) interview.change({ type: 'owner', value: this.owner.value });
    });
    this.owner.addEventListener('change', () => {
      if (!this.message.hidden && interview.state) this.owner.value = interview.state.owner.name;
    });
  }

  /** The owner's name (unless being typed) and the current card's mark. */
  refresh() {
    const iv = this.interview;
    if (!iv.state) return;
    if (document.activeElement !== this.owner) this.owner.value = iv.state.owner.name;
    const card = iv.cardBox.querySelector('.kit-iv-card');
    const agency = iv.agency();
    if (!card || !agency) return;
    const origin = countedOrigin(iv.data, iv.state, agency, card.dataset.criterion);
    let mark = card.querySelector('.kit-iv-counted');
    if (!origin) {
      if (mark) mark.remove();
      return;
    }
    if (!mark) {
      mark = h('p', { class: 'kit-iv-counted' });
      // Right under the score buttons, above the meaning of the level that counts.
      (card.querySelector('.kit-iv-level-row') || card.querySelector('.kit-iv-levels')).after(mark);
    }
    mark.dataset.kind = origin.kind;
    mark.textContent = origin.text;
  }
}
