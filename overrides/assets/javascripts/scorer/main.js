/*
 * Agency Vetting Kit: starts the in-browser scorer of the worksheet page, or the interview of
 * the interview page (an ES module, loaded through mkdocs.yml extra_javascript with type: module;
 * does nothing on other pages).
 *
 * Material's instant navigation swaps pages without reloading scripts, so the scorer is
 * (re)built from document$ on every page view, once per page (never bound twice).
 * Plain modern JavaScript, no framework, no build step, nothing loaded from elsewhere.
 * window.kitScoring exposes the rule and print hooks to tests.
 */
import { display, rank, score, tenths } from './rule.js';
import { validate } from './storage.js';
import { ROOT_ID, Scorer, finishPrint } from './scorer.js';
import { INTERVIEW_ID, Interview } from './interview.js';

const DATA_ID = 'kit-scoring-data';
const INTERVIEW_DATA_ID = 'kit-interview-data';

let current = null;

const json = (element) => JSON.parse(element.content ? element.content.textContent : element.textContent);

let interview = null;

function init() {
  document.documentElement.classList.remove('kit-print-filled');
  const asked = document.getElementById(INTERVIEW_DATA_ID);
  if (!asked) interview = null;
  else if (!document.getElementById(INTERVIEW_ID)) interview = new Interview(asked, json(asked));
  const element = document.getElementById(DATA_ID);
  if (!element) {
    current = null;
    return;
  }
  if (document.getElementById(ROOT_ID)) return; // already built for this page view
  current = new Scorer(element, json(element));
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
  get interview() {
    return interview;
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
