#!/usr/bin/env python3
"""Incremental builds: a cold build, then rebuilds after the edits issue 17 names.

    scripts/bench_incremental.py [--n 1000 10000] [--runs 3] [--out-base /dev/shm/kheo-inc]
                                 [--disk] [--markdown BENCHMARKS-incremental.md]

For each corpus size (made by scripts/corpus_gen.py under target/bench/, never
committed) it times, with the release binary:

- cold: `kheo build --no-cache` into a fresh output folder (the state is then made by a
  normal build, not timed);
- nothing changed: `kheo build` again;
- body edit: one sentence appended to one story (a different story each run);
- moved: one story's year changed (it moves between year lists and pages);
- template: a template override added (every job runs again; unchanged files are not
  written).

Each figure is the median of --runs runs; "written" is the number of files the build
wrote (from kheo's summary line). The output is on tmpfs by default (--disk: under
target/, the machine's disk). Writes a Markdown table to --markdown.
"""

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KHEO = ROOT / "target" / "release" / "kheo"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def corpus(n):
    site = ROOT / "target" / "bench" / f"inc-{n}"
    if not (site / "content").is_dir():
        site.mkdir(parents=True, exist_ok=True)
        seeds = ["--seeds-dir", "/work/shared/seeds"] if Path("/work/shared/seeds").is_dir() else []
        run([sys.executable, str(ROOT / "scripts" / "corpus_gen.py"), "--n", str(n), "--out", str(site)] + seeds)
        shutil.copy(ROOT / "site.yaml", site / "site.yaml")
    return site


def build(site, out, *extra):
    env = dict(os.environ, KHEO_LANG="en")
    before = stamps(out)
    t = time.perf_counter()
    p = subprocess.run([str(KHEO), "build", "--root", str(site), "--out", str(out), *extra],
                       capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"build failed:\n{p.stderr}")
    m = re.search(r"(\d+) changed files written, (\d+) files no longer used removed", p.stderr)
    # Files new or replaced (by inode, time and size). A build that replaced the whole
    # output says so without a count: then these are what it wrote.
    changed = [st for f, st in stamps(out).items() if before.get(f) != st]
    written = int(m.group(1)) if m else len(changed)
    return wall, written, sum(st[2] for st in changed)


def stamps(out):
    """Every output file's (inode, modification time, size), by path."""
    found = {}
    for dirpath, _, names in os.walk(out):
        for name in names:
            path = os.path.join(dirpath, name)
            st = os.stat(path)
            found[path] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return found


def output_size(out):
    files = 0
    size = 0
    for dirpath, _, names in os.walk(out):
        for name in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, name))
    return files, size


def stories(site):
    return sorted(site.glob("content/**/*.md"))


def summary(builds):
    """Median wall time, files written and bytes written of some builds."""
    return tuple(median([b[k] for b in builds]) for k in range(3))


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def bench(n, runs, out_base):
    site = corpus(n)
    out = out_base / f"public-{n}"
    shutil.rmtree(site / ".kheo-cache" / "build-state", ignore_errors=True)
    (site / "templates").mkdir(exist_ok=True)
    override = site / "templates" / "bench-note.html"
    override.unlink(missing_ok=True)
    rows = {}
    cold = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        cold.append(build(site, out, "--no-cache")[0])
    files, size = output_size(out)
    rows["cold (from nothing)"] = (median(cold), files, size)
    build(site, out)  # leaves the state
    same = [build(site, out) for _ in range(runs)]
    rows["nothing changed"] = summary(same)
    paths = stories(site)
    body = []
    for i in range(runs):
        p = paths[(i * 7919) % len(paths)]
        p.write_text(p.read_text(encoding="utf-8") + f"\nMột câu thêm ở lần đo {i}.\n", encoding="utf-8")
        body.append(build(site, out))
    rows["one story's body edited"] = summary(body)
    moved = []
    for i in range(runs):
        p = paths[(i * 104729 + 13) % len(paths)]
        text = p.read_text(encoding="utf-8")
        year = re.search(r"^year: (\d{4})", text, re.M)
        new = "2019" if year and year.group(1) != "2019" else "2020"
        p.write_text(re.sub(r"^year: \d{4}", f"year: {new}", text, count=1, flags=re.M), encoding="utf-8")
        moved.append(build(site, out))
    rows["one story moved (year)"] = summary(moved)
    template = []
    for i in range(runs):
        override.write_text(f"<!-- {i} -->\n", encoding="utf-8")
        template.append(build(site, out))
    rows["a template changed"] = summary(template)
    override.unlink(missing_ok=True)
    build(site, out)
    return rows, files, size


def human(size):
    """Bytes as B, KB or MB (powers of 1,024)."""
    if size < 1024:
        return f"{size:.0f} B"
    if size < 2**20:
        return f"{size / 1024:.1f} KB"
    return f"{size / 2**20:,.1f} MB"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out-base", type=Path, default=Path("/dev/shm/kheo-inc"))
    ap.add_argument("--disk", action="store_true", help="write under target/ instead of tmpfs")
    ap.add_argument("--markdown", type=Path, default=ROOT / "BENCHMARKS-incremental.md")
    a = ap.parse_args()
    run(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    base = ROOT / "target" / "bench" / "inc-out" if a.disk else a.out_base
    base.mkdir(parents=True, exist_ok=True)
    where = "the disk (ext4, under target/)" if a.disk else "tmpfs (/dev/shm)"
    commit = run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT).stdout.strip()
    lines = [
        "## Incremental builds",
        "",
        f"Made by `scripts/bench_incremental.py` on {time.strftime('%Y-%m-%d')}, commit `{commit}`, "
        f"{os.cpu_count()} CPU(s), {platform.machine()}; output on {where}; median of {a.runs} runs. "
        "*written*: files the build wrote (the others were left untouched), and their bytes.",
        "",
        "| articles | build | wall (median) | share of cold | files written | bytes written |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    sizes = []
    for n in a.n:
        rows, files, size = bench(n, a.runs, base)
        cold = rows["cold (from nothing)"][0]
        for name, (wall, written, size_written) in rows.items():
            share = "100 %" if name.startswith("cold") else f"{100 * wall / cold:.0f} %"
            w = f"{written:,.0f}" if written == written else "n/a"
            lines.append(f"| {n:,} | {name} | {wall:.2f} s | {share} | {w} | {human(size_written)} |")
        sizes.append((n, files, size))
        print("\n".join(lines[-len(rows):]), flush=True)
    lines += ["", "| articles | output files | output size | files per article | KB per article | crosses GitHub Pages' 1 GB near |", "|---:|---:|---:|---:|---:|---:|"]
    for n, files, size in sizes:
        crosses = 10**9 / (size / n)
        lines.append(f"| {n:,} | {files:,} | {size / 2**20:,.0f} MB | {files / n:.1f} | {size / n / 1024:.1f} | {crosses:,.0f} articles |")
    a.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {a.markdown}")


if __name__ == "__main__":
    main()
