// search-recover.js: what search.js needs only for a query word that matches nothing or
// an empty answer, loaded on demand so that most queries never download it: reading a
// word typed in Telex or VNI without an input method (`daan`, `va65n`) as its syllable,
// the indexed word one letter off, dropping words, and the suggestions of an empty
// answer. No imports: search.js hands in what it needs of the index (`ix`, its `api`).

// True if `b` is `a` with one letter changed, added or removed, or two neighbours swapped.
export function oneEdit(a, b) {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const rest = (p, q) => x.slice(p).join('') === y.slice(q).join('');
  if (x.length === y.length) {
    if (rest(i + 1, i + 1)) return i < x.length;
    return x[i] === y[i + 1] && x[i + 1] === y[i] && rest(i + 2, i + 2);
  }
  return x.length > y.length ? rest(i + 1, i) : rest(i, i + 1);
}

// The shape of a Vietnamese syllable, folded: onset, one to three vowels, final.
const SYLLABLE = /^(?:b|ch?|d|gh?|gi|h|kh?|l|m|ngh?|nh?|ph?|qu|r|s|th?|tr|v|x)?[aeiouy]{1,3}(?:ch?|m|ng?|nh|p|t)?$/;

const TELEX_TONES = { s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323' };
const VNI_TONES = { 1: '\u0301', 2: '\u0300', 3: '\u0309', 4: '\u0303', 5: '\u0323' };
const HAT = { a: 'â', e: 'ê', o: 'ô' };
const HORN = { a: 'ă', o: 'ơ', u: 'ư' };
const IS_VOWEL = /[aeiouyâêôăơư]/;

// Puts a modifier on the last fitting vowel of `out` (an array of letters); false if none.
function modify(out, table, horn = false) {
  if (horn) {
    const j = out.join('').lastIndexOf('uo');
    if (j >= 0) {
      out.splice(j, 2, 'ư', 'ơ');
      return true;
    }
  }
  for (let j = out.length - 1; j >= 0; j--) {
    if (table[out[j]]) {
      out[j] = table[out[j]];
      return true;
    }
  }
  return false;
}

/**
 * A word typed in Telex (`daan`, `vaajn`, `kheos`, `dduwowngf`) or VNI (`da6n`,
 * `va65n`, `khe1o`, `ho2a`) without an input method, as the syllable it stands for
 * (exact key); null if it is neither (no key letter or digit, or keys that fit no
 * vowel). `exactKey` and `fold` are search.js's.
 */
export function decodeTyped(word, exactKey, fold) {
  if (!/^[a-z][a-z0-9]*$/.test(word)) return null;
  const vni = /\d/.test(word);
  const m = /^(dd|[^aeiouy0-9]*)(.*)$/.exec(word);
  let onset = m[1] === 'dd' ? 'đ' : m[1];
  const out = [];
  let tone = '';
  let changed = m[1] === 'dd';
  for (const c of m[2]) {
    const last = out[out.length - 1];
    let ok = true;
    if (!vni && TELEX_TONES[c] && out.some((l) => IS_VOWEL.test(l))) tone = TELEX_TONES[c];
    else if (!vni && c === 'w') ok = out.length > 0 ? modify(out, HORN, true) : (out.push('ư'), true);
    else if (!vni && HAT[c] && last === c) out[out.length - 1] = HAT[c];
    else if (vni && VNI_TONES[c]) tone = VNI_TONES[c];
    else if (vni && c === '6') ok = modify(out, HAT);
    else if (vni && c === '7') ok = modify(out, { o: 'ơ', u: 'ư' }, true);
    else if (vni && c === '8') ok = modify(out, { a: 'ă' });
    else if (vni && c === '9' && onset.startsWith('d')) onset = 'đ' + onset.slice(1);
    else if (/\d/.test(c)) ok = false;
    else {
      out.push(c);
      continue;
    }
    if (!ok) return null;
    changed = true;
  }
  if (!changed || !out.some((l) => IS_VOWEL.test(l))) return null;
  const syllable = exactKey(onset + out.join('') + tone);
  return SYLLABLE.test(fold(syllable)) ? syllable : null;
}

// Words that match nothing, recovered: typed in Telex or VNI without an input method
// (read as decoded, ranked as if typed with diacritics), else one letter off an indexed
// word (weighed down, never spelled exactly), else dropped (`dropped`: as typed) while
// another word matches. `read`: [{ typed, as }] for every word read differently.
export async function recover(ix, parsed, entries) {
  const words = [];
  const kept = [];
  const dropped = [];
  const read = [];
  for (let i = 0; i < parsed.words.length; i++) {
    const w = parsed.words[i];
    if (entries[i].length > 0) {
      words.push(w);
      kept.push(entries[i]);
      continue;
    }
    const decoded = decodeTyped(w.exact, ix.exactKey, ix.fold);
    const de = decoded && (await ix.lookupWord(ix.fold(decoded)));
    if (de) {
      words.push({ ...w, exact: decoded, folded: ix.fold(decoded), prefix: false });
      kept.push([{ e: de, weight: 1 }]);
      read.push({ typed: w.exact, as: decoded });
      continue;
    }
    const near = await nearWord(ix, parsed.words, i);
    if (near) {
      words.push({ ...w, folded: near.key, prefix: false, typo: true });
      kept.push([{ e: near, weight: ix.typoWeight }]);
      read.push({ typed: w.exact, as: topSpelling(near) });
      continue;
    }
    if (w.phrase >= 0) return { words: [], entries: [], exactMode: false, dropped: [], read: [] };
    if (!(w.prefix && w.folded.length < ix.minPrefix)) dropped.push(w.typed ?? w.exact);
  }
  if (words.length === 0) return { words, entries: kept, exactMode: false, dropped: [], read: [] };
  // Words one letter off are optional beside words found as typed; alone, required.
  if (words.some((w) => !w.typo)) for (const w of words) w.optional = Boolean(w.typo || w.shape);
  return { words, entries: kept, exactMode: words.some((w) => !w.typo && w.exact !== w.folded), dropped, read };
}

const MAX_NEAR = 6;

// The indexed word one letter off the word `i` (wrong, missing, extra or two swapped),
// best first by the pairs it makes with its neighbours in the query, then by
// frequency; null if none.
async function nearWord(ix, words, i) {
  const w = words[i].folded;
  // A slip of the first letter is rarer than one inside the word.
  const sameStart = (key) => (key[0] === w[0] ? 1 : 0);
  if (Array.from(w).length < 2 || /^\d+$/.test(w)) return null;
  const firsts = ix.wordBlocks;
  const k = Math.max(0, ix.blockOf(w));
  const blocks = firsts.length <= 16 ? firsts.map((_, j) => j) : [k - 1, k, k + 1].filter((j) => j >= 0 && j < firsts.length);
  const vocab = (await Promise.all(blocks.map((j) => ix.blockEntries(j)))).flat();
  const near = vocab
    .filter((e) => Math.abs(e.key.length - w.length) <= 1 && e.key !== w && oneEdit(w, e.key))
    .sort((a, b) => sameStart(b.key) - sameStart(a.key) || b.df - a.df || ix.cmp(a.key, b.key))
    .slice(0, MAX_NEAR);
  if (near.length === 0) return null;
  const prev = words[i - 1];
  const next = words[i + 1];
  const support = await Promise.all(
    near.map(async (e) => {
      const [a, b] = await Promise.all([
        prev ? ix.lookupPair(`${prev.folded} ${e.key}`) : null,
        next ? ix.lookupPair(`${e.key} ${next.folded}`) : null,
      ]);
      return (a ? a.df : 0) + (b ? b.df : 0);
    }),
  );
  const rank = (j) => sameStart(near[j].key) * 1e9 + support[j];
  let best = 0;
  for (let j = 1; j < near.length; j++) if (rank(j) > rank(best)) best = j;
  return near[best];
}

function topSpelling(e) {
  return e.spellings.reduce((a, b) => (b.df > a.df ? b : a)).exact;
}

/* ---------------------------------------------------------------- suggestions -- */

// Of `near` ({ e, d }, closest and most frequent first), the first that makes an indexed
// word pair with a neighbour in the query, else the first; null if none.
async function bestByNeighbours(ix, words, i, near) {
  const prev = words[i - 1];
  const next = words[i + 1];
  const pairs = await Promise.all(
    near.map(({ e }) =>
      Promise.all([
        prev ? ix.lookupPair(`${prev.folded} ${e.key}`) : null,
        next ? ix.lookupPair(`${e.key} ${next.folded}`) : null,
      ]),
    ),
  );
  const k = pairs.findIndex(([a, b]) => a || b);
  return near.length === 0 ? null : near[Math.max(0, k)].e;
}

function editDistance(a, b) {
  const bs = Array.from(b);
  let row = Array.from({ length: bs.length + 1 }, (_, i) => i);
  let i = 0;
  for (const ca of a) {
    const next = [++i];
    bs.forEach((cb, j) => next.push(ca === cb ? row[j] : 1 + Math.min(row[j], row[j + 1], next[j])));
    row = next;
  }
  return row[bs.length];
}

// Ways out of an empty result: `{ kind: 'filters', count }` (drop the filters),
// `{ kind: 'unquoted', query }` (drop the quotes), `{ kind: 'query', query }` (a word
// replaced by the closest indexed one).
export async function suggest(ix, parsed, entries, options, unfiltered = 0) {
  const out = [];
  if (unfiltered > 0 && (options.province || options.field || options.year)) {
    out.push({ kind: 'filters', count: unfiltered });
  }
  if (parsed.words.some((w) => w.phrase >= 0)) {
    out.push({ kind: 'unquoted', query: parsed.words.map((w) => w.exact).join(' ') });
  }
  const missing = parsed.words
    .map((w, i) => (entries[i].length === 0 && !(w.prefix && w.folded.length < ix.minPrefix) ? i : -1))
    .filter((i) => i >= 0);
  if (missing.length > 0) {
    const blocks = ix.wordBlocks.length <= 16 ? ix.wordBlocks.map((_, i) => i) : [];
    for (const i of missing) {
      const k = ix.blockOf(parsed.words[i].folded);
      if (k >= 0 && !blocks.includes(k)) blocks.push(k);
    }
    const vocab = (await Promise.all(blocks.map((k) => ix.blockEntries(k)))).flat();
    const words = parsed.words.map((w) => w.exact);
    let fixed = 0;
    for (const i of missing) {
      const w = parsed.words[i].folded;
      const limit = Math.min(2, Math.max(1, Math.floor(w.length / 3)));
      const near = [];
      for (const e of vocab) {
        if (Math.abs(e.key.length - w.length) > limit) continue;
        const d = editDistance(w, e.key);
        if (d <= limit) near.push({ e, d });
      }
      near.sort((a, b) => a.d - b.d || b.e.df - a.e.df || ix.cmp(a.e.key, b.e.key));
      const bestEntry = await bestByNeighbours(ix, parsed.words, i, near.slice(0, MAX_NEAR));
      if (bestEntry) {
        const top = bestEntry.spellings.reduce((a, b) => (b.df > a.df ? b : a));
        words[i] = top.exact;
        fixed++;
      }
    }
    if (fixed > 0) out.push({ kind: 'query', query: words.join(' ') });
  }
  return out;
}
