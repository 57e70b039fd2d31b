/*
 * A horizontal swipe on an element: a touch that moves mostly sideways by at least 60 CSS px
 * within a second. Left = next (+1), right = previous (-1). Vertical scrolling, taps and
 * touches that start in a text box or a select are left alone.
 */
const MIN_DISTANCE = 60;
const MAX_TIME = 1000;

export function onSwipe(element, step) {
  let start = null;
  element.addEventListener('touchstart', (event) => {
    const touch = event.touches[0];
    const typing = event.target.closest('textarea, input[type="text"], select');
    start = event.touches.length === 1 && !typing ? { x: touch.clientX, y: touch.clientY, t: Date.now() } : null;
  }, { passive: true });
  element.addEventListener('touchend', (event) => {
    if (!start) return;
    const touch = event.changedTouches[0];
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    const quick = Date.now() - start.t <= MAX_TIME;
    start = null;
    if (quick && Math.abs(dx) >= MIN_DISTANCE && Math.abs(dx) > 2 * Math.abs(dy)) step(dx < 0 ? 1 : -1);
  }, { passive: true });
  element.addEventListener('touchcancel', () => { start = null; }, { passive: true });
}
