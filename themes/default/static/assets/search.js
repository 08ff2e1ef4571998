// search.js: Vietnamese full-text search in the browser over the static index that
// `kheo build` writes under /tim-kiem/index/ (format: src/search.rs). Owns the mirror of
// src/vietnamese.rs (NFC, one tone placement, folding, tokens; tests/search-vectors.json
// keeps both in step), the index reader and the ranking. A plain ES module with no
// dependencies; also runs in node (file: URLs are read with node:fs, or see configure).

const INDEX_URL = new URL('../tim-kiem/index/', import.meta.url);

/* ------------------------------------------------------------------ normaliser -- */

const TONES = new Set(['\u0300', '\u0301', '\u0309', '\u0303', '\u0323']);
const MARK = /\p{M}/u;
const ALNUM = /[\p{Alphabetic}\p{N}]/u;
const NON_ALNUM = /[^\p{Alphabetic}\p{N}]+/u;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Unicode NFC. */
export function nfc(s) {
  return s.normalize('NFC');
}

/** Folds for matching: marks removed, đ→d, lowercase ("Đà Nẵng" → "da nang"). */
export function fold(s) {
  let out = '';
  for (const c of s.normalize('NFD')) {
    if (MARK.test(c)) continue;
    out += c === 'đ' || c === 'Đ' ? 'd' : c.toLowerCase();
  }
  return out;
}

/** Lowercase with one canonical tone placement (hoà, thuỷ, khoẻ, quỳ), NFC. */
export function exactKey(s) {
  let lower = '';
  for (const c of s.normalize('NFD')) lower += c.toLowerCase();
  let out = '';
  let word = '';
  for (const c of lower) {
    if (ALNUM.test(c) || MARK.test(c)) {
      word += c;
    } else {
      out += placeTone(word) + c;
      word = '';
    }
  }
  return (out + placeTone(word)).normalize('NFC');
}

/** Lowercase syllables (runs of letters and digits) in canonical tone placement. */
export function tokens(s) {
  return exactKey(s).split(NON_ALNUM).filter(Boolean);
}

const Y_TO_I = { y: 'i', 'ý': 'í', 'ỳ': 'ì', 'ỷ': 'ỉ', 'ỹ': 'ĩ', 'ỵ': 'ị' };
const ONSET = /^(?:[b-df-hj-np-tv-xzđ]+|qu)$/u;

/**
 * One token with a final y after a consonant onset (or qu) written i, tone kept: kỹ→kĩ,
 * lý→lí, quý→quí (src/search/spelling.rs `unify_iy`); ý, tuy, hay stay.
 */
export function unifyIY(t) {
  const chars = Array.from(t);
  const i = Y_TO_I[chars[chars.length - 1]];
  if (chars.length < 2 || !i) return t;
  const onset = chars.slice(0, -1).join('');
  return ONSET.test(onset) ? onset + i : t;
}

// The abbreviation and name tables (data/search-synonyms.json, from the manifest).
let synonyms = { abbr: new Map(), names: [] };

/**
 * The tables search reads abbreviations and names with, from the manifest's form
 * (`[[folded key, words]]` each); returns them as `searchTokens` and `parse` use them.
 */
export function synonymTables(abbreviations = [], names = []) {
  return {
    abbr: new Map(abbreviations.map(([k, v]) => [k, v.split(' ')])),
    names: names.map(([k, v]) => [k.split(' '), v.split(' ')]),
  };
}

/**
 * The tokens search matches by (src/search/spelling.rs `search_tokens`): `tokens`, i/y
 * unified, abbreviations read as their words. `tables` from `synonymTables`.
 */
export function searchTokens(s, tables = synonyms) {
  const out = [];
  for (const t0 of tokens(s)) {
    const t = unifyIY(t0);
    const words = tables.abbr.get(fold(t));
    if (words) out.push(...words);
    else out.push(t);
  }
  return out;
}

function placeTone(word) {
  let tone = null;
  const base = [];
  for (const c of word) {
    if (TONES.has(c)) {
      if (tone !== null) return word;
      tone = c;
    } else {
      base.push(c);
    }
  }
  if (tone === null) return word;
  const letters = []; // [letter, its quality marks]
  for (const c of base) {
    if (letters.length > 0 && MARK.test(c)) letters[letters.length - 1][1] += c;
    else letters.push([c, '']);
  }
  const pos = tonePosition(letters);
  if (pos < 0) return word;
  let out = '';
  letters.forEach(([c, marks], i) => {
    out += c + marks + (i === pos ? tone : '');
  });
  return out;
}

function tonePosition(letters) {
  const isVowel = (l) => VOWELS.has(l[0]);
  const start = letters.findIndex(isVowel);
  if (start < 0) return -1;
  let end = start;
  while (end < letters.length && isVowel(letters[end])) end++;
  if (letters.slice(end).some(isVowel)) return -1;
  let first = start;
  if (end - first > 1 && first > 0) {
    const prev = letters[first - 1][0];
    const cur = letters[first][0];
    if ((prev === 'q' && cur === 'u') || (prev === 'g' && cur === 'i')) first++;
  }
  const vowels = letters.slice(first, end);
  for (let i = vowels.length - 1; i >= 0; i--) if (vowels[i][1] !== '') return first + i;
  const closed = end < letters.length;
  if (vowels.length === 1) return first;
  if (vowels.length === 2 && closed) return first + 1;
  if (vowels.length === 2) {
    const pair = vowels[0][0] + vowels[1][0];
    return first + (pair === 'oa' || pair === 'oe' || pair === 'uy' ? 1 : 0);
  }
  return first + 1;
}

/* -------------------------------------------------------------- index loading -- */

let loadBytes = defaultLoad;
let indexUrl = INDEX_URL;
let opened = null;

/**
 * Replaces how index files are read (`load(url, { fresh }) -> Promise<ArrayBuffer |
 * Uint8Array>`, `fresh` for the manifest, which must not come from a stale cache) or
 * where the index is (`base`, the URL of the index folder), or hands over the manifest's
 * bytes already being fetched (`manifest`, a promise; read once). Clears every cache.
 */
export function configure({ load, base, manifest } = {}) {
  if (load) loadBytes = load;
  if (base) indexUrl = new URL(base);
  early = manifest || null;
  opened = null;
}

// The manifest's bytes, when the page started fetching them before this module loaded.
let early = null;

/** Opens the index (fetches the manifest) ahead of a first query; never throws. */
export function warm() {
  open().catch(() => {});
}

async function defaultLoad(url, { fresh = false } = {}) {
  if (url.protocol === 'file:') {
    const fs = await import('node:fs/promises');
    return fs.readFile(url);
  }
  const res = await fetch(url, fresh ? { cache: 'no-cache' } : {});
  if (!res.ok) throw new Error(`search index: ${res.status} for ${url}`);
  return res.arrayBuffer();
}

async function bytesOf(path, version) {
  const url = new URL(path, indexUrl);
  if (version) url.searchParams.set('v', version);
  const data = await loadBytes(url, { fresh: !version });
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

const utf8 = new TextDecoder();
const utf8enc = new TextEncoder();

function open() {
  if (!opened) {
    opened = loadIndex().catch((e) => {
      opened = null;
      throw e;
    });
  }
  return opened;
}

async function loadIndex() {
  // The manifest is revalidated; every other file carries its build's version.
  const given = early;
  early = null;
  const bytes = given ? new Uint8Array(await given.catch(() => bytesOf('manifest.json'))) : await bytesOf('manifest.json');
  const m = JSON.parse(utf8.decode(bytes));
  if (m.format !== 2) throw new Error(`search index: unknown format ${m.format}`);
  // Runs of documents sharing province, field and year, in document order; the manifest
  // has one line per province and field: [province, field, first year, count per year].
  const groups = [];
  const groupOf = new Uint16Array(m.docs);
  let at = 0;
  for (const [province, field, first, ...counts] of m.groups) {
    counts.forEach((count, k) => {
      if (count === 0) return;
      groupOf.fill(groups.length, at, at + count);
      groups.push({ province, field, year: first + k });
      at += count;
    });
  }
  const years = [...new Set(groups.map((g) => g.year))].sort((a, b) => b - a);
  synonyms = synonymTables(m.abbreviations, m.names);
  return {
    m,
    groups,
    groupOf,
    years,
    files: new Map(), // path -> Promise<Uint8Array>
    blocks: new Map(), // word block number -> Promise<entries>
    shards: new Map(), // pair shard number -> Promise<Map key -> entry>
    metas: new Map(), // metadata chunk -> Promise<rows>
    phrases: new Map(), // folded phrase -> Promise<entry | null>
  };
}

function file(ix, path) {
  let p = ix.files.get(path);
  if (!p) {
    p = bytesOf(path, ix.m.version);
    ix.files.set(path, p);
    p.catch(() => ix.files.delete(path));
  }
  return p;
}

class Reader {
  constructor(bytes, pos = 0) {
    this.b = bytes;
    this.pos = pos;
  }

  varint() {
    let v = 0;
    let mul = 1;
    for (;;) {
      const byte = this.b[this.pos++];
      if (byte === undefined) throw new Error('search index: truncated file');
      v += (byte & 0x7f) * mul;
      if (byte < 0x80) return v;
      mul *= 128;
    }
  }

  bytes(n) {
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  ref() {
    const tag = this.varint();
    if (tag % 2 === 1) {
      const inline = this.bytes((tag - 1) / 2);
      return { inline, size: inline.length };
    }
    const pack = tag / 2 - 1;
    const offset = this.varint();
    const len = this.varint();
    return { pack, offset, len, size: len };
  }

  // A set of `n` ids (see encode::id_set in src/search/encode.rs).
  idSet(n) {
    const ids = new Uint32Array(n);
    if (this.b[this.pos++] === 0) {
      let next = 0;
      for (let i = 0; i < n; i++) {
        next += this.varint();
        ids[i] = next++;
      }
    } else {
      const lo = this.varint();
      const len = this.varint();
      let k = 0;
      for (let j = 0; j < len; j++) {
        let byte = this.b[this.pos + j];
        while (byte !== 0) {
          const bit = 31 - Math.clz32(byte & -byte);
          ids[k++] = 8 * (lo + j) + bit;
          byte &= byte - 1;
        }
      }
      this.pos += len;
    }
    return ids;
  }
}

// Rust's byte order of UTF-8 strings (code point order), for JS strings.
function cmp(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x += x >= 0xe000 ? -0x800 : 0x2000;
        y += y >= 0xe000 ? -0x800 : 0x2000;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

function blockEntries(ix, n) {
  let p = ix.blocks.get(n);
  if (!p) {
    p = file(ix, `t/${n}.bin`).then(decodeBlock);
    ix.blocks.set(n, p);
    p.catch(() => ix.blocks.delete(n));
  }
  return p;
}

function readKey(r, prev) {
  const shared = r.varint();
  const suffix = r.bytes(r.varint());
  const key = new Uint8Array(shared + suffix.length);
  key.set(prev.subarray(0, shared));
  key.set(suffix, shared);
  return key;
}

function decodeBlock(bytes) {
  const r = new Reader(bytes);
  const count = r.varint();
  const out = [];
  let prev = new Uint8Array(0);
  for (let i = 0; i < count; i++) {
    prev = readKey(r, prev);
    const df = r.varint();
    const list = r.ref();
    const n = r.varint();
    const spellings = [];
    for (let s = 0; s < n; s++) {
      const exact = utf8.decode(r.bytes(r.varint()));
      // With one spelling the word's list is the spelling's; else it has its own.
      if (n === 1) spellings.push({ exact, df, own: null });
      else spellings.push({ exact, df: r.varint(), own: r.ref() });
    }
    out.push({ key: utf8.decode(prev), df, list, spellings });
  }
  return out;
}

function blockOf(ix, key) {
  const firsts = ix.m.wordBlocks;
  let lo = 0;
  let hi = firsts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(firsts[mid], key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

async function lookupWord(ix, key) {
  const n = blockOf(ix, key);
  if (n < 0) return null;
  const entries = await blockEntries(ix, n);
  return entries.find((e) => e.key === key) || null;
}

// Words that start with `prefix`, from at most MAX_PREFIX_BLOCKS blocks.
async function lookupPrefix(ix, prefix) {
  const out = [];
  const first = Math.max(0, blockOf(ix, prefix));
  const firsts = ix.m.wordBlocks;
  for (let n = first; n < firsts.length && n < first + MAX_PREFIX_BLOCKS; n++) {
    if (n > first && !firsts[n].startsWith(prefix)) break;
    for (const e of await blockEntries(ix, n)) if (e.key.startsWith(prefix)) out.push(e);
  }
  return out;
}

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (const b of utf8enc.encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

async function lookupPair(ix, key) {
  const shards = ix.m.pairShards;
  if (!shards) return null;
  const n = fnv1a(key) % shards;
  let p = ix.shards.get(n);
  if (!p) {
    p = file(ix, `p/${n}.bin`).then((bytes) => {
      const r = new Reader(bytes);
      const map = new Map();
      const count = r.varint();
      let prev = new Uint8Array(0);
      for (let i = 0; i < count; i++) {
        prev = readKey(r, prev);
        const df = r.varint();
        map.set(utf8.decode(prev), { df, list: r.ref() });
      }
      return map;
    });
    ix.shards.set(n, p);
    p.catch(() => ix.shards.delete(n));
  }
  return (await p).get(key) || null;
}

async function refBytes(ix, ref) {
  if (ref.inline) return ref.inline;
  const pack = await file(ix, `k/${ref.pack}.bin`);
  return pack.subarray(ref.offset, ref.offset + ref.len);
}

async function postings(ix, entry) {
  if (!entry.decoded) {
    entry.decoded = refBytes(ix, entry.list).then((bytes) => {
      const r = new Reader(bytes);
      const ids = r.idSet(entry.df);
      return { ids, impacts: r.bytes(entry.df) };
    });
  }
  return entry.decoded;
}

// The documents of a word that use one of its spellings, with that spelling's impacts.
// The word's list and the spelling's are fetched together (one round trip, not two).
async function spellingPostings(ix, entry, spelling) {
  if (!spelling.own) return postings(ix, entry);
  const [all, own] = await Promise.all([postings(ix, entry), refBytes(ix, spelling.own)]);
  const r = new Reader(own);
  const ids = r.idSet(spelling.df).map((p) => all.ids[p]);
  return { ids, impacts: r.bytes(spelling.df) };
}

function metaRows(ix, chunk) {
  let p = ix.metas.get(chunk);
  if (!p) {
    p = file(ix, `m/${chunk}.json`).then((b) => JSON.parse(utf8.decode(b)));
    ix.metas.set(chunk, p);
    p.catch(() => ix.metas.delete(chunk));
  }
  return p;
}

/* --------------------------------------------------------------------- query -- */

const MAX_PREFIX_BLOCKS = 3;
const MIN_PREFIX = 2;
const COMPLETION_WEIGHT = 0.5;
const MAX_EXPANSIONS = 6;
const MAX_EXPANSION_BYTES = 160 * 1024;
// Impact levels (src/search/analyze.rs): level q stands for 0.25 * 1.2^(q - 1).
const IMPACT = Float64Array.from({ length: 256 }, (_, q) => (q === 0 ? 0 : 0.25 * 1.2 ** (q - 1)));
const TIER = 1e6;
// Added to the score of a story of the field or tag the query names: it ranks first.
const NAMED = 1e9;
const QUOTES = /["“”„«»]/;
const MAX_WORDS = 16;

// Punctuation that ends a phrase in the index (src/search/analyze.rs is_phrase_break):
// inside quotes it splits the quoted words into phrases that must each be found.
const PHRASE_BREAK = /[.,;:!?…()[\]{}|/\\–—]+/u;

/**
 * Parses a query: words in order with their exact key and folded form, the phrase each
 * belongs to (-1 if none: quoted words, split at punctuation, and the words of one
 * abbreviation form phrases), and `prefix` on a last word still being typed (the query
 * ends in a letter or digit). `exactMode`: the query has diacritics.
 */
export function parse(query) {
  const q = nfc(String(query ?? ''));
  const words = [];
  let phrases = 0;
  let groups = 0;
  q.split(QUOTES).forEach((part, k) => {
    // Odd parts are inside quotes (an unclosed quote runs to the end).
    const segments = k % 2 === 1 ? part.split(PHRASE_BREAK) : [part];
    for (const segment of segments) {
      const phrase = k % 2 === 1 ? phrases++ : -1;
      for (const raw of segment.split(NON_ALNUM)) {
        const toks = searchTokens(raw);
        const own = phrase < 0 && toks.length > 1 ? phrases++ : phrase;
        const group = toks.length > 1 ? groups++ : -1;
        for (const exact of toks) {
          if (words.length < MAX_WORDS) words.push({ exact, folded: fold(exact), phrase: own, typed: raw, whole: toks.length > 1, group, quoted: k % 2 === 1 });
        }
      }
    }
  });
  words.forEach((w, i) => {
    w.at = i;
  });
  const last = words[words.length - 1];
  if (last && !last.whole && /[\p{L}\p{N}\p{M}]$/u.test(q)) last.prefix = true;
  const alts = readNames(words);
  // An abbreviation's words say nothing of how the reader spells: they do not make the
  // query one with diacritics.
  const exactMode = words.some((w) => w.group < 0 && w.exact !== w.folded);
  return { words, alts, exactMode, abbreviations: groupsOf(words) };
}

// Every name of the table (Sài Gòn) among the words, as an alternative the words may be
// matched by (`[{ at, len, folded: the words it is read as }]`): the words typed stay,
// and rank first (the alternative lifts no tier).
function readNames(words) {
  const out = [];
  for (let i = 0; i < words.length; ) {
    const hit = synonyms.names.find(([key]) => key.every((k, j) => words[i + j] && words[i + j].folded === k));
    if (!hit) {
      i++;
      continue;
    }
    const [key, read] = hit;
    out.push({ at: i, len: key.length, folded: read.map(fold), exact: read });
    i += key.length;
  }
  return out;
}

// The words that stand for one abbreviation (UBND: uỷ ban nhân dân), as `[{ at, len,
// folded }]`: matched as their phrase through the pair shards alone (a run of required
// pairs), so an abbreviation costs its pairs, not four common words' lists.
function groupsOf(words) {
  const out = [];
  for (let i = 0; i < words.length; ) {
    let j = i + 1;
    while (j < words.length && words[i].group >= 0 && words[j].group === words[i].group) j++;
    if (j - i > 1) {
      // The abbreviation as typed, as the index keeps it beside its words (`ubnd`).
      const key = fold(unifyIY(tokens(words[i].typed)[0] || ''));
      out.push({ at: i, len: j - i, folded: words.slice(i, j).map((w) => w.folded), key });
    }
    i = j;
  }
  return out;
}

function idf(n, df) {
  return Math.log(1 + n / df);
}

function provinceFilter(ix, slug) {
  if (!slug) return null;
  const table = ix.m.provinces;
  const i = table.findIndex((p) => p[0] === slug);
  if (i < 0) return () => false;
  if (table[i][2] === i) return (p) => table[p][2] === i;
  return (p) => p === i;
}

function fieldFilter(ix, slug) {
  if (!slug) return null;
  const i = ix.m.fields.findIndex((f) => f[0] === slug);
  return (f) => f === i;
}

function yearFilter(year) {
  if (year === undefined || year === null || year === '') return null;
  const y = Number(year);
  return (v) => v === y;
}

// For each word, its candidate entries with a weight: the word itself (1), or for a
// last word being typed, also its most frequent completions (COMPLETION_WEIGHT), those
// spelled like the typed letters when the query has diacritics.
// `found(i, entries)` (optional) is called as each word's entries are known (some of
// them first, then all).
async function resolveWords(ix, parsed, found = () => {}) {
  const groupOf = new Map();
  for (const g of parsed.abbreviations || []) for (let i = g.at; i < g.at + g.len; i++) groupOf.set(i, g);
  const altOf = new Map();
  for (const a of parsed.alts || []) for (let i = a.at; i < a.at + a.len; i++) altOf.set(i, a);
  return Promise.all(
    parsed.words.map(async (w, i) => {
      const group = groupOf.get(i);
      let out;
      if (group) {
        // The phrase finds both spellings; the abbreviation as written lifts the tier.
        // Its list is fetched while the phrase's pairs are read.
        const asWritten = lookupWord(ix, group.key).then((e) => e && [{ e, weight: 1, written: true }]);
        asWritten.then((x) => x && found(i, x), () => {});
        const [e, written] = await Promise.all([phraseEntry(ix, group.folded), asWritten]);
        out = [...(e ? [{ e, weight: 1 }] : []), ...(written || [])];
      } else {
        // A name's alternative (its phrase) is read beside the words typed.
        const alt = altOf.get(i);
        const typed = wordEntries(ix, parsed, w);
        typed.then((x) => found(i, x), () => {});
        const [own, e] = await Promise.all([typed, alt && phraseEntry(ix, alt.folded)]);
        out = e ? [...own, { e, weight: ALT_WEIGHT }] : own;
      }
      found(i, out);
      return out;
    }),
  );
}

// The exact spellings of word `w` among an entry's, as a query with diacritics reads them.
function spelledAs(e, w) {
  return e.spellings.filter((s) => (w.prefix ? s.exact.startsWith(w.exact) : s.exact === w.exact));
}

// Starts fetching the lists a query will read as soon as the word block or pair shard
// naming each has arrived, not after all of them: on a slow link (and HTTP/1.1's six
// connections per host) the first lists are on their way while other blocks still
// are. What `find` then reads when every word is found; nothing before an
// abbreviation's phrase is known to be there, nothing for quoted words (a phrase not
// found reads no list).
function prefetcher(ix, parsed, pairLookups) {
  if (parsed.words.some((w) => w.quoted)) return { word: () => {}, pair: () => {} };
  const pairs = pairsOf(parsed.words);
  const ready = Promise.all(pairs.map((p, i) => (p.required ? pairLookups[i] : true))).then((es) => es.every(Boolean));
  const later = (f) => {
    ready.then((ok) => ok && f()).catch(() => {});
  };
  return {
    word: (i, entries) =>
      later(() => {
        for (const { e } of entries) {
          postings(ix, e).catch(() => {});
          if (!parsed.exactMode) continue;
          for (const s of spelledAs(e, parsed.words[i])) if (s.own) refBytes(ix, s.own).catch(() => {});
        }
      }),
    pair: (i) => later(async () => (await pairLookups[i]) && postings(ix, await pairLookups[i])),
  };
}

// The candidate entries of one word as typed.
async function wordEntries(ix, parsed, w) {
  if (!w.prefix || w.folded.length < MIN_PREFIX) {
    const e = await lookupWord(ix, w.folded);
    return e ? [{ e, weight: 1 }] : [];
  }
  const fits = (e) => e.key === w.folded || !parsed.exactMode || e.spellings.some((s) => s.exact.startsWith(w.exact));
  const all = (await lookupPrefix(ix, w.folded)).filter(fits);
  all.sort((a, b) => (a.key === w.folded ? -1 : b.key === w.folded ? 1 : b.df - a.df || cmp(a.key, b.key)));
  const picked = [];
  let bytes = 0;
  for (const e of all) {
    if (picked.length >= MAX_EXPANSIONS || (picked.length > 0 && bytes + e.list.size > MAX_EXPANSION_BYTES)) break;
    picked.push({ e, weight: e.key === w.folded ? 1 : COMPLETION_WEIGHT });
    bytes += e.list.size;
  }
  return picked;
}

// Weight of a name's alternative (Sài Gòn read as Hồ Chí Minh) beside the words typed.
const ALT_WEIGHT = 0.8;

// A phrase of folded words as one entry: the documents that have each of its adjacent
// pairs (a word alone: the word's entry), with the lowest pair impact. Made from the
// pair shards alone; null if no document has it.
async function phraseEntry(ix, folded) {
  if (folded.length === 1) return lookupWord(ix, folded[0]);
  const key = folded.join(' ');
  let p = ix.phrases.get(key);
  if (!p) {
    p = phraseOf(ix, folded);
    ix.phrases.set(key, p);
    p.catch(() => ix.phrases.delete(key));
  }
  return p;
}

async function phraseOf(ix, folded) {
  const keys = folded.slice(1).map((f, i) => `${folded[i]} ${f}`);
  const entries = await Promise.all(keys.map((k) => lookupPair(ix, k)));
  if (entries.some((e) => !e)) return null;
  const lists = await Promise.all(entries.map((e) => postings(ix, e)));
  let { ids, impacts } = lists[0];
  for (const other of lists.slice(1)) {
    const keepIds = [];
    const keepImpacts = [];
    for (let a = 0, b = 0; a < ids.length && b < other.ids.length; ) {
      if (ids[a] < other.ids[b]) a++;
      else if (ids[a] > other.ids[b]) b++;
      else {
        keepIds.push(ids[a]);
        keepImpacts.push(Math.min(impacts[a], other.impacts[b]));
        a++;
        b++;
      }
    }
    ids = Uint32Array.from(keepIds);
    impacts = Uint8Array.from(keepImpacts);
  }
  if (ids.length === 0) return null;
  return { key: folded.join(' '), df: ids.length, list: { size: 0 }, spellings: [], decoded: Promise.resolve({ ids, impacts }) };
}

// Adjacent words: a phrase when quoted (required), else a bonus. A last word being
// typed pairs as written: most often it is already complete.
function pairsOf(words) {
  const pairs = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const required =
      words[i].phrase >= 0 && words[i].phrase === words[i + 1].phrase && !words[i + 1].prefix && words[i + 1].at === words[i].at + 1;
    pairs.push({ key: `${words[i].folded} ${words[i + 1].folded}`, required });
  }
  return pairs;
}

const TYPO_WEIGHT = 0.5;

// What search-recover.js may use of an open index.
function api(ix) {
  return {
    lookupWord: (key) => lookupWord(ix, key),
    lookupPair: (key) => lookupPair(ix, key),
    blockOf: (key) => blockOf(ix, key),
    blockEntries: (n) => blockEntries(ix, n),
    wordBlocks: ix.m.wordBlocks,
    cmp,
    exactKey,
    fold,
    minPrefix: MIN_PREFIX,
    typoWeight: TYPO_WEIGHT,
  };
}

// `load` (a dynamic import) run on the first call only; a load that failed is tried again
// on the next. For the code most queries never need.
export function lazy(load) {
  let loading = null;
  return () =>
    (loading ??= load().catch((e) => {
      loading = null;
      throw e;
    }));
}

// What a word that matches nothing or an empty answer needs (./search-recover.js:
// decoders, near words, suggestions), loaded then only: most queries never pay for it.
const recovery = lazy(() => import('./search-recover.js'));

/**
 * Searches with facets: `{ results, total, facets, suggestions, words }`. Options:
 * `province` (slug), `field` (slug), `year` (number), `level` (`trung-uong`, `tinh`,
 * `huyen`, `xa`, `chua-ghi`), `kind` (kind of organisation, a key of `filterLabels`),
 * `from` and `to` (years, inclusive), `limit` (default 10), `offset`. `facets` counts
 * matches per province, field and year, each under the other filters. An empty query
 * with a filter lists every story the filters select, newest first (`listing`).
 * `progress`: called with the answer so far (the first results, in order) while the
 * metadata of later results is still loading.
 */
export async function find(query, options = {}) {
  // The filters' code is fetched beside the index when the answer will need it.
  if (filtered(options, REST) || (filtered(options) && !/[\p{L}\p{N}]/u.test(String(query ?? '')))) filters().catch(() => {});
  const ix = await open();
  let parsed = parse(query);
  if (ix.m.docs > 0 && parsed.words.length === 0 && filtered(options)) return (await filters()).list(filterApi(ix), options);
  if (parsed.words.length === 0 || ix.m.docs === 0) return { results: [], total: 0, facets: null, suggestions: [] };
  const n = ix.m.docs;
  // "da n": a single letter being typed after other words counts only if it is a word.
  const last = parsed.words[parsed.words.length - 1];
  if (parsed.words.length > 1 && last.prefix && last.folded.length < MIN_PREFIX && !(await lookupWord(ix, last.folded))) {
    parsed = { ...parsed, words: parsed.words.slice(0, -1) };
  }
  parsed = { ...parsed, words: shapeWords(ix, parsed.words) };
  // The stories of a field or tag the query names, fetched beside the words.
  const named = namedLists(ix, parsed.words);
  named.catch(() => {});
  // Round trips: word blocks and pair shards together, then every list together.
  const pairLookups = pairsOf(parsed.words).map((p) => lookupPair(ix, p.key));
  const ahead = prefetcher(ix, parsed, pairLookups);
  pairLookups.forEach((_, i) => ahead.pair(i));
  const [first] = await Promise.all([resolveWords(ix, parsed, ahead.word), Promise.all(pairLookups)]);
  // Only a word that matches nothing needs the decoders (search-recover.js).
  const recovered = first.some((e) => e.length === 0)
    ? await (await recovery()).recover(api(ix), parsed, first)
    : { words: parsed.words, entries: first, exactMode: parsed.exactMode, dropped: [], read: [] };
  const { words, entries, exactMode, dropped, read } = recovered;
  const empty = { results: [], total: 0, facets: null, suggestions: [], words, dropped, read };
  const pairs = pairsOf(words);
  const pairEntries = await Promise.all(pairs.map((p) => lookupPair(ix, p.key)));
  if (words.length === 0 || pairs.some((p, i) => p.required && !pairEntries[i])) {
    return { ...empty, dropped: [], suggestions: await (await recovery()).suggest(api(ix), parsed, first, options) };
  }
  // With diacritics in the query, also each word's documents that spell it as typed.
  const [lists, exactLists, pairLists] = await Promise.all([
    Promise.all(entries.map((es) => Promise.all(es.map(({ e }) => postings(ix, e))))),
    Promise.all(
      words.map((w, i) =>
        Promise.all(
          (exactMode ? entries[i] : []).flatMap(({ e, weight }) =>
            spelledAs(e, w).map(async (s) => ({ weight: weight * idf(n, s.df), list: await spellingPostings(ix, e, s) })),
          ),
        ),
      ),
    ),
    Promise.all(pairEntries.map((e) => (e ? postings(ix, e) : null))),
  ]);

  // Score: per word the best of its entries (of its exact spellings, if any, which also
  // lift the document's tier); AND over words.
  const count = new Uint8Array(n);
  const tier = new Uint8Array(n);
  const score = new Float64Array(n);
  const best = new Float64Array(n);
  const bestExact = new Float64Array(n);
  const written = new Uint8Array(n);
  const touched = [];
  words.forEach((w, i) => {
    touched.length = 0;
    entries[i].forEach(({ e, weight, written: asWritten }, k) => {
      const w8 = weight * idf(n, e.df);
      const { ids, impacts } = lists[i][k];
      for (let j = 0; j < ids.length; j++) {
        const d = ids[j];
        const v = w8 * IMPACT[impacts[j]];
        if (best[d] === 0) touched.push(d);
        if (v > best[d]) best[d] = v;
        if (asWritten) written[d] = 1;
      }
    });
    for (const { weight, list } of exactLists[i]) {
      for (let j = 0; j < list.ids.length; j++) {
        const d = list.ids[j];
        const v = weight * IMPACT[list.impacts[j]];
        if (v > bestExact[d]) bestExact[d] = v;
      }
    }
    for (const d of touched) {
      // A word read as one letter off is wanted, not required: it lifts the tier.
      if (w.optional) tier[d]++;
      else count[d]++;
      if (written[d]) {
        tier[d]++;
        written[d] = 0;
      }
      if (bestExact[d] > 0) {
        tier[d]++;
        score[d] += bestExact[d];
        bestExact[d] = 0;
      } else {
        score[d] += best[d];
      }
      best[d] = 0;
    }
  });
  const need = words.filter((w) => !w.optional).length;
  let requiredPairs = 0;
  pairs.forEach((p, i) => {
    const list = pairLists[i];
    if (!list) return;
    const weight = idf(n, pairEntries[i].df);
    if (p.required) requiredPairs++;
    for (let j = 0; j < list.ids.length; j++) {
      const d = list.ids[j];
      if (count[d] < need) continue;
      if (p.required) count[d]++;
      tier[d]++;
      score[d] += weight * IMPACT[list.impacts[j]];
    }
  });

  // No document has every word: those with the most of them (at least half) answer,
  // unless a quoted phrase is required.
  let full = need + requiredPairs;
  let most = 0;
  for (let d = 0; d < n; d++) if (count[d] > most) most = count[d];
  const partial = most < full && requiredPairs === 0 && need >= 3 && most >= Math.ceil(need / 2);
  if (partial) full = most;
  // A query that names a field or a tag ("lĩnh vực kinh tế", "nong thon moi") ranks the
  // stories of that field or tag first.
  const lift = await named;
  const { hits, unfiltered, facets } = await filterHits(ix, options, (d) => count[d] === full);
  const limit = options.limit ?? 10;
  const offset = options.offset ?? 0;
  const lifted = new Uint8Array(n);
  for (const d of hits) lifted[d] = lift(d) ? 1 : 0;
  // Rank: of the field or tag named, then tier, then score, then document order
  // (deterministic ties).
  const better = (a, b) => lifted[a] - lifted[b] || tier[a] - tier[b] || score[a] - score[b] || b - a;
  const shown = top(hits, offset + limit, better).slice(offset);
  const info = { total: hits.length, facets, suggestions: [], words, dropped, read, partial };
  const scoreOf = (d) => lifted[d] * NAMED + tier[d] * TIER + Math.round(score[d] * 1000) / 1000;
  // A name's reading is marked too (Hồ Chí Minh for Sài Gòn).
  const marks = [...words, ...(parsed.alts || []).flatMap((a) => a.exact.map((exact, k) => ({ exact, folded: a.folded[k] })))];
  const results = await inOrder(
    shown.map((d) => result(ix, d, marks, exactMode, scoreOf(d))),
    options.progress && ((prefix) => options.progress({ ...info, results: prefix })),
  );
  const suggestions =
    hits.length === 0 ? await (await recovery()).suggest(api(ix), { ...parsed, words }, entries, options, unfiltered) : [];
  return { ...info, results, suggestions };
}

// Words that only say what kind of thing the rest names ("lĩnh vực", "mô hình").
const SHAPES = ['linh vuc', 'mo hinh', 'chu de'];

// The words, with those of `SHAPES` wanted but not required when the other words
// name a field or a tag ("lĩnh vực kinh tế": the stories of Kinh tế, whether or not
// they write "lĩnh vực").
function shapeWords(ix, words) {
  const shaped = new Set();
  for (let i = 0; i + 1 < words.length; i++) {
    if (SHAPES.includes(`${words[i].folded} ${words[i + 1].folded}`) && words[i].phrase < 0) shaped.add(i).add(i + 1);
  }
  if (shaped.size === 0 || shaped.size === words.length) return words;
  const rest = `-${words.filter((w, i) => !shaped.has(i)).map((w) => w.folded).join('-')}-`;
  const names = [...ix.m.fields.map((f) => f[0]), ...(ix.m.tags || []).map((t) => t[0])];
  if (!names.some((s) => rest.includes(`-${s}-`))) return words;
  return words.map((w, i) => (shaped.has(i) ? { ...w, optional: true, shape: true } : w));
}

// Whether a document is of a field or has a tag whose name the words contain, whole
// words in order (slugs compared: `nong-thon-moi` in `mo-hinh-nong-thon-moi`).
async function namedLists(ix, words) {
  const q = `-${words.map((w) => w.folded).join('-')}-`;
  const fields = new Set();
  ix.m.fields.forEach((f, i) => {
    if (q.includes(`-${f[0]}-`)) fields.add(i);
  });
  // [slug, document frequency, list reference] (src/search.rs `write_tags`).
  // A tag every story has (dân vận khéo) tells none apart: its list is not read.
  const tags = (ix.m.tags || []).filter((t) => q.includes(`-${t[0]}-`) && t[1] < ix.m.docs);
  const lists = await Promise.all(
    tags.map(async ([key, df, ref]) => (await postings(ix, { key, df, list: new Reader(Uint8Array.from(ref)).ref() })).ids),
  );
  const tagged = new Uint8Array(ix.m.docs);
  for (const ids of lists) for (const d of ids) tagged[d] = 1;
  return (d) => tagged[d] === 1 || fields.has(ix.groups[ix.groupOf[d]].field);
}

// The result record of document `d`, its matches of `words` marked.
async function result(ix, d, words, exactMode, score) {
  const rows = await metaRows(ix, Math.floor(d / ix.m.metaChunk));
  const [url, title, summary, excerpt] = rows[d % ix.m.metaChunk];
  const g = ix.groups[ix.groupOf[d]];
  return {
    url,
    title,
    titleHtml: titleHtml(title, words, exactMode),
    snippet: snippet([summary, excerpt], words, exactMode),
    province: ix.m.provinces[g.province][1],
    field: ix.m.fields[g.field][1],
    year: g.year,
    score,
  };
}

// The filters no facet counts (level, kind of organisation, year range).
const REST = ['level', 'kind', 'from', 'to'];

// True if `options` has one of the filters `keys` (default: any; an empty query with a
// filter lists what it selects).
function filtered(options, keys = ['province', 'field', 'year', ...REST]) {
  return keys.some((k) => options[k] !== undefined && options[k] !== null && options[k] !== '');
}

// What the filters no facet counts and a list without a query need (./search-filters.js),
// loaded then only.
const filters = lazy(() => import('./search-filters.js'));

// What search-filters.js may use of an open index.
function filterApi(ix) {
  return {
    docs: ix.m.docs,
    attributes: () => attributes(ix),
    json: async (path) => JSON.parse(utf8.decode(await file(ix, path))),
    filterHits: (options, match) => filterHits(ix, options, match),
    result: (d) => result(ix, d, [], false, 0),
    inOrder,
  };
}

// The documents for which `match` holds and that pass the filters of `options`, with
// the facet counts (each under the other filters) and how many matched unfiltered.
async function filterHits(ix, options, match) {
  const byProvince = provinceFilter(ix, options.province);
  const byField = fieldFilter(ix, options.field);
  const byYear = yearFilter(options.year);
  const byRest = filtered(options, REST) ? await (await filters()).restFilter(filterApi(ix), options) : null;
  const table = ix.m.provinces;
  const pc = new Uint32Array(table.length);
  const fc = new Uint32Array(ix.m.fields.length);
  const yc = new Map();
  const hits = [];
  let unfiltered = 0;
  for (let d = 0; d < ix.m.docs; d++) {
    if (!match(d)) continue;
    unfiltered++;
    const g = ix.groups[ix.groupOf[d]];
    if (byRest && !byRest(d, g)) continue;
    const okP = !byProvince || byProvince(g.province);
    const okF = !byField || byField(g.field);
    const okY = !byYear || byYear(g.year);
    if (okF && okY) {
      pc[table[g.province][2]]++;
      if (table[g.province][2] !== g.province) pc[g.province]++;
    }
    if (okP && okY) fc[g.field]++;
    if (okP && okF) yc.set(g.year, (yc.get(g.year) || 0) + 1);
    if (okP && okF && okY) hits.push(d);
  }
  const facets = {
    province: table.map((p, i) => ({ slug: p[0], name: p[1], current: p[2] === i, unit: table[p[2]][0], count: pc[i] })),
    field: ix.m.fields.map((f, i) => ({ slug: f[0], name: f[1], count: fc[i] })),
    year: ix.years.map((y) => ({ year: y, count: yc.get(y) || 0 })),
  };
  return { hits, unfiltered, facets };
}

// The index's `a.json` (level and kind of each document, their tables), read once.
function attributes(ix) {
  if (!ix.attributes) {
    ix.attributes = file(ix, 'a.json').then((b) => JSON.parse(utf8.decode(b)));
    ix.attributes.catch(() => {
      ix.attributes = null;
    });
  }
  return ix.attributes;
}

/**
 * The filter tables: `{ levels: [[key, label]], kinds: [[key, label]] }`, the keys
 * `level` and `kind` take and their Vietnamese labels (read from the index).
 */
export async function filterLabels() {
  const a = await attributes(await open());
  return { levels: a.levels, kinds: a.kinds };
}

// The values of `promises`, in order; `progress` (if any) is called with each longer
// prefix that is ready before the last (on a slow link the first results show while
// the metadata of the others is still on its way).
async function inOrder(promises, progress) {
  if (!progress) return Promise.all(promises);
  const values = new Array(promises.length);
  const ready = new Array(promises.length).fill(false);
  let prefix = 0;
  await Promise.all(
    promises.map((p, i) =>
      p.then((v) => {
        values[i] = v;
        ready[i] = true;
        const before = prefix;
        while (prefix < promises.length && ready[prefix]) prefix++;
        if (prefix > before && prefix < promises.length) progress(values.slice(0, prefix));
      }),
    ),
  );
  return values;
}

// The best `k` of `items` by `cmp` (positive: the first is better), best first, in
// O(n log k): a small heap whose root is the worst kept item.
function top(items, k, cmp) {
  const heap = [];
  const sift = (i) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && cmp(heap[l], heap[worst]) < 0) worst = l;
      if (r < heap.length && cmp(heap[r], heap[worst]) < 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst], heap[i]];
      i = worst;
    }
  };
  for (const x of items) {
    if (heap.length < k) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (cmp(heap[i], heap[parent]) >= 0) break;
        [heap[i], heap[parent]] = [heap[parent], heap[i]];
        i = parent;
      }
    } else if (k > 0 && cmp(x, heap[0]) > 0) {
      heap[0] = x;
      sift(0);
    }
  }
  return heap.sort((a, b) => cmp(b, a));
}

/**
 * Searches: `search(query, { province, field, year, level, from, to, kind, limit })`
 * (options as `find`) resolves to
 * `[{ url, title, snippet, province, field, year, score }]`, best first. `snippet` is
 * HTML (text escaped, matches in <mark>); `province` and `field` are display names;
 * `score` is 1e9 for a story of the field or tag the query names, plus 1e6 per word
 * spelled as typed or adjacent pair found, plus the BM25-style score. Each result also
 * has `titleHtml`, the title with its matches marked.
 */
export async function search(query, options = {}) {
  return (await find(query, options)).results;
}

/* ---------------------------------------------------------------- suggestions -- */

/* ------------------------------------------------------------------- snippets -- */

const SNIPPET_WORDS = 28;
const RAW_WORD = /[\p{Alphabetic}\p{N}\p{M}]+/gu;
const JOINER = /^[\s"'“”‘’«»-]*$/u;

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

// Tokens of the raw words of result texts, exact and folded, remembered (bounded).
const rawTokens = new Map();
function tokensOf(raw) {
  let t = rawTokens.get(raw);
  if (!t) {
    if (rawTokens.size > 20000) rawTokens.clear();
    t = searchTokens(raw).map((e) => [e, fold(e)]);
    rawTokens.set(raw, t);
  }
  return t;
}

// Which query word a raw word of the text matches (-1: none), by exact key or folded.
function matchWord(raw, words, exact) {
  for (const [e, folded] of tokensOf(raw)) {
    const f = exact ? e : folded;
    const i = words.findIndex((w) => {
      const q = exact ? w.exact : w.folded;
      return w.prefix ? f.startsWith(q) : f === q;
    });
    if (i >= 0) return i;
  }
  return -1;
}

// In a multi-word query, a word that occurs next to its neighbour in the query is
// marked only there ("Đà Nẵng", not every "đã" for "da nang").
function preferPhrases(text, spans, nWords) {
  if (nWords < 2) return;
  const joined = (a, b) => a.word >= 0 && b.word === a.word + 1 && JOINER.test(text.slice(a.end, b.start));
  const linked = spans.map((s, j) => (j > 0 && joined(spans[j - 1], s)) || (j + 1 < spans.length && joined(s, spans[j + 1])));
  const inPhrase = new Set(spans.filter((s, j) => linked[j]).map((s) => s.word));
  spans.forEach((s, j) => {
    if (inPhrase.has(s.word) && !linked[j]) s.word = -1;
  });
}

// The best window of `size` words of `text` and its HTML with <mark>ed matches.
function highlight(text, words, size, exact) {
  const spans = [];
  for (const m of text.matchAll(RAW_WORD)) {
    spans.push({ start: m.index, end: m.index + m[0].length, word: matchWord(m[0], words, exact) });
  }
  preferPhrases(text, spans, words.length);
  let from = 0;
  let bestScore = 0;
  if (spans.length > size) {
    for (let s = 0; s + size <= spans.length; s++) {
      const seen = new Set();
      let hits = 0;
      let runs = 0;
      for (let j = s; j < s + size; j++) {
        if (spans[j].word < 0) continue;
        seen.add(spans[j].word);
        hits++;
        if (j > s && spans[j - 1].word >= 0 && spans[j - 1].word + 1 === spans[j].word) runs++;
      }
      const value = seen.size * 100 + runs * 10 + Math.min(hits, 9);
      if (value > bestScore) {
        bestScore = value;
        from = s;
      }
    }
  } else {
    const seen = new Set(spans.filter((s) => s.word >= 0).map((s) => s.word));
    bestScore = seen.size * 100;
  }
  const to = Math.min(spans.length, from + size);
  if (spans.length === 0) return { html: escapeHtml(text), score: 0 };
  const start = from === 0 ? 0 : spans[from].start;
  const end = to === spans.length ? text.length : spans[to - 1].end;
  let html = from === 0 ? '' : '… ';
  let at = start;
  for (let j = from; j < to; j++) {
    const s = spans[j];
    if (s.word < 0) continue;
    let e = j;
    while (e + 1 < to && spans[e + 1].word >= 0 && /^\s+$/u.test(text.slice(spans[e].end, spans[e + 1].start))) e++;
    html += escapeHtml(text.slice(at, s.start)) + '<mark>' + escapeHtml(text.slice(s.start, spans[e].end)) + '</mark>';
    at = spans[e].end;
    j = e;
  }
  html += escapeHtml(text.slice(at, end)) + (to === spans.length ? '' : ' …');
  return { html, score: bestScore };
}

// The snippet of a result: the best window over its summary and body excerpt. With
// diacritics in the query, exact spellings are marked, or folded ones if none occur.
function snippet(texts, words, exactMode) {
  let best = null;
  for (const exact of exactMode ? [true, false] : [false]) {
    for (const t of texts) {
      if (!t) continue;
      const h = highlight(t, words, SNIPPET_WORDS, exact);
      if (!best || h.score > best.score) best = h;
    }
    if (best && best.score > 0) break;
  }
  return best ? best.html : '';
}

function titleHtml(title, words, exactMode) {
  const h = exactMode ? highlight(title, words, Infinity, true) : { score: 0 };
  return h.score > 0 ? h.html : highlight(title, words, Infinity, false).html;
}
