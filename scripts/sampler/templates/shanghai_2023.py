"""Template `shanghai-2023`: the Shanghai city form 财政项目支出绩效自我评价 (the dev corpus form).

Grid of 10 columns: 一级 | 二级 | 三级 (2) | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析 (2).
Header rows 项目名称, 主管部门 / 实施单位; the 项目资金（万元）block (rows 年度资金总额, 其中：当年财政拨款,
上年结转资金, 其他资金 × 年初预算数, 全年预算数, 全年执行数, 分数, 执行率, 得分; 分数/得分 print "-"
on the sub-rows); 年度总体目标 with 预期目标 / 实际完成情况; the indicator block with merged
一级/二级 labels; the total row (分值 100, total score; unlabelled, 总分 or 合计); 评分等级.
Rates are truncated to 2 dp; funds 得分 = 10 × 执行率 / 100 truncated.
"""

from decimal import Decimal

import records as R
from arith import D, fmt, grade_of, rate, trunc2
from model import Cell, Form, Para, Row, Table
from templates.common import broken_rules, label_cells, num_text, sep_if

ID = "shanghai-2023"
FUND_ROWS = [("total", "年度资金总额"), ("fiscal_appropriation", "当年财政拨款"), ("carryover", "上年结转资金"),
             ("other", "其他资金")]
SUB_ROWS = ["fiscal_appropriation", "carryover", "other"]
AMOUNTS = ["initial_budget", "full_year_budget", "executed"]
CODES = ["total_mismatch", "rate_mismatch", "exec_score_mismatch", "weight_sum_not_100", "score_exceeds_weight",
         "grade_mismatch", "missing_total_score", "funds_sum_mismatch"]
YEAR = 2023


# -------------------------------------------------------------------------------------------
# variant of the form


def draw_variant(rng):
    unit = "元" if rng.random() < 0.2 else "万元"
    return dict(
        unit=unit,
        thousands=rng.random() < (0.7 if unit == "元" else 0.25),
        title=rng.choices(["财政项目支出绩效自我评价", "项目支出绩效自评表", f"{YEAR}年度财政项目支出绩效自我评价"],
                          weights=[7, 1.5, 1.5])[0],
        total_label=rng.choices(["none", "总分", "合计"], weights=[5, 2.5, 2.5])[0],
        funds_label=rng.choices(["（）", "()"], weights=[7, 3])[0],
        colon=rng.choices(["：", ":"], weights=[85, 15])[0],
        grade_row=rng.random() < 0.85,
        fund_cols=rng.choice(["A", "B"]),
        weights=rng.choices(["2dp", "int"], weights=[85, 15])[0],
        total_weight=rng.choices(["100", "100.00"], weights=[8, 2])[0],
        values=rng.choices(["system", "loose", "mixed"], weights=[4, 3, 3])[0],
        n_indicators=R.draw_n_indicators(rng),
        long_goals=rng.random() < 0.35,
    )


# -------------------------------------------------------------------------------------------
# printed target / actual values


def target_text(rng, ind, family):
    k, op, t, u = ind["kind"], ind["op"], ind["tval"], ind["unit"]
    fam = family if family != "mixed" else rng.choice(["system", "loose"])
    if k in ("count", "rate", "lowrate", "days", "cost", "unitcost"):
        tv = num_text(t)
        if fam == "system":
            if op == "约":
                return f"约{tv}{u}"
            return f"{op or '='}{fmt(t)}({u})" if rng.random() < 0.7 else f"{op or '='}{tv}({u})"
        if k == "rate" and rng.random() < 0.15:
            return rng.choice([f"达到{op}{tv}%", f"不低于{tv}%", f"{tv}%"])
        if k == "count" and rng.random() < 0.25:
            return rng.choice([f"不少于{tv}{u}", f"{tv}{u}", f"≥{tv}"])
        return rng.choice([f"{op or ''}{tv}{u}", f"{op or ''}{tv}({u})", f"{op or ''}{tv}{u}"])
    if k == "date":
        return f"{t}{u}"
    return t


def actual_text(rng, ind, family):
    k, a, u = ind["kind"], ind["aval"], ind["unit"]
    fam = family if family != "mixed" else rng.choice(["system", "loose"])
    if k in ("count", "rate", "lowrate", "days", "cost", "unitcost"):
        if not ind["achieved"] and rng.random() < 0.3:
            return rng.choice(["部分达成指标并具有一定效果", "未达成指标", "基本达成"])
        if ind["achieved"] and fam == "loose" and rng.random() < 0.4:
            return "达成指标"
        av = num_text(a)
        if fam == "system":
            return f"{fmt(a)}({u})"
        if ind["op"] == "约" and rng.random() < 0.5:
            return f"约{av}{u}"
        return rng.choice([f"{av}{u}", f"{av}({u})", av if k != "rate" else f"{av}%"])
    if k == "date":
        return rng.choice([f"{a}完成", "达成指标", f"{a}已完成"]) if ind["achieved"] else rng.choice([f"{a}完成", "部分达成指标并具有一定效果"])
    return a


# -------------------------------------------------------------------------------------------
# record


def draw_project(rng, inject=None):
    """Return (gold project, variant). `inject` is one of CODES or None."""
    v = draw_variant(rng)
    if inject == "grade_mismatch":
        v["grade_row"] = True
    dom, dept, unit_name, name = R.draw_identity(rng)
    places = 2
    wp = 0 if v["weights"] == "int" else 2
    inds = R.draw_indicators(rng, dom, v["n_indicators"], YEAR, integer_weights=(wp == 0))
    indicators = []
    targets, actuals = [], []
    for ind in inds:
        targets.append(target_text(rng, ind, v["values"]))
        actuals.append(actual_text(rng, ind, v["values"]))
    for ind, t, a in zip(inds, targets, actuals):
        indicators.append({"level1": ind["level1"], "level2": ind["level2"], "level3": ind["level3"], "target": t,
                           "actual": a, "weight": fmt(ind["weight"], wp) if wp == 0 and ind["weight"] == ind["weight"].to_integral_value() else fmt(ind["weight"]),
                           "score": fmt(ind["score"]), "deviation_reason": ind["reason"]})
    # funds
    scale = Decimal(10000) if v["unit"] == "元" else Decimal(1)
    total_full = R.draw_amount(rng) * scale
    if v["unit"] == "元" and rng.random() < 0.6:  # 元 amounts are rarely round
        total_full += Decimal(rng.randint(0, 999999)) / 100
    parts_full = R.split_budget(rng, total_full, 3, places)
    funds = {}
    rows = {}
    for key, full in zip(SUB_ROWS, parts_full):
        init = full if rng.random() < 0.6 or full == 0 else (full * Decimal(rng.uniform(0.7, 1.3))).quantize(Decimal("0.01"))
        if key == "carryover" and rng.random() < 0.5:
            init = Decimal("0.00")  # carry-over is rarely in the initial budget
        ex = R.executed_of(rng, full, places)
        rows[key] = {"initial_budget": init, "full_year_budget": full, "executed": ex}
    rows["total"] = {k: sum(rows[s][k] for s in SUB_ROWS) for k in AMOUNTS}
    for key in ["total"] + SUB_ROWS:
        r = rows[key]
        funds[key] = {k: fmt(r[k]) for k in AMOUNTS}
        funds[key]["execution_rate"] = fmt(rate(r["executed"], r["full_year_budget"]))
    funds["total"] = {**{k: funds["total"][k] for k in ("initial_budget", "full_year_budget", "executed")},
                      "weight": fmt(Decimal(10), wp), "execution_rate": funds["total"]["execution_rate"],
                      "score": fmt(trunc2(Decimal(10) * D(funds["total"]["execution_rate"]) / 100))}
    exp, act = R.goal_texts(rng, dom, name, inds, targets, actuals, long=v["long_goals"])
    total = D(funds["total"]["score"]) + sum(D(i["score"]) for i in indicators)
    p = {
        "title": v["title"],
        "project_name": name,
        "department": dept,
        "implementing_unit": unit_name,
        "funds": {k: funds[k] for k in ["total"] + SUB_ROWS},
        "goal_expected": exp,
        "goal_actual": act,
        "indicators": indicators,
        "total_weight": v["total_weight"],
        "total_score": fmt(total),
        "grade": grade_of(total) if v["grade_row"] else None,
        "anomalies": [] if v["grade_row"] else ["no 评分等级 row printed: grade is null"],
        "injected_errors": [],
    }
    if v["unit"] == "元":
        p["anomalies"].append("amounts printed in 元 (项目资金（元）), not 万元; kept as printed")
    if inject:
        apply_injection(rng, p, inject)
    return p, v


def _recompute_total(p):
    total = D(p["funds"]["total"]["score"]) + sum(D(i["score"]) for i in p["indicators"])
    p["total_score"] = fmt(total)
    if p["grade"] is not None:
        p["grade"] = grade_of(total)


def apply_injection(rng, p, code):
    """Given a consistent project, make exactly one rule `code` fail (printed values stay as
    printed in the gold) and record it."""
    f = p["funds"]
    inds = p["indicators"]
    if code == "total_mismatch":
        t = D(p["total_score"])
        delta = Decimal(rng.choice(["0.50", "1.00", "2.00", "3.50", "0.10", "5.00"]))
        new = t - delta if t + delta > 100 or rng.random() < 0.5 else t + delta
        p["total_score"] = fmt(new)
        if p["grade"] is not None:
            p["grade"] = grade_of(new)
        note = f"printed total {p['total_score']} ≠ funds score + indicator scores ({fmt(t)})"
    elif code == "rate_mismatch":
        cands = [k for k in ("total", "fiscal_appropriation") if D(f[k]["full_year_budget"]) > 0]
        key = rng.choice(cands)
        true = D(f[key]["execution_rate"])
        delta = Decimal(rng.choice(["0.01", "1.00", "0.10", "5.00", "10.00"]))
        new = true - delta if true + delta > 100 or rng.random() < 0.6 else true + delta
        f[key]["execution_rate"] = fmt(new)
        if key == "total":  # keep the score consistent with the printed rate
            f["total"]["score"] = fmt(trunc2(D(f["total"]["weight"]) * new / 100))
            _recompute_total(p)
        note = f"{key} 执行率 printed {fmt(new)}, executed / budget gives {fmt(true)}"
    elif code == "exec_score_mismatch":
        true = D(f["total"]["score"])
        delta = Decimal(rng.choice(["0.50", "1.00", "0.01", "2.00"]))
        new = true - delta if true + delta > 10 or rng.random() < 0.5 else true + delta
        f["total"]["score"] = fmt(new)
        _recompute_total(p)
        note = f"funds 得分 printed {fmt(new)}, 10 × 执行率 / 100 gives {fmt(true)}"
    elif code == "weight_sum_not_100":
        ind = rng.choice(inds)
        w = D(ind["weight"]) + Decimal(rng.choice([1, 2, 5]))
        ind["weight"] = fmt(w, 0) if "." not in ind["weight"] else fmt(w)
        note = f"indicator weights do not add up to 90 ({ind['level3']} printed {ind['weight']})"
    elif code == "score_exceeds_weight":
        full = [i for i in inds if i["score"] == fmt(D(i["weight"]))] or inds
        ind = rng.choice(full)
        ind["score"] = fmt(D(ind["weight"]) + Decimal(rng.choice(["0.50", "1.00", "2.00"])))
        _recompute_total(p)
        note = f"{ind['level3']}: 得分 {ind['score']} above 分值 {ind['weight']}"
    elif code == "grade_mismatch":
        right = p["grade"]
        p["grade"] = {"优": "良", "良": rng.choice(["优", "中"]), "中": rng.choice(["良", "差"]), "差": "中"}[right]
        note = f"评分等级 {p['grade']} does not match the total {p['total_score']} ({right})"
    elif code == "missing_total_score":
        p["total_score"] = None
        note = "total score cell left empty (total_score null)"
    elif code == "funds_sum_mismatch":
        cands = [k for k in SUB_ROWS if D(f[k]["full_year_budget"]) > 0]
        key = rng.choice(cands)
        col = rng.choice(AMOUNTS)
        old = D(f[key][col])
        new = old + Decimal(rng.choice(["1.00", "10.00", "0.50", "100.00"])) * (1 if rng.random() < 0.7 or old < 200 else -1)
        f[key][col] = fmt(new)
        f[key]["execution_rate"] = fmt(rate(D(f[key]["executed"]), D(f[key]["full_year_budget"])))
        note = f"{key} {col} printed {fmt(new)}: the sub-rows no longer add up to 年度资金总额"
    else:
        raise ValueError(code)
    p["injected_errors"] = [code]
    p["anomalies"].append(note)


# -------------------------------------------------------------------------------------------
# arithmetic check


def check(p):
    """Given a gold project, return the sorted list of rule codes it breaks (rates truncated)."""
    return sorted(broken_rules(p, SUB_ROWS, "truncate"))



def build(p, v):
    """Given a gold project and its variant, return the printed Form."""
    th = v["thousands"]
    amt = (lambda s: sep_if(s, th))  # noqa: E731
    unit = v["unit"]
    lp, rp = ("（", "）") if v["funds_label"] == "（）" else ("(", ")")
    rows = []
    L = lambda t, cs=1, rs=1: Cell(t, cs, rs, "center", "label")  # noqa: E731
    V = lambda t, cs=1, rs=1, al="left": Cell(t, cs, rs, al, "value")  # noqa: E731
    N = lambda t, cs=1, rs=1: Cell(t if t is not None else "", cs, rs, "right", "num", numeric=t)  # noqa: E731
    rows.append(Row([L("项目名称", 2), V(p["project_name"], 8)], "head"))
    rows.append(Row([L("主管部门", 2), V(p["department"], 4), L("实施单位", 2), V(p["implementing_unit"], 2)], "head"))
    f = p["funds"]
    label = Cell(f"项目资金{lp}{unit}{rp}", 2, 5, "center", "label")
    if v["fund_cols"] == "A":
        rows.append(Row([label, Cell("", 2, kind="blank"), L("年初预算数"), L("全年预算数"), L("全年执行数"), L("分数"),
                         L("执行率"), L("得分")], "funds"))
    else:
        rows.append(Row([label, Cell("", kind="blank"), L("年初预算数"), L("全年预算数"), L("全年执行数"), L("分数"),
                         L("执行率"), L("得分", 2)], "funds"))
    for key, text in FUND_ROWS:
        r = f[key]
        lab = text if key != "fiscal_appropriation" else f"其中{v['colon']}{text}"
        w = r.get("weight", "-")
        s = r.get("score", "-")
        cells = [Cell(lab, 2 if v["fund_cols"] == "A" else 1, 1, "left", "label")]
        cells += [N(amt(r["initial_budget"])), N(amt(r["full_year_budget"])), N(amt(r["executed"]))]
        cells += [Cell(w, 1, 1, "center", "num", numeric=w if w != "-" else None),
                  Cell(r["execution_rate"], 1, 1, "center", "num", numeric=r["execution_rate"])]
        cells += [Cell(s, 1 if v["fund_cols"] == "A" else 2, 1, "center", "num", numeric=s if s != "-" else None)]
        rows.append(Row(cells, "funds"))
    rows.append(Row([L("年度总体目标", 2, 2), L("预期目标", 4), L("实际完成情况", 4)], "goals"))
    rows.append(Row([Cell(p["goal_expected"], 4, 1, "left", "text"), Cell(p["goal_actual"], 4, 1, "left", "text")], "goals"))
    header_index = len(rows)
    rows.append(Row([L("一级指标"), L("二级指标"), L("三级指标", 2), L("年度指标值"), L("实际完成值"), L("分值"), L("得分"),
                     L("偏差原因分析", 2)], "ind_header"))
    inds = p["indicators"]
    for i, ind in enumerate(inds):
        cells = label_cells(inds, i)
        cells += [Cell(ind["level3"], 2, 1, "left", "text"), Cell(ind["target"], 1, 1, "center", "value"),
                  Cell(ind["actual"], 1, 1, "center", "value"),
                  Cell(ind["weight"], 1, 1, "center", "num", numeric=ind["weight"]),
                  Cell(ind["score"], 1, 1, "center", "num", numeric=ind["score"]),
                  Cell(ind["deviation_reason"], 2, 1, "left", "text")]
        rows.append(Row(cells, "ind"))
    tl = v["total_label"]
    total_cells = [Cell("" if tl == "none" else tl, 6, 1, "center", "label" if tl != "none" else "blank")]
    total_cells += [Cell(p["total_weight"], 1, 1, "center", "num", numeric=p["total_weight"]),
                    Cell(p["total_score"] or "", 1, 1, "center", "num", numeric=p["total_score"]),
                    Cell("", 2, kind="blank")]
    rows.append(Row(total_cells, "total"))
    if v["grade_row"]:
        rows.append(Row([L("评分等级", 2), Cell(p["grade"], 8, 1, "center", "value")], "grade"))
    table = Table(ncols=10, base_widths=[8, 9, 10, 8, 11, 11, 7, 7, 10, 10], rows=rows, repeat_from=header_index)
    return Form([Para(p["title"], "title", "center", 1.7), table])

