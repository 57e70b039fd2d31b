/*
 * A QR code as a picture, drawn with the vendored qrcode-generator (vendor/VENDORED.txt), which is
 * loaded only when a code is drawn (52 KB the worksheet does not need to load with). A PNG in an
 * <img>, so that it can be pressed and held (chat apps offer to open the link it holds).
 */
import { h } from './views.js';

const CELL = 6;
const QUIET = 4;

/** The QR code of text as an <img> (PNG, 6 px a module, 4 modules of quiet zone); null when it does not fit. */
export async function qrImage(text, alt) {
  let qr;
  try {
    const { default: qrcode } = await import('../vendor/qrcode-generator/qrcode.js');
    qr = qrcode(0, 'L');
    qr.addData(text, 'Byte');
    qr.make();
  } catch (error) {
    return null;
  }
  const n = qr.getModuleCount();
  const canvas = document.createElement('canvas');
  canvas.width = (n + 2 * QUIET) * CELL;
  canvas.height = canvas.width;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#000';
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) if (qr.isDark(r, c)) ctx.fillRect((c + QUIET) * CELL, (r + QUIET) * CELL, CELL, CELL);
  }
  return h('img', { src: canvas.toDataURL('image/png'), alt, width: canvas.width, height: canvas.height });
}
