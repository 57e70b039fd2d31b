/*
 * Runs a page script's init on every page Material shows: on each instant navigation
 * (Material's document$), or, where that is missing, once the page has been read.
 */
export function onEveryPage(init) {
  if (typeof window.document$ !== 'undefined' && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(init);
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}
