// recall.test.mjs: search.js finds what people actually type, against the index
// `kheo build` made of tests/fixtures/search-recall (KHEO_RECALL_SITE, set by
// tests/it/search.rs): i/y spellings, quoted phrases across punctuation, words that
// match nothing, abbreviations and names, Telex and VNI typed without an input method,
// one-letter typos. The decoders are tested without a site too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { exactKey, fold } from '../../themes/default/static/assets/search.js';
import { decodeTyped as decode, oneEdit, recover, suggest } from '../../themes/default/static/assets/search-recover.js';
import { synonymsOfData } from './synonyms.mjs';

const decodeTyped = (w) => decode(w, exactKey, fold);

const site = process.env.KHEO_RECALL_SITE;
const skip = site ? false : 'KHEO_RECALL_SITE is not set (run through cargo test)';
const js = site ? await import(pathToFileURL(path.join(site, 'assets', 'search.js')).href) : null;

const KY = 'Nông dân học kỹ thuật trồng dừa hữu cơ';
const NOI = 'Nói dân hiểu, làm dân tin ở ấp Tân Thuận';
const HIEN = 'Vận động người dân hiến đất làm đường';
const HCM = 'Mặt trận phường 7 gom rác thải nhựa';

const titles = async (q, opts = {}) => (await js.search(q, { limit: 20, ...opts })).map((r) => r.title);

test('Telex typed without an input method decodes to the syllable', () => {
  for (const [typed, word] of [['daan', 'dân'], ['vaajn', 'vận'], ['kheos', 'khéo'], ['dduwowngf', 'đường'], ['nguoiwf', 'người'], ['quyeets', 'quyết']]) {
    assert.equal(decodeTyped(typed), word, typed);
  }
});

test('VNI typed without an input method decodes to the syllable', () => {
  for (const [typed, word] of [['da6n', 'dân'], ['va65n', 'vận'], ['khe1o', 'khéo'], ['ho2a', 'hoà'], ['gia3i', 'giải'], ['d9uo7ng2', 'đường']]) {
    assert.equal(decodeTyped(typed), word, typed);
  }
});

test('plain words and numbers are not read as Telex or VNI', () => {
  for (const w of ['sach', 'xa', '2019', 'dân', 'a1b2c3d']) assert.equal(decodeTyped(w), null, w);
});

test('one edit: a letter changed, added, removed or two swapped', () => {
  assert.ok(oneEdit('nih', 'ninh') && oneEdit('qe', 'que') && oneEdit('camra', 'camera'));
  assert.ok(oneEdit('kheo', 'khoe') && oneEdit('camerra', 'camera') && oneEdit('tan', 'tin'));
  assert.ok(!oneEdit('camxxa', 'camera') && !oneEdit('abc', 'abc'.repeat(2)));
});

// A fake index for search-recover.js: words dân (frequent) and đất (rare), one word
// pair "hien dat" (hiến đất).
const vocab = [
  { key: 'dan', df: 50, spellings: [{ exact: 'dân', df: 50 }] },
  { key: 'dat', df: 5, spellings: [{ exact: 'đất', df: 5 }] },
  { key: 'hien', df: 9, spellings: [{ exact: 'hiến', df: 9 }] },
];
const fakeIndex = {
  lookupWord: async (k) => vocab.find((e) => e.key === k) || null,
  lookupPair: async (k) => (k === 'hien dat' ? { df: 3 } : null),
  blockOf: () => 0,
  blockEntries: async () => vocab,
  wordBlocks: ['dan'],
  cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  exactKey,
  fold,
  minPrefix: 2,
  typoWeight: 0.5,
};
const words = (...ws) => ws.map(([exact, folded], at) => ({ exact, folded, phrase: -1, at, typed: exact }));

test('a word one letter off is chosen by the pair it makes with its neighbour, then frequency', async () => {
  const parsed = { words: words(['hiến', 'hien'], ['đax', 'dax']) };
  const r = await recover(fakeIndex, parsed, [[{ e: vocab[2], weight: 1 }], []]);
  assert.deepEqual(r.read, [{ typed: 'đax', as: 'đất' }], 'đất makes "hiến đất"; dân is more frequent');
  const alone = await recover(fakeIndex, { words: words(['đax', 'dax']) }, [[]]);
  assert.deepEqual(alone.read, [{ typed: 'đax', as: 'dân' }], 'without a neighbour, the most frequent');
});

test('did-you-mean takes the neighbouring pair into account', async () => {
  const parsed = { words: words(['hiến', 'hien'], ['đaz', 'daz']) };
  const out = await suggest(fakeIndex, parsed, [[{ e: vocab[2], weight: 1 }], []], {});
  assert.ok(out.some((s) => s.kind === 'query' && s.query === 'hiến đất'), JSON.stringify(out));
});

test('the manifest carries the shared abbreviation table', { skip }, async () => {
  const manifest = JSON.parse(await readFile(path.join(site, 'tim-kiem', 'index', 'manifest.json'), 'utf8'));
  const data = JSON.parse(await readFile(new URL('../../data/search-synonyms.json', import.meta.url), 'utf8'));
  const want = synonymsOfData(data);
  assert.deepEqual(manifest.abbreviations, want.abbreviations);
  assert.deepEqual(manifest.names, want.names);
});

test('i and y spellings find each other: kĩ/kỹ thuật, quản lí/lý, tỉ/tỷ lệ', { skip }, async () => {
  for (const q of ['kĩ thuật', 'kỹ thuật', 'ki thuat', 'quản lí', 'quản lý', 'tỉ lệ', 'tỷ lệ']) {
    assert.equal((await titles(q))[0], KY, q);
  }
  const r = await js.search('kĩ thuật');
  assert.ok(r[0].score >= 3e6, 'spelled as typed: the i/y form counts as exact');
});

test('a quoted phrase is found across its punctuation', { skip }, async () => {
  assert.deepEqual(await titles('"nói dân hiểu, làm dân tin"'), [NOI]);
  assert.deepEqual(await titles('“nói dân hiểu. làm dân tin”'), [NOI]);
});

test('words that match nothing are dropped and reported; the rest still answer', { skip }, async () => {
  const res = await js.find('hiến đất xqzw');
  assert.deepEqual(res.dropped, ['xqzw']);
  assert.equal(res.results[0].title, HIEN);
  const long = await js.find('làm thế nào để vận động người dân hiến đất');
  assert.equal(long.results[0].title, HIEN);
});

test('a quoted phrase with a word that matches nothing still fails, with suggestions', { skip }, async () => {
  const res = await js.find('"hiến đất xqzw"');
  assert.equal(res.total, 0);
  assert.ok(res.suggestions.some((s) => s.kind === 'unquoted'));
});

test('TP HCM, TP.HCM, HCM and Sài Gòn find Thành phố Hồ Chí Minh', { skip }, async () => {
  for (const q of ['TP HCM', 'TP.HCM', 'tphcm', 'HCM', 'Sài Gòn', 'sai gon', 'Hồ Chí Minh']) {
    assert.ok((await titles(q)).includes(HCM), q);
  }
});

test('abbreviations find their expansions and back', { skip }, async () => {
  const pairs = [
    ['UBND', 'ủy ban nhân dân', HIEN, KY],
    ['MTTQ', 'mặt trận tổ quốc', HIEN, KY],
    ['HĐND', 'hội đồng nhân dân', HCM, KY],
    ['HTX', 'hợp tác xã', HIEN, KY],
    ['CCB', 'cựu chiến binh', HIEN, KY],
    ['ĐVTN', 'đoàn viên thanh niên', HCM, KY],
  ];
  // In each pair, `spelled` writes the words out and `short` writes the abbreviation.
  for (const [abbr, words, spelled, short] of pairs) {
    for (const q of [abbr, abbr.toLowerCase(), words]) {
      const t = await titles(q);
      assert.ok(t.includes(spelled) && t.includes(short), `${q}: ${JSON.stringify(t)}`);
    }
  }
});

test('Telex and VNI queries rank as if typed with diacritics', { skip }, async () => {
  const want = await js.search('hòa giải');
  for (const q of ['ho2a gia3i', 'hoaf giair']) {
    const res = await js.find(q);
    assert.deepEqual(res.results.map((r) => [r.title, r.score]), want.map((r) => [r.title, r.score]), q);
    assert.ok(res.read.length === 2, JSON.stringify(res.read));
  }
  assert.equal((await titles('daan vaajn kheos'))[0], NOI);
  assert.deepEqual(await titles('da6n va65n khe1o'), await titles('dân vận khéo'));
});

test('one wrong, missing or extra letter finds the word, below exact matches', { skip }, async () => {
  const nih = await js.find('camera an nih');
  assert.deepEqual(nih.read, [{ typed: 'nih', as: 'ninh' }]);
  assert.equal(nih.results[0].title, NOI);
  const que = await js.find('đường qê');
  assert.deepEqual(que.read, [{ typed: 'qê', as: 'quê' }], 'the neighbouring pair "đường quê" chooses the word');
  assert.equal(que.results[0].title, NOI, 'the story with "đường quê" first');
  const exact = await js.find('đường quê');
  assert.ok(exact.results[0].score > que.results[0].score, 'exact spelling ranks above a typo');
});

test('the same query gives the same results, whatever came before', { skip }, async () => {
  const first = await titles('daan vaajn kheos');
  await js.search('camera an nih');
  await js.search('UBND');
  assert.deepEqual(await titles('daan vaajn kheos'), first);
});

test('snippets mark the other spelling and the abbreviation', { skip }, async () => {
  const [ky] = await js.search('kĩ thuật');
  assert.match(ky.titleHtml, /<mark>kỹ thuật<\/mark>/);
  const [htx] = await js.search('hợp tác xã dừa mở lớp');
  assert.match(htx.snippet, /<mark>HTX dừa mở lớp<\/mark>/, htx.snippet);
});

const SAIGON = 'Chuyến xe nghĩa tình từ Sài Gòn về quê';

test('a name adds the name it stands for: Sài Gòn finds stories saying Sài Gòn first, then Hồ Chí Minh', { skip }, async () => {
  for (const q of ['Sài Gòn', 'sai gon', 'sài gòn']) {
    const t = await titles(q);
    assert.deepEqual(t, [SAIGON, HCM], q);
  }
  assert.deepEqual(await titles('sài gòn nghĩa tình'), [SAIGON], 'the other words still apply');
  const [, hcm] = await js.search('Sài Gòn');
  assert.match(hcm.snippet, /<mark>Hồ Chí Minh<\/mark>/, 'the reading is marked: ' + hcm.snippet);
  assert.ok(!(await titles('Hồ Chí Minh')).includes(SAIGON), 'the table reads one way: a name, not every Hồ Chí Minh');
});

test('an abbreviation finds the stories that write it and those that spell it out, both ways', { skip }, async () => {
  for (const q of ['UBND', 'ubnd', 'Ủy ban nhân dân', 'uỷ ban nhân dân', 'uy ban nhan dan']) {
    const t = await titles(q);
    assert.ok(t.includes(KY) && t.includes(HIEN), `${q}: ${JSON.stringify(t)}`);
    assert.ok(!t.includes(SAIGON), q);
  }
});

test('an abbreviation is read through the pairs of its words and its own entry, without its words\' lists', { skip }, async () => {
  const mod = await import(pathToFileURL(path.join(site, 'assets', 'search.js')).href + '?abbreviation-bytes');
  const read = [];
  mod.configure({ load: async (url) => { read.push(url.pathname.split('/tim-kiem/index/')[1]); return readFile(url); } });
  const res = await mod.find('UBND');
  assert.deepEqual(res.results.map((r) => r.title).sort(), [HIEN, KY].sort());
  assert.ok(read.filter((p) => p.startsWith('t/')).length <= 1, `one word block at most (UBND's own): ${JSON.stringify(read)}`);
});

test('an abbreviation as written ranks first, and its words as written rank first', { skip }, async () => {
  // KY writes UBND and HTX; HIEN writes Ủy ban nhân dân and Hợp tác xã.
  assert.deepEqual(await titles('UBND'), [KY, HIEN]);
  assert.deepEqual(await titles('Ủy ban nhân dân'), [HIEN, KY, HCM]);
  assert.deepEqual(await titles('HTX'), [KY, HIEN]);
  assert.deepEqual(await titles('hợp tác xã'), [HIEN, KY]);
});

const NTM = 'Đường nông thôn mới về ấp Tân Lợi';

test('a query that names a tag or a field ranks the stories with that tag or of that field first', { skip }, async () => {
  // NTM writes "nông thôn mới" in its title and body; KY only has the tag.
  assert.deepEqual(await titles('nong thon moi'), [KY, NTM]);
  assert.deepEqual(await titles('mô hình nông thôn mới'), [KY, NTM]);
  // NTM writes "lĩnh vực kinh tế"; HIEN and KY are of the field Kinh tế and never say "lĩnh vực".
  for (const q of ['lĩnh vực kinh tế', 'linh vuc kinh te']) {
    const t = await titles(q);
    assert.deepEqual(t.slice(0, 2).sort(), [HIEN, KY].sort(), `${q}: ${JSON.stringify(t)}`);
    assert.equal(t[2], NTM, q);
  }
});
