// slow-link.mjs: how long the search page takes to show its first results on a slow link,
// in headless Chromium with the link emulated through the DevTools protocol
// (Network.emulateNetworkConditions: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up; the
// cache disabled, so every visit is cold). A built SITE is served here, text gzipped as a
// static host does, over HTTP/1.1 and over HTTP/2. For each query and protocol, two visits:
// - `url`: /tim-kiem/?q=… opened cold; time from navigation start to the first result;
// - `typed`: /tim-kiem/ opened cold and left idle for 3 s, then the query submitted;
//   time from the submission to the first result (what a reader who types waits).
// Prints JSON. Usage: node scripts/relevance/slow-link.mjs SITE [CHROMIUM]
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';

const [site, chromium = 'chromium'] = process.argv.slice(2);
if (!site) {
  console.error('usage: node scripts/relevance/slow-link.mjs SITE [CHROMIUM]');
  process.exit(2);
}
const LINK = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const QUERIES = process.env.SLOW_LINK_QUERIES ? JSON.parse(process.env.SLOW_LINK_QUERIES) : ['dan van kheo', 'nông thôn mới', 'hòa giải cơ sở', 'UBND'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.bin': 'application/octet-stream', '.svg': 'image/svg+xml' };

async function handle(req, res) {
  let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (p.endsWith('/')) p += 'index.html';
  try {
    let body = await readFile(path.join(site, path.normalize(p)));
    const type = TYPES[path.extname(p)] || 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-cache' };
    if (/gzip/.test(req.headers['accept-encoding'] || '') && !/image\/(png|jpe?g|webp)/.test(type)) {
      body = gzipSync(body, { level: 6 });
      headers['content-encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  } catch {
    res.writeHead(404).end();
  }
}

// HTTP/1.1 (at most 6 connections a host in Chromium) and HTTP/2 over TLS with a
// throwaway self-signed certificate (every request in flight at once), as static
// hosts serve today.
const profile = await mkdtemp(path.join(tmpdir(), 'kheo-slow-link-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', path.join(profile, 'key.pem'), '-out', path.join(profile, 'cert.pem')], { stdio: 'ignore' });
const h1 = createServer(handle);
const h2 = createSecureServer({ key: await readFile(path.join(profile, 'key.pem')), cert: await readFile(path.join(profile, 'cert.pem')), allowHTTP1: true }, handle);
await new Promise((ok) => h1.listen(0, '127.0.0.1', ok));
await new Promise((ok) => h2.listen(0, '127.0.0.1', ok));
const origins = { 'http/1.1': `http://127.0.0.1:${h1.address().port}`, h2: `https://127.0.0.1:${h2.address().port}` };

// Chromium over --remote-debugging-pipe: commands on fd 3, replies on fd 4, NUL-ended JSON.
const browser = spawn(
  chromium,
  ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(profile, 'chromium')}`, '--ignore-certificate-errors', '--remote-debugging-pipe', 'about:blank'],
  { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
);
let nextId = 1;
const waiting = new Map();
let buffer = '';
browser.stdio[4].on('data', (chunk) => {
  buffer += chunk.toString('utf8');
  let end;
  while ((end = buffer.indexOf('\0')) >= 0) {
    const msg = JSON.parse(buffer.slice(0, end));
    buffer = buffer.slice(end + 1);
    if (process.env.SLOW_LINK_LOG && msg.method && /^Network\.(requestWillBeSent|loadingFinished|responseReceived)$/.test(msg.method)) {
      const p = msg.params;
      console.error(msg.method.slice(8, 20).padEnd(12), p.timestamp.toFixed(3), p.request ? p.request.url.replace(/^http:\/\/[^/]+/, '') : p.requestId, p.encodedDataLength || '');
    }
    const w = msg.id && waiting.get(msg.id);
    if (w) {
      waiting.delete(msg.id);
      if (msg.error) w.reject(new Error(JSON.stringify(msg.error)));
      else w.resolve(msg.result);
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  browser.stdio[3].write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
}
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// A fresh page (its own cache and connections) with the slow link.
async function page() {
  const { browserContextId } = await send('Target.createBrowserContext');
  const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const call = (m, p) => send(m, p, sessionId);
  await call('Network.enable');
  await call('Network.setCacheDisabled', { cacheDisabled: true });
  await call('Network.emulateNetworkConditions', LINK);
  await call('Page.enable');
  // The time (performance.now(), from navigation start) the first result is in the page.
  await call('Page.addScriptToEvaluateOnNewDocument', {
    source: `new MutationObserver((_, o) => { if (document.querySelector('[data-result]')) { window.__first = performance.now(); o.disconnect(); } }).observe(document, { childList: true, subtree: true });`,
  });
  const evaluate = async (expression) => (await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true })).result.value;
  const until = async (expression, limit = 60000) => {
    for (const start = Date.now(); Date.now() - start < limit; await sleep(20)) {
      const v = await evaluate(expression).catch(() => null);
      if (v) return v;
    }
    throw new Error(`timed out: ${expression}`);
  };
  const close = () => send('Target.disposeBrowserContext', { browserContextId });
  return { call, evaluate, until, close };
}

const out = { link: LINK };
for (const [protocol, origin] of Object.entries(origins)) {
  const url = {};
  const typed = {};
  for (const q of QUERIES) {
    const a = await page();
    await a.call('Page.navigate', { url: `${origin}/tim-kiem/?q=${encodeURIComponent(q)}` });
    url[q] = Math.round(await a.until('window.__first'));
    await a.close();
    const b = await page();
    await b.call('Page.navigate', { url: `${origin}/tim-kiem/` });
    await b.until("document.readyState === 'complete'");
    await sleep(3000);
    typed[q] = Math.round(
      await b.evaluate(`(async () => {
        const input = document.getElementById('q');
        input.value = ${JSON.stringify(q)};
        const t0 = performance.now();
        document.getElementById('search-form').requestSubmit();
        while (!window.__first) await new Promise((ok) => setTimeout(ok, 5));
        return window.__first - t0;
      })()`),
    );
    await b.close();
  }
  out[protocol] = { url, typed };
}
console.log(JSON.stringify(out));
const exited = new Promise((ok) => browser.on('exit', ok));
browser.kill();
await exited;
h1.close();
h2.close();
await rm(profile, { recursive: true, force: true }).catch(() => {});
