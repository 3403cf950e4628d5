#!/usr/bin/python3
"""Layout sampler: from a seed, draw fresh project tables and fresh layouts, render them with
real producers, and write the exact expected record beside each PDF.

    /usr/bin/python3 scripts/sampler/sample.py --seed N --count K --out DIR
        [--producers calc-xlsx,writer-docx,writer-html,chromium-html] [--borders all,none,outer,horizontal]
        [--templates shanghai-2023,...] [--jobs J] [--keep-sources]
    /usr/bin/python3 scripts/sampler/sample.py check GOLD.json|DIR ...

K is the number of tables; they are spread over files of 1–4 tables. DIR receives <name>.pdf,
<name>.json (the gold: {"source", "producer", "layout", "projects": [...]}) and sample.json
(the index). Same seed, same records and layouts (PDFs differ only in their timestamps).
`check` verifies the arithmetic of golds: a table breaks exactly the rules its
`injected_errors` names, and none other. Needs Debian's python3 (python3-docx, python3-openpyxl,
python3-pil), chromium, libreoffice (writer, calc) and poppler-utils.
"""

import argparse
import glob
import itertools
import json
import os
import random
import shutil
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import decor  # noqa: E402
import html_render  # noqa: E402
import produce  # noqa: E402
import verify  # noqa: E402
from layout import BORDERS, PRODUCER_LABELS, PRODUCERS, draw_layout  # noqa: E402
from templates import TEMPLATES  # noqa: E402

FILE_SIZES = ([1, 2, 3, 4], [45, 25, 18, 12])
INJECT_SHARE = 1 / 6


# -------------------------------------------------------------------------------------------
# drawing


def plan(seed, count, producers, borders, templates):
    """Return the list of files to render: name, template, layout, gold projects, variants."""
    rng = random.Random(f"ziping-sampler:{seed}")
    sizes = []
    while sum(sizes) < count:
        sizes.append(min(count - sum(sizes), rng.choices(*FILE_SIZES)[0]))
    # exactly one table in six carries one inconsistency; codes taken in turn
    n_inject = round(count * INJECT_SHARE)
    injected = set(rng.sample(range(count), n_inject))
    # producer × border combinations in shuffled rounds, so that a small sample covers them all;
    # templates assigned across each round so that every template meets every producer
    combos = list(itertools.product(range(len(producers)), range(len(borders))))
    schedule = []
    rnd_no = 0
    while len(schedule) < len(sizes):
        rnd = combos[:]
        rng.shuffle(rnd)
        schedule += [(producers[p], borders[b], templates[(p + b + rnd_no) % len(templates)]) for p, b in rnd]
        rnd_no += 1
    files = []
    table = 0
    code_turn = {}
    for idx, n in enumerate(sizes):
        frng = random.Random(f"ziping-sampler:{seed}:{idx}")
        producer, border, tid = schedule[idx]
        T = TEMPLATES[tid]
        projects, variants = [], []
        for _ in range(n):
            inject = None
            if table in injected:
                turn = code_turn.get(tid, rng.randrange(len(T.CODES)))
                inject = T.CODES[turn % len(T.CODES)]
                code_turn[tid] = turn + 1
            p, v = T.draw_project(frng, inject)
            projects.append(p)
            variants.append(v)
            table += 1
        lay = draw_layout(frng, n, [producer], [border], department=projects[0].get("department", ""))
        lay["template"] = tid
        if not getattr(T, "REPEATS_HEADER", True):
            lay["repeat_header"] = False  # what the form allows, as rendered
        lay["projects"] = [feature_of_variant(v) for v in variants]
        files.append(dict(name=f"s{seed}-{idx + 1:03d}", template=tid, layout=lay, projects=projects, variants=variants))
    return files


def feature_of_variant(v):
    """The per-table form features reported (scalars only)."""
    out = {k: val for k, val in v.items() if isinstance(val, (str, bool, int, float))}
    n = v.get("n_indicators", 0)
    out["indicators"] = "3-5" if n <= 5 else "6-14" if n <= 14 else "15-24" if n <= 24 else "25-40"
    return out


# -------------------------------------------------------------------------------------------
# rendering


def write_sources(f, work):
    """Write the producer's source document(s) for one file; return the source path."""
    T = TEMPLATES[f["template"]]
    forms = [T.build(p, v) for p, v in zip(f["projects"], f["variants"])]
    for form, p in zip(forms, f["projects"]):
        extra = verify.cells_not_in_gold(form, p)
        if extra:
            f.setdefault("problems", []).append("cells printed but not in the gold: " + " | ".join(x[:20] for x in extra[:5]))
    lay = f["layout"]
    seal = None
    if lay["seal"] != "none":
        seal = decor.seal_png(os.path.join(work, f["name"] + "-seal.png"), f["projects"][0]["implementing_unit"])
    prod = lay["producer"]
    if prod in ("chromium-html", "writer-html"):
        flavour = "chromium" if prod == "chromium-html" else "writer"
        src = os.path.join(work, f["name"] + ".html")
        with open(src, "w", encoding="utf-8") as fh:
            fh.write(html_render.document(forms, lay, flavour, os.path.basename(seal) if seal else None))
        return src
    if prod == "writer-docx":
        import docx_render
        src = os.path.join(work, f["name"] + ".docx")
        docx_render.document(forms, lay, src, seal)
        return src
    if prod == "calc-xlsx":
        import xlsx_render
        src = os.path.join(work, f["name"] + ".xlsx")
        xlsx_render.document(forms, lay, src, seal)
        return src
    raise ValueError(prod)


def render(files, out, jobs, keep_sources=False):
    """Render every file into `out`; return {name: error} for files that failed."""
    work = tempfile.mkdtemp(prefix="ziping-sampler-")
    srcdir = os.path.join(work, "src")
    pdfdir = os.path.join(work, "pdf")
    os.makedirs(srcdir)
    os.makedirs(pdfdir)
    errors = {}
    sources = {}
    for f in files:
        try:
            sources[f["name"]] = write_sources(f, srcdir)
        except Exception as e:  # a broken draw is reported and the rest goes on
            errors[f["name"]] = f"source: {type(e).__name__}: {e}"
    tasks = []
    batches = {}
    for f in files:
        if f["name"] not in sources:
            continue
        prod, lay, src = f["layout"]["producer"], f["layout"], sources[f["name"]]
        if prod == "chromium-html":
            tasks.append(([f["name"]], produce.chromium_task(src, os.path.join(pdfdir, f["name"] + ".pdf"))))
        else:
            kind = {"writer-docx": "writer", "writer-html": "writer-html", "calc-xlsx": "calc"}[prod]
            wm = lay["watermark_text"] if lay["watermark"] == "text" else None
            batches.setdefault((kind, wm), []).append(f["name"])
    for (kind, wm), names in batches.items():
        for k in range(0, len(names), produce.LO_BATCH):
            chunk = names[k:k + produce.LO_BATCH]
            tasks.append((chunk, produce.soffice_task(kind, [sources[n] for n in chunk], pdfdir, wm)))
    # LibreOffice batches first: they are the long ones
    tasks.sort(key=lambda t: -len(t[0]))
    for names, err in produce.run_all(tasks, jobs, work):
        if err:
            for n in names:
                errors.setdefault(n, err)
    for f in files:
        pdf = os.path.join(pdfdir, f["name"] + ".pdf")
        if f["name"] in errors or not os.path.exists(pdf):
            errors.setdefault(f["name"], "no PDF")
            continue
        shutil.copy(pdf, os.path.join(out, f["name"] + ".pdf"))
        if keep_sources:
            for extra in glob.glob(os.path.join(srcdir, f["name"] + "*")):
                shutil.copy(extra, out)
    shutil.rmtree(work, ignore_errors=True)
    return errors


def post_check(f, out):
    """Measure pages and cut groups, verify the gold against the page; return problems."""
    pdf = os.path.join(out, f["name"] + ".pdf")
    lay = f["layout"]
    problems = list(f.get("problems", []))
    pages = verify.page_count(pdf)
    ws = verify.words(pdf)
    rp = verify.row_pages(ws, f["projects"])
    split, cut = verify.cut_features(f["projects"], rp)
    lay["rendered"] = {"pages": pages, "table_split": split, "cut_group": cut}
    miss = verify.missing_chars(pdf, f["projects"])
    if miss:
        problems.append("gold characters not on the page: " + "".join(f"{c}×{n}" for c, n in sorted(miss.items())[:30]))
    wm = lay["watermark_text"] if lay["watermark"] == "text" else ""
    ov = verify.overlaps(ws, wm)
    if ov:
        problems.append(f"{len(ov)} overlapping words, e.g. page {ov[0][0]}: {ov[0][1][:20]!r} / {ov[0][2][:20]!r}")
    return problems


def gold_of(f):
    return {"source": f["name"] + ".pdf", "producer": PRODUCER_LABELS[f["layout"]["producer"]],
            "template": f["template"], "layout": f["layout"], "projects": f["projects"]}


def pages_bucket(n):
    return "1" if n <= 1 else "2" if n == 2 else "3-5" if n <= 5 else "6+"


def sample(args):
    producers = args.producers.split(",") if args.producers else PRODUCERS
    borders = args.borders.split(",") if args.borders else BORDERS
    templates = args.templates.split(",") if args.templates else list(TEMPLATES)
    for name, allowed in (("producer", PRODUCERS), ("border", BORDERS), ("template", list(TEMPLATES))):
        given = {"producer": producers, "border": borders, "template": templates}[name]
        bad = [x for x in given if x not in allowed]
        if bad:
            print(f"unknown {name} {', '.join(bad)}; choose from {', '.join(allowed)}", file=sys.stderr)
            return 2
    os.makedirs(args.out, exist_ok=True)
    t0 = time.time()
    files = plan(args.seed, args.count, producers, borders, templates)
    bad_arith = 0
    for f in files:
        for p in f["projects"]:
            broken = TEMPLATES[f["template"]].check(p)
            if broken != sorted(p["injected_errors"]):
                bad_arith += 1
                print(f"{f['name']}: {p['project_name']}: breaks {broken}, injected {p['injected_errors']}", file=sys.stderr)
    t1 = time.time()
    errors = render(files, args.out, args.jobs, args.keep_sources)
    t2 = time.time()
    index = []
    problems_total = 0
    for f in files:
        entry = {"name": f["name"], "template": f["template"], "producer": f["layout"]["producer"],
                 "tables": len(f["projects"])}
        if f["name"] in errors:
            entry["error"] = errors[f["name"]]
            print(f"{f['name']}: {errors[f['name']]}", file=sys.stderr)
        else:
            probs = post_check(f, args.out)
            if probs:
                entry["problems"] = probs
                problems_total += 1
                for pr in probs:
                    print(f"{f['name']} ({f['layout']['producer']}): {pr}", file=sys.stderr)
            entry["pdf"] = f["name"] + ".pdf"
            entry["gold"] = f["name"] + ".json"
            with open(os.path.join(args.out, f["name"] + ".json"), "w", encoding="utf-8") as fh:
                json.dump(gold_of(f), fh, ensure_ascii=False, indent=1)
                fh.write("\n")
        entry["features"] = file_features(f)
        index.append(entry)
    t3 = time.time()
    meta = {"seed": args.seed, "count": args.count, "producers": producers, "borders": borders, "templates": templates,
            "files": index, "tables": sum(len(f["projects"]) for f in files),
            "failed": sorted(errors), "gold_problems": problems_total, "arithmetic_problems": bad_arith,
            "seconds": {"draw": round(t1 - t0, 2), "render": round(t2 - t1, 2), "verify": round(t3 - t2, 2)}}
    with open(os.path.join(args.out, "sample.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    print(f"{len(files)} files, {meta['tables']} tables in {args.out}: {len(errors)} failed, "
          f"{problems_total} with gold problems, {bad_arith} arithmetic problems "
          f"(render {t2 - t1:.0f} s, verify {t3 - t2:.0f} s)")
    return 1 if bad_arith else 0


def file_features(f):
    """Scalar layout features of a file, as reported."""
    lay = f["layout"]
    out = {k: v for k, v in lay.items() if isinstance(v, (str, bool, int, float)) and k not in
           ("header_text", "watermark_text")}
    out["tables_in_file"] = len(f["projects"])
    r = lay.get("rendered")
    if r:
        out["pages"] = pages_bucket(r["pages"])
        out["table_split"] = r["table_split"]
        out["cut_group"] = r["cut_group"]
    return out


# -------------------------------------------------------------------------------------------
# check


def check(paths):
    """Given gold files or folders, print every table whose broken rules differ from its
    injected_errors; return the number of such tables."""
    files = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.json"))) if os.path.isdir(p) else [p]
    bad = n = 0
    for path in files:
        if os.path.basename(path) == "sample.json":
            continue
        gold = json.load(open(path, encoding="utf-8"))
        if not isinstance(gold, dict) or "projects" not in gold:
            continue
        tid = gold.get("template") or gold.get("layout", {}).get("template") or "shanghai-2023"
        T = TEMPLATES[tid]
        for p in gold["projects"]:
            n += 1
            broken = T.check(p)
            if broken != sorted(p.get("injected_errors") or []):
                bad += 1
                print(f"{os.path.basename(path)}: {p.get('project_name')}: breaks {broken}, "
                      f"injected {p.get('injected_errors')}")
    print(f"{n} tables checked, {bad} with unexpected arithmetic")
    return bad


def main(argv):
    if argv and argv[0] == "check":
        return 1 if check(argv[1:] or ["."]) else 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, required=True, help="number of tables")
    ap.add_argument("--out", required=True)
    ap.add_argument("--producers")
    ap.add_argument("--borders")
    ap.add_argument("--templates")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep-sources", action="store_true", help="copy the HTML/DOCX/XLSX sources to --out")
    args = ap.parse_args(argv)
    if args.count < 1:
        ap.error("--count must be at least 1")
    return sample(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
