// bytes.mjs: gzipped bytes a first query downloads from a built SITE, as
// scripts/bench-search.sh measures them (search.js and search-page.js, manifest, word
// blocks, pair shards, packs, metadata of the 10 results shown), for a few queries;
// search-recover.js (loaded only when a word matches nothing) is counted when loaded.
// Usage: node scripts/relevance/bytes.mjs SITE
import { readFile, access } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const site = process.argv[2];
const gz = (b) => gzipSync(b, { level: 6 }).length;
let jsGz = 0;
for (const f of ['search.js', 'search-page.js']) jsGz += gz(await readFile(path.join(site, 'assets', f)));
const recover = path.join(site, 'assets', 'search-recover.js');
const recoverGz = await access(recover).then(() => readFile(recover).then(gz), () => 0);
const out = { jsGz, recoverGz, first: {} };
for (const q of ['dan van kheo', 'dân vận khéo', 'nông thôn mới', 'kĩ thuật', 'UBND', 'daan vaajn kheos']) {
  // A fresh module instance per query: nothing cached, as on a first visit.
  const mod = await import(pathToFileURL(path.join(site, 'assets', 'search.js')).href + '?q=' + encodeURIComponent(q));
  let bytes = 0;
  mod.configure({ load: async (url) => { const b = await readFile(url); bytes += gz(b); return b; } });
  const t = performance.now();
  const res = await mod.find(q, { limit: 10 });
  const ms = performance.now() - t;
  const read = (res.read || []).length > 0;
  out.first[q] = { kb: +((bytes + jsGz + (read ? recoverGz : 0)) / 1024).toFixed(1), total: res.total, ms: +ms.toFixed(1) };
}
console.log(JSON.stringify(out));
