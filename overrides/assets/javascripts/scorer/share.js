/*
 * The share link: an agency's scores (or all agencies') in the address's # fragment, which the
 * browser never sends to a server. No DOM here (tests run it in a worker too).
 *
 * Link: <worksheet address>#kit-share=<version>.<mode>.<body>.<check>
 *   version  1 (a newer one is refused with its own message);
 *   mode     "z": the payload deflated (CompressionStream "deflate-raw"), "j": plain, where the browser
 *            cannot compress;
 *   body     base64url of those bytes; check: FNV-1a (32 bit, 8 hex digits) of the payload's UTF-8,
 *            so a link cut short or edited is refused rather than read wrong.
 * Payload (JSON): {k: "kit-share", v: 1, c: criteria id, cv: criteria version, h: FNV-1a of the criteria
 *   ids in page order joined by "\n", a: [{n: name, s: one character per criterion in page order
 *   ("0"-"9", "a"-"z": the level score in base 36, "n": N/A, "-": not scored), f: {position: [red flag
 *   indices]}, t: {position: note} only when notes are included}], o: the sender's name (doc.owner.name),
 *   only when given: the receiver's default name for them as a reviewer}.
 * Scores by position keep the link short; h makes sure both pages list the same criteria in the same
 * order (otherwise the link is refused, naming both versions). Scores, notes and flags of criteria no
 * longer in the edition are not put in a link.
 */
import { LIMITS, ShapeError, own, record, validate } from './storage.js';
import { criteriaOf, stampOf } from './state.js';

export const PREFIX = '#kit-share=';
export const VERSION = 1;
/** The longest link made or read, in characters: chat apps are unlikely to cut a link this long. */
export const LINK_MAX = 4000;
/** The longest link drawn as a QR code (byte mode, error correction L: version 25 at most, 117 modules). */
export const QR_MAX = 1200;
const INFLATED_MAX = LIMITS.bytes;

/**
 * Why a link was refused: kind "bad" (damaged or edited), "tooLong" {max}, "noInflate" (no
 * DecompressionStream), "newer", "otherCriteria" {id}, "otherVersion" {old, new}, "tooMany" {n, max}.
 */
export class ShareError extends Error {
  constructor(kind, values = {}) {
    super(kind);
    this.kind = kind;
    this.values = values;
  }
}

const utf8 = (text) => new TextEncoder().encode(text);

/** FNV-1a (32 bit) of bytes, as 8 hex digits. */
export function fnv(bytes) {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

export function toBase64url(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) throw new ShareError('bad');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function through(bytes, stream, max = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      reader.cancel();
      throw new ShareError('bad');
    }
    chunks.push(value);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

export const canCompress = () => typeof CompressionStream === 'function';
const idsHash = (data) => fnv(utf8(criteriaOf(data).map((c) => c.id).join('\n')));

const code = (value) => (value === 'na' ? 'n' : Number.isInteger(value) && value >= 0 && value < 36 ? value.toString(36) : '-');
const uncode = (char) => (char === 'n' ? 'na' : char === '-' ? undefined : parseInt(char, 36));

/** The payload of a link for doc: every agency, or only the one with id agency; notes only when asked. */
export function payload(data, doc, { agency = null, notes = false } = {}) {
  const ids = criteriaOf(data).map((c) => c.id);
  const chosen = agency === null ? doc.agencies : doc.agencies.filter((a) => a.id === agency);
  const owner = doc.owner && typeof doc.owner.name === 'string' ? doc.owner.name.trim() : '';
  return {
    ...(owner ? { o: owner } : {}),
    k: 'kit-share', v: VERSION, c: data.criteria.id, cv: data.criteria.version, h: idsHash(data),
    a: chosen.map((a) => {
      const out = { n: a.name, s: ids.map((id) => code(own(a.scores, id))).join('') };
      const flags = {};
      const texts = {};
      ids.forEach((id, i) => {
        const ticked = own(a.flags || {}, id);
        if (Array.isArray(ticked) && ticked.length) flags[i] = ticked;
        const note = own(a.notes, id);
        if (notes && typeof note === 'string' && note.trim()) texts[i] = note;
      });
      if (Object.keys(flags).length) out.f = flags;
      if (Object.keys(texts).length) out.t = texts;
      return out;
    }),
  };
}

/** What a payload holds, to say before sharing: {agencies (names as saved), scores, flags, notes}. */
export function contents(p) {
  return {
    agencies: p.a.map((a) => a.n),
    scores: p.a.reduce((n, a) => n + [...a.s].filter((c) => c !== '-').length, 0),
    flags: p.a.reduce((n, a) => n + Object.values(a.f || {}).reduce((m, f) => m + f.length, 0), 0),
    notes: p.a.reduce((n, a) => n + Object.keys(a.t || {}).length, 0),
  };
}

/** The link to address (without its fragment) carrying p: {link, compressed}. */
export async function makeLink(address, p) {
  const bytes = utf8(JSON.stringify(p));
  const compressed = canCompress();
  const body = compressed ? await through(bytes, new CompressionStream('deflate-raw')) : bytes;
  return { link: `${address}${PREFIX}${VERSION}.${compressed ? 'z' : 'j'}.${toBase64url(body)}.${fnv(bytes)}`, compressed };
}

/** Whether hash (location.hash) is a share link's. */
export const isShare = (hash) => typeof hash === 'string' && hash.startsWith(PREFIX);

async function unpack(hash) {
  if (hash.length > LINK_MAX) throw new ShareError('tooLong', { max: LINK_MAX });
  const parts = hash.slice(PREFIX.length).split('.');
  if (parts.length !== 4 || !/^\d{1,4}$/.test(parts[0])) throw new ShareError('bad');
  if (Number(parts[0]) > VERSION) throw new ShareError('newer');
  const [version, mode, body, check] = parts;
  if (version !== String(VERSION) || !['z', 'j'].includes(mode) || !/^[0-9a-f]{8}$/.test(check)) throw new ShareError('bad');
  const packed = fromBase64url(body);
  if (mode === 'z' && typeof DecompressionStream !== 'function') throw new ShareError('noInflate');
  let bytes;
  try {
    bytes = mode === 'z' ? await through(packed, new DecompressionStream('deflate-raw'), INFLATED_MAX) : packed;
  } catch (error) {
    throw new ShareError('bad');
  }
  if (fnv(bytes) !== check) throw new ShareError('bad');
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ShareError('bad');
  }
}

const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The agencies a payload carries, as a checked document for data (storage.js validate). */
function documentOf(data, p) {
  const ids = criteriaOf(data).map((c) => c.id);
  const levels = new Set(data.scale.levels.map((lv) => lv.score));
  const at = (key) => (/^\d+$/.test(key) && Number(key) < ids.length ? ids[Number(key)] : null);
  const agencies = p.a.map((a, i) => {
    if (!isRecord(a) || typeof a.n !== 'string' || typeof a.s !== 'string' || a.s.length !== ids.length
      || !/^[0-9a-z-]*$/.test(a.s) || (a.f !== undefined && !isRecord(a.f)) || (a.t !== undefined && !isRecord(a.t))) {
      throw new ShareError('bad');
    }
    const scores = record();
    [...a.s].forEach((char, j) => {
      const value = uncode(char);
      if (value !== undefined && value !== 'na' && !levels.has(value)) throw new ShareError('bad'); // no level of the scale
      if (value !== undefined) scores[ids[j]] = value;
    });
    const field = (source) => {
      const out = record();
      for (const [key, value] of Object.entries(source || {})) {
        if (at(key) === null) throw new ShareError('bad');
        out[at(key)] = value;
      }
      return out;
    };
    return { id: `s${i + 1}`, name: a.n, scores, notes: field(a.t), flags: field(a.f) };
  });
  try {
    const owner = { name: typeof p.o === 'string' ? p.o : '' };
    return validate({ format: data.format.name, formatVersion: data.format.version, criteria: stampOf(data), owner,
      agencies }, data);
  } catch (error) {
    if (error instanceof ShapeError && error.kind === 'tooMany') throw new ShareError('tooMany', error.values);
    throw new ShareError('bad');
  }
}

/** The scores a link's hash carries, for data: {doc, notes (whether notes came)}; throws ShareError. */
export async function readLink(data, hash) {
  const p = await unpack(hash);
  if (!isRecord(p) || p.k !== 'kit-share') throw new ShareError('bad');
  if (Number.isInteger(p.v) && p.v > VERSION) throw new ShareError('newer');
  if (p.v !== VERSION || !Array.isArray(p.a) || typeof p.c !== 'string' || typeof p.cv !== 'string') {
    throw new ShareError('bad');
  }
  if (p.c !== data.criteria.id) throw new ShareError('otherCriteria', { id: p.c });
  if (p.h !== idsHash(data)) throw new ShareError('otherVersion', { old: p.cv, new: data.criteria.version });
  return { doc: documentOf(data, p), notes: p.a.some((a) => a.t && Object.keys(a.t).length) };
}
