"""Template `national`: the Ministry of Finance 项目支出绩效自评表 that district governments copy.

Title 项目支出绩效自评表 or 财政项目支出绩效自评表 with a separate year line （2022年度）; 项目名称;
主管部门 / 实施单位; 项目资金（元）or（万元）with columns 年初预算数 / 全年预算数 / 全年执行数 / 分值 /
执行率 / 得分 (分值 before 执行率), rows 年度资金总额(：) / 其中：当年财政拨款 (本年财政拨款) / 上年结转资金 /
其他资金, placeholders — or / on the sub-rows; rates printed with % and rounded half-up; amounts with
or without separators, with two, one or no decimals; 年度总体目标; the indicator block under a side
label 绩效指标 (often one character per line), level-1 cells that may carry points 产出指标(50分),
偏差原因分析及改进措施; a 总分 row; integer weights; no grade printed.

Grid of 9 columns: side | 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施.
"""

from decimal import Decimal

import records as R
import vocab
from arith import D, fmt, rate, round_half_up
from model import Cell, Form, Para, Row, Table
from templates.common import broken_rules, label_cells, num_text, sep_if, vertical

ID = "national"
SUB_ROWS = ["fiscal_appropriation", "carryover", "other"]
AMOUNTS = ["initial_budget", "full_year_budget", "executed"]
# the side label (绩效指标) spans the indicator header row, so that row cannot repeat on its own
REPEATS_HEADER = False
CODES = ["total_mismatch", "rate_mismatch", "exec_score_mismatch", "weight_sum_not_100", "score_exceeds_weight",
         "missing_total_score", "funds_sum_mismatch"]
EXTENDED_NULL = ["grade_source", "evaluation_conclusion", "problems", "improvements", "implementation_summary"]


def draw_variant(rng):
    unit = "元" if rng.random() < 0.6 else "万元"
    year = rng.choice([2022, 2022, 2023])
    return dict(
        unit=unit,
        year=year,
        places=rng.choices([2, 1, 0], weights=[5, 4, 1])[0],
        thousands=rng.random() < (0.6 if unit == "元" else 0.3),
        title=rng.choice(["项目支出绩效自评表", "财政项目支出绩效自评表"]),
        year_line=rng.choice([f"（{year}年度）", f"({year} 年度)", f"{year}年度", f"（{year} 年度）"]),
        funds_label=rng.choice(["（）", "()"]),
        total_label=rng.choices(["年度资金总额", "年度资金总额："], weights=[7, 3])[0],
        fiscal_label=rng.choice(["其中：当年财政拨款", "其中：本年财政拨款"]),
        placeholder=rng.choice(["—", "/", "-"]),
        sub_rates=rng.choices(["printed", "placeholder"], weights=[6, 4])[0],
        rate_format=rng.choice(["2dp", "trim"]),
        side_label=rng.choices(["vertical", "horizontal"], weights=[7, 3])[0],
        points=rng.random() < 0.5,
        n_indicators=R.draw_n_indicators(rng),
        long_goals=rng.random() < 0.35,
    )


def score_text(x, v):
    return fmt(x) if v["rate_format"] == "2dp" else num_text(x)


def target_text(rng, ind):
    k, op, t, u = ind["kind"], ind["op"], ind["tval"], ind["unit"]
    if k in ("count", "rate", "lowrate", "days", "cost", "unitcost"):
        tv = num_text(t)
        op = "" if op in (None, "约") and rng.random() < 0.5 else ("≥" if op in (None, "约") else op)
        return rng.choice([f"{op}{tv}{u}", f"{op}{tv}{u}", f"{op}{tv}（{u}）" if u != "%" else f"{op}{tv}%"])
    if k == "date":
        return f"{t}{u or '完成'}"
    return t


def actual_text(rng, ind):
    k, a, u = ind["kind"], ind["aval"], ind["unit"]
    if k in ("count", "rate", "lowrate", "days", "cost", "unitcost"):
        if not ind["achieved"] and rng.random() < 0.2:
            return rng.choice(["基本完成", "部分完成"])
        if ind["achieved"] and rng.random() < 0.15:
            return rng.choice(["已完成", "达到预期"])
        return f"{num_text(a)}{u}"
    if k == "date":
        return rng.choice(["按时完成", f"{a}完成", "已完成"]) if ind["achieved"] else f"{a}完成"
    return a


def draw_project(rng, inject=None):
    v = draw_variant(rng)
    year = v["year"]
    dom, dept, unit_name, name = R.draw_local_identity(rng, vocab.NATIONAL_PLACES, year)
    inds = R.draw_indicators(rng, dom, v["n_indicators"], year, integer_weights=True, score_places=1, by_level1=True)
    targets = [target_text(rng, i) for i in inds]
    actuals = [actual_text(rng, i) for i in inds]
    indicators = [{"level1": i["level1"], "level2": i["level2"], "level3": i["level3"], "target": t, "actual": a,
                   "weight": num_text(i["weight"]), "score": num_text(i["score"]), "deviation_reason": i["reason"]}
                  for i, t, a in zip(inds, targets, actuals)]
    places = v["places"]
    q = Decimal(1).scaleb(-places)
    scale = Decimal(10000) if v["unit"] == "元" else Decimal(1)
    total_full = (R.draw_amount(rng) * scale).quantize(q)
    if v["unit"] == "元" and rng.random() < 0.6:
        total_full = (total_full + Decimal(rng.randint(0, 99999)) / 10).quantize(q)
    parts_full = R.split_budget(rng, total_full, 3, places)
    rows = {}
    for key, full in zip(SUB_ROWS, parts_full):
        init = full if rng.random() < 0.6 or full == 0 else (full * Decimal(rng.uniform(0.7, 1.3))).quantize(q)
        if key == "carryover" and rng.random() < 0.5:
            init = Decimal(0).quantize(q)
        rows[key] = {"initial_budget": init, "full_year_budget": full, "executed": R.executed_of(rng, full, places)}
    rows["total"] = {k: sum(rows[s][k] for s in SUB_ROWS) for k in AMOUNTS}
    funds = {}
    for key in ["total"] + SUB_ROWS:
        r = rows[key]
        funds[key] = {k: fmt(r[k], places) for k in AMOUNTS}
        rt = rate(r["executed"], r["full_year_budget"], "round")
        shown = key == "total" or v["sub_rates"] == "printed"
        funds[key]["execution_rate"] = (fmt(rt) if v["rate_format"] == "2dp" else num_text(rt)) if shown else None
    t_rate = D(funds["total"]["execution_rate"])
    funds["total"]["weight"] = "10"
    funds["total"]["score"] = score_text(round_half_up(10 * t_rate / 100), v)
    funds["fiscal_special_account"] = None
    funds["unit_funds"] = None
    funds["total"]["deviation_reason"] = None
    exp, act = R.goal_texts(rng, dom, name, inds, targets, actuals, long=v["long_goals"])
    total = D(funds["total"]["score"]) + sum(D(i["score"]) for i in indicators)
    p = {
        "title": v["title"],
        "year": str(year),
        "project_name": name,
        "department": dept,
        "implementing_unit": unit_name,
        "funds": {k: funds[k] for k in ["total"] + SUB_ROWS + ["fiscal_special_account", "unit_funds"]},
        "goal_expected": exp,
        "goal_actual": act,
        "indicators": indicators,
        "total_weight": "100",
        "total_score": score_text(total, v),
        "grade": None,
        **{k: None for k in EXTENDED_NULL},
        "anomalies": ["no grade printed (grade null)"],
        "injected_errors": [],
    }
    if v["sub_rates"] == "placeholder":
        p["anomalies"].append("sub-row 执行率 printed as placeholders (null)")
    if inject:
        apply_injection(rng, p, inject, v)
    return p, v


def _recompute_total(p, v):
    total = D(p["funds"]["total"]["score"]) + sum(D(i["score"]) for i in p["indicators"])
    p["total_score"] = score_text(total, v)


def apply_injection(rng, p, code, v):
    f, inds = p["funds"], p["indicators"]
    places = v["places"]
    if code == "total_mismatch":
        t = D(p["total_score"])
        delta = Decimal(rng.choice(["0.5", "1", "2", "3.5", "5"]))
        new = t - delta if t + delta > 100 or rng.random() < 0.5 else t + delta
        p["total_score"] = score_text(new, v)
        note = f"printed total {p['total_score']} ≠ funds score + indicator scores ({num_text(t)})"
    elif code == "rate_mismatch":
        cands = [k for k in ("total", "fiscal_appropriation") if f[k]["execution_rate"] is not None and D(f[k]["full_year_budget"]) > 0]
        key = rng.choice(cands)
        true = D(f[key]["execution_rate"])
        delta = Decimal(rng.choice(["0.01", "1", "0.1", "5", "10"]))
        new = true - delta if true + delta > 100 or rng.random() < 0.6 else true + delta
        f[key]["execution_rate"] = fmt(new) if v["rate_format"] == "2dp" else num_text(new)
        if key == "total":
            f["total"]["score"] = score_text(round_half_up(10 * new / 100), v)
            _recompute_total(p, v)
        note = f"{key} 执行率 printed {f[key]['execution_rate']}%, executed / budget gives {num_text(true)}%"
    elif code == "exec_score_mismatch":
        true = D(f["total"]["score"])
        delta = Decimal(rng.choice(["0.5", "1", "0.01", "2"]))
        new = true - delta if true + delta > 10 or rng.random() < 0.5 else true + delta
        f["total"]["score"] = score_text(new, v)
        _recompute_total(p, v)
        note = f"funds 得分 printed {f['total']['score']}, 10 × 执行率 / 100 gives {num_text(true)}"
    elif code == "weight_sum_not_100":
        ind = rng.choice(inds)
        ind["weight"] = num_text(D(ind["weight"]) + rng.choice([1, 2, 5]))
        note = f"indicator weights do not add up to 90 ({ind['level3']} printed {ind['weight']})"
    elif code == "score_exceeds_weight":
        full = [i for i in inds if D(i["score"]) == D(i["weight"])] or inds
        ind = rng.choice(full)
        ind["score"] = num_text(D(ind["weight"]) + Decimal(rng.choice(["0.5", "1", "2"])))
        _recompute_total(p, v)
        note = f"{ind['level3']}: 得分 {ind['score']} above 分值 {ind['weight']}"
    elif code == "missing_total_score":
        p["total_score"] = None
        note = "total score cell left empty (total_score null)"
    elif code == "funds_sum_mismatch":
        key = rng.choice([k for k in SUB_ROWS if D(f[k]["full_year_budget"]) > 0])
        col = rng.choice(AMOUNTS)
        old = D(f[key][col])
        step = Decimal(rng.choice([1, 10, 100])) * (10000 if v["unit"] == "元" else 1)
        f[key][col] = fmt(old + step, places)
        if f[key]["execution_rate"] is not None:
            rt = rate(D(f[key]["executed"]), D(f[key]["full_year_budget"]), "round")
            f[key]["execution_rate"] = fmt(rt) if v["rate_format"] == "2dp" else num_text(rt)
        note = f"{key} {col} printed {f[key][col]}: the sub-rows no longer add up to 年度资金总额"
    else:
        raise ValueError(code)
    p["injected_errors"] = [code]
    p["anomalies"].append(note)


def check(p):
    """Given a gold project, return the sorted list of rule codes it breaks (rates half-up; a
    printed grade is not checked)."""
    return sorted(broken_rules(p, SUB_ROWS, "round", grades=False))



def build(p, v):
    th = v["thousands"]
    ph = v["placeholder"]
    lp, rp = ("（", "）") if v["funds_label"] == "（）" else ("(", ")")
    L = lambda t, cs=1, rs=1: Cell(t, cs, rs, "center", "label")  # noqa: E731
    V = lambda t, cs=1: Cell(t, cs, 1, "left", "value")  # noqa: E731
    N = lambda t, cs=1: Cell(t if t is not None else "", cs, 1, "right", "num", numeric=t)  # noqa: E731
    rows = [Row([L("项目名称", 2), V(p["project_name"], 7)], "head"),
            Row([L("主管部门", 2), V(p["department"], 3), L("实施单位", 2), V(p["implementing_unit"], 2)], "head"),
            Row([Cell(f"项目资金{lp}{v['unit']}{rp}", 2, 5, "center", "label"), Cell("", kind="blank"), L("年初预算数"),
                 L("全年预算数"), L("全年执行数"), L("分值"), L("执行率"), L("得分")], "funds")]
    f = p["funds"]
    labels = {"total": v["total_label"], "fiscal_appropriation": v["fiscal_label"], "carryover": "上年结转资金", "other": "其他资金"}
    for key in ["total"] + SUB_ROWS:
        r = f[key]
        rt = r["execution_rate"] + "%" if r["execution_rate"] is not None else ph  # the gold keeps it without %
        w = r.get("weight") or ph
        s = r.get("score") or ph
        rows.append(Row([Cell(labels[key], 1, 1, "left", "label"), N(sep_if(r["initial_budget"], th)),
                         N(sep_if(r["full_year_budget"], th)), N(sep_if(r["executed"], th)),
                         Cell(w, 1, 1, "center", "num", numeric=None if w == ph else w),
                         Cell(rt, 1, 1, "center", "num", gold=r["execution_rate"]),
                         Cell(s, 1, 1, "center", "num", numeric=None if s == ph else s)],
                        "funds"))
    rows.append(Row([L("年度总体目标", 2, 2), L("预期目标", 4), L("实际完成情况", 3)], "goals"))
    rows.append(Row([Cell(p["goal_expected"], 4, 1, "left", "text"), Cell(p["goal_actual"], 3, 1, "left", "text")], "goals"))
    inds = p["indicators"]
    side = vertical("绩效指标") if v["side_label"] == "vertical" else "绩效指标"
    rows.append(Row([L(side, 1, 1 + len(inds)), L("一级指标"), L("二级指标"), L("三级指标"), L("年度指标值"), L("实际完成值"),
                     L("分值"), L("得分"), L("偏差原因分析及改进措施")], "ind_header"))
    points = {}
    for i in inds:
        points[i["level1"]] = points.get(i["level1"], Decimal(0)) + D(i["weight"])
    l1 = (lambda name: f"{name}({num_text(points[name])}分)") if v["points"] else None
    for i, ind in enumerate(inds):
        cells = label_cells(inds, i, l1)
        cells += [Cell(ind["level3"], 1, 1, "left", "text"), Cell(ind["target"], 1, 1, "center", "value"),
                  Cell(ind["actual"], 1, 1, "center", "value"), Cell(ind["weight"], 1, 1, "center", "num", numeric=ind["weight"]),
                  Cell(ind["score"], 1, 1, "center", "num", numeric=ind["score"]),
                  Cell(ind["deviation_reason"], 1, 1, "left", "text")]
        rows.append(Row(cells, "ind"))
    rows.append(Row([L("总分", 6), Cell(p["total_weight"], 1, 1, "center", "num", numeric=p["total_weight"]),
                     Cell(p["total_score"] or "", 1, 1, "center", "num", numeric=p["total_score"]), Cell("", kind="blank")], "total"))
    # the side label spans the header row, so the header cannot repeat alone: no repeat_from
    table = Table(ncols=9, base_widths=[5, 9, 9, 16, 10, 10, 6, 6, 14], rows=rows, repeat_from=None)
    return Form([Para(p["title"], "title", "center", 1.7), Para(v["year_line"], "subtitle", "center", 1.1), table])
