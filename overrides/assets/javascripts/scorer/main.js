/*
 * Agency Vetting Kit: starts the in-browser scorer of the worksheet page (an ES module,
 * loaded through mkdocs.yml extra_javascript with type: module; does nothing on other pages).
 *
 * Material's instant navigation swaps pages without reloading scripts, so the scorer is
 * (re)built from document$ on every page view, once per page (never bound twice).
 * Plain modern JavaScript, no framework, no build step, nothing loaded from elsewhere.
 * window.kitScoring exposes the rule and print hooks to tests.
 */
import { display, rank, score, tenths } from './rule.js';
import { validate } from './storage.js';
import { ROOT_ID, Scorer, finishPrint } from './scorer.js';

const DATA_ID = 'kit-scoring-data';

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
