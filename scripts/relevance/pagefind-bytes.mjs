// pagefind-bytes.mjs: gzipped bytes a first query downloads from Pagefind's index of a
// built SITE (`pagefind --site SITE`), for the queries scripts/relevance/bytes.mjs
// measures for kheo: everything under /pagefind/ that a fresh page fetches to import
// pagefind.js, run the query and read the 10 results shown (their fragments), counted
// by the local server (./browser.mjs) as it sends them. Prints JSON.
// Usage: node scripts/relevance/pagefind-bytes.mjs SITE [CHROMIUM]
import { gzipSync } from 'node:zlib';
import { launch, serve } from './browser.mjs';

const [site, chromium = 'chromium'] = process.argv.slice(2);
if (!site) {
  console.error('usage: node scripts/relevance/pagefind-bytes.mjs SITE [CHROMIUM]');
  process.exit(2);
}
let bytes = 0;
const server = await serve(site, (p, body) => {
  if (p.startsWith('/pagefind/')) bytes += /\.(js|json|css)$/.test(p) ? gzipSync(body, { level: 6 }).length : body.length;
});
const browser = await launch(chromium);
const origin = server.origins['http/1.1'];
const out = { first: {} };
for (const q of ['dan van kheo', 'dân vận khéo', 'nông thôn mới', 'kĩ thuật', 'UBND', 'daan vaajn kheos']) {
  const page = await browser.page();
  await page.call('Network.enable');
  await page.call('Network.setCacheDisabled', { cacheDisabled: true });
  await page.call('Page.navigate', { url: `${origin}/` });
  await page.until("document.readyState === 'complete'");
  bytes = 0;
  const total = await page.evaluate(`(async () => {
    const pf = await import('/pagefind/pagefind.js');
    await pf.init();
    const r = await pf.search(${JSON.stringify(q)});
    await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    return r.results.length;
  })()`);
  out.first[q] = { kb: +(bytes / 1024).toFixed(1), total };
  await page.close();
}
console.log(JSON.stringify(out));
await browser.close();
await server.close();
