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
import { onEveryPage, painted } from './every-page.js';

let current = null;
let report = null;
let interview = null;
let finishPrint = () => document.documentElement.classList.remove('kit-print-filled'); // scorer-files.js's, once loaded

const json = (element) => JSON.parse(element.content ? element.content.textContent : element.textContent);

/*
 * Each page imports the code of its own view only (issue 30: the worksheet loads neither the report's
 * nor the interview's modules; preload() asks for them together). A view is built once per page view: not
 * if its root is there (with its class: the id comes once it is built whole, scorer.js and report.js).
 */
const VIEWS = [
  { data: 'kit-scoring-data', load: () => import('./scorer.js'),
    build: (m, element) => {
      finishPrint = m.finishPrint;
      if (!document.querySelector('.kit-scorer:not(.kit-scorer-slot)')) current = new m.Scorer(element, json(element));
    },
    drop: () => { current = null; } },
  { data: 'kit-report-data', load: () => import('./report.js'),
    build: (m, element) => { if (!document.querySelector('section.kit-report')) report = new m.Report(element, json(element)); },
    drop: () => { report = null; } },
  { data: 'kit-interview-data', load: () => import('./interview.js'),
    build: (m, element) => {
      if (!document.getElementById(m.INTERVIEW_ID)) interview = new m.Interview(element, json(element));
    },
    drop: () => { interview = null; } },
];

/**
 * Asks for the modules of this page's view together (data-kit-preload of main.js's script, from
 * generator/site/modules.py) instead of level by level as the imports are read: as this script starts
 * (it is async: as soon as it has loaded, issue 30), then on each page view. Low priority, after the
 * page's styles and Material's script. Not as links in the served page: Lighthouse counted them with
 * what the first paint of the worksheet and the interview (served) waits for.
 */
function preload() {
  const script = document.querySelector('script[data-kit-preload]');
  for (const name of script ? script.dataset.kitPreload.split(' ').filter(Boolean) : []) {
    const href = new URL(name, import.meta.url).href;
    if (!document.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) {
      script.after(Object.assign(document.createElement('link'), { rel: 'modulepreload', href, fetchPriority: 'low' }));
    }
  }
}

function init() {
  finishPrint();
  preload();
  for (const view of VIEWS) {
    const element = document.getElementById(view.data);
    if (!element) {
      view.drop();
      continue;
    }
    // Built after the page's first paint, which shows what the page serves (the worksheet's first screen)
    // without waiting for the view's build; still this page view then (instant navigation may have moved on).
    Promise.all([view.load(), painted()]).then(([module]) => element.isConnected && view.build(module, element));
  }
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
  finishPrint: () => finishPrint(),
});

preload(); // before the page has been read, maybe (async), and before Material's document$ (init)
onEveryPage(init);
