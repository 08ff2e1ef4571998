#!/usr/bin/env bash
# bench-search.sh: benchmarks kheo's client-side search on generated corpora and writes
# the "Search" section of BENCHMARKS-search.md: full `kheo build` time and memory, the
# index build alone (search::build), index size and file count, bytes a first query
# downloads (gzipped, JS included) and query latency in headless Chromium.
# With the relevance evaluation of scripts/relevance/ (precision@10, recall, queries
# answered with nothing, by category), for this build and, if KHEO_BASELINE names
# another kheo binary, for that one on the same corpus; if PAGEFIND names a pagefind
# binary (e.g. from `npm install --no-save pagefind` in a temporary folder), for Pagefind
# on the same pages (the model pages of the built site), with its first-query bytes.
# With Chromium, the time to first results on an emulated slow link
# (scripts/relevance/slow-link.mjs).
# Usage: [KHEO_BASELINE=path/to/kheo] [PAGEFIND=path/to/pagefind] scripts/bench-search.sh [SIZES...]
#        (default sizes: 1000 10000 50000)
set -euo pipefail

cd "$(dirname "$0")/.."
repo=$(pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 50000)
work=${BENCH_DIR:-${TMPDIR:-/tmp}/kheo-bench-search}
gen=${KHEO_CORPUS_GEN:-$repo/scripts/corpus_gen.py}
out_md="$repo/BENCHMARKS-search.md"
chromium=${KHEO_CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}
mkdir -p "$work"

need() { command -v "$1" >/dev/null || { echo "bench-search: $1 is required" >&2; exit 2; }; }
need python3
need node
[ -f "$gen" ] || { echo "bench-search: corpus generator not found at $gen (set KHEO_CORPUS_GEN)" >&2; exit 2; }

echo "building kheo (release)…" >&2
cargo build --release --quiet
kheo="$repo/target/release/kheo"

# The bytes a first query downloads, gzipped, and the index's totals, measured in node.
cat >"$work/bytes.mjs" <<'JS'
import { readFile, readdir, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
const site = process.argv[2];
const gz = (b) => gzipSync(b, { level: 6 }).length;
const js = ['search.js', 'search-page.js'];
let jsGz = 0;
for (const f of js) jsGz += gz(await readFile(path.join(site, 'assets', f)));
async function walk(dir) {
  let files = 0, bytes = 0, gzBytes = 0;
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) { const s = await walk(p); files += s.files; bytes += s.bytes; gzBytes += s.gzBytes; }
    else { const b = await readFile(p); files++; bytes += b.length; gzBytes += gz(b); }
  }
  return { files, bytes, gzBytes };
}
const index = await walk(path.join(site, 'tim-kiem', 'index'));
const first = {};
for (const q of ['dan van kheo', 'dân vận khéo', 'nông thôn mới', 'UBND']) {
  // A fresh module instance per query: nothing cached, as on a first visit.
  const mod = await import(pathToFileURL(path.join(site, 'assets', 'search.js')).href + '?q=' + encodeURIComponent(q));
  let bytes = 0;
  mod.configure({ load: async (url) => { const b = await readFile(url); bytes += gz(b); return b; } });
  const res = await mod.find(q, { limit: 10 });
  first[q] = { gz: bytes + jsGz, total: res.total };
}
console.log(JSON.stringify({ jsGz, index, first }));
JS

# Query latency in Chromium, in real time: a page on the same origin imports
# /assets/search.js, times queries with performance.now() and POSTs the numbers to the
# server below; an image that the server answers only then keeps the page loading, so
# --dump-dom (without virtual time, which would hide waiting) returns after the run.
mkdir -p "$work/harness"
cat >"$work/harness/latency.html" <<'HTML'
<!doctype html><meta charset="utf-8">
<script type="module">
let result;
try {
  const t0 = performance.now();
  const js = await import('/assets/search.js');
  const first = await js.find('dan van kheo', { limit: 10 });
  const cold = performance.now() - t0;
  const queries = ['nông thôn mới', 'da nang', 'camera an ninh', 'hòa', 'dân vận khéo', 'tổ hòa giải', 'zalo an ninh trật tự'];
  const fresh = [];
  for (const q of queries) { const t = performance.now(); await js.find(q, { limit: 10 }); fresh.push(performance.now() - t); }
  const again = [];
  for (let i = 0; i < 3; i++) for (const q of queries) { const t = performance.now(); await js.find(q, { limit: 10 }); again.push(performance.now() - t); }
  const median = (a) => { const s = [...a].sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
  result = { cold, firstNew: median(fresh), warm: median(again), total: first.total };
} catch (e) { result = { error: String(e) }; }
await fetch('/__bench__/result', { method: 'POST', body: JSON.stringify(result) });
</script>
<img src="/__bench__/wait" alt="">
HTML
cat >"$work/serve.py" <<'PY'
import http.server, sys, threading
done = threading.Event()
class H(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        print(body.decode(), flush=True)
        self.send_response(204); self.end_headers(); done.set()
    def do_GET(self):
        if self.path.startswith('/__bench__/wait'):
            done.wait(120)
            self.send_response(404); self.end_headers(); return
        super().do_GET()
http.server.ThreadingHTTPServer.allow_reuse_address = True
srv = http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H)
print('ready', flush=True)
threading.Thread(target=srv.serve_forever, daemon=True).start()
done.wait(150)
srv.shutdown()
PY

latency() { # site dir -> JSON
  local site=$1 port pid
  [ -n "$chromium" ] || { echo '{"error":"chromium not found"}'; return; }
  rm -rf "$site/__bench__" && cp -r "$work/harness" "$site/__bench__"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "$site" && exec python3 "$work/serve.py" "$port") >"$work/latency.out" &
  pid=$!
  until grep -q ready "$work/latency.out" 2>/dev/null; do sleep 0.2; done
  "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/chromium-profile" \
    --dump-dom "http://127.0.0.1:$port/__bench__/latency.html" >/dev/null 2>&1 || true
  wait "$pid" 2>/dev/null || true
  grep -v '^ready$' "$work/latency.out" | head -n 1
  rm -rf "$site/__bench__" "$work/chromium-profile"
}

rows=()
relevance=()
slow=()
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  if [ ! -f "$corpus/.done" ]; then
    echo "generating $n articles…" >&2
    rm -rf "$corpus"
    python3 "$gen" --n "$n" --out "$corpus" --format native ${KHEO_SEEDS:+--seeds-dir "$KHEO_SEEDS"} >&2
    printf 'title: Dân vận khéo (bench %s)\nbase_url: http://localhost/\n' "$n" >"$corpus/site.yaml"
    touch "$corpus/.done"
  fi
  site="$work/public-$n"
  echo "kheo build, $n articles…" >&2
  /usr/bin/time -f '%e %M' -o "$work/time-$n" "$kheo" build --root "$corpus" --out "$site" >/dev/null 2>"$work/build-$n.log" ||
    { cat "$work/build-$n.log" >&2; exit 1; }
  read -r build_s build_kb <"$work/time-$n"
  echo "index alone, $n articles…" >&2
  bench=$(KHEO_BENCH_CORPUS="$corpus" cargo test --release --quiet --test it -- --ignored --exact \
    search::bench_index_build --nocapture 2>/dev/null | grep '^BENCH' || true)
  index_ms=$(sed -n 's/.*index_build_ms=\([0-9]*\).*/\1/p' <<<"$bench")
  index_peak=$(sed -n 's/.*rss_peak_kb=\([0-9]*\).*/\1/p' <<<"$bench")
  index_before=$(sed -n 's/.*rss_before_kb=\([0-9]*\).*/\1/p' <<<"$bench")
  echo "bytes and latency, $n articles…" >&2
  bytes=$(node "$work/bytes.mjs" "$site")
  lat=$(latency "$site")
  echo "relevance, $n articles…" >&2
  relevance+=("$n" "$(node scripts/relevance/eval.mjs "$corpus" "$site")")
  if [ -n "$chromium" ]; then
    echo "slow link, $n articles…" >&2
    slow+=("$n" "$(node scripts/relevance/slow-link.mjs "$site" "$chromium")")
  fi
  if [ -n "${PAGEFIND:-}" ] && [ -n "$chromium" ]; then
    echo "Pagefind, $n articles…" >&2
    rm -rf "$work/pagefind-$n" && cp -r "$site" "$work/pagefind-$n"
    "$PAGEFIND" --site "$work/pagefind-$n" --glob 'mo-hinh/**/*.html' >"$work/pagefind-$n.log" 2>&1
    relevance+=("$n Pagefind $("$PAGEFIND" --version | sed 's/^pagefind //')" "$(node scripts/relevance/eval.mjs "$corpus" "$work/pagefind-$n" pagefind "$chromium")")
    relevance+=("$n Pagefind firstbytes" "$(node scripts/relevance/pagefind-bytes.mjs "$work/pagefind-$n" "$chromium")")
    relevance+=("$n kheo firstbytes" "$(node scripts/relevance/bytes.mjs "$site")")
  fi
  if [ -n "${KHEO_BASELINE:-}" ]; then
    "$KHEO_BASELINE" build --root "$corpus" --out "$work/baseline-$n" >/dev/null 2>&1
    relevance+=("$n (baseline)" "$(node scripts/relevance/eval.mjs "$corpus" "$work/baseline-$n")")
    base_bytes=$(node scripts/relevance/bytes.mjs "$work/baseline-$n")
    new_bytes=$(node scripts/relevance/bytes.mjs "$site")
    base_lat=$(latency "$work/baseline-$n")
    relevance+=("$n bytes" "{\"baseline\": $base_bytes, \"this\": $new_bytes, \"baselineLatency\": ${base_lat:-null}, \"latency\": ${lat:-null}}")
  fi
  rows+=("$(python3 - "$n" "$build_s" "$build_kb" "${index_ms:-0}" "${index_before:-0}" "${index_peak:-0}" "$bytes" "$lat" <<'PY'
import json, sys
n, build_s, build_kb, index_ms, before, peak, b, lat = sys.argv[1:]
b = json.loads(b); lat = json.loads(lat or '{}')
kb = lambda x: f"{x / 1024:.0f} KB"
mb = lambda x: f"{x / 1048576:.1f} MB"
first = b["first"]
ms = lambda k: f'{lat[k]:.0f} ms' if k in lat else 'n/a'
print(" | ".join([
    f"{int(n):,}", f"{float(build_s):.1f} s / {int(build_kb) / 1024:.0f} MB",
    f"{int(index_ms) / 1000:.1f} s / +{(int(peak) - int(before)) / 1024:.0f} MB",
    f'{mb(b["index"]["bytes"])} ({mb(b["index"]["gzBytes"])} gz)', f'{b["index"]["files"]:,}',
    kb(first["dan van kheo"]["gz"]), kb(first["dân vận khéo"]["gz"]), kb(first["nông thôn mới"]["gz"]), kb(first["UBND"]["gz"]),
    ms("cold"), ms("firstNew"), ms("warm"),
]))
PY
)")
done

{
  echo "# Benchmarks: search"
  echo
  echo "## Search"
  echo
  echo "Made by \`scripts/bench-search.sh\` on $(date -u +%Y-%m-%d), $(nproc) CPU(s), $(uname -m); corpora from"
  echo "\`scripts/corpus_gen.py --format native\` (about 1,200 words an article). Sizes in KB/MB of 1024."
  echo
  echo "| articles | \`kheo build\` (time / peak RSS) | index alone (time / extra RSS) | index size | index files | first query \"dan van kheo\" | first \"dân vận khéo\" | first \"nông thôn mới\" | first \"UBND\" | Chromium: first query, cold | new query | repeated query |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for r in "${rows[@]}"; do echo "| $r |"; done
  echo
  echo "- *first query*: every byte a first visit downloads for that query, gzipped: \`search.js\`,"
  echo "  \`search-page.js\`, the manifest, word blocks, pair shards, packs and the metadata of the 10"
  echo "  results shown (measured in node with a counting loader; a server sending gzip sends about this)."
  echo "- *Chromium*: real time (performance.now) in headless Chromium, files from a local Python"
  echo "  server; *cold*: import of search.js, manifest and a first query; *new query*: median of 7"
  echo "  other queries, each fetching its own files; *repeated*: median of the same queries again."
  echo "- *index alone*: \`search::build\` on the loaded corpus, timed in-process by the ignored test"
  echo "  \`search::bench_index_build\`; \`kheo build\` runs it beside page rendering."
  echo
  echo "## Relevance"
  echo
  echo "By \`scripts/relevance/eval.mjs\` on the same corpora: the queries of"
  echo "\`scripts/relevance/queries.json\`, each with a rule over the stories' own text (a tag, the"
  echo "field, the province, or phrases the title, summary, tags or body contain) saying which"
  echo "stories are relevant. *P@10*: relevant stories among the first 10 results (out of"
  echo "min(10, relevant)); *recall*: relevant stories among the first 1,000 results, out of min(1,000, relevant); *zero*:"
  echo "queries answered with nothing though a relevant story exists. Means over each category."
  python3 - "${relevance[@]}" <<'PY'
import json, sys
args = sys.argv[1:]
evals = [(args[i], json.loads(args[i + 1])) for i in range(0, len(args), 2)]
runs = [(k, v) for k, v in evals if not k.endswith(' bytes') and not k.endswith(' firstbytes')]
if runs:
    cats = list(runs[0][1]['categories'])
    print()
    print('| category (queries) | ' + ' | '.join(f'{k}: P@10 / recall / zero' for k, _ in runs) + ' |')
    print('|---|' + '---:|' * len(runs))
    for c in cats + ['all']:
        n = runs[0][1]['categories'][c]['queries'] if c != 'all' else runs[0][1]['all']['queries']
        cells = []
        for _, v in runs:
            x = v['categories'][c] if c != 'all' else v['all']
            cells.append(f"{x['precision10']:.2f} / {x['recall']:.2f} / {x['zero']}")
        print(f'| {c} ({n}) | ' + ' | '.join(cells) + ' |')
first = {k[:-len(' firstbytes')]: v for k, v in evals if k.endswith(' firstbytes')}
for n in sorted({k.split(' ')[0] for k in first}, key=int):
    kheo, pf = first.get(f'{n} kheo'), first.get(f'{n} Pagefind')
    if not (kheo and pf):
        continue
    print()
    print(f'First-query bytes at {int(n):,} articles, kheo → Pagefind (gzipped; Pagefind in Chromium, its already')
    print('compressed index files as sent):')
    print()
    for q in kheo['first']:
        a, b = kheo['first'][q], pf['first'].get(q)
        print(f"- `{q}`: {a['kb']} KB ({a['total']} results) → " + (f"{b['kb']} KB ({b['total']} results)" if b else 'n/a'))
for k, v in evals:
    if not k.endswith(' bytes'):
        continue
    print()
    print(f'First-query bytes (gzipped) at {k[:-6]} articles, baseline → this build:')
    print()
    for q in v['this']['first']:
        b, t = v['baseline']['first'].get(q), v['this']['first'][q]
        before = f"{b['kb']} KB ({b['total']} results)" if b else 'n/a'
        print(f"- `{q}`: {before} → {t['kb']} KB ({t['total']} results)")
    bl, tl = v.get('baselineLatency') or {}, v.get('latency') or {}
    if 'cold' in bl and 'cold' in tl:
        print()
        print('Chromium, baseline → this build: ' + ', '.join(
            f"{name} {bl[k]:.0f} → {tl[k]:.0f} ms" for name, k in
            [('first query, cold', 'cold'), ('new query', 'firstNew'), ('repeated', 'warm')]))
PY
  if [ ${#slow[@]} -gt 0 ]; then
    echo
    echo "## Slow link"
    echo
    echo "By \`scripts/relevance/slow-link.mjs\`: the search page in headless Chromium, the link emulated"
    echo "with the DevTools protocol (\`Network.emulateNetworkConditions\`: 150 ms latency, 1.6 Mbit/s"
    echo "down, 750 kbit/s up, cache disabled), the site served gzipped over HTTP/1.1 and HTTP/2;"
    echo "milliseconds to the first result on screen, median of 3. *typed*: the page opened and idle,"
    echo "then the query submitted (what a reader who types waits); *link*: \`/tim-kiem/?q=…\` opened"
    echo "cold (page, styles and scripts included)."
    python3 - "${slow[@]}" <<'PY'
import json, sys
args = sys.argv[1:]
runs = [(args[i], json.loads(args[i + 1])) for i in range(0, len(args), 2)]
qs = list(runs[0][1]['http/1.1']['typed'])
print()
print('| articles | protocol | ' + ' | '.join(f'`{q}` typed / link' for q in qs) + ' |')
print('|---:|---|' + '---:|' * len(qs))
for n, v in runs:
    for proto in ['http/1.1', 'h2']:
        r = v[proto]
        print(f'| {int(n):,} | {proto} | ' + ' | '.join(f"{r['typed'][q]} / {r['url'][q]} ms" for q in qs) + ' |')
if all('runs' in v[p] for _, v in runs for p in ['http/1.1', 'h2']):
    print()
    print('Every run, typed / link (ms):')
    print()
    for n, v in runs:
        for proto in ['http/1.1', 'h2']:
            r = v[proto]['runs']
            print(f'- {int(n):,}, {proto}: ' + '; '.join(
                f"`{q}` {', '.join(map(str, r['typed'][q]))} / {', '.join(map(str, r['url'][q]))}" for q in qs))
PY
  fi
} >"$out_md"
echo "wrote $out_md" >&2
