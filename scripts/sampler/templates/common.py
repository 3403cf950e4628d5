"""Helpers the templates share: printing numbers, the indicator block with merged labels."""

from decimal import Decimal

from arith import D
from model import Cell


def with_sep(s):
    """Given a plain decimal string, return it with thousands separators (else unchanged)."""
    if s is None or not s.replace(".", "").replace("-", "").isdigit():
        return s
    neg = s.startswith("-")
    s = s.lstrip("-")
    whole, _, frac = s.partition(".")
    whole = f"{int(whole):,}"
    return ("-" if neg else "") + whole + ("." + frac if frac else "")


def sep_if(s, thousands):
    return with_sep(s) if thousands and s is not None else s


def num_text(x):
    """Given a Decimal, return it without trailing zeros (96.50 → 96.5, 100.00 → 100)."""
    x = D(x)
    if x == x.to_integral_value():
        return str(x.quantize(Decimal(1)))
    return format(x.normalize(), "f")


def group_spans(inds, i):
    """Given indicator rows and a row index, return (level1 rowspan or 0, level2 rowspan or 0):
    the size of the merged group that starts at row i, 0 where the row continues a group."""
    def span(key):
        if i and key(inds[i - 1]) == key(inds[i]):
            return 0
        n = 1
        while i + n < len(inds) and key(inds[i + n]) == key(inds[i]):
            n += 1
        return n
    return span(lambda r: r["level1"]), span(lambda r: (r["level1"], r["level2"]))


def label_cells(inds, i, level1_text=None):
    """The merged 一级/二级 label cells that start at row i (none where the row continues a group).
    `level1_text` prints the level-1 label differently (产出指标(50分))."""
    s1, s2 = group_spans(inds, i)
    cells = []
    if s1:
        cells.append(Cell(level1_text(inds[i]["level1"]) if level1_text else inds[i]["level1"], 1, s1, "center", "label"))
    if s2:
        cells.append(Cell(inds[i]["level2"], 1, s2, "center", "label"))
    return cells


def vertical(text):
    """A side label printed one character per line (绩 效 指 标)."""
    return "\n".join(text)
