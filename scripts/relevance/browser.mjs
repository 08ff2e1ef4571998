// browser.mjs: what the relevance scripts need of a browser (module, not a script): a
// static server for a built site (text gzipped, as a static host does; HTTP/1.1, and
// HTTP/2 over TLS with a throwaway self-signed certificate) and headless Chromium driven
// over --remote-debugging-pipe (commands on fd 3, replies on fd 4, NUL-ended JSON).
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createSecureServer } from 'node:http2';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/**
 * Serves `site` on 127.0.0.1; `{ origins: { 'http/1.1', h2 }, close() }`. `onRequest`
 * (optional) sees each path served.
 */
export async function serve(site, onRequest = () => {}) {
  const work = await mkdtemp(path.join(tmpdir(), 'kheo-serve-'));
  const handle = async (req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.endsWith('/')) p += 'index.html';
    try {
      let body = await readFile(path.join(site, path.normalize(p)));
      onRequest(p, body);
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
  };
  const key = path.join(work, 'key.pem');
  const cert = path.join(work, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const h1 = createServer(handle);
  const h2 = createSecureServer({ key: await readFile(key), cert: await readFile(cert), allowHTTP1: true }, handle);
  await new Promise((ok) => h1.listen(0, '127.0.0.1', ok));
  await new Promise((ok) => h2.listen(0, '127.0.0.1', ok));
  return {
    origins: { 'http/1.1': `http://127.0.0.1:${h1.address().port}`, h2: `https://127.0.0.1:${h2.address().port}` },
    close: async () => {
      h1.close();
      h2.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Starts headless Chromium: `{ page(), close() }`; `page()` opens a fresh page in a
 * context of its own (cache, connections): `{ call(method, params), evaluate(js),
 * until(js), close() }`. `onEvent(msg)` sees every protocol event.
 */
export async function launch(chromium = 'chromium', onEvent = () => {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'kheo-chromium-'));
  const browser = spawn(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--ignore-certificate-errors', '--remote-debugging-pipe', 'about:blank'],
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
      if (msg.method) onEvent(msg);
      const w = msg.id && waiting.get(msg.id);
      if (w) {
        waiting.delete(msg.id);
        if (msg.error) w.reject(new Error(JSON.stringify(msg.error)));
        else w.resolve(msg.result);
      }
    }
  });
  const send = (method, params = {}, sessionId) => {
    const id = nextId++;
    browser.stdio[3].write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0');
    return new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
  };
  const page = async () => {
    const { browserContextId } = await send('Target.createBrowserContext');
    const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const call = (m, p) => send(m, p, sessionId);
    const evaluate = async (expression) => {
      const r = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
      return r.result.value;
    };
    const until = async (expression, limit = 60000) => {
      for (const start = Date.now(); Date.now() - start < limit; await sleep(20)) {
        const v = await evaluate(expression).catch(() => null);
        if (v) return v;
      }
      throw new Error(`timed out: ${expression}`);
    };
    const close = () => send('Target.disposeBrowserContext', { browserContextId });
    return { call, evaluate, until, close };
  };
  const close = async () => {
    const exited = new Promise((ok) => browser.on('exit', ok));
    browser.kill();
    await exited;
    await rm(profile, { recursive: true, force: true }).catch(() => {});
  };
  return { page, close };
}
