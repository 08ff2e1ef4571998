#!/usr/bin/env python3
"""Where a built kheo site's files and bytes go (issue 19).

    scripts/footprint.py PUBLIC_DIR [--articles N] [--json] [--markdown]

Walks a built output folder and reports, by page type, the number of files, their bytes
(what hosts count against a size limit) and the space they take on disk (whole blocks, what
copying and uploading cost), each also per article; then, for the HTML pages, how their
bytes split between the head, the chrome (the rest of the page outside <main>: header,
breadcrumbs, footer, end-of-body scripts), the cards (every element whose class list holds
`card`, with what it contains) and the content (the rest inside <main>).

Page types come from the URL scheme of SPEC section 4: a story's page and the `index.md`
and `index.json` beside it, its images, the list pages of each taxonomy (with their
`/trang/<n>/` pages counted apart), the term index pages, the search index, feeds, data
files, assets, redirects and the rest. N (articles) defaults to the number of story pages.
Standard library only.
"""
import argparse
import json
import os
import re
import sys

IMAGE_EXT = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif")
LISTS = {  # first path segment (and shape) -> list name
    "tinh": "province", "linh-vuc": "field", "nam": "year", "the": "tag",
}
CARD_START = re.compile(rb'<([a-z][a-z0-9]*)\b[^>]*\bclass="(?:[^"]*\s)?card(?:\s[^"]*)?"[^>]*>')


def classify(rel, head):
    """The page type of the file at `rel` (a relative path with `/`), given its first bytes."""
    parts = rel.split("/")
    name = parts[-1]
    if parts[0] == "mo-hinh" and len(parts) == 3:
        return {"index.html": "story page", "index.md": "story index.md",
                "index.json": "story index.json"}.get(
            name, "story image" if name.lower().endswith(IMAGE_EXT) else "story other")
    if parts[0] in ("assets",) or rel == "favicon.svg":
        return "assets"
    if parts[0] == "tim-kiem" and len(parts) > 2:
        return "search index"
    if name.lower().endswith(IMAGE_EXT):
        return "images"
    if name in ("atom.xml", "feed.json"):
        return "feeds"
    if parts[0] == "du-lieu" or name in ("mo-hinh.csv", "mo-hinh.json"):
        return "data files"
    if name == "index.html":
        if b'http-equiv="refresh"' in head:
            return "redirects"
        kind = list_kind(parts[:-1])
        if kind:
            return kind
    return "other"


def list_kind(dirs):
    """'list: province', 'list: province × year', ... (with ' (pages ≥ 2)' for /trang/<n>/),
    'term index' for /tinh/ and the like, or None."""
    paged = len(dirs) >= 2 and dirs[-2] == "trang" and dirs[-1].isdigit()
    if paged:
        dirs = dirs[:-2]
    if not dirs or dirs[0] not in LISTS:
        return None
    if len(dirs) == 1:
        return None if paged else "term index"
    kind = LISTS[dirs[0]]
    if len(dirs) == 4 and dirs[0] == "tinh" and dirs[2] in LISTS:
        kind += " × " + LISTS[dirs[2]]
    elif len(dirs) != 2:
        return None
    return "list: " + kind + (" (pages ≥ 2)" if paged else "")


def split_html(body):
    """(head, chrome, cards, content, number of cards) of one HTML page, in bytes."""
    total = len(body)
    h_end = body.find(b"</head>")
    head = h_end + len(b"</head>") if h_end >= 0 else 0
    m_start = body.find(b"<main")
    m_end = body.rfind(b"</main>")
    if m_start < 0 or m_end < 0:
        return head, total - head, 0, 0, 0
    m_end += len(b"</main>")
    cards, count = card_bytes(body, m_start, m_end)
    inside = m_end - m_start
    return head, total - head - inside, cards, inside - cards, count


def card_bytes(body, start, end):
    """(bytes, number) of the elements (with their contents) whose class list holds `card`,
    between `start` and `end`; nested elements of the same name are matched, cards do not nest."""
    n = count = 0
    pos = start
    while True:
        m = CARD_START.search(body, pos, end)
        if not m:
            return n, count
        count += 1
        tag = m.group(1)
        depth, i = 1, m.end()
        opener = re.compile(rb"<(/?)" + tag + rb"\b")
        while depth and i < end:
            t = opener.search(body, i, end)
            if not t:
                i = end
                break
            depth += -1 if t.group(1) else 1
            i = body.find(b">", t.end(), end) + 1 or end
        n += i - m.start()
        pos = i


def walk(root):
    """Per page type: files, bytes, disk bytes; the HTML split per page type; and the
    shape hosts care about: the largest file, the fullest folder, the size as a tar."""
    types, split = {}, {}
    shape = {"largest": (0, ""), "fullest": (0, ""), "tar": 1024}  # tar: end-of-archive blocks
    for d, dirs, files in os.walk(root):
        dirs.sort()
        entries = len(dirs) + len(files)
        if entries > shape["fullest"][0]:
            shape["fullest"] = (entries, os.path.relpath(d, root).replace(os.sep, "/"))
        shape["tar"] += 512
        for f in sorted(files):
            path = os.path.join(d, f)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if rel == ".kheo-output":
                continue
            st = os.stat(path)
            shape["tar"] += 512 + -(-st.st_size // 512) * 512
            if st.st_size > shape["largest"][0]:
                shape["largest"] = (st.st_size, rel)
            with open(path, "rb") as fh:
                body = fh.read() if f.endswith(".html") else fh.read(2048)
            kind = classify(rel, body[:2048])
            t = types.setdefault(kind, [0, 0, 0])
            t[0] += 1
            t[1] += st.st_size
            t[2] += st.st_blocks * 512
            if f.endswith(".html"):
                s = split.setdefault(kind, [0, 0, 0, 0, 0, 0])
                s[0] += 1
                for k, v in enumerate(split_html(body)):
                    s[k + 1] += v
    return types, split, shape


def mb(n):
    return f"{n / 1e6:,.1f} MB" if n >= 1e6 else f"{n / 1e3:,.1f} KB"


def report(root, articles):
    """The two tables, as Markdown."""
    types, split, shape = walk(root)
    n = articles or types.get("story page", [0])[0] or 1
    tot = [sum(t[i] for t in types.values()) for i in range(3)]
    hosts = hosting(n, tot, shape)
    out = [f"Output `{root}`: {n:,} articles; {tot[0]:,} files, {mb(tot[1])} "
           f"({mb(tot[2])} on disk); per article {tot[0] / n:.2f} files, {tot[1] / n / 1e3:.1f} KB.", "",
           "| page type | files | files/article | bytes | KB/article | share | on disk |",
           "|---|---:|---:|---:|---:|---:|---:|"]
    for kind, (f, b, d) in sorted(types.items(), key=lambda kv: -kv[1][1]):
        out.append(f"| {kind} | {f:,} | {f / n:.3f} | {mb(b)} | {b / n / 1e3:.2f} | "
                   f"{100 * b / max(tot[1], 1):.1f}% | {mb(d)} |")
    out.append(f"| **total** | {tot[0]:,} | {tot[0] / n:.3f} | {mb(tot[1])} | {tot[1] / n / 1e3:.2f} "
               f"| 100% | {mb(tot[2])} |")
    out += ["", "HTML: head, chrome (the rest outside `<main>`), cards, other content; bytes per page.", "",
            "| page type | pages | bytes/page | head | chrome | cards | content | cards/page | bytes/card "
            "| cards, all pages |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for kind, (p, h, c, cards, content, k) in sorted(split.items(), key=lambda kv: -sum(kv[1][1:5])):
        per = (h + c + cards + content) / p
        out.append(f"| {kind} | {p:,} | {per:,.0f} | {h / p:,.0f} | {c / p:,.0f} | {cards / p:,.0f} "
                   f"| {content / p:,.0f} | {k / p:.1f} | {cards / max(k, 1):,.0f} | {mb(cards)} |")
    s = [sum(v[i] for v in split.values()) for i in range(6)]
    if s[0]:
        out.append(f"| **all HTML** | {s[0]:,} | {sum(s[1:5]) / s[0]:,.0f} | {s[1] / s[0]:,.0f} | "
                   f"{s[2] / s[0]:,.0f} | {s[3] / s[0]:,.0f} | {s[4] / s[0]:,.0f} | {s[5] / s[0]:.1f} "
                   f"| {s[3] / max(s[5], 1):,.0f} | {mb(s[3])} |")
        out.append("")
        out.append(f"Head + chrome on all pages: {mb(s[1] + s[2])} ({100 * (s[1] + s[2]) / max(tot[1], 1):.1f}% "
                   f"of the site); cards: {mb(s[3])} ({100 * s[3] / max(tot[1], 1):.1f}%), "
                   f"{s[5] / n:.1f} per article.")
    out += ["", hosts]
    return "\n".join(out), {"articles": n, "types": types, "html": split, "total": tot, "shape": shape}


# Host limits (2026): GitHub Pages publishes at most 1 GB; Cloudflare Pages takes 20,000
# files on its free plan (100,000 paid) and no file over 25 MiB; Netlify has no total limit
# but fails a deploy with a folder of over 54,000 files.
GITHUB_BYTES, CLOUDFLARE_FILES, CLOUDFLARE_FILE, NETLIFY_FOLDER = 10**9, 20_000, 25 * 2**20, 54_000


def hosting(n, tot, shape):
    """Up to how many articles this site would fit each host, if everything grew with the
    number of articles as it does here (an estimate: fixed parts make it a little low)."""
    big, big_rel = shape["largest"]
    full, full_rel = shape["fullest"]
    fits = [f"GitHub Pages (1 GB): {tot[1]:,} bytes now ({shape['tar']:,} as a tar), "
            f"≈ {int(GITHUB_BYTES * n / max(tot[1], 1)):,} articles",
            f"Cloudflare Pages free (20,000 files): ≈ {int(CLOUDFLARE_FILES * n / max(tot[0], 1)):,} articles; "
            f"its 25 MiB per file: largest `{big_rel}` {mb(big)}, ≈ {int(CLOUDFLARE_FILE * n / max(big, 1)):,} articles",
            f"Netlify (54,000 files per folder): fullest `{full_rel}/` {full:,} entries, "
            f"≈ {int(NETLIFY_FOLDER * n / max(full, 1)):,} articles"]
    return "Hosts, at this build's rate per article: " + "; ".join(fits) + "."


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("public", help="a built output folder (kheo build --out)")
    ap.add_argument("--articles", type=int, default=0, help="divide by this (default: story pages)")
    ap.add_argument("--json", action="store_true", help="print the raw figures as JSON instead")
    args = ap.parse_args()
    if not os.path.isdir(args.public):
        sys.exit(f"not a folder: {args.public}")
    text, data = report(args.public, args.articles)
    print(json.dumps(data, ensure_ascii=False, indent=1) if args.json else text)


if __name__ == "__main__":
    main()
