/*
 * Taking the agencies a share link brought (share.js readLink) into the saved document: added as new
 * agencies, or in place of the agencies with the same names. No DOM here.
 */
import { LIMITS, record } from './storage.js';

const trimmed = (name) => name.trim();

function freshId(agencies) {
  let id;
  do id = `a${Math.random().toString(36).slice(2, 10)}`; while (agencies.some((a) => a.id === id));
  return id;
}

/**
 * current with the received agencies (incoming, a checked document) taken in: mode "add" adds each as a
 * new agency ("name (2)" when the name is taken); "replace" gives an agency of the same name the received
 * scores and red flags (and notes, when the link carried notes: withNotes), others are added. Null when
 * that makes more agencies than allowed.
 */
export function takeIn(current, incoming, mode, withNotes) {
  const agencies = current.agencies.map((a) => ({ ...a, scores: record(a.scores), notes: record(a.notes),
    flags: record(a.flags || {}) }));
  for (const a of incoming.agencies) {
    const same = mode === 'replace' ? agencies.find((b) => trimmed(b.name) === trimmed(a.name)) : null;
    if (same) {
      same.scores = record(a.scores);
      same.flags = record(a.flags);
      if (withNotes) same.notes = record(a.notes);
      continue;
    }
    let name = a.name;
    for (let n = 2; agencies.some((b) => trimmed(b.name) === trimmed(name)); n += 1) name = `${a.name} (${n})`;
    agencies.push({ id: freshId(agencies), name, scores: record(a.scores), notes: record(a.notes), flags: record(a.flags) });
  }
  return agencies.length > LIMITS.agencies ? null : { ...current, agencies };
}
