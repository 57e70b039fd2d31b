/*
 * Agency Vetting Kit: starts the in-browser scorer of the worksheet page, the comparison
 * report of the report page (report.js) and the interview of the interview page (interview.js)
 * (an ES module, loaded through mkdocs.yml extra_javascript with type: module; does nothing
 * on other pages).
 *
 * Material's instant navigation swaps pages without reloading scripts, so the scorer is
 * (re)built from document$ on every page view, once per page (never bound twice).
 * Plain modern JavaScript, no framework, no build step, nothing loaded from elsewhere.
 * window.kitScoring exposes the rule and print hooks to tests.
 */
import { display, judgeAll, rank, score, tenths } from './rule.js';
import { validate } from './storage.js';
import { ROOT_ID, Scorer, finishPrint } from './scorer.js';
import { INTERVIEW_ID, Interview } from './interview.js';
import { REPORT_ROOT, Report } from './report.js';
import { onEveryPage } from './every-page.js';

const DATA_ID = 'kit-scoring-data';
const REPORT_DATA_ID = 'kit-report-data';
const INTERVIEW_DATA_ID = 'kit-interview-data';

let current = null;
let report = null;

/** The report page's report, built once per page view; null on other pages. */
function initReport() {
  const element = document.getElementById(REPORT_DATA_ID);
  if (!element) {
    report = null;
  } else if (!document.getElementById(REPORT_ROOT)) {
    report = new Report(element, json(element));
  }
}

const json = (element) => JSON.parse(element.content ? element.content.textContent : element.textContent);

let interview = null;

function init() {
  document.documentElement.classList.remove('kit-print-filled');
  const asked = document.getElementById(INTERVIEW_DATA_ID);
  if (!asked) interview = null;
  else if (!document.getElementById(INTERVIEW_ID)) interview = new Interview(asked, json(asked));
  initReport();
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
    if (report && report.root.isConnected) report.renderChart();
  }, 150);
});

// Another tab or window saved the scores: every page open here shows them and says so.
window.addEventListener('storage', (event) => {
  for (const view of [current, interview, report]) {
    if (view && view.root.isConnected && (event.key === null || event.key === view.key)) view.sync();
  }
});

// A share link pasted into this tab's address bar changes only the fragment: no reload, so read it here.
window.addEventListener('hashchange', () => {
  if (current && current.root.isConnected) current.share.receive();
});

window.kitScoring = Object.freeze({
  score, display, rank, tenths, validate, judgeAll,
  get scorer() {
    return current;
  },
  get interview() {
    return interview;
  },
  get report() {
    return report;
  },
  preparePrint: () => current && current.preparePrint(),
  finishPrint,
});

onEveryPage(init);
