// search-page.js: the behaviour of /tim-kiem/ (markup in templates/search.html). Runs
// queries through ./search.js as the reader types (debounced), renders results, facet
// filters with live counts and the empty state, and keeps the query and filters in the
// URL (?q=&tinh=&linh-vuc=&nam=&cap=&tu=&den=&don-vi=) so a search can be shared and the
// back button works. An empty query with a filter lists what the filter selects (the
// statistics page links its numbers there), and says in words what it is filtered by.

// The manifest is fetched while search.js loads (one round trip less on a slow link).
const manifest = fetch(new URL('../tim-kiem/index/manifest.json', import.meta.url), { cache: 'no-cache' }).then((r) =>
  r.ok ? r.arrayBuffer() : Promise.reject(new Error(`search index: ${r.status}`)),
);
manifest.catch(() => {});
const { configure, filterLabels, find, lazy, warm } = await import('./search.js');
configure({ manifest });

const DEBOUNCE_MS = 150;
const PAGE = 10;
const PARAMS = { province: 'tinh', field: 'linh-vuc', year: 'nam' };
// Filters without a control of their own, set from the URL (links from /thong-ke/):
// level of recognition, year range, kind of organisation.
const EXTRA = { level: 'cap', from: 'tu', to: 'den', kind: 'don-vi' };
const extra = {};

const $ = (id) => document.getElementById(id);
const form = $('search-form');
const input = $('q');
const status = $('search-status');
const list = $('search-results');
const empty = $('search-empty');
const more = $('search-more');
const note = $('search-note');
const filters = $('search-filters');
const reset = $('search-reset');
const selects = { province: $('search-province'), field: $('search-field'), year: $('search-year') };
// What the results are filtered by, in words: the template's #search-active, or one
// made here before the status (the default template has no place for it).
const active = $('search-active') || document.createElement('p');
if (!active.isConnected) {
  active.className = 'search-active';
  active.id = 'search-active';
  active.hidden = true;
  status.before(active);
}
const base = new URL('../', import.meta.url).pathname.replace(/\/$/, '');

// What ./search-page-more.js uses of this page.
const page = { active, empty, base, escapeHtml, urlFor, current, filterLabels };

// The parts of the page most answers never need (./search-page-more.js: the active
// filters in words, the empty state), loaded then only.
const extras = lazy(() => import('./search-page-more.js'));

const baseTitle = document.title;
let seq = 0; // the latest query run; older answers are dropped
let shown = 0;
let typing = false; // the current history entry was made by typing
let timer = 0;

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function el(tag, attrs = {}, html = '') {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (html) e.innerHTML = html;
  return e;
}

function current() {
  const opts = {};
  for (const [k, s] of Object.entries(selects)) if (s.value) opts[k] = k === 'year' ? Number(s.value) : s.value;
  for (const [k, v] of Object.entries(extra)) if (v) opts[k] = k === 'from' || k === 'to' ? Number(v) : v;
  return { q: input.value, opts };
}

function urlFor({ q, opts }) {
  const u = new URL(location.href);
  u.search = '';
  if (q.trim()) u.searchParams.set('q', q);
  for (const [k, p] of Object.entries({ ...PARAMS, ...EXTRA })) if (opts[k] !== undefined) u.searchParams.set(p, String(opts[k]));
  return u;
}

function record(push) {
  const u = urlFor(current());
  if (u.href === location.href) return;
  if (push) history.pushState(null, '', u);
  else history.replaceState(null, '', u);
}

function fromUrl() {
  const sp = new URLSearchParams(location.search);
  input.value = sp.get('q') || '';
  for (const [k, p] of Object.entries(PARAMS)) {
    const v = sp.get(p) || '';
    const s = selects[k];
    if (v && ![...s.options].some((o) => o.value === v)) s.append(el('option', { value: v }, escapeHtml(v)));
    s.value = v;
  }
  for (const [k, p] of Object.entries(EXTRA)) {
    const v = (sp.get(p) || '').trim();
    extra[k] = (k === 'from' || k === 'to') && !/^\d{1,4}$/.test(v) ? '' : v;
  }
}

function clearFilters() {
  for (const s of Object.values(selects)) s.value = '';
  for (const k of Object.keys(extra)) extra[k] = '';
}

// The active filters in words, each with a button that removes it (in
// ./search-page-more.js, fetched when the query run has filters).
async function renderActive(res) {
  const { opts } = current();
  if (Object.keys(opts).length === 0) {
    active.hidden = true;
    active.innerHTML = '';
    return;
  }
  await (await extras()).renderActive(page, opts, res);
}

function fillSelect(select, items, allLabel) {
  const keep = select.value;
  select.replaceChildren(el('option', { value: '' }, escapeHtml(allLabel)));
  for (const it of items) {
    if (it.count === 0 && it.value !== keep) continue;
    const o = el('option', { value: it.value }, escapeHtml(`${it.label} (${it.count})`));
    select.append(o);
  }
  select.value = keep;
}

function renderFacets(facets) {
  if (!facets) return;
  filters.hidden = false;
  fillSelect(
    selects.province,
    facets.province.map((p) => ({ value: p.slug, label: p.current ? p.name : `\u2003${p.name}`, count: p.count })),
    'Tất cả tỉnh, thành',
  );
  fillSelect(
    selects.field,
    facets.field.map((f) => ({ value: f.slug, label: f.name, count: f.count })),
    'Tất cả lĩnh vực',
  );
  fillSelect(
    selects.year,
    facets.year.map((y) => ({ value: String(y.year), label: String(y.year), count: y.count })),
    'Tất cả các năm',
  );
}

function renderResult(r) {
  const li = el('li', { class: 'search-result', 'data-result': '' });
  const h = el('h2', { class: 'search-result-title' });
  h.append(el('a', { href: r.url }, r.titleHtml ?? escapeHtml(r.title)));
  li.append(h);
  li.append(el('p', { class: 'search-result-meta' }, [r.province, r.field, r.year].map(escapeHtml).join(' · ')));
  if (r.snippet) li.append(el('p', { class: 'search-result-snippet' }, r.snippet));
  return li;
}


// The empty state with its ways out (./search-page-more.js), unless another query ran.
function renderEmpty(q, res, my) {
  extras().then(
    (m) => my === seq && m.renderEmpty(page, q, res),
    (e) => console.error(e),
  );
}

// What the search did with the words: left out (matched nothing), read differently
// (typed without an input method, or one letter off), or not all found together.
function renderNote(res) {
  const parts = [];
  const q = (w) => `“${escapeHtml(w)}”`;
  if (res.dropped && res.dropped.length > 0) {
    parts.push(`Bỏ qua ${res.dropped.map(q).join(', ')}: không có trong mô hình nào.`);
  }
  if (res.read && res.read.length > 0) {
    parts.push(`${res.read.map((r) => `${q(r.typed)} được hiểu là ${q(r.as)}`).join(', ')}.`);
  }
  if (res.partial) parts.push('Không mô hình nào có đủ mọi từ; đây là các mô hình có nhiều từ nhất.');
  note.innerHTML = parts.join(' ');
  note.hidden = parts.length === 0;
}

function clearResults() {
  note.hidden = true;
  list.replaceChildren();
  empty.hidden = true;
  more.hidden = true;
  shown = 0;
}

async function run({ append = false } = {}) {
  const my = ++seq;
  const { q, opts } = current();
  document.title = q.trim() ? `“${q.trim()}” – ${baseTitle}` : baseTitle;
  const filtered = Object.keys(opts).length > 0;
  reset.hidden = !filtered;
  if (filtered) {
    filters.hidden = false; // an active filter stays visible, even before counts
    extras().catch(() => {}); // the filters in words, fetched beside the answer
  }
  if (!q.trim() && !filtered) {
    clearResults();
    active.hidden = true;
    status.textContent = '';
    return;
  }
  list.setAttribute('aria-busy', 'true');
  // Results are put in the list as their metadata arrives, first ones first.
  let painted = 0;
  let firstAdded = null;
  const paint = (res) => {
    if (my !== seq) return;
    if (painted === 0 && !append) clearResults();
    const added = res.results.slice(painted).map(renderResult);
    if (!firstAdded && added.length > 0) firstAdded = added[0];
    list.append(...added);
    painted = res.results.length;
  };
  let res;
  try {
    res = await find(q, { ...opts, limit: PAGE, offset: append ? shown : 0, progress: paint });
  } catch (e) {
    if (my !== seq) return;
    clearResults();
    status.textContent = 'Không tải được chỉ mục tìm kiếm. Vui lòng thử lại sau.';
    list.removeAttribute('aria-busy');
    console.error(e);
    return;
  }
  if (my !== seq) return;
  await renderActive(res).catch((e) => console.error(e));
  if (my !== seq) return;
  list.removeAttribute('aria-busy');
  if (painted === 0 && !append) clearResults();
  renderFacets(res.facets);
  renderNote(res);
  if (res.total === 0) {
    status.textContent = `Không có kết quả cho ${q.trim() ? `“${q.trim()}”` : 'tìm kiếm này'}.`;
    renderEmpty(q, res, my);
    return;
  }
  paint(res);
  if (append && firstAdded) firstAdded.querySelector('a').focus(); // keyboard users continue there
  shown += res.results.length;
  more.hidden = shown >= res.total;
  const what = q.trim() ? `kết quả cho “${q.trim()}”` : 'mô hình, mới nhất trước';
  status.textContent = `${res.total.toLocaleString('vi-VN')} ${what}${shown < res.total ? `, hiển thị ${shown}` : ''}.`;
}

function schedule() {
  clearTimeout(timer);
  timer = setTimeout(() => {
    record(!typing);
    typing = true;
    run();
  }, DEBOUNCE_MS);
}

function commit() {
  clearTimeout(timer);
  typing = false;
  record(true);
  run();
}

input.addEventListener('input', schedule);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  commit();
});
for (const s of Object.values(selects)) s.addEventListener('change', commit);
reset.addEventListener('click', () => {
  clearFilters();
  commit();
  input.focus();
});
more.addEventListener('click', () => run({ append: true }));
empty.addEventListener('click', (e) => {
  const t = e.target;
  if (!(t instanceof Element)) return;
  if (t.closest('[data-clear-filters]')) {
    clearFilters();
    commit();
  } else if (t.closest('[data-query]')) {
    e.preventDefault();
    input.value = t.closest('[data-query]').getAttribute('data-query');
    commit();
    input.focus();
  }
});

active.addEventListener('click', (e) => {
  const b = e.target instanceof Element && e.target.closest('[data-remove]');
  if (!b) return;
  const k = b.getAttribute('data-remove');
  if (k === 'range') extra.from = extra.to = '';
  else if (k in selects) selects[k].value = '';
  else extra[k] = '';
  commit();
  input.focus();
});

// Arrow keys move between the input and the result links.
document.addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = [...list.querySelectorAll('[data-result] h2 a')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement);
  if (document.activeElement === input && e.key === 'ArrowDown') {
    e.preventDefault();
    links[0].focus();
  } else if (at >= 0) {
    e.preventDefault();
    if (e.key === 'ArrowDown' && at + 1 < links.length) links[at + 1].focus();
    else if (e.key === 'ArrowUp') (at === 0 ? input : links[at - 1]).focus();
  }
});

window.addEventListener('popstate', () => {
  typing = false;
  fromUrl();
  run();
});

fromUrl();
if (input.value.trim() || Object.keys(current().opts).length > 0) run();
else {
  input.focus();
  warm(); // the index is open before the first query is typed
}
