// normalize.test.mjs: the JavaScript normaliser of search.js against the shared test
// vectors (tests/search-vectors.json), the same file src/vietnamese.rs is tested with,
// so the browser and the indexer cut and fold text identically. Needs no built site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  exactKey,
  fold,
  searchTokens,
  synonymTables,
  tokens,
  unifyIY,
} from '../../themes/default/static/assets/search.js';
import { synonymsOfData } from './synonyms.mjs';

const file = JSON.parse(await readFile(new URL('../search-vectors.json', import.meta.url), 'utf8'));

test('the shared vectors are there', () => {
  assert.ok(file.vectors.length >= 40);
});

for (const v of file.vectors) {
  test(`normalises ${JSON.stringify(v.input)}`, () => {
    assert.equal(exactKey(v.input), v.exact, 'exact key');
    assert.equal(fold(v.input), v.folded, 'folded form');
    const toks = tokens(v.input);
    assert.deepEqual(toks, v.tokens, 'tokens');
    assert.deepEqual(toks.map(fold), v.folded_tokens, 'folded tokens');
  });
}

// The search tokens: i/y unified and abbreviations read by the shared table, as the
// index (src/search/spelling.rs) reads them.
const data = JSON.parse(await readFile(new URL('../../data/search-synonyms.json', import.meta.url), 'utf8'));
const manifestForm = synonymsOfData(data);
const tables = synonymTables(manifestForm.abbreviations, manifestForm.names);

test('the shared search-token vectors are there', () => {
  assert.ok(file.search_tokens.length >= 10);
});

for (const v of file.search_tokens) {
  test(`search tokens of ${JSON.stringify(v.input)}`, () => {
    assert.deepEqual(searchTokens(v.input, tables), v.tokens);
  });
}

test('i and y after a consonant meet in the i form; other y stay', () => {
  for (const [y, i] of [['kỹ', 'kĩ'], ['lý', 'lí'], ['tỷ', 'tỉ'], ['mỹ', 'mĩ'], ['quý', 'quí'], ['hy', 'hi']]) {
    assert.equal(unifyIY(y), i);
    assert.equal(unifyIY(i), i);
  }
  for (const same of ['ý', 'tuy', 'hay', 'yêu', 'uyên', 'gì', '']) assert.equal(unifyIY(same), same);
});
