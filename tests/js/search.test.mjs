// search.test.mjs: search.js run in node against the index `kheo build` made of
// tests/fixtures/search-site. KHEO_SEARCH_SITE names the built output folder (set by
// tests/it/search.rs); the module is imported from there, as the browser would load it,
// so it finds the index through its own URL. Without the variable the tests are skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const site = process.env.KHEO_SEARCH_SITE;
const skip = site ? false : 'KHEO_SEARCH_SITE is not set (run through cargo test)';
const js = site ? await import(pathToFileURL(path.join(site, 'assets', 'search.js')).href) : null;

const titles = (results) => results.map((r) => r.title);

test('"dan van kheo" finds "Dân vận khéo" first', { skip }, async () => {
  const r = await js.search('dan van kheo');
  assert.equal(r[0].title, 'Dân vận khéo ở xóm biển Năm Căn');
  assert.equal(r[0].url, '/mo-hinh/dan-van-kheo-o-xom-bien-nam-can/');
  assert.ok(r.length >= 3);
});

test('results have the documented shape, display names and a number year', { skip }, async () => {
  const [r] = await js.search('diêm dân');
  assert.deepEqual(Object.keys(r).filter((k) => k !== 'titleHtml').sort(), [
    'field', 'province', 'score', 'snippet', 'title', 'url', 'year',
  ]);
  assert.equal(r.province, 'Bạc Liêu (nay thuộc Cà Mau)');
  assert.equal(r.field, 'Kinh tế');
  assert.equal(r.year, 2019);
  assert.equal(typeof r.score, 'number');
});

test('"da nang" finds "Đà Nẵng" (đ folds to d)', { skip }, async () => {
  const r = await js.search('da nang');
  assert.equal(r[0].title, 'Tổ dân phố xanh, sạch, đẹp ở Đà Nẵng');
  assert.match(r[0].snippet, /<mark>Đà Nẵng<\/mark>/);
});

test('an NFD query matches like its NFC form', { skip }, async () => {
  const nfd = 'Đà Nẵng'.normalize('NFD');
  assert.notEqual(nfd, 'Đà Nẵng');
  assert.deepEqual(titles(await js.search(nfd)), titles(await js.search('Đà Nẵng')));
  const dvk = 'DÂN VẬN KHÉO'.normalize('NFD');
  assert.equal((await js.search(dvk))[0].title, 'Dân vận khéo ở xóm biển Năm Căn');
});

test('either tone placement finds the other: hoà finds hòa, hòa finds hoà', { skip }, async () => {
  assert.ok(titles(await js.search('hoà giải')).includes('Tổ hòa giải ở khóm 3'));
  assert.ok(titles(await js.search('hòa nhập')).includes('Hoà nhập cộng đồng cho người khuyết tật'));
});

test('exact diacritics rank above folded matches', { skip }, async () => {
  const r = titles(await js.search('hòa', { limit: 20 }));
  const exact = r.indexOf('Tổ hòa giải ở khóm 3');
  const other = r.indexOf('Văn hóa đọc ở ấp Tân Lợi');
  assert.ok(exact >= 0 && other >= 0, JSON.stringify(r));
  assert.ok(exact < other, JSON.stringify(r));
  // Typed without marks, "hoa" matches every spelling.
  assert.ok(titles(await js.search('hoa', { limit: 20 })).includes('Văn hóa đọc ở ấp Tân Lợi'));
});

test('a phrase ranks first; quotes require it', { skip }, async () => {
  const r = titles(await js.search('nông thôn mới'));
  assert.equal(r[0], 'Chung sức xây dựng quê hương', JSON.stringify(r));
  assert.ok(r.includes('Nông dân làm mới con đường về thôn'), 'scattered words still match');
  assert.deepEqual(titles(await js.search('"nong thon moi"')), ['Chung sức xây dựng quê hương']);
});

test('the last word matches as a prefix while typing', { skip }, async () => {
  assert.equal((await js.search('camera an ni'))[0].title, 'Camera an ninh giữ bình yên xóm ấp');
  assert.equal((await js.search('dan van khe'))[0].title, 'Dân vận khéo ở xóm biển Năm Căn');
  const finished = await js.find('dan van khe ');
  assert.deepEqual(finished.read, [{ typed: 'khe', as: 'khéo' }], 'a finished word is not a prefix: read as one letter off');
});

test('a province filter narrows: a former province alone, a current unit with its formers', { skip }, async () => {
  const all = await js.search('dân vận', { limit: 50 });
  const bl = await js.search('dân vận', { province: 'bac-lieu', limit: 50 });
  const cm = await js.search('dân vận', { province: 'ca-mau', limit: 50 });
  assert.ok(bl.length > 0 && bl.length < cm.length && cm.length < all.length);
  assert.ok(bl.every((r) => r.province === 'Bạc Liêu (nay thuộc Cà Mau)'));
  assert.ok(cm.some((r) => r.province === 'Cà Mau') && cm.some((r) => r.province.startsWith('Bạc Liêu')));
  assert.ok(cm.every((r) => r.province === 'Cà Mau' || r.province.startsWith('Bạc Liêu')));
  assert.deepEqual(await js.search('dân vận', { province: 'khong-co' }), []);
});

test('field and year filters take a slug and a number', { skip }, async () => {
  const kt = await js.search('dân', { field: 'kinh-te', limit: 50 });
  assert.ok(kt.length > 0 && kt.every((r) => r.field === 'Kinh tế'));
  const y = await js.search('dân', { year: 2021, limit: 50 });
  assert.deepEqual(titles(y), ['Tổ hòa giải ở khóm 3']);
  assert.equal((await js.search('dân', { year: 2021, limit: 50 })).length, 1);
});

test('facet counts follow the query and the other filters', { skip }, async () => {
  const res = await js.find('dân vận', { field: 'kinh-te' });
  const count = (list, key, value) => list.find((x) => x[key] === value)?.count;
  assert.equal(res.total, res.facets.field.find((f) => f.slug === 'kinh-te').count);
  const cm = count(res.facets.province, 'slug', 'ca-mau');
  const bl = count(res.facets.province, 'slug', 'bac-lieu');
  assert.ok(cm > bl && bl > 0, JSON.stringify(res.facets.province));
  assert.ok(res.facets.year.every((y) => Number.isInteger(y.year)));
});

test('snippets mark matches and escape everything else', { skip }, async () => {
  const [r] = await js.search('tủ sách cộng đồng');
  assert.equal(r.title, 'Văn hóa đọc ở ấp Tân Lợi');
  assert.match(r.snippet, /<mark>Tủ sách cộng đồng<\/mark>/);
  assert.match(r.snippet, /&lt;mở cửa&gt;/);
  assert.match(r.snippet, /&amp;/);
  assert.doesNotMatch(r.snippet.replace(/<\/?mark>/g, ''), /[<>]/);
});

test('drafts are not indexed', { skip }, async () => {
  const r = await js.search('hợp tác xã kỳ lân', { limit: 50 });
  assert.ok(r.every((x) => !x.title.startsWith('Bài nháp')), JSON.stringify(titles(r)));
});

test('no results come with suggestions', { skip }, async () => {
  const res = await js.find('camxxa');
  assert.equal(res.total, 0);
  assert.ok(res.suggestions.some((s) => s.kind === 'query' && s.query === 'camera'), JSON.stringify(res.suggestions));
  const filtered = await js.find('camera', { province: 'ca-mau' });
  assert.equal(filtered.total, 0);
  assert.ok(filtered.suggestions.some((s) => s.kind === 'filters' && s.count === 1));
});

test('limit, offset and ties are deterministic', { skip }, async () => {
  const all = await js.search('dân', { limit: 50 });
  const two = await js.search('dân', { limit: 2 });
  const next = await js.search('dân', { limit: 2, offset: 2 });
  assert.deepEqual(titles([...two, ...next]), titles(all.slice(0, 4)));
  assert.deepEqual(titles(await js.search('dân', { limit: 50 })), titles(all));
  for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].score >= all[i].score);
});

test('empty and punctuation-only queries return nothing', { skip }, async () => {
  assert.deepEqual(await js.search(''), []);
  assert.deepEqual(await js.search('  ,.!  '), []);
});

test('a quoted phrase that never occurs suggests dropping the quotes', { skip }, async () => {
  const res = await js.find('"an ninh camera"');
  assert.equal(res.total, 0);
  assert.deepEqual(res.suggestions, [{ kind: 'unquoted', query: 'an ninh camera' }]);
  assert.ok((await js.search('an ninh camera')).length > 0);
});

test('a single letter typed after other words waits for the next one, unless it is a word', { skip }, async () => {
  assert.deepEqual(titles(await js.search('camera q')), titles(await js.search('camera')));
  assert.deepEqual(titles(await js.search('khóm 3')), ['Tổ hòa giải ở khóm 3']);
});

test('level, kind of organisation and year range filter as the statistics count; an empty query with filters lists them newest first', { skip }, async () => {
  const list = async (opts) => titles(await js.search('', { limit: 50, ...opts }));
  assert.deepEqual(await list({ level: 'tinh' }), ['Dân vận khéo ở xóm biển Năm Căn', 'Chi bộ bốn tốt']);
  assert.deepEqual(await list({ level: 'xa' }), ['Camera an ninh giữ bình yên xóm ấp']);
  assert.equal((await list({ level: 'chua-ghi' })).length, 6, 'stories without a level');
  assert.deepEqual(await list({ kind: 'nong-dan' }), ['Dân vận khéo ở xóm biển Năm Căn', 'Nông dân làm mới con đường về thôn', 'Hỗ trợ diêm dân giữ nghề muối']);
  assert.deepEqual(await list({ kind: 'thon' }), ['Tổ dân phố xanh, sạch, đẹp ở Đà Nẵng', 'Tổ hòa giải ở khóm 3']);
  const period = await js.find('', { from: 2016, to: 2020, limit: 50 });
  assert.equal(period.total, 5);
  assert.deepEqual(period.results.map((r) => r.year), [2020, 2019, 2018, 2017, 2016], 'newest first');
  assert.deepEqual(await list({ level: 'tinh', from: 2020 }), ['Dân vận khéo ở xóm biển Năm Căn'], 'filters combine');
  assert.deepEqual(await list({ kind: 'nong-dan', province: 'ca-mau' }), ['Dân vận khéo ở xóm biển Năm Căn', 'Hỗ trợ diêm dân giữ nghề muối']);
  assert.deepEqual(await list({ level: 'no-such-level' }), [], 'an unknown key selects nothing');
  const q = await js.find('nông dân', { kind: 'nong-dan', to: 2020 });
  assert.deepEqual(titles(q.results).sort(), ['Hỗ trợ diêm dân giữ nghề muối', 'Nông dân làm mới con đường về thôn'].sort(), 'with a query too');
  assert.deepEqual(await js.search(''), [], 'no query and no filter: nothing');
  const labels = await js.filterLabels();
  assert.deepEqual(labels.levels.map((l) => l[0]), ['trung-uong', 'tinh', 'huyen', 'xa', 'chua-ghi']);
  assert.ok(labels.kinds.some(([k, l]) => k === 'phu-nu' && l === 'Hội Phụ nữ'));
});

test('the code of the filters no facet counts and of a list without a query is loaded for them only', { skip }, async () => {
  // search.js (and search-recover.js) without search-filters.js beside them: queries and
  // the facet filters answer, a level, kind or year range filter and a list without a
  // query cannot.
  const dir = await mkdtemp(path.join(tmpdir(), 'kheo-search-alone-'));
  try {
    for (const f of ['search.js', 'search-recover.js']) await copyFile(path.join(site, 'assets', f), path.join(dir, f));
    const alone = await import(pathToFileURL(path.join(dir, 'search.js')).href);
    alone.configure({ base: pathToFileURL(path.join(site, 'tim-kiem', 'index') + path.sep).href });
    assert.equal((await alone.search('dan van kheo'))[0].title, 'Dân vận khéo ở xóm biển Năm Căn');
    const facets = await alone.find('dân vận', { province: 'ca-mau' });
    assert.ok(facets.total > 0 && facets.results.length > 0, 'facet filters need no other module');
    assert.equal((await alone.find('xyzzy qqqqq')).total, 0, 'an empty answer needs none either');
    await assert.rejects(alone.find('dân vận', { level: 'tinh' }), 'a level filter needs search-filters.js');
    await assert.rejects(alone.find('', { from: 2016 }), 'so does a list without a query');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // As the build writes it, the module beside search.js: the same calls answer.
  assert.equal((await js.find('dân vận', { level: 'tinh' })).total, 2);
  assert.equal((await js.find('', { from: 2016 })).listing, true);
});
