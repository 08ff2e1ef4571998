// slow-link.mjs: how long the search page takes to show its first results on a slow link,
// in headless Chromium with the link emulated through the DevTools protocol
// (Network.emulateNetworkConditions: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up; the
// cache disabled, so every visit is cold). A built SITE is served here, text gzipped as a
// static host does, over HTTP/1.1 and over HTTP/2. For each query and protocol, two visits:
// - `url`: /tim-kiem/?q=… opened cold; time from navigation start to the first result;
// - `typed`: /tim-kiem/ opened cold and left idle for 3 s, then the query submitted;
//   time from the submission to the first result (what a reader who types waits).
// Prints JSON (milliseconds): per protocol the median of each (`url`, `typed`) and every
// run (`runs`). SLOW_LINK_LOG=1 logs every request to stderr; SLOW_LINK_QUERIES (a JSON
// array) and SLOW_LINK_ROUNDS replace the queries and the number of runs.
// Usage: node scripts/relevance/slow-link.mjs SITE [CHROMIUM]
import { launch, serve, sleep } from './browser.mjs';

const [site, chromium = 'chromium'] = process.argv.slice(2);
if (!site) {
  console.error('usage: node scripts/relevance/slow-link.mjs SITE [CHROMIUM]');
  process.exit(2);
}
const LINK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const QUERIES = process.env.SLOW_LINK_QUERIES ? JSON.parse(process.env.SLOW_LINK_QUERIES) : ['dan van kheo', 'nông thôn mới', 'hòa giải cơ sở', 'UBND'];
const ROUNDS = Number(process.env.SLOW_LINK_ROUNDS || 3);

const log = (msg) => {
  if (!process.env.SLOW_LINK_LOG || !/^Network\.(requestWillBeSent|loadingFinished)$/.test(msg.method)) return;
  const p = msg.params;
  console.error(msg.method.slice(8, 20).padEnd(12), p.timestamp.toFixed(3), p.request ? p.request.url.replace(/^https?:\/\/[^/]+/, '') : p.requestId, p.encodedDataLength || '');
};
const server = await serve(site);
const browser = await launch(chromium, log);

// A fresh page with the slow link, recording when the first result is in it.
async function page() {
  const p = await browser.page();
  await p.call('Network.enable');
  await p.call('Network.setCacheDisabled', { cacheDisabled: true });
  await p.call('Network.emulateNetworkConditions', LINK);
  await p.call('Page.enable');
  await p.call('Page.addScriptToEvaluateOnNewDocument', {
    source: `new MutationObserver((_, o) => { if (document.querySelector('[data-result]')) { window.__first = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });`,
  });
  return p;
}

async function viaUrl(origin, q) {
  const a = await page();
  await a.call('Page.navigate', { url: `${origin}/tim-kiem/?q=${encodeURIComponent(q)}` });
  const ms = await a.until('window.__first');
  await a.close();
  return ms;
}

async function typed(origin, q) {
  const b = await page();
  await b.call('Page.navigate', { url: `${origin}/tim-kiem/` });
  await b.until("document.readyState === 'complete'");
  await sleep(3000);
  const ms = await b.evaluate(`(async () => {
    const input = document.getElementById('q');
    input.value = ${JSON.stringify(q)};
    const t0 = performance.now();
    document.getElementById('search-form').requestSubmit();
    while (!window.__first) await new Promise((ok) => setTimeout(ok, 5));
    return window.__first - t0;
  })()`);
  await b.close();
  return ms;
}

// The median of ROUNDS visits (the machine's other work makes single runs noisy).
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const out = { link: LINK, rounds: ROUNDS };
for (const [protocol, origin] of Object.entries(server.origins)) {
  const url = {};
  const type = {};
  const runs = { url: {}, typed: {} };
  for (const q of QUERIES) {
    const u = [];
    const t = [];
    for (let r = 0; r < ROUNDS; r++) {
      u.push(await viaUrl(origin, q));
      t.push(await typed(origin, q));
    }
    url[q] = Math.round(median(u));
    type[q] = Math.round(median(t));
    runs.url[q] = u.map(Math.round);
    runs.typed[q] = t.map(Math.round);
  }
  out[protocol] = { url, typed: type, runs };
}
console.log(JSON.stringify(out));
await browser.close();
await server.close();
