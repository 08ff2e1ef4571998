// search-recover.js: what search.js needs only for a query word that matches nothing,
// loaded on demand so that most queries never download it: reading a word typed in
// Telex or VNI without an input method (`daan`, `va65n`) as its syllable, and telling
// whether two words are one letter apart. Pure functions, no imports.

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
