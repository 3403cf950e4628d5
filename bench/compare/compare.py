#!/usr/bin/python3
"""Side-by-side: how many gold indicator rows each extractor recovers exactly.

Given PDFs with a gold JSON beside them (X.pdf + X.json, the dev corpus format), run each
peer's table extraction and count a gold indicator row as recovered when one extracted row
holds its 三级指标, 年度指标值, 实际完成值, 分值 and 得分 as cells (after NFKC and with all
whitespace removed, on both sides). A wrapped cell that comes out split over two rows does
not count. For ziping, read a projects.json written by `node dist/cli.js ingest <pdfs> --out
<dir>` and compare its indicators with gold by exact equality of the same five fields.

Peers (see setup.sh): pdfplumber v0.10.4 (`page.extract_tables()`, default settings), Camelot
v0.11.0 (lattice and stream, per file the better of the two; lattice renders pages with
pdftoppm through a small backend object, not Ghostscript), and `pdftotext -layout` (each line
split on runs of 2+ spaces).

    /usr/bin/python3 bench/compare/compare.py                      # dev corpus + producer fixtures
    /usr/bin/python3 bench/compare/compare.py --ziping out/projects.json
    /usr/bin/python3 bench/compare/compare.py --run-ziping --write bench/compare/RESULTS.md
    /usr/bin/python3 bench/compare/compare.py --only pdftotext a.pdf b.pdf
"""

import argparse
import collections
import contextlib
import glob
import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
VENDOR = os.path.join(HERE, "vendor")
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from shared_dir import dev_corpus  # noqa: E402  (one rule for the shared folder: ../shared)

DEFAULT_INPUTS = [
    dev_corpus(),
    os.path.join(ROOT, "test", "fixtures", "producers"),
]
FIELDS = ("level3", "target", "actual", "weight", "score")
PEERS = ("pdfplumber", "camelot", "pdftotext")

WS = re.compile(r"\s+")


def norm(text):
    """Given a cell (or None), return it NFKC-normalised with all whitespace removed."""
    if text is None:
        return ""
    return WS.sub("", unicodedata.normalize("NFKC", str(text)))


def gold_rows(gold):
    """Given a gold document, return the normalised five-field tuple of every indicator row."""
    return [tuple(norm(ind[f]) for f in FIELDS) for p in gold["projects"] for ind in p["indicators"]]


def count_recovered(wanted, rows):
    """Given gold tuples and extracted rows (lists of cells), return how many gold tuples are
    contained, as a multiset of cells, in some extracted row."""
    bags = [collections.Counter(norm(c) for c in row) for row in rows]
    found = 0
    for w in wanted:
        need = collections.Counter(w)
        if any(all(bag[k] >= n for k, n in need.items()) for bag in bags):
            found += 1
    return found


def producer_group(label):
    """Given a gold `producer` label ("a: LibreOffice Calc (xlsx)"), return its family name."""
    name = label.split(":", 1)[-1].split("(")[0].strip()
    return {"raster scan of a Chromium PDF": "scan (no text layer)"}.get(name, name)


# ---------------------------------------------------------------------------------------------
# peers; each returns a list of rows (lists of cell strings) for the whole file


def run_pdftotext(pdf):
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], check=True,
                         capture_output=True).stdout.decode("utf-8", "replace")
    return [re.split(r" {2,}", line.strip()) for line in out.splitlines() if line.strip()]


def run_pdfplumber(pdf):
    import pdfplumber

    rows = []
    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            for table in page.extract_tables():
                rows.extend([c if c is not None else "" for c in r] for r in table)
    return rows


class PdftoppmBackend:
    """Camelot image backend: render the one-page PDF Camelot hands over with pdftoppm.

    > Note: Camelot v0.11.0 offers 'ghostscript' (default, needs the ghostscript module and
    > libgs) and 'poppler' (needs the pdftopng binary from PyPI); any object with a
    > `convert(pdf_path, png_path)` method is accepted as `backend=`, so this one calls poppler's
    > pdftoppm instead. Lattice scales image coordinates back to PDF points itself.
    """

    def convert(self, pdf_path, png_path):
        stem = os.path.splitext(png_path)[0]
        subprocess.run(["pdftoppm", "-png", "-r", "300", "-singlefile", pdf_path, stem], check=True,
                       capture_output=True)
        if stem + ".png" != png_path:
            shutil.move(stem + ".png", png_path)


def _camelot_rows(pdf, flavor):
    import camelot

    kwargs = {"backend": PdftoppmBackend()} if flavor == "lattice" else {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = camelot.read_pdf(pdf, pages="all", flavor=flavor, **kwargs)
    rows = []
    for t in tables:
        rows.extend([str(c) for c in r] for r in t.df.values.tolist())
    return rows


def run_camelot(pdf):
    """Return lattice and stream rows; the caller keeps the flavour that recovers more."""
    out = {}
    for flavor in ("lattice", "stream"):
        try:
            out[flavor] = _camelot_rows(pdf, flavor)
        except Exception as e:  # a flavour that fails on a file recovers nothing there
            print(f"  camelot {flavor} failed on {os.path.basename(pdf)}: {e}", file=sys.stderr)
            out[flavor] = []
    return out


# ---------------------------------------------------------------------------------------------
# ziping


def load_ziping(path):
    """Given a projects.json (a list of records or {"projects": [...]}), return file name →
    list of indicator five-field tuples (not normalised: ziping must match exactly)."""
    data = json.load(open(path, encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("projects", data.get("records", []))
    by_file = collections.defaultdict(list)
    for rec in data:
        src = rec.get("source")
        name = os.path.basename(src.get("file", "") if isinstance(src, dict) else str(src or ""))
        for ind in rec.get("indicators") or []:
            by_file[name].append(tuple(ind.get(f) for f in FIELDS))
    return by_file


def count_exact(gold, found):
    """Given a gold document and ziping's tuples for that file, return how many gold rows
    occur among them (each ziping row used once)."""
    pool = collections.Counter(found)
    n = 0
    for p in gold["projects"]:
        for ind in p["indicators"]:
            key = tuple(ind[f] for f in FIELDS)
            if pool[key] > 0:
                pool[key] -= 1
                n += 1
    return n


def run_ziping(pdfs):
    """Run `node dist/cli.js ingest <pdfs> --out <tmp>`; return (projects.json path, seconds)."""
    out = tempfile.mkdtemp(prefix="ziping-compare-")
    t0 = time.perf_counter()
    proc = subprocess.run(["node", os.path.join(ROOT, "dist", "cli.js"), "ingest", *pdfs, "--out", out],
                          cwd=ROOT, capture_output=True, text=True)
    dt = time.perf_counter() - t0
    path = os.path.join(out, "projects.json")
    if not os.path.exists(path):
        print(f"ziping wrote no projects.json (exit {proc.returncode}): {proc.stderr[-500:]}", file=sys.stderr)
        return None, dt
    return path, dt


# ---------------------------------------------------------------------------------------------


def find_inputs(args):
    pdfs = []
    for item in args or DEFAULT_INPUTS:
        if not args and item == DEFAULT_INPUTS[0] and not os.path.isdir(item):
            print(f"compare.py: the development corpus is missing at {item} (../shared/corpus/dev beside the checkout, or $ZIPING_DEV_CORPUS); comparing the fixtures only", file=sys.stderr)
            continue
        if os.path.isdir(item):
            pdfs += sorted(glob.glob(os.path.join(item, "*.pdf")))
        else:
            pdfs.append(item)
    return [p for p in pdfs if os.path.exists(os.path.splitext(p)[0] + ".json")]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="*", help="PDFs or folders (default: dev corpus + producer fixtures)")
    ap.add_argument("--ziping", help="projects.json written by ziping for these PDFs")
    ap.add_argument("--run-ziping", action="store_true", help="run node dist/cli.js ingest on the PDFs")
    ap.add_argument("--only", action="append", choices=PEERS, help="run only these peers")
    ap.add_argument("--per-file", action="store_true", help="also print one line per file")
    ap.add_argument("--write", help="also write the markdown report to this file")
    args = ap.parse_args(argv)

    for name in ("pdfplumber", "camelot"):
        path = os.path.join(VENDOR, name)
        if os.path.isdir(path):
            sys.path.insert(0, path)
    logging.getLogger("camelot").setLevel(logging.ERROR)
    logging.getLogger("pdfminer").setLevel(logging.ERROR)

    pdfs = find_inputs(args.inputs)
    peers = args.only or list(PEERS)
    golds = {p: json.load(open(os.path.splitext(p)[0] + ".json", encoding="utf-8")) for p in pdfs}

    extractors = []
    ziping = None
    ziping_time = None
    if args.run_ziping:
        zpath, ziping_time = run_ziping(pdfs)
        ziping = load_ziping(zpath) if zpath else {}
    elif args.ziping:
        ziping = load_ziping(args.ziping)
    if ziping is not None:
        extractors.append("ziping")
    labels = {"pdfplumber": "pdfplumber 0.10.4", "camelot": "Camelot 0.11.0 (best of lattice/stream)",
              "pdftotext": "pdftotext -layout"}
    extractors += peers

    # hits[extractor][file] = recovered rows; seconds[extractor] = total time
    hits = collections.defaultdict(dict)
    seconds = collections.defaultdict(float)
    flavour_wins = collections.Counter()
    for pdf in pdfs:
        gold = golds[pdf]
        wanted = gold_rows(gold)
        name = os.path.basename(pdf)
        if ziping is not None:
            hits["ziping"][pdf] = count_exact(gold, ziping.get(name, []))
        for peer in peers:
            t0 = time.perf_counter()
            try:
                with contextlib.redirect_stdout(io.StringIO()):
                    result = {"pdftotext": run_pdftotext, "pdfplumber": run_pdfplumber, "camelot": run_camelot}[peer](pdf)
            except Exception as e:
                print(f"  {peer} failed on {name}: {e}", file=sys.stderr)
                result = []
            seconds[peer] += time.perf_counter() - t0
            if peer == "camelot":
                per = {fl: count_recovered(wanted, rows) for fl, rows in result.items()}
                best = max(per, key=per.get) if per else "lattice"
                flavour_wins[best] += 1
                hits[peer][pdf] = per.get(best, 0)
                hits["camelot-lattice"][pdf] = per.get("lattice", 0)
                hits["camelot-stream"][pdf] = per.get("stream", 0)
            else:
                hits[peer][pdf] = count_recovered(wanted, result)
        print(f"{name}: {len(wanted)} gold rows; " + ", ".join(f"{e} {hits[e].get(pdf, 0)}" for e in extractors),
              file=sys.stderr)
    if ziping_time is not None:
        seconds["ziping"] = ziping_time
    if "camelot" in peers:
        i = extractors.index("camelot") + 1
        extractors[i:i] = ["camelot-lattice", "camelot-stream"]
        labels["camelot-lattice"] = "  Camelot lattice only"
        labels["camelot-stream"] = "  Camelot stream only"
    labels["ziping"] = "ziping (exact record fields)"

    groups = collections.OrderedDict()
    for pdf in pdfs:
        groups.setdefault(producer_group(golds[pdf]["producer"]), []).append(pdf)
    total_rows = {pdf: len(gold_rows(golds[pdf])) for pdf in pdfs}

    def share(ext, files):
        n = sum(total_rows[f] for f in files)
        if not n:
            return "n/a"
        h = sum(hits[ext].get(f, 0) for f in files)
        return f"{100 * h / n:.1f}% ({h}/{n})"

    cols = [g for g in groups if sum(total_rows[f] for f in groups[g])]
    lines = []
    lines.append("| extractor | " + " | ".join(f"{g} ({len(groups[g])} PDF)" for g in cols) + " | overall | time |")
    lines.append("| --- | " + " | ".join("---:" for _ in cols) + " | ---: | ---: |")
    for ext in extractors:
        t = seconds.get(ext)
        t = "(in Camelot)" if ext.startswith("camelot-") else ("not run here" if t is None else f"{t:.1f} s")
        lines.append(f"| {labels[ext]} | " + " | ".join(share(ext, groups[g]) for g in cols)
                     + f" | {share(ext, pdfs)} | {t} |")
    table = "\n".join(lines)

    per_file = ["| file | producer | gold rows | " + " | ".join(extractors) + " |",
                "| --- | --- | ---: | " + " | ".join("---:" for _ in extractors) + " |"]
    for pdf in pdfs:
        per_file.append(f"| {os.path.basename(pdf)} | {producer_group(golds[pdf]['producer'])} | {total_rows[pdf]} | "
                        + " | ".join(str(hits[e].get(pdf, 0)) for e in extractors) + " |")
    per_file = "\n".join(per_file)
    print(table)
    if args.per_file:
        print()
        print(per_file)
    if "camelot" in peers:
        print(f"\nCamelot flavour kept per file: {dict(flavour_wins)}")

    if args.write:
        with open(args.write, "w", encoding="utf-8") as f:
            f.write("# Indicator rows recovered: ziping and peers\n\n")
            f.write(f"Written by `bench/compare/compare.py` on {time.strftime('%Y-%m-%d')}, {len(pdfs)} PDFs "
                    f"with gold JSON ({sum(total_rows.values())} gold indicator rows). A gold row counts as "
                    "recovered when one extracted row holds its 三级指标, 年度指标值, 实际完成值, 分值 and 得分 "
                    "as cells (NFKC, whitespace removed); for ziping, when a record of that file has an "
                    "indicator whose five fields equal the gold exactly. Times are wall-clock seconds for all files: "
                    "each peer in this Python process, one file at a time; ziping as one node process.\n\n")
            if ziping is not None:
                head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                      text=True).stdout.strip()
                how = "`node dist/cli.js ingest <all PDFs>` (one process, time includes start-up)" \
                    if args.run_ziping else f"`{args.ziping}`"
                f.write(f"ziping: {how}, dist/ as built in the tree at commit {head or '?'}.\n\n")
            f.write(table + "\n\n")
            if "camelot" in peers:
                f.write(f"Camelot: per file the flavour that recovered more was kept ({dict(flavour_wins)}).\n\n")
            f.write("## Per file\n\n" + per_file + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
