#!/usr/bin/env python3
"""Whole-build benchmark for kheo: writes BENCHMARKS.md.

    scripts/bench.py [--sizes 1000,10000,50000] [--runs 5] [--out BENCHMARKS.md]

For each size it generates a corpus with scripts/corpus_gen.py (into
target/bench/, never committed), builds the release binary once, runs
`kheo build` once to warm the page cache and then --runs more times under
/usr/bin/time -v with KHEO_LOG=debug, and records the median wall time, CPU
time, peak memory, output files and bytes, and the median time of each stage.
Output goes to tmpfs (/dev/shm) and, with `--modes tmpfs,disk` (the default), also to the
real disk under target/bench/ (where writing, not rendering, dominates: a table of its own).
When `hugo` is on PATH (or with --hugo), the same corpus in Hugo's format is built with Hugo
in alternating runs (kheo, Hugo, kheo, Hugo, ...) in each mode at the --hugo-sizes; a Hugo
older than 0.146 (Debian's) gets the corpus's layouts under their old names. With --serve it also measures `kheo serve`: the time from saving an article
to its new page being served (median of several edits) at the largest size
below 20,000. With --import it also times `kheo import` of a generated register of
--import-rows rows (CSV and XLSX) into an empty site; `--sizes none` skips the builds.
Seed texts: benches/data/ unless KHEO_SEEDS names another folder. Standard library only.
"""
import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(ROOT, "scripts", "corpus_gen.py")
BENCH = os.path.join(ROOT, "target", "bench")
KHEO = os.path.join(ROOT, "target", "release", "kheo")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def corpus(n):
    path = os.path.join(BENCH, f"corpus-{n}")
    if not os.path.isdir(os.path.join(path, "content")):
        shutil.rmtree(path, ignore_errors=True)
        seeds = ["--seeds-dir", os.environ["KHEO_SEEDS"]] if os.environ.get("KHEO_SEEDS") else []
        sh([sys.executable, GEN, "--n", str(n), "--out", path, "--format", "native", *seeds],
           stdout=subprocess.DEVNULL)
    conf = os.path.join(path, "site.yaml")
    if not os.path.exists(conf):  # a default site: every other setting as `kheo init` leaves it
        with open(conf, "w", encoding="utf-8") as fh:
            fh.write("title: Dân vận khéo\nbase_url: https://example.org/\n")
    return path


def lean_corpus(n):
    """The corpus of size n with `lean_output: true` (a copy: `content/` may not link out)."""
    path = os.path.join(BENCH, f"corpus-{n}-lean")
    if not os.path.isdir(os.path.join(path, "content")):
        shutil.rmtree(path, ignore_errors=True)
        for part in ("content", "static"):
            if os.path.isdir(os.path.join(corpus(n), part)):
                shutil.copytree(os.path.join(corpus(n), part), os.path.join(path, part))
    with open(os.path.join(path, "site.yaml"), "w", encoding="utf-8") as fh:
        fh.write("title: Dân vận khéo\nbase_url: https://example.org/\nlean_output: true\n")
    return path


def timed(cmd, env=None):
    """(wall s, CPU s, peak MiB, stderr) of `cmd` run under /usr/bin/time -v; exits on failure."""
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], env=env, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{cmd[0]} failed:\n{p.stderr[-3000:]}")
    err = p.stderr
    def field(name):
        m = re.search(rf"{re.escape(name)}: ([0-9.:]+)", err)
        return m.group(1) if m else "0"
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(x) for x in wall.split(":")]
    wall_s = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss_mb = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall_s, cpu, rss_mb, err


def one_build(root, out):
    wall_s, cpu, rss_mb, err = timed([KHEO, "build", "--root", root, "--out", out, "-v"],
                                     dict(os.environ, KHEO_LOG="debug"))
    stages = {}
    for m in re.finditer(r"^\s*(?:debug: )?([a-z+:. -]+?)\s+([0-9.]+) ms(?:  \(.*\))?$", err, re.M):
        stages[m.group(1).strip()] = stages.get(m.group(1).strip(), 0) + float(m.group(2))
    return wall_s, cpu, rss_mb, stages


REGISTER_HEADERS = ["STT", "Tên mô hình", "Tỉnh/thành", "Lĩnh vực", "Năm công nhận", "Ngày công nhận",
                    "Đơn vị thực hiện", "Cấp công nhận", "Tóm tắt", "Số hộ hưởng lợi"]
REGISTER_PROVINCES = ["Hà Nội", "Huế", "Cần Thơ", "Bến Tre", "Đà Nẵng", "An Giang", "Cà Mau", "Lâm Đồng",
                      "Nghệ An", "Quảng Ninh", "Bắc Ninh", "Thanh Hóa"]
REGISTER_FIELDS = ["Kinh tế", "Văn hóa - xã hội", "Quốc phòng - an ninh", "Xây dựng hệ thống chính trị"]


def register_rows(n):
    """A province's register: n rows, years stored as text, dates as Excel serials."""
    for i in range(n):
        year = 2015 + i % 10
        serial = 42005 + (year - 2015) * 365 + i % 300  # 2015-01-01 + days
        yield [str(i + 1), f"Mô hình dân vận khéo số {i + 1}", REGISTER_PROVINCES[i % len(REGISTER_PROVINCES)],
               REGISTER_FIELDS[i % 4], str(year), serial, f"Hội Nông dân xã số {i % 97}",
               ["tỉnh", "huyện", "xã"][i % 3], f"Mô hình số {i + 1} giúp bà con giữ gìn xóm ấp bình yên.",
               i % 500]


def write_register(path, n):
    """`path` as .csv (UTF-8 with BOM) or .xlsx (a minimal workbook of inline strings)."""
    rows = [REGISTER_HEADERS] + list(register_rows(n))
    if path.endswith(".csv"):
        import csv
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(rows)
        return
    import zipfile
    from xml.sax.saxutils import escape

    def cell(v):
        if isinstance(v, int):
            return f"<c><v>{v}</v></c>"
        return f'<c t="inlineStr"><is><t>{escape(v)}</t></is></c>'
    sheet = "".join(f'<row r="{r + 1}">' + "".join(cell(v) for v in row) + "</row>" for r, row in enumerate(rows))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {ns} xmlns:r="{rel}"><sheets>'
        '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet {ns}><sheetData>{sheet}</sheetData></worksheet>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in files.items():
            z.writestr(name, body)


def import_bench(rows, runs, out_dir):
    """Median wall seconds of `kheo import` of a generated register into an empty site (in
    out_dir, for the same reason builds write there), per format."""
    work = os.path.join(BENCH, "import")
    os.makedirs(work, exist_ok=True)
    out = {}
    for ext in ("csv", "xlsx"):
        reg = os.path.join(work, f"so-{rows}.{ext}")
        write_register(reg, rows)
        times = []
        for _ in range(runs + 1):  # the first run warms the page cache
            site = os.path.join(out_dir, "import-site")
            shutil.rmtree(site, ignore_errors=True)
            os.makedirs(site)
            open(os.path.join(site, "site.yaml"), "w", encoding="utf-8").write("title: Sổ mô hình\n")
            t0 = time.perf_counter()
            p = subprocess.run([KHEO, "import", reg, "--root", site], capture_output=True, text=True)
            times.append(time.perf_counter() - t0)
            if p.returncode != 0:
                sys.exit(f"import failed:\n{p.stderr[-3000:]}")
        out[ext] = (statistics.median(times[1:]), len(times) - 1)
        print(f"import {rows} rows ({ext}): {out[ext][0] * 1000:.0f} ms", file=sys.stderr)
    return out


# Hugo before 0.146 looks templates up under these older names (corpus name -> old name).
OLD_HUGO_LAYOUTS = {"baseof.html": "_default/baseof.html", "page.html": "_default/single.html",
                    "section.html": "_default/list.html", "taxonomy.html": "_default/terms.html",
                    "term.html": "_default/term.html", "home.html": "index.html"}


def hugo():
    """(path, version tuple, version text) of the `hugo` on PATH, or None."""
    exe = shutil.which("hugo")
    if not exe:
        return None
    text = subprocess.run([exe, "version"], capture_output=True, text=True).stdout
    m = re.search(r"v(\d+)\.(\d+)\.(\d+)", text)
    return (exe, tuple(int(x) for x in m.groups()), m.group(0)) if m else None


def hugo_corpus(n, version):
    """The corpus of size n in Hugo's format (same articles as `corpus(n)`), made readable
    by an older Hugo: layouts under their old names, `paginate`, the old name of RSS."""
    path = os.path.join(BENCH, f"hugo-{n}")
    if not os.path.isdir(os.path.join(path, "content")):
        shutil.rmtree(path, ignore_errors=True)
        seeds = ["--seeds-dir", os.environ["KHEO_SEEDS"]] if os.environ.get("KHEO_SEEDS") else []
        sh([sys.executable, GEN, "--n", str(n), "--out", path, "--format", "hugo", *seeds],
           stdout=subprocess.DEVNULL)
    if version < (0, 146, 0):
        layouts = os.path.join(path, "layouts")
        for new, old in OLD_HUGO_LAYOUTS.items():
            if os.path.exists(os.path.join(layouts, new)):
                os.makedirs(os.path.dirname(os.path.join(layouts, old)), exist_ok=True)
                shutil.copyfile(os.path.join(layouts, new), os.path.join(layouts, old))
        conf = os.path.join(path, "hugo.toml")
        text = open(conf, encoding="utf-8").read()
        if "\npaginate =" not in text:
            text = re.sub(r'^disableKinds = \["rss"\]$', 'disableKinds = ["rss", "RSS"]\npaginate = 20', text,
                          count=1, flags=re.M)
            open(conf, "w", encoding="utf-8").write(text)
    return path


def fs_type(path):
    """The file system type of the mount holding `path` (from /proc/mounts), or '?'."""
    path, best = os.path.realpath(path), ("", "?")
    try:
        for line in open("/proc/mounts", encoding="utf-8"):
            _, mnt, kind = line.split()[:3]
            if (path + "/").startswith(mnt.rstrip("/") + "/") and len(mnt) >= len(best[0]):
                best = (mnt, kind)
    except OSError:
        pass
    return best[1]


def cold_builds(n, runs, out_dirs, hugo_info):
    """Cold builds of the corpus of size n into each of `out_dirs` (mode -> folder): every run
    into a fresh output folder, after a `sync`; with Hugo, kheo and Hugo alternate (the order
    flips each run) so both see the same machine. Returns rows for `write`."""
    root = corpus(n)
    lean = lean_corpus(n)
    tools = [("kheo", lambda out: [KHEO, "build", "--root", root, "--out", out]),
             ("kheo lean_output", lambda out: [KHEO, "build", "--root", lean, "--out", out])]
    if hugo_info:
        site = hugo_corpus(n, hugo_info[1])
        tools.append((f"Hugo {hugo_info[2]}", lambda out: [hugo_info[0], "--source", site, "--destination",
                                                            out, "--quiet"]))
    rows = []
    for mode, base in out_dirs.items():
        os.makedirs(base, exist_ok=True)
        outs = {name: os.path.join(base, f"cold-{name.replace(' ', '-').lower()}-{n}") for name, _ in tools}
        times = {name: [] for name, _ in tools}
        for run in range(runs + 1):  # run 0 warms the page cache with the sources
            for name, cmd in (tools if run % 2 == 0 else tools[::-1]):
                shutil.rmtree(outs[name], ignore_errors=True)
                os.sync()
                wall, cpu, rss, _ = timed(cmd(outs[name]))
                t0 = time.perf_counter()
                os.sync()
                if run:
                    times[name].append((wall, wall + time.perf_counter() - t0, cpu, rss))
        for name, _ in tools:
            files, size = tree_size(outs[name])
            t = times[name]
            rows.append(dict(n=n, mode=mode, fs=fs_type(base), tool=name, runs=len(t),
                             wall=statistics.median(x[0] for x in t), lo=min(x[0] for x in t),
                             hi=max(x[0] for x in t), synced=statistics.median(x[1] for x in t),
                             cpu=statistics.median(x[2] for x in t), rss=statistics.median(x[3] for x in t),
                             files=files, bytes=size))
            print(f"cold {n} {mode} {name}: {rows[-1]['wall']:.2f} s", file=sys.stderr)
            shutil.rmtree(outs[name], ignore_errors=True)
    return rows


def tree_size(path):
    files = total = 0
    for d, _, fs in os.walk(path):
        for f in fs:
            files += 1
            total += os.path.getsize(os.path.join(d, f))
    return files, total


def serve_latency(root, edits=7, settle=45):
    """Median and worst ms from saving an article to the new text being served, for edits
    that keep the story in its lists (a summary: swapped into the site in place) and for
    edits that move it (the year: every article validated again)."""
    proc = subprocess.Popen([KHEO, "serve", "--root", root, "--port", "0"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        port = re.search(r":(\d+)/", line).group(1)
        base = f"http://127.0.0.1:{port}"
        target = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(os.path.join(root, "content")))
                      for f in sorted(fs) if f.endswith(".md"))
        text = open(target, encoding="utf-8").read()
        title = re.search(r"^title: (.+)$", text, re.M).group(1).strip().strip('"\'')
        time.sleep(settle)  # let the first site-wide pass (search index, data files) finish
        models = json.loads(urllib.request.urlopen(base + "/du-lieu/mo-hinh.json", timeout=30).read())
        url = next(m["url"] for m in models if m["title"] == title)
        url = url if url.startswith("http") else base + url
        year = int(re.search(r"^year: (\d+)$", text, re.M).group(1))

        def measure(i, moved):
            marker = f"Ban sua so {i} {time.time_ns()}"
            new = re.sub(r"^summary: .*$", f'summary: "{marker}"', text, count=1, flags=re.M)
            if moved:
                new = re.sub(r"^year: .*$", f"year: {year - 1 - i % 2}", new, count=1, flags=re.M)
            t0 = time.perf_counter()
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(new)
            while True:
                body = urllib.request.urlopen(url, timeout=10).read().decode("utf-8", "replace")
                if marker in body:
                    break
                time.sleep(0.002)
            ms = (time.perf_counter() - t0) * 1000
            time.sleep(2.5)
            return ms

        try:
            in_place = [measure(i, False) for i in range(edits)]
            moved = [measure(i, True) for i in range(edits)]
        finally:
            with open(target, "w", encoding="utf-8") as fh:
                fh.write(text)
        return {"in place": (statistics.median(in_place), max(in_place)),
                "moved": (statistics.median(moved), max(moved))}
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=10)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,10000,50000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default=os.path.join(ROOT, "BENCHMARKS.md"))
    ap.add_argument("--serve", action="store_true", help="also measure edit-to-reload latency")
    ap.add_argument("--import", dest="imports", action="store_true", help="also time `kheo import`")
    ap.add_argument("--import-rows", type=int, default=5000)
    ap.add_argument("--out-dir", default="/dev/shm/kheo-bench" if os.path.isdir("/dev/shm") else BENCH,
                    help="where builds write (default: tmpfs, so the disk's metadata speed does not dominate)")
    ap.add_argument("--modes", default="tmpfs,disk",
                    help="where the cold builds write: tmpfs (--out-dir), disk (--disk-dir), or both")
    ap.add_argument("--disk-dir", default=os.path.join(BENCH, "disk"),
                    help="a folder on the real disk for --modes disk (default: target/bench/disk)")
    ap.add_argument("--cold-sizes", default="10000", help="sizes of the cold builds (none: skip them)")
    ap.add_argument("--hugo", dest="hugo", action="store_true", default=None,
                    help="also build with Hugo (default: when `hugo` is on PATH)")
    ap.add_argument("--no-hugo", dest="hugo", action="store_false")
    args = ap.parse_args()
    sizes = [] if args.sizes == "none" else [int(s) for s in args.sizes.split(",")]
    hugo_info = hugo() if args.hugo is not False else None
    if args.hugo and not hugo_info:
        sys.exit("--hugo: no `hugo` on PATH")
    os.makedirs(BENCH, exist_ok=True)
    sh(["cargo", "build", "--release", "--locked", "--quiet"], cwd=ROOT)
    rows = []
    for n in sizes:
        root = corpus(n)
        os.makedirs(args.out_dir, exist_ok=True)
        out = os.path.join(args.out_dir, f"out-{n}")
        runs = args.runs if n <= 10000 else max(2, args.runs // 2)
        one_build(root, out)  # warm-up
        results = []
        for _ in range(runs):
            shutil.rmtree(out, ignore_errors=True)  # a fresh output folder, as in CI
            results.append(one_build(root, out))
        files, size = tree_size(out)
        md_bytes = tree_size(os.path.join(root, "content"))[1]
        stage_names = sorted({k for r in results for k in r[3]})
        stages = {k: statistics.median(r[3].get(k, 0.0) for r in results) for k in stage_names}
        rows.append(dict(n=n, runs=runs, wall=statistics.median(r[0] for r in results),
                         cpu=statistics.median(r[1] for r in results),
                         rss=statistics.median(r[2] for r in results), files=files, bytes=size,
                         md=md_bytes, stages=stages))
        print(f"{n}: {rows[-1]['wall']:.2f} s, {rows[-1]['rss']:.0f} MB", file=sys.stderr)
    serve = []
    if args.serve:
        serve.append(("the example site", serve_latency(ROOT, settle=5)))
        n = max([s for s in sizes if s <= 20000] or [sizes[0]])
        serve.append((f"{n:,} articles", serve_latency(corpus(n))))
    os.makedirs(args.out_dir, exist_ok=True)
    imports = import_bench(args.import_rows, args.runs, args.out_dir) if args.imports else {}
    dirs = {"tmpfs": args.out_dir, "disk": args.disk_dir}
    modes = {m: dirs[m] for m in args.modes.split(",") if m in dirs}
    cold = []
    for n in ([] if args.cold_sizes == "none" else [int(s) for s in args.cold_sizes.split(",")]):
        cold += cold_builds(n, args.runs, modes, hugo_info)
    write(args.out, rows, serve, args.out_dir, (args.import_rows, imports), cold)


def cold_lines(cold):
    """The table of cold builds (tmpfs and disk, kheo and Hugo), with Hugo/kheo ratios."""
    lines = ["", "## Cold builds: tmpfs and disk, beside Hugo", "",
             "Every run builds into a fresh output folder after a `sync` (its sources already in the page",
             "cache); with Hugo, kheo and Hugo alternate and swap order each run. *+ sync*: until the",
             "kernel has written the output to the disk too. Hugo builds the same articles with the",
             "corpus's minimal theme (no search index, data files, feeds or statistics).", "",
             "| articles | output on | tool | runs | wall (median) | min-max | + sync | CPU | peak memory "
             "| files | size |", "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in cold:
        lines.append(f"| {r['n']:,} | {r['mode']} ({r['fs']}) | {r['tool']} | {r['runs']} | {r['wall']:.2f} s "
                     f"| {r['lo']:.2f}-{r['hi']:.2f} s | {r['synced']:.2f} s | {r['cpu']:.2f} s "
                     f"| {r['rss']:.0f} MiB | {r['files']:,} | {r['bytes'] / 1e6:.0f} MB |")
    pairs = {}
    for r in cold:
        pairs.setdefault((r["n"], r["mode"]), {})[r["tool"]] = r
    ratios = []
    for (n, mode), p in pairs.items():
        hugo = next((r for t, r in p.items() if t.startswith("Hugo")), None)
        for tool, r in p.items():
            if hugo and tool.startswith("kheo"):
                ratios.append(f"{n:,} on {mode}: Hugo/{tool} {hugo['wall'] / r['wall']:.2f}× "
                              f"(with sync {hugo['synced'] / r['synced']:.2f}×)")
    if ratios:
        lines += ["", "Median wall time, " + "; ".join(ratios) + "."]
    return lines


def write(path, rows, serve, out_dir, imports=(0, {}), cold=()):
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    lines = [
        "# Benchmarks",
        "",
        "Written by `scripts/bench.py` (run it to refresh this file; `--serve` adds the",
        "edit-to-reload latency of `kheo serve`). Corpora come from `scripts/corpus_gen.py`",
        "(about 1,200 words per article), generated under `target/bench/` and never committed.",
        "Each figure is the median of the runs shown, after one warm-up build; every run builds",
        "into a fresh output folder, as CI does.",
        f"Output written to `{out_dir}`" + (" (tmpfs: on this VM's ext4 with `discard`, creating and deleting"
        " a file costs about 0.5-1 ms of system time, which would swamp everything else)." if out_dir.startswith("/dev/shm") else "."),
        "",
        f"Machine: {os.cpu_count()} cores ({cpu}), {int(mem) // 1024 // 1024} GiB RAM, "
        f"{platform.system()} {platform.release()}; commit `{commit}`; "
        f"{time.strftime('%Y-%m-%d', time.gmtime())}.",
        "",
        "## Whole build (`kheo build`, everything the site has)",
        "",
        "| articles | Markdown | runs | wall (median) | CPU | peak memory | output files | output size |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    # Peak memory is `/usr/bin/time`'s maximum resident set size, in MiB (2^20 bytes).
    for r in rows:
        lines.append(f"| {r['n']:,} | {r['md'] / 1e6:.0f} MB | {r['runs']} | {r['wall']:.2f} s | {r['cpu']:.2f} s "
                     f"| {r['rss']:.0f} MiB | {r['files']:,} | {r['bytes'] / 1e6:.0f} MB |")
    names = sorted({k for r in rows for k in r["stages"]})
    lines += ["", "## Time per stage (ms, median)", "",
              "| stage | " + " | ".join(f"{r['n']:,}" for r in rows) + " |",
              "|---|" + "---:|" * len(rows)]
    for k in names:
        lines.append(f"| {k} | " + " | ".join(f"{r['stages'].get(k, 0):.0f}" for r in rows) + " |")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        f = b["n"] / a["n"]
        lines += ["", "## Growth", "",
                  f"From {a['n']:,} to {b['n']:,} articles (x{f:.0f}): wall x{b['wall'] / a['wall']:.1f}, "
                  f"peak memory x{b['rss'] / a['rss']:.1f}, output files x{b['files'] / a['files']:.1f}."]
    if serve:
        lines += ["", "## `kheo serve`: edit to new page served", "",
                  "Save the article, then poll its page every 2 ms until the new text is served; 7 edits of",
                  "each kind, 2.5 s apart. *In place*: a summary change, which leaves the story in all its",
                  "lists (validated alone, swapped into the last site). *Moved*: the year changes too, so the",
                  "story is validated alone and the lists are regrouped and related models compared again. Both",
                  "include the watcher's 30 ms debounce, and compete with the background rebuild of the",
                  "site-wide files (about 3 s of one core at 10,000) that the edit before started.", "",
                  "| site | in place: median | worst | moved: median | worst |", "|---|---:|---:|---:|---:|"]
        for name, r in serve:
            lines.append(f"| {name} | {r['in place'][0]:.0f} ms | {r['in place'][1]:.0f} ms "
                         f"| {r['moved'][0]:.0f} ms | {r['moved'][1]:.0f} ms |")
    if imports[1]:
        lines += ["", "## `kheo import`: a register into an empty site", "",
                  f"A generated register of {imports[0]:,} rows (years stored as text, dates as Excel serial",
                  "numbers, an unknown column), imported as drafts into an empty site: read, validate, write",
                  f"(the site in `{out_dir}`, like the builds' output).", "",
                  "| format | runs | wall (median) |", "|---|---:|---:|"]
        for ext, (wall, runs) in imports[1].items():
            lines.append(f"| {ext} | {runs} | {wall * 1000:.0f} ms |")
    if cold:
        lines += cold_lines(cold)
    search = os.path.join(ROOT, "BENCHMARKS-search.md")
    if os.path.exists(search):
        body = open(search, encoding="utf-8").read().split("\n", 1)[1].lstrip("\n")
        body = body.replace("## Search", "## Search index and queries", 1)
        lines += ["", "<!-- from BENCHMARKS-search.md, written by scripts/bench-search.sh -->", "", body.rstrip()]
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    notes = old.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in old else "\n\n## Notes\n\n(Where the time goes, what was changed because of it.)\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n\n<!-- notes -->" + notes)


if __name__ == "__main__":
    main()
