// normalize.test.mjs: the JavaScript normaliser of search.js against the shared test
// vectors (tests/search-vectors.json), the same file src/vietnamese.rs is tested with,
// so the browser and the indexer cut and fold text identically. Needs no built site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { exactKey, fold, tokens } from '../../themes/default/static/assets/search.js';

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
