/*
 * Tickable paper forms on screen: the self-check and the after-signing checklist
 * (<div data-kit-ticks="<criteria id>" data-form="<form>"> with one data-tick="<id>" per line,
 * generator/templates/forms/). Each printed box becomes a real check box; the whole line is
 * its label, so the line is the touch target. Ticks are kept in this browser under their own
 * key, "kit-checklist:<criteria id>", as {format: "kit-checklist", forms: {<form>: [tick ids]}},
 * apart from the scoring document (storage.js), whose format they leave alone. Each tick
 * re-reads what is saved and changes only its own entry, so two open tabs never undo each
 * other's ticks; a tick made in another tab shows here ("storage" event). A checked box prints
 * ticked.
 *
 * Loaded as an ES module on those pages only (overrides/main.html); Material's instant
 * navigation swaps pages without running a module again, so it builds from document$.
 */
import { onEveryPage } from './scorer/every-page.js';

const ROOT = '[data-kit-ticks][data-form]';
const FORMAT = 'kit-checklist';
const MAX_TICKS = 2000;

export const keyOf = (criteriaId) => `kit-checklist:${criteriaId}`;

/** The saved ticks ({form: Set of ids}) from raw text of any shape; nothing usable, none. */
export function readTicks(raw) {
  let saved = null;
  try {
    saved = JSON.parse(raw || 'null');
  } catch (error) {
    // Damaged ticks are only ticks: start again.
  }
  const forms = saved && typeof saved === 'object' && saved.format === FORMAT && saved.forms
    && typeof saved.forms === 'object' && !Array.isArray(saved.forms) ? saved.forms : {};
  const out = new Map();
  for (const [form, ids] of Object.entries(forms)) {
    if (Array.isArray(ids)) out.set(form, new Set(ids.filter((id) => typeof id === 'string').slice(0, MAX_TICKS)));
  }
  return out;
}

/** The document to save: ticks with id of form set to on (ids sorted, so saving is stable). */
export function withTick(ticks, form, id, on) {
  const forms = {};
  for (const [name, ids] of ticks) forms[name] = new Set(ids);
  if (!forms[form]) forms[form] = new Set();
  if (on) forms[form].add(id);
  else forms[form].delete(id);
  return { format: FORMAT, forms: Object.fromEntries(Object.entries(forms)
    .filter(([, ids]) => ids.size).map(([name, ids]) => [name, [...ids].sort()])) };
}

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch (error) {
    return null;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch (error) {
    return false;
  }
}

/** Each line's box becomes a check box labelled by the line; returns {tick id: check box}. */
function enhance(root) {
  const boxes = {};
  root.querySelectorAll('[data-tick]').forEach((line, index) => {
    const printed = line.querySelector(':scope > .kit-box');
    if (!printed) return;
    const id = line.dataset.tick;
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', className: 'kit-box kit-tick' });
    box.dataset.tick = id;
    const label = document.createElement('label');
    label.className = 'kit-tick-line';
    // The line's own texts name the box (not the blank answer lines under a question).
    const text = line.querySelector(':scope > span:not(.kit-box), :scope > .kit-item > p');
    if (text) {
      text.id = text.id || `kit-tick-${index}`;
      box.setAttribute('aria-labelledby', text.id);
    }
    label.append(box, ...[...line.childNodes].filter((node) => node !== printed));
    printed.remove();
    line.append(label);
    boxes[id] = box;
  });
  return boxes;
}

function show(root, boxes) {
  const ticked = readTicks(read(keyOf(root.dataset.kitTicks))).get(root.dataset.form) || new Set();
  for (const [id, box] of Object.entries(boxes)) box.checked = ticked.has(id);
}

function build(root) {
  if (root.dataset.kitTicksOn) return;
  root.dataset.kitTicksOn = '1';
  const boxes = enhance(root);
  const key = keyOf(root.dataset.kitTicks);
  const form = root.dataset.form;
  show(root, boxes);
  const note = root.querySelector('.kit-ticks-saved');
  root.addEventListener('change', (event) => {
    const box = event.target;
    if (!box.classList || !box.classList.contains('kit-tick')) return;
    // What another tab saved meanwhile stays: only this line's tick changes.
    if (!write(key, withTick(readTicks(read(key)), form, box.dataset.tick, box.checked)) && note) {
      note.textContent = note.dataset.failed;
    }
  });
  window.addEventListener('storage', (event) => {
    if (root.isConnected && (event.key === null || event.key === key)) show(root, boxes);
  });
}

function init() {
  document.querySelectorAll(ROOT).forEach(build);
}

onEveryPage(init);
