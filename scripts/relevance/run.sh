#!/usr/bin/env bash
# run.sh: the relevance evaluation and first-query bytes of kheo's search on a corpus of
# N generated stories (scripts/corpus_gen.py), built with KHEO (default: a release build
# of this checkout). Prints eval.mjs's JSON, then bytes.mjs's; with PAGEFIND (a pagefind
# binary, e.g. from `npm install --no-save pagefind` in a temporary folder) and Chromium,
# then the same for Pagefind over the model pages of the same site.
# Usage: [PAGEFIND=path/to/pagefind] scripts/relevance/run.sh [N] [KHEO]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
kheo=${2:-}
if [ -z "$kheo" ]; then
  cargo build --release --quiet
  kheo=$(pwd)/target/release/kheo
fi
work=${RELEVANCE_DIR:-${TMPDIR:-/tmp}/kheo-relevance-$n}
rm -rf "$work/site"
[ -d "$work/corpus/content" ] || python3 scripts/corpus_gen.py --n "$n" --out "$work/corpus" --format native >/dev/null
printf 'title: Relevance\nbase_url: http://localhost/\n' >"$work/corpus/site.yaml"
(cd "$work/corpus" && "$kheo" build --out "$work/site" >/dev/null 2>"$work/build.log") || { cat "$work/build.log" >&2; exit 1; }
node scripts/relevance/eval.mjs "$work/corpus" "$work/site"
node scripts/relevance/bytes.mjs "$work/site"
if [ -n "${PAGEFIND:-}" ]; then
  rm -rf "$work/pagefind" && cp -r "$work/site" "$work/pagefind"
  "$PAGEFIND" --site "$work/pagefind" --glob 'mo-hinh/**/*.html' >"$work/pagefind.log" 2>&1
  node scripts/relevance/eval.mjs "$work/corpus" "$work/pagefind" pagefind "${KHEO_CHROMIUM:-chromium}"
  node scripts/relevance/pagefind-bytes.mjs "$work/pagefind" "${KHEO_CHROMIUM:-chromium}"
fi
