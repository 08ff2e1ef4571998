// synonyms.mjs: test helper (not a test file): data/search-synonyms.json in the form the
// index manifest carries it (src/search/spelling.rs `abbreviation_table`, `name_table`),
// computed with search.js's own normaliser.
import { fold, tokens, unifyIY } from '../../themes/default/static/assets/search.js';

// Rust's byte order of UTF-8 strings, for the BMP strings of the table.
const cmp = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The manifest's form of data/search-synonyms.json, as src/search/spelling.rs makes it:
 * `{ abbreviations: [[key, words]], names: [[key, words]] }`, keys folded, sorted.
 */
export function synonymsOfData(data) {
  const words = (v) => tokens(v).map(unifyIY).join(' ');
  const rows = (obj, key) =>
    Object.entries(obj || {})
      .map(([k, v]) => [key(k), words(v)])
      .filter(([k, v]) => k && v)
      .sort((a, b) => cmp(a[0], b[0]) || cmp(a[1], b[1]));
  return {
    abbreviations: rows(data.abbreviations, (k) => unifyIY(fold(k))),
    names: rows(data.names, (k) => tokens(k).map((t) => unifyIY(fold(t))).join(' ')),
  };
}
