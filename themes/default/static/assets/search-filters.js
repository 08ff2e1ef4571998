// search-filters.js: what search.js needs only for the filters no facet counts (level of
// recognition, kind of organisation, year range) and for a list without a query (an
// empty query with filters, newest first): loaded on demand, so a query without them
// never downloads it. No imports: search.js hands in what it needs of the open index
// (`fx`, its `filterApi`).

const has = (v) => v !== undefined && v !== null && v !== '';

/**
 * The filter of `level`, `kind` (both read from the index's `a.json`) and the year range
 * `from`..`to` (inclusive), as `(document, its facet group) -> bool`; null without any.
 */
export async function restFilter(fx, { level, kind, from, to }) {
  if (![level, kind, from, to].some(has)) return null;
  const a = has(level) || has(kind) ? await fx.attributes() : null;
  const code = (table, key) => {
    const i = table.findIndex((t) => t[0] === key);
    return i < 0 ? '' : String.fromCharCode(48 + i);
  };
  const lv = has(level) ? code(a.levels, String(level)) : null;
  const kd = has(kind) ? code(a.kinds, String(kind)) : null;
  const lo = has(from) ? Number(from) : -Infinity;
  const hi = has(to) ? Number(to) : Infinity;
  return (d, g) => (lv === null || a.level[d] === lv) && (kd === null || a.kind[d] === kd) && g.year >= lo && g.year <= hi;
}

/** An empty query with filters: every document they select, newest first (`find`'s answer). */
export async function list(fx, options) {
  const [{ hits, facets }, newest] = await Promise.all([fx.filterHits(options, () => true), fx.json('n.json')]);
  const rank = new Uint32Array(fx.docs);
  newest.forEach((d, i) => {
    rank[d] = i;
  });
  hits.sort((x, y) => rank[x] - rank[y]);
  const limit = options.limit ?? 10;
  const offset = options.offset ?? 0;
  const info = { total: hits.length, facets, suggestions: [], words: [], dropped: [], read: [], listing: true };
  const results = await fx.inOrder(
    hits.slice(offset, offset + limit).map((d) => fx.result(d)),
    options.progress && ((prefix) => options.progress({ ...info, results: prefix })),
  );
  return { ...info, results };
}
