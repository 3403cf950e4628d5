"""Helpers the templates share: printing numbers, the indicator block with merged labels, the
form's arithmetic on a gold project."""

from decimal import Decimal

from arith import D, grade_of, rate, round_half_up, trunc2
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


AMOUNTS = ["initial_budget", "full_year_budget", "executed"]


def broken_rules(p, sub_rows, rounding, grades=True):
    """Given a gold project, the rows below the total that sum to it, how the form rounds rates
    and the execution score ("truncate" or "round", half-up) and whether a printed grade is
    checked, return the set of rule codes the project breaks. A row printed as / counts 0."""
    bad = set()
    f = p["funds"]
    for key in ["total"] + sub_rows:
        row = f[key]
        if row["execution_rate"] is not None and D(row["execution_rate"]) != rate(D(row["executed"]), D(row["full_year_budget"]), rounding):
            bad.add("rate_mismatch")
    for k in AMOUNTS:
        if D(f["total"][k]) != sum(D(f[s][k] or 0) for s in sub_rows):
            bad.add("funds_sum_mismatch")
    exec_score = D(f["total"]["weight"]) * D(f["total"]["execution_rate"]) / 100
    if D(f["total"]["score"]) != (trunc2(exec_score) if rounding == "truncate" else round_half_up(exec_score)):
        bad.add("exec_score_mismatch")
    inds = p["indicators"]
    if D(f["total"]["weight"]) + sum(D(i["weight"]) for i in inds) != D(p["total_weight"]):
        bad.add("weight_sum_not_100")
    if any(D(i["score"]) > D(i["weight"]) for i in inds):
        bad.add("score_exceeds_weight")
    recomputed = D(f["total"]["score"]) + sum(D(i["score"]) for i in inds)
    if p["total_score"] is None:
        bad.add("missing_total_score")
    elif D(p["total_score"]) != recomputed:
        bad.add("total_mismatch")
    if grades and p["grade"] is not None:
        printed = D(p["total_score"]) if p["total_score"] is not None else recomputed
        if p["grade"] != grade_of(printed):
            bad.add("grade_mismatch")
    return bad
