// eval.mjs: relevance of kheo's search on a generated corpus. Reads the stories of
// CORPUS/content (scripts/corpus_gen.py --format native), decides which are relevant to
// each query of queries.json by its rule, runs the query through the search.js of a
// built SITE (node, files read from disk) and prints JSON: per category precision@10,
// recall@1000 (relevant stories in the first 1,000 results / min(relevant, 1,000)) and
// queries answered with nothing, plus the same per query.
// With `pagefind` as ENGINE, the queries go instead to the Pagefind index of SITE (made by
// `pagefind --site SITE`), run in headless Chromium (./browser.mjs), on the same rules.
// Usage: node scripts/relevance/eval.mjs CORPUS SITE [ENGINE] [CHROMIUM]
import { readFile, readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [corpus, site, engine = 'kheo', chromium = 'chromium'] = process.argv.slice(2);
if (!corpus || !site) {
  console.error('usage: node scripts/relevance/eval.mjs CORPUS SITE');
  process.exit(2);
}
const fold = (s) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ');

// src/vietnamese.rs slugify: folded, a-z0-9 kept, other runs one hyphen.
const slugify = (s) => fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

async function* walk(dir) {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.name.endsWith('.md')) yield p;
  }
}

// The front matter keys the rules need and the body, from the generator's plain YAML.
function story(source) {
  const end = source.indexOf('\n---\n', 4);
  const front = source.slice(4, end);
  const value = (k) => {
    const m = new RegExp(`^${k}: (.*)$`, 'm').exec(front);
    return m ? m[1].replace(/^"|"$/g, '') : '';
  };
  const tags = [...front.matchAll(/^ {2}- "?(.*?)"?$/gm)].map((m) => m[1]);
  const slug = value('slug') || slugify(value('title'));
  return {
    url: `/mo-hinh/${slug}/`,
    field: value('field'),
    province: value('province'),
    tags: tags.map(fold),
    text: fold([value('title'), value('summary'), tags.join(' '), source.slice(end + 5)].join(' ')),
  };
}

function relevant(s, rule) {
  if (rule.tag) return s.tags.includes(fold(rule.tag));
  if (rule.field) return s.field === rule.field;
  if (rule.province) return fold(s.province) === fold(rule.province);
  if (rule.text) return rule.text.some((t) => s.text.includes(fold(t)));
  return false;
}

const stories = [];
for await (const p of walk(path.join(corpus, 'content'))) stories.push(story(await readFile(p, 'utf8')));
const { queries } = JSON.parse(await readFile(new URL('./queries.json', import.meta.url), 'utf8'));
const DEPTH = 1000;
const engines = { kheo: kheoEngine, pagefind: pagefindEngine };
if (!engines[engine]) {
  console.error(`unknown engine ${engine}: kheo or pagefind`);
  process.exit(2);
}
const { search, close } = await engines[engine]();

// kheo: the site's own search.js in node, files read from disk.
async function kheoEngine() {
  const js = await import(pathToFileURL(path.join(site, 'assets', 'search.js')).href);
  const base = new URL('../', pathToFileURL(path.join(site, 'index.html'))).pathname;
  const search = async (q) => (await js.search(q, { limit: DEPTH })).map((r) => r.url.replace(base, '/'));
  return { search, close: async () => {} };
}

// Pagefind: its pagefind.js in Chromium, the site served locally; a result's URL is in
// its fragment (one request each, for the first DEPTH).
async function pagefindEngine() {
  const { launch, serve } = await import('./browser.mjs');
  const server = await serve(site);
  const browser = await launch(chromium);
  const page = await browser.page();
  const origin = server.origins['http/1.1'];
  await page.call('Page.navigate', { url: `${origin}/` });
  await page.until("document.readyState === 'complete'");
  await page.evaluate("(async () => { window.pf = await import('/pagefind/pagefind.js'); await pf.init(); return true; })()");
  const search = async (q) => {
    const expr = `(async () => { const r = await pf.search(${JSON.stringify(q)}); const d = await Promise.all(r.results.slice(0, ${DEPTH}).map((x) => x.data())); return d.map((x) => x.url); })()`;
    return (await page.evaluate(expr)) || [];
  };
  const close = async () => {
    await browser.close();
    await server.close();
  };
  return { search, close };
}

const perQuery = [];
for (const { category, q, rule } of queries) {
  const want = new Set(stories.filter((s) => relevant(s, rule)).map((s) => s.url));
  const got = await search(q);
  const top = got.slice(0, 10);
  const hits = top.filter((u) => want.has(u)).length;
  const found = got.filter((u) => want.has(u)).length;
  perQuery.push({
    category,
    q,
    relevant: want.size,
    results: got.length,
    precision10: top.length === 0 ? 0 : hits / Math.min(10, want.size || 10),
    recall: want.size === 0 ? 1 : found / Math.min(want.size, DEPTH),
  });
}
const categories = {};
for (const r of perQuery) {
  const c = (categories[r.category] ??= { queries: 0, precision10: 0, recall: 0, zero: 0 });
  c.queries++;
  c.precision10 += r.precision10;
  c.recall += r.recall;
  if (r.results === 0 && r.relevant > 0) c.zero++;
}
const all = { queries: 0, precision10: 0, recall: 0, zero: 0 };
for (const c of Object.values(categories)) {
  all.queries += c.queries;
  all.precision10 += c.precision10;
  all.recall += c.recall;
  all.zero += c.zero;
  c.precision10 /= c.queries;
  c.recall /= c.queries;
}
all.precision10 /= all.queries;
all.recall /= all.queries;
await close();
console.log(JSON.stringify({ engine, stories: stories.length, categories, all, perQuery }, null, 1));
