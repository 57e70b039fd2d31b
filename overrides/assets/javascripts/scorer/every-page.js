/*
 * When a page script runs. onEveryPage runs its init on every page Material shows: on each instant navigation
 * (Material's document$), or, where that is missing, once the page has been read. A script that
 * runs before the page has been read (async) subscribes once it has: Material's bundle has run then.
 */
export function onEveryPage(init) {
  const subscribe = () => {
    if (typeof window.document$ !== 'undefined' && typeof window.document$.subscribe === 'function') {
      window.document$.subscribe(init);
    } else {
      init();
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', subscribe, { once: true });
  else subscribe();
}

/** Runs fn in a task once the browser has painted the page as it is now (the frame after it has begun). */
export const afterPaint = (fn) => requestAnimationFrame(() => setTimeout(fn));

/** Resolves once the browser has painted the page as it is now (afterPaint). */
export const painted = () => new Promise((resolve) => afterPaint(resolve));
