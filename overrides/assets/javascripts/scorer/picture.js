/*
 * The comparison report shown on its page as a picture (the PNG of image.js in an <img>), on
 * every browser: pressing and holding it saves or forwards it, also in chat apps' built-in
 * browsers, which drop file downloads (inapp.js).
 */
import { h } from './views.js';
import { reportImage } from './image.js';

/** The report drawn as a PNG (canvas.toDataURL) for report (report.js); null where the browser cannot draw it. */
export function reportPicture(report) {
  const s = report.s;
  let canvas;
  let src;
  try {
    canvas = reportImage(report.data, report.summary, report.date, getComputedStyle(report.root).fontFamily);
    src = canvas.toDataURL('image/png');
  } catch (error) {
    return null;
  }
  if (!src.startsWith('data:image/png')) return null;
  return h('figure', { class: 'kit-rp-picture', 'aria-labelledby': 'kit-rp-picture' },
    h('h3', { id: 'kit-rp-picture' }, s.picture),
    h('figcaption', { class: 'kit-rp-hint' }, s.pictureHint),
    h('img', { class: 'kit-rp-picture-img', src, alt: s.picture, width: canvas.width, height: canvas.height }));
}
