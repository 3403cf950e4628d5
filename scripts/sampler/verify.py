"""Checks on a rendered PDF against its gold, with poppler (pdftotext, pdfinfo).

- `missing_chars`: every character of every gold value must be on the pages (a multiset test
  after NFKC and without whitespace): catches text a producer clipped or dropped.
- `overlaps`: words whose boxes overlap (text drawn over text): catches a Calc row too low for
  its wrapped text. Watermark words are ignored.
- `row_pages`: on which page each indicator row starts (its 三级指标 text), to tell whether a
  merged label group or a table is cut by a page break.
"""

import re
import subprocess
import unicodedata
from collections import Counter
from html import unescape


def nfkc_chars(text):
    return [ch for ch in unicodedata.normalize("NFKC", text or "") if not ch.isspace()]


def page_count(pdf):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    m = re.search(r"^Pages:\s+(\d+)", out, re.M)
    return int(m.group(1)) if m else 0


PARTS = ("target_nature", "target_value", "target_unit", "actual_value")


def gold_strings(p, parts=False):
    """Every printed value of a gold project (amounts with their separators removed); with
    `parts`, also the printed parts a composed value is made of (指标性质, 指标值 …)."""
    out = []
    skip = ("anomalies", "injected_errors", "grade_source") + (() if parts else PARTS)

    def walk(x):
        if isinstance(x, dict):
            for k, v in x.items():
                if k in skip:
                    continue
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
        elif isinstance(x, str):
            out.append(x)
    inds = p.get("indicators") or []
    # a grade named in 评价结论 is printed once, inside that text
    # and a year printed inside the title is printed once
    walk({k: v for k, v in p.items() if k != "indicators" and not (k == "grade" and p.get("grade_source") == "conclusion")
          and not (k == "year" and v and v in (p.get("title") or ""))})
    for i, ind in enumerate(inds):
        # merged 一级/二级 labels are printed once per group, not once per row
        prev = inds[i - 1] if i else {}
        if ind.get("level1") != prev.get("level1"):
            out.append(ind.get("level1") or "")
        if (ind.get("level1"), ind.get("level2")) != (prev.get("level1"), prev.get("level2")):
            out.append(ind.get("level2") or "")
        composed = ("target", "actual") if ind.get("target_nature") is not None and not parts else ()
        if composed:  # target/actual are composed of printed parts: count the parts
            walk({k: ind.get(k) for k in PARTS})
        walk({k: v for k, v in ind.items() if k not in ("level1", "level2") + composed + (() if parts else PARTS)})
    return out


def missing_chars(pdf, projects):
    """Return the characters (with counts) the gold holds but the pages do not."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
    have = Counter(nfkc_chars(text))
    need = Counter()
    for p in projects:
        for s in gold_strings(p):
            need.update(nfkc_chars(s))
    # the gold drops separators that the page prints, never the reverse
    return {ch: n - have[ch] for ch, n in need.items() if have[ch] < n}


def _norm(text):
    return "".join(nfkc_chars(text)).replace(",", "")


def cells_not_in_gold(form, project):
    """Given a printed Form and its gold project, return the texts of value cells (and the title)
    that the gold does not hold: by construction a table prints only gold values and labels."""
    from model import Para
    have = {_norm(s) for s in gold_strings(project, parts=True)}
    missing = []
    for b in form.blocks:
        if isinstance(b, Para):
            if b.kind == "title" and _norm(b.text) not in have:
                missing.append(b.text)
            continue
        for row in b.rows:
            for c in row.cells:
                if c.kind in ("label", "blank"):
                    continue
                t = _norm(c.gold if c.gold is not None else c.text)
                if t and t not in ("-", "—", "/") and t not in have:
                    missing.append(c.text)
    return missing


def words(pdf):
    """Return [(page, x0, y0, x1, y1, text)] from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout
    res, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            res.append((page, x0, y0, x1, y1, unescape(m.group(5))))
    return res


def _size(w):
    """Estimated font size of a word from its width (CJK characters are one em wide)."""
    text = w[5]
    cjk = sum(1 for ch in text if ord(ch) >= 0x2E80)
    ems = cjk + 0.55 * (len(text) - cjk)
    return (w[3] - w[1]) / ems if ems else (w[4] - w[2]) / 2


def overlaps(ws, ignore_chars=""):
    """Return pairs of words on one page drawn over each other: overlapping horizontally, with
    baselines less than half a font size apart (poppler's word boxes are as tall as the font's
    bounding box, so the boxes of neighbouring lines overlap; their centres do not)."""
    ign = set(ignore_chars)
    # Chromium trims the spacing of adjacent full-width punctuation (”。 → half-width each), so a
    # lone punctuation mark's box overlaps its neighbour's while the ink does not
    punct = set("，。；：、（）“”‘’《》！？·")
    bad = []
    by_page = {}
    for w in ws:
        if ign and set(w[5]) <= ign:
            continue
        by_page.setdefault(w[0], []).append(w)
    for page, items in by_page.items():
        items.sort(key=lambda w: w[2])
        for a_i, a in enumerate(items):
            for b in items[a_i + 1:]:
                if b[2] >= a[4]:
                    break
                if (len(a[5]) == 1 and a[5] in punct) or (len(b[5]) == 1 and b[5] in punct):
                    continue
                ix = min(a[3], b[3]) - max(a[1], b[1])
                if ix <= 0.3 * min(a[3] - a[1], b[3] - b[1]):
                    continue
                dy = abs((a[2] + a[4]) - (b[2] + b[4])) / 2
                if dy < 0.5 * min(_size(a), _size(b)):
                    bad.append((page, a[5], b[5]))
    return bad


def _key(s):
    return "".join(nfkc_chars(s))


def row_pages(ws, projects):
    """Return, per project, the page on which each indicator's 三级指标 starts (None if not found)."""
    # reading order of the page, not poppler's flow order: rows run top to bottom
    seq = [(w[0], _key(w[5])) for w in sorted(ws, key=lambda w: (w[0], round(w[2]), w[1]))]
    pos = 0
    out = []
    for p in projects:
        pages = []
        for ind in p.get("indicators", []):
            name = _key(ind.get("level3") or "")
            found = None
            for k in range(pos, len(seq)):
                t = seq[k][1]
                if len(t) >= min(2, len(name)) and name.startswith(t) or (len(t) > 4 and len(name) > 4 and t.startswith(name[:6])):
                    found = k
                    break
            if found is None:
                pages.append(None)
            else:
                pages.append(seq[found][0])
                pos = found + 1
        out.append(pages)
    return out


def cut_features(projects, pages_per_project):
    """Given gold projects and their indicator pages, return (table_split, cut_group):
    whether an indicator block runs over a page break, and whether a merged 一级/二级 group does."""
    split = cut = False
    unknown = False
    for p, pages in zip(projects, pages_per_project):
        if any(x is None for x in pages):
            unknown = True
            continue
        if pages and pages[0] != pages[-1]:
            split = True
        inds = p.get("indicators", [])
        start = 0
        for i in range(1, len(inds) + 1):
            if i == len(inds) or (inds[i]["level1"], inds[i]["level2"]) != (inds[start]["level1"], inds[start]["level2"]):
                group = pages[start:i]
                if len(group) > 1 and group[0] != group[-1]:
                    cut = True
                start = i
    if unknown and not (split or cut):
        return "unknown", "unknown"
    return ("yes" if split else "no"), ("yes" if cut else "no")
