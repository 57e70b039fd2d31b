/*
 * Breaking text into lines for the report's picture (image.js), with no DOM: measure(text) gives a
 * text's width (a canvas context's measureText, or anything else). Chinese breaks between any two
 * characters, other scripts between words; as Chinese typesetting rules (禁则) ask, no line starts
 * with closing punctuation (，。、）》」』：；！？ …) and no line ends with opening punctuation
 * (（《「『 …): such a mark takes the character before it (or after it) to the next line. Tested in
 * a worker (tests/test_report_image.py).
 */

const CJK = '\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f';
const BREAKABLE = new RegExp(`[${CJK}]`);
const TOKENS = new RegExp(`[${CJK}]|[^\\s${CJK}]+|\\s+`, 'g');

/** Marks that may not start a line (closing brackets and quotes, stops, commas, colons, ellipses). */
export const NO_START = new Set([...'!%),.:;?]}¢°·’”‰′″℃、。〃〉》」』】〕〗〙〛〞〟！％），．：；？］｝～｡｣､…‥—–・︰︱︶︸︺︼︾﹀﹂﹄﹏﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞']);
/** Marks that may not end a line (opening brackets and quotes, currency signs). */
export const NO_END = new Set([...'([{£¥‘“〈《「『【〔〖〘〚〝（［｛＄￡￥｢']);

const first = (token) => [...token][0];
const last = (token) => [...token].pop();
const blank = (token) => !token.trim();

/** Pieces of text a line may break between: CJK characters one by one, other words whole. */
export const tokens = (text) => String(text).match(TOKENS) || [];

/**
 * text broken into lines no wider than width (measure: text -> width). Words longer than a line
 * are cut by character; a line that cannot give up a character keeps the mark that may not start
 * (or end) a line with its word, a mark's width over, rather than break the rule.
 */
export function wrap(measure, text, width) {
  const lines = [];
  let line = [];
  const fits = (parts) => measure(parts.join('').trim()) <= width;
  const push = (piece) => {
    if (!line.some((t) => !blank(t)) || fits([...line, piece])) {
      line.push(piece);
      return;
    }
    if (blank(piece)) {
      lines.push(line.join('').trimEnd());
      line = [];
      return;
    }
    // The piece starts the next line: with it go the characters it may not be parted from.
    const carry = [piece];
    const word = (t) => !blank(t);
    while (line.some(word) && (NO_START.has(first(carry.find(word))) || NO_END.has(last(line.filter(word).pop())))) {
      while (blank(line[line.length - 1])) carry.unshift(line.pop());
      carry.unshift(line.pop());
    }
    // Nothing could be parted (a line of one word and its mark): the line runs a mark's width over.
    if (line.some(word)) lines.push(line.join('').trimEnd());
    line = carry;
    while (line.length && blank(line[0])) line.shift();
  };
  for (const token of tokens(text)) {
    if (!BREAKABLE.test(token) && !blank(token) && measure(token) > width) [...token].forEach(push);
    else push(token);
  }
  if (line.some((t) => !blank(t))) lines.push(line.join('').trimEnd());
  return lines;
}
