/*
 * The comparison report shown on its page as a picture (the PNG of image.js in an <img>), on
 * every browser: pressing and holding it saves or forwards it, also in chat apps' built-in
 * browsers, which drop file downloads (inapp.js). A data: URL, not a blob: one, so that saving
 * the picture does not depend on the page still being open. Drawn only when the figure comes
 * within a screen of view (or when asked, figure.start()), and encoded off the main thread
 * (canvas.toBlob): ten agencies make a picture over 15,000 px tall, whose drawing blocked a
 * phone's page for seconds right after loading (Lighthouse, issue 30).
 */
import { h } from './views.js';
import { reportImage } from './image.js';

const dataUrl = (blob) => new Promise((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(reader.result);
  reader.onerror = () => reject(reader.error);
  reader.readAsDataURL(blob);
});

async function draw(report) {
  const canvas = reportImage(report.data, report.summary, report.date, getComputedStyle(report.root).fontFamily);
  const blob = await new Promise((resolve) => { canvas.toBlob(resolve, 'image/png'); });
  if (!blob) throw new Error('no image');
  return { src: await dataUrl(blob), width: canvas.width, height: canvas.height };
}

/**
 * The figure that shows the report (report.js) as a picture; figure.ready resolves to the <img> once
 * drawn, or to null where the browser cannot draw it (the figure then says so). Drawing starts when
 * the figure nears the screen or figure.start() is called.
 */
export function reportPicture(report) {
  const s = report.s;
  const caption = h('figcaption', { class: 'kit-rp-hint' }, s.pictureHint);
  const figure = h('figure', { class: 'kit-rp-picture', 'aria-labelledby': 'kit-rp-picture', 'aria-busy': 'true' },
    h('h3', { id: 'kit-rp-picture' }, s.picture), caption);
  let start;
  figure.ready = new Promise((resolve) => { start = resolve; })
    .then(() => new Promise((resolve) => { setTimeout(resolve, 0); }))
    .then(() => (figure.isConnected ? draw(report) : null))
    .then((drawn) => {
      if (!drawn || !figure.isConnected) return null;
      const img = h('img', { class: 'kit-rp-picture-img', src: drawn.src, alt: s.picture, width: drawn.width,
        height: drawn.height });
      figure.append(img);
      figure.removeAttribute('aria-busy');
      return img;
    })
    .catch(() => {
      caption.textContent = s.imageFailed;
      figure.removeAttribute('aria-busy');
      return null;
    });
  figure.start = () => start();
  if (typeof IntersectionObserver === 'undefined') start();
  else {
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      start();
    }, { rootMargin: '100% 0px' });
    seen.observe(figure);
  }
  return figure;
}
