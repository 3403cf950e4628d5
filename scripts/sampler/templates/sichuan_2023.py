"""Template `sichuan-2023`: 部门预算项目支出绩效自评表(2023年度), county and department level.

Title on one line or with the year on a second line; a 单位：万元 line; 项目名称; 主管部门 / 实施单位
（盖章）; 项目基本情况 with rows 项目年度目标 / 年度目标完成情况, or a header row 1.项目年度目标完成情况
with those two as columns (and sometimes a row 2.项目实施内容及过程概述); 预算执行情况(10分) with an
optional 年度预算数(万元) cell and columns 年初预算 / 调整后预算数 / 预算执行数 / 预算执行率 / 权重 /
得分 / 原因, rows 总额 / 其中：财政资金 / 财政专户管理资金 / 单位资金 / 其他资金 (their sum is 总额), / as
placeholder; 绩效指标(90分) with 一级 / 二级 / 三级 / 指标性质 / 指标值 / 度量单位 / 完成值 / 权重 / 得分 /
未完成原因分析; a 合计 row; 评价结论 (naming the grade: 评价等级为“优”), 存在问题, 改进措施; 项目负责人 /
财务负责人 below the table. Rates rounded half-up.

Grid of 12 columns: side | 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 (2);
the funds block lays its columns over them: row label (2) | 年初预算 | 调整后预算数 (2) | 预算执行数 (2) |
预算执行率 | 权重 | 得分 | 原因.
"""

from decimal import Decimal

import records as R
import vocab
from arith import D, fmt, grade_of, rate, round_half_up
from model import Cell, Form, Para, Row, Table
from templates.common import broken_rules, label_cells, num_text, sep_if

ID = "sichuan-2023"
YEAR = 2023
FUND_ROWS = [("total", "总额"), ("fiscal_appropriation", "其中：财政资金"), ("fiscal_special_account", "财政专户管理资金"),
             ("unit_funds", "单位资金"), ("other", "其他资金")]
SUB_ROWS = ["fiscal_appropriation", "fiscal_special_account", "unit_funds", "other"]
AMOUNTS = ["initial_budget", "full_year_budget", "executed"]
# the side label (绩效指标) spans the indicator header row, so that row cannot repeat on its own
REPEATS_HEADER = False
CODES = ["total_mismatch", "rate_mismatch", "exec_score_mismatch", "weight_sum_not_100", "score_exceeds_weight",
         "grade_mismatch", "missing_total_score", "funds_sum_mismatch"]


def draw_variant(rng):
    county = rng.random() < 0.3
    return dict(
        title_lines=rng.choice([1, 2]),
        county_title=county,
        year_paren=rng.choice(["()", "（）"]),
        places=rng.choices([2, 1, 0], weights=[7, 1.5, 1.5])[0],
        thousands=rng.random() < 0.15,
        basic=rng.choice(["rows", "columns"]),
        summary_row=rng.random() < 0.5,
        budget_cell=rng.random() < 0.5,
        zero_style=rng.choice(["0", "/", "blank"]),
        pct_sign=rng.random() < 0.7,
        reason_span=rng.choice(["merged", "total_row"]),
        fund_reason=rng.random() < 0.5,
        grade_named=rng.random() < 0.8,
        grade_phrase=rng.choice(["评价等级为“{g}”", "评价等级为“{g}”", "评价等级：{g}", "绩效评价等级为“{g}”"]),
        n_indicators=R.draw_n_indicators(rng),
        long_goals=rng.random() < 0.35,
    )


def parts(rng, ind):
    """Return (指标性质, 指标值, 度量单位 or None, 完成值) as printed."""
    k, op = ind["kind"], ind["op"]
    if k in ("count", "rate", "lowrate", "days", "cost", "unitcost"):
        nature = op if op in ("≥", "≤", "=") else rng.choice(["≥", "="])
        return nature, num_text(ind["tval"]), ind["unit"] or None, num_text(ind["aval"])
    if k == "date":
        return "定性", f"{ind['tval']}完成", None, rng.choice(["按时完成", "已完成"]) if ind["achieved"] else f"{ind['aval']}完成"
    return "定性", ind["tval"], None, ind["aval"]


def draw_project(rng, inject=None):
    v = draw_variant(rng)
    if inject == "grade_mismatch":
        v["grade_named"] = True
    dom, dept, unit_name, name = R.draw_local_identity(rng, vocab.SICHUAN_PLACES)
    place = next(pl for pl in vocab.SICHUAN_PLACES if dept.startswith(pl))
    inds = R.draw_indicators(rng, dom, v["n_indicators"], YEAR, integer_weights=True, score_places=2)
    indicators, targets, actuals = [], [], []
    for i in inds:
        nature, value, unit, done = parts(rng, i)
        target = nature + value + (unit or "")
        actual = done if nature == "定性" else done + (unit or "")
        targets.append(target)
        actuals.append(actual)
        indicators.append({"level1": i["level1"], "level2": i["level2"], "level3": i["level3"], "target": target, "actual": actual,
                           "target_nature": nature, "target_value": value, "target_unit": unit, "actual_value": done,
                           "weight": num_text(i["weight"]), "score": num_text(i["score"]), "deviation_reason": i["reason"]})
    places = v["places"]
    q = Decimal(1).scaleb(-places)
    total_full = R.draw_amount(rng, places=places).quantize(q)
    fulls = R.split_budget(rng, total_full, 4, places, zero_p=0.7)
    rows = {}
    for key, full in zip(SUB_ROWS, fulls):
        init = full if rng.random() < 0.55 or full == 0 else (full * Decimal(rng.uniform(0.6, 1.2))).quantize(q)
        rows[key] = {"initial_budget": init, "full_year_budget": full, "executed": R.executed_of(rng, full, places)}
    rows["total"] = {k: sum(rows[s][k] for s in SUB_ROWS) for k in AMOUNTS}
    funds = {}
    for key, _ in FUND_ROWS:
        r = rows[key]
        zero = all(r[k] == 0 for k in AMOUNTS)
        if key != "total" and zero and v["zero_style"] != "0":
            funds[key] = {k: None for k in AMOUNTS + ["execution_rate"]}  # "/" or blank: nothing printed
            continue
        funds[key] = {k: fmt(r[k], places) for k in AMOUNTS}
        funds[key]["execution_rate"] = fmt(rate(r["executed"], r["full_year_budget"], "round")) if r["full_year_budget"] else None
    t = funds["total"]
    t["weight"] = "10"
    t["score"] = num_text(round_half_up(10 * D(t["execution_rate"]) / 100))
    t["deviation_reason"] = (R.deviation_reason(rng, dom) if rows["total"]["executed"] < rows["total"]["full_year_budget"]
                             else "按计划完成支出") if v["fund_reason"] else None
    exp, act = R.goal_texts(rng, dom, name, inds, targets, actuals, long=v["long_goals"])
    summary = None
    if v["basic"] == "columns" and v["summary_row"]:
        summary = R.fill(rng, R.pick(rng, vocab.SUMMARIES), dom, year=YEAR, m=rng.randint(2, 6)) + "。"
    total = D(t["score"]) + sum(D(i["score"]) for i in indicators)
    grade = grade_of(total)
    p = {
        "title": None,
        "year": str(YEAR),
        "project_name": name,
        "department": dept,
        "implementing_unit": unit_name,
        "funds": {"total": funds["total"], "fiscal_appropriation": funds["fiscal_appropriation"], "carryover": None,
                  "other": funds["other"], "fiscal_special_account": funds["fiscal_special_account"],
                  "unit_funds": funds["unit_funds"]},
        "goal_expected": exp,
        "goal_actual": act,
        "implementation_summary": summary,
        "indicators": indicators,
        "total_weight": "100",
        "total_score": num_text(total),
        "grade": grade if v["grade_named"] else None,
        "grade_source": "conclusion" if v["grade_named"] else None,
        "evaluation_conclusion": None,
        "problems": R.fill(rng, "；".join(rng.sample(vocab.PROBLEMS[:-1], rng.randint(1, 2))) if rng.random() < 0.85 else "无", dom) + "。",
        "improvements": R.fill(rng, "；".join(rng.sample(vocab.IMPROVEMENTS, rng.randint(1, 3))), dom) + "。",
        "anomalies": [] if v["grade_named"] else ["评价结论 names no grade (grade null)"],
        "injected_errors": [],
    }
    if p["problems"] == "无。":
        p["problems"] = "无"
    title = ("{place}" if v["county_title"] else "") + "部门预算项目支出绩效自评表"
    lp, rp = v["year_paren"]
    year_text = f"{lp}{YEAR}年度{rp}"
    p["title"] = title.format(place=place) + (year_text if v["title_lines"] == 1 else "")
    v["year_text"] = year_text
    v["conclusion_base"] = R.fill(rng, R.pick(rng, vocab.CONCLUSIONS), dom)
    v["signers"] = [R.person(rng), R.person(rng)] + ([R.person(rng)] if rng.random() < 0.4 else [])
    if inject:
        apply_injection(rng, p, inject, v)
    p["evaluation_conclusion"] = conclusion(p, v)
    return p, v


def conclusion(p, v):
    """评价结论 as printed: the base sentence, the printed total, the grade where it is named."""
    text = v["conclusion_base"]
    if p["total_score"] is not None:
        text += f"，自评得分{p['total_score']}分"
    if v["grade_named"]:
        text += "，" + v["grade_phrase"].format(g=p["grade"])
    return text + "。"


def _recompute_total(p):
    total = D(p["funds"]["total"]["score"]) + sum(D(i["score"]) for i in p["indicators"])
    p["total_score"] = num_text(total)
    if p["grade"] is not None:
        p["grade"] = grade_of(total)


def apply_injection(rng, p, code, v):
    f, inds = p["funds"], p["indicators"]
    if code == "total_mismatch":
        t = D(p["total_score"])
        delta = Decimal(rng.choice(["0.5", "1", "2", "3.5", "5"]))
        new = t - delta if t + delta > 100 or rng.random() < 0.5 else t + delta
        p["total_score"] = num_text(new)
        if p["grade"] is not None:
            p["grade"] = grade_of(new)
        note = f"printed total {p['total_score']} ≠ funds score + indicator scores ({num_text(t)})"
    elif code == "rate_mismatch":
        cands = [k for k in ("total", "fiscal_appropriation") if f[k]["execution_rate"] is not None]
        key = rng.choice(cands)
        true = D(f[key]["execution_rate"])
        delta = Decimal(rng.choice(["0.01", "1", "0.1", "5", "10"]))
        new = true - delta if true + delta > 100 or rng.random() < 0.6 else true + delta
        f[key]["execution_rate"] = fmt(new)
        if key == "total":
            f["total"]["score"] = num_text(round_half_up(10 * new / 100))
            _recompute_total(p)
        note = f"{key} 预算执行率 printed {fmt(new)}, executed / budget gives {fmt(true)}"
    elif code == "exec_score_mismatch":
        true = D(f["total"]["score"])
        delta = Decimal(rng.choice(["0.5", "1", "0.01", "2"]))
        new = true - delta if true + delta > 10 or rng.random() < 0.5 else true + delta
        f["total"]["score"] = num_text(new)
        _recompute_total(p)
        note = f"funds 得分 printed {f['total']['score']}, 10 × 执行率 / 100 gives {num_text(true)}"
    elif code == "weight_sum_not_100":
        ind = rng.choice(inds)
        ind["weight"] = num_text(D(ind["weight"]) + rng.choice([1, 2, 5]))
        note = f"indicator weights do not add up to 90 ({ind['level3']} printed {ind['weight']})"
    elif code == "score_exceeds_weight":
        full = [i for i in inds if D(i["score"]) == D(i["weight"])] or inds
        ind = rng.choice(full)
        ind["score"] = num_text(D(ind["weight"]) + Decimal(rng.choice(["0.5", "1", "2"])))
        _recompute_total(p)
        note = f"{ind['level3']}: 得分 {ind['score']} above 权重 {ind['weight']}"
    elif code == "grade_mismatch":
        right = p["grade"]
        p["grade"] = {"优": "良", "良": rng.choice(["优", "中"]), "中": rng.choice(["良", "差"]), "差": "中"}[right]
        note = f"评价结论 names {p['grade']}, the total {p['total_score']} is {right}"
    elif code == "missing_total_score":
        p["total_score"] = None
        note = "total score cell left empty (total_score null)"
    elif code == "funds_sum_mismatch":
        key = rng.choice([k for k in SUB_ROWS if f[k]["full_year_budget"] is not None and D(f[k]["full_year_budget"]) > 0])
        col = rng.choice(AMOUNTS)
        old = D(f[key][col])
        f[key][col] = fmt(old + Decimal(rng.choice([1, 10, 5])), v["places"])
        if f[key]["execution_rate"] is not None:
            f[key]["execution_rate"] = fmt(rate(D(f[key]["executed"]), D(f[key]["full_year_budget"]), "round"))
        note = f"{key} {col} printed {f[key][col]}: the rows no longer add up to 总额"
    else:
        raise ValueError(code)
    p["injected_errors"] = [code]
    p["anomalies"].append(note)


def check(p):
    """Given a gold project, return the sorted list of rule codes it breaks (rates half-up; the
    four rows below 总额 sum to it; a row printed as / counts 0; the composed target follows its
    printed parts)."""
    bad = broken_rules(p, SUB_ROWS, "round")
    for ind in p["indicators"]:
        if ind["target"] != ind["target_nature"] + ind["target_value"] + (ind["target_unit"] or ""):
            bad.add("target_parts")
    return sorted(bad)



def build(p, v):
    th = v["thousands"]
    L = lambda t, cs=1, rs=1: Cell(t, cs, rs, "center", "label")  # noqa: E731
    V = lambda t, cs=1: Cell(t, cs, 1, "left", "value")  # noqa: E731
    T = lambda t, cs=1: Cell(t or "", cs, 1, "left", "text")  # noqa: E731
    rows = [Row([L("项目名称", 3), V(p["project_name"], 9)], "head"),
            Row([L("主管部门", 3), V(p["department"], 3), L("实施单位（盖章）", 2), V(p["implementing_unit"], 4)], "head")]
    if v["basic"] == "rows":
        rows += [Row([L("项目基本情况", 1, 2), L("项目年度目标", 2), T(p["goal_expected"], 9)], "goals"),
                 Row([L("年度目标完成情况", 2), T(p["goal_actual"], 9)], "goals")]
    else:
        n = 3 + (1 if p["implementation_summary"] else 0)
        rows += [Row([L("项目基本情况", 1, n), Cell("1.项目年度目标完成情况", 11, 1, "left", "label")], "goals"),
                 Row([L("项目年度目标", 5), L("年度目标完成情况", 6)], "goals"),
                 Row([T(p["goal_expected"], 5), T(p["goal_actual"], 6)], "goals")]
        if p["implementation_summary"]:
            rows.append(Row([Cell("2.项目实施内容及过程概述", 2, 1, "left", "label"), T(p["implementation_summary"], 9)], "goals"))
    f = p["funds"]
    rows.append(Row([L("预算执行情况(10分)", 1, 6), Cell("年度预算数(万元)" if v["budget_cell"] else "", 2, 1, "center",
                                                  "label" if v["budget_cell"] else "blank"),
                     L("年初预算"), L("调整后预算数", 2), L("预算执行数", 2), L("预算执行率"), L("权重"), L("得分"), L("原因")], "funds"))
    ph = "/" if v["zero_style"] == "/" else ""
    for k, (key, label) in enumerate(FUND_ROWS):
        r = f[key]
        amt = lambda x: sep_if(x, th) if x is not None else ph  # noqa: E731
        rt = r["execution_rate"]
        rt_text = (rt + ("%" if v["pct_sign"] else "")) if rt is not None else ("" if v["zero_style"] == "blank" else "/")
        cells = [Cell(label, 2, 1, "left", "label"), Cell(amt(r["initial_budget"]), 1, 1, "right", "num", numeric=r["initial_budget"] and amt(r["initial_budget"])),
                 Cell(amt(r["full_year_budget"]), 2, 1, "right", "num", numeric=r["full_year_budget"] and amt(r["full_year_budget"])),
                 Cell(amt(r["executed"]), 2, 1, "right", "num", numeric=r["executed"] and amt(r["executed"])),
                 Cell(rt_text, 1, 1, "center", "num", gold=rt),
                 Cell(r.get("weight", "/"), 1, 1, "center", "num", numeric=r.get("weight")),
                 Cell(r.get("score", "/"), 1, 1, "center", "num", numeric=r.get("score"))]
        reason = f["total"]["deviation_reason"] or ""
        if v["reason_span"] == "merged":
            if k == 0:
                cells.append(Cell(reason, 1, 5, "left", "text"))
        else:
            cells.append(Cell(reason if k == 0 else "", 1, 1, "left", "text" if k == 0 else "blank"))
        rows.append(Row(cells, "funds"))
    inds = p["indicators"]
    rows.append(Row([L("绩效指标(90分)", 1, 1 + len(inds)), L("一级指标"), L("二级指标"), L("三级指标"), L("指标性质"), L("指标值"),
                     L("度量单位"), L("完成值"), L("权重"), L("得分"), L("未完成原因分析", 2)], "ind_header"))
    for i, ind in enumerate(inds):
        cells = label_cells(inds, i)
        cells += [Cell(ind["level3"], 1, 1, "left", "text"), Cell(ind["target_nature"], 1, 1, "center", "value"),
                  Cell(ind["target_value"], 1, 1, "center", "value"), Cell(ind["target_unit"] or "", 1, 1, "center", "value"),
                  Cell(ind["actual_value"], 1, 1, "center", "value"),
                  Cell(ind["weight"], 1, 1, "center", "num", numeric=ind["weight"]),
                  Cell(ind["score"], 1, 1, "center", "num", numeric=ind["score"]),
                  Cell(ind["deviation_reason"], 2, 1, "left", "text")]
        rows.append(Row(cells, "ind"))
    rows.append(Row([L("合计", 8), Cell(p["total_weight"], 1, 1, "center", "num", numeric=p["total_weight"]),
                     Cell(p["total_score"] or "", 1, 1, "center", "num", numeric=p["total_score"]), Cell("", 2, kind="blank")], "total"))
    for label, key in (("评价结论", "evaluation_conclusion"), ("存在问题", "problems"), ("改进措施", "improvements")):
        rows.append(Row([L(label, 3), T(p[key], 9)], "tail"))
    table = Table(ncols=12, base_widths=[6, 8, 8, 14, 6, 7, 6, 8, 6, 6, 7, 9], rows=rows, repeat_from=None)
    blocks = [Para(p["title"], "title", "center", 1.6)]
    if v["title_lines"] == 2:
        blocks.append(Para(v["year_text"], "subtitle", "center", 1.1))
    blocks.append(Para("单位：万元", "unit", "right", 1.0))
    blocks.append(table)
    names = v["signers"]
    sign = f"项目负责人：{names[0]}        财务负责人：{names[1]}" + (f"        填报人：{names[2]}" if len(names) > 2 else "")
    blocks.append(Para(sign, "sign", "left", 1.0))
    return Form(blocks)
