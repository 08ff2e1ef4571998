// search-page-more.js: what the search page (search-page.js) needs only for some
// answers, loaded then only: the active filters in words and the empty state with its
// ways out. No imports: search-page.js hands in what it needs (`page`).

/**
 * The active filters `opts` in words, each with a button that removes it, into
 * `page.active` (facet names from the answer `res`, level and kind labels from the index).
 */
export async function renderActive(page, opts, res) {
  const { escapeHtml } = page;
  const parts = [];
  const name = (list, key) => (list || []).find((x) => x[0] === key)?.[1] ?? key;
  const labels = opts.level || opts.kind ? await page.filterLabels().catch(() => ({})) : {};
  const facets = res && res.facets;
  if (opts.province) parts.push(['province', `tỉnh, thành: ${facets?.province.find((p) => p.slug === opts.province)?.name ?? opts.province}`]);
  if (opts.field) parts.push(['field', `lĩnh vực: ${facets?.field.find((f) => f.slug === opts.field)?.name ?? opts.field}`]);
  if (opts.year) parts.push(['year', `năm ${opts.year}`]);
  if (opts.level) parts.push(['level', `cấp công nhận: ${name(labels.levels, opts.level)}`]);
  if (opts.from !== undefined && opts.to !== undefined) parts.push(['range', `từ năm ${opts.from} đến năm ${opts.to}`]);
  else if (opts.from !== undefined) parts.push(['range', `từ năm ${opts.from}`]);
  else if (opts.to !== undefined) parts.push(['range', `đến năm ${opts.to}`]);
  if (opts.kind) parts.push(['kind', `tổ chức thực hiện: ${name(labels.kinds, opts.kind)}`]);
  page.active.hidden = parts.length === 0;
  page.active.innerHTML =
    parts.length === 0
      ? ''
      : `Đang lọc theo ${parts
          .map(([k, text]) => `<span class="search-active-item">${escapeHtml(text)} <button type="button" class="search-link" data-remove="${k}" aria-label="Bỏ lọc ${escapeHtml(text)}">Bỏ lọc</button></span>`)
          .join('; ')}.`;
}

/** The empty state of query `q` (answer `res`) into `page.empty`, with its suggestions. */
export function renderEmpty(page, q, res) {
  const { escapeHtml, base } = page;
  const title = q.trim() ? `Không tìm thấy mô hình nào cho “${escapeHtml(q.trim())}”.` : 'Không có mô hình nào khớp bộ lọc này.';
  const parts = [`<p class="search-empty-title">${title}</p>`];
  const tips = [];
  for (const s of res.suggestions) {
    if (s.kind === 'filters') {
      tips.push(`<li><button type="button" class="search-link" data-clear-filters>Bỏ bộ lọc</button> để xem ${s.count} kết quả.</li>`);
    } else if (s.kind === 'query' || s.kind === 'unquoted') {
      const u = page.urlFor({ q: s.query, opts: page.current().opts });
      const link = `<a href="${escapeHtml(u.pathname + u.search)}" data-query="${escapeHtml(s.query)}">${escapeHtml(s.query)}</a>`;
      tips.push(s.kind === 'query' ? `<li>Có phải bạn muốn tìm ${link}?</li>` : `<li>Tìm không cần đúng cụm từ: ${link}</li>`);
    }
  }
  if (q.trim()) tips.push('<li>Kiểm tra chính tả, thử gõ không dấu hoặc bớt một vài từ.</li>');
  else tips.push('<li><button type="button" class="search-link" data-clear-filters>Bỏ bộ lọc</button> để xem mọi mô hình.</li>');
  tips.push(
    `<li>Xem các mô hình theo <a href="${base}/tinh/">tỉnh, thành</a>, <a href="${base}/linh-vuc/">lĩnh vực</a> hoặc <a href="${base}/nam/">năm</a>.</li>`,
  );
  parts.push(`<p>Gợi ý:</p><ul class="search-suggestions">${tips.join('')}</ul>`);
  page.empty.innerHTML = parts.join('');
  page.empty.hidden = false;
}
