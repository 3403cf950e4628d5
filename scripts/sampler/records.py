"""Drawing the content of a project table, independent of how a template prints it.

`draw_identity` picks a department, an implementing unit and a new project name;
`draw_indicators` draws 3–40 indicators (grouped by 一级/二级 as the form requires) as abstract
values (operator, number or text, unit, achieved or not, weight, score); `draw_funds` draws
budget and execution amounts; `goal_texts` writes the 预期目标 / 实际完成情况 paragraphs from the
drawn indicators. Templates turn these into printed strings.
"""

from decimal import Decimal

import vocab


def pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def fill(rng, template, dom, **extra):
    """Given a text template with {obj}/{act}/{thing}/{place}/{doc}/{topic}/{district}/{n}
    slots, return it filled from the domain."""
    slots = dict(obj=pick(rng, dom["objs"]), act=pick(rng, dom["acts"]), thing=pick(rng, dom["things"]),
                 place=pick(rng, dom["places"]), doc=pick(rng, vocab.DOCS), topic=pick(rng, dom["topics"]),
                 district=pick(rng, vocab.DISTRICTS), n=rng.choice([10, 20, 30, 50, 100]))
    slots.update(extra)
    return template.format(**slots)


# -------------------------------------------------------------------------------------------
# identity


def draw_identity(rng, district_level=False):
    """Return (domain, department, implementing_unit, project_name)."""
    dom = pick(rng, vocab.DOMAINS)
    dept = dom["dept"]
    if district_level:
        district = pick(rng, vocab.DISTRICTS)
        dept = dept.replace("上海市", f"上海市{district}") if rng.random() < 0.5 else f"上海市{district}人民政府"
    r = rng.random()
    if r < 0.2:
        unit = dept
    elif r < 0.9:
        unit = pick(rng, dom["units"])
    else:
        unit = fill(rng, "上海市{district}" + pick(rng, vocab.UNIT_SUFFIXES), dom)
    prefix = fill(rng, pick(rng, vocab.PROJECT_PREFIXES), dom)
    topic = pick(rng, dom["topics"])
    if rng.random() < 0.3:  # recombine: a second topic word or a qualifier
        topic = rng.choice([f"{topic}及{pick(rng, dom['acts'])}", f"{topic}（二期）", f"{topic}和{pick(rng, dom['things'])}管理",
                            f"{pick(rng, dom['objs'])}{topic}"])
    name = prefix + topic + pick(rng, vocab.PROJECT_KINDS)
    return dom, dept, unit, name


def person(rng):
    """A made-up personal name (surname + one or two characters)."""
    return pick(rng, vocab.SURNAMES) + "".join(pick(rng, vocab.GIVEN) for _ in range(rng.choice([1, 2, 2])))


def draw_local_identity(rng, places, year=2023):
    """Return (domain, department, implementing_unit, project_name) of a district or county:
    its bureau (XX区教育局) and one of the bureau's units (XX区第一中学)."""
    dom = pick(rng, vocab.DOMAINS)
    place = pick(rng, places)
    bureau, units = vocab.LOCAL[dom["dept"]]
    dept = place + bureau
    short = place[3:] if len(place) > 4 and place[2] == "市" else place  # 成都市双流区 → 双流区
    r = rng.random()
    unit = dept if r < 0.3 else short + pick(rng, units)
    topic = pick(rng, dom["topics"])
    if rng.random() < 0.3:
        topic = rng.choice([f"{topic}及{pick(rng, dom['acts'])}", f"{pick(rng, dom['objs'])}{topic}", f"{short}{topic}"])
    name = rng.choice(["", "", f"{year}年", short]) + topic + pick(rng, vocab.PROJECT_KINDS)
    return dom, dept, unit, name


# -------------------------------------------------------------------------------------------
# indicators


def draw_level2_plan(rng, n):
    """Given a number of indicators, return the list of 二级指标 names, one per indicator, in
    the form's order (产出 → 效益 → 满意度; within each in the framework's order)."""
    l2s = ["数量指标"]
    for name, p in (("质量指标", 0.85), ("时效指标", 0.75), ("成本指标", 0.5), ("经济效益指标", 0.25),
                    ("社会效益指标", 0.85), ("生态效益指标", 0.12), ("可持续影响指标", 0.4),
                    ("服务对象满意度指标", 0.9)):
        if rng.random() < p:
            l2s.append(name)
    while len(l2s) > n:
        l2s.pop(rng.randrange(1, len(l2s)))
    counts = {l2: 1 for l2 in l2s}
    for _ in range(n - len(l2s)):
        # 产出 groups take most rows, as in published tables
        w = [4 if vocab.LEVEL1_OF[l] == "产出指标" else 2 if vocab.LEVEL1_OF[l] == "效益指标" else 1 for l in l2s]
        l2 = rng.choices(l2s, weights=w)[0]
        counts[l2] += 1
    return [l2 for l2 in vocab.LEVEL2_ORDER if l2 in counts for _ in range(counts[l2])]


def draw_weights(rng, n, total=90, integer=False):
    """Return n positive Decimal weights summing to `total` (multiples of 5 for short tables,
    whole numbers for most, halves for long ones)."""
    if n <= 9 and rng.random() < 0.6:
        step = Decimal(5)
    elif n <= 30 or integer:
        step = Decimal(1)
    else:
        step = Decimal("0.5")
    units = int(Decimal(total) / step)
    for finer in (Decimal(1), Decimal("0.5"), Decimal("0.1")):  # more rows than points: finer steps
        if units >= n:
            break
        step = finer
        units = int(Decimal(total) / step)
    raw = [rng.uniform(0.5, 1.6) for _ in range(n)]
    s = sum(raw)
    parts = [max(1, int(r / s * units)) for r in raw]
    while sum(parts) < units:
        parts[rng.randrange(n)] += 1
    while sum(parts) > units:
        i = rng.randrange(n)
        if parts[i] > 1:
            parts[i] -= 1
    return [step * p for p in parts]


def _count_value(rng, unit):
    lo, hi = {"人": (20, 5000), "人次": (50, 20000), "户": (10, 3000), "家": (5, 800), "班次": (4, 60),
              "期": (2, 24), "场": (2, 120), "场次": (2, 120), "次": (2, 300), "台": (5, 800), "套": (1, 200),
              "份": (50, 50000), "张": (100, 100000), "篇": (2, 60), "项": (2, 40), "件": (10, 5000), "个": (2, 500),
              "处": (2, 200), "吨": (10, 20000), "吨标准煤": (50, 9000), "年": (3, 10)}.get(unit, (2, 500))
    v = int(lo * (hi / lo) ** rng.random())
    if v > 50 and rng.random() < 0.6:
        v = round(v, -1 if v < 1000 else -2)
    return Decimal(max(v, 1))


def draw_indicator(rng, dom, level2, year, achieved):
    """Return one abstract indicator dict."""
    tmpl, kind, units = pick(rng, vocab.INDICATORS[level2])
    name = fill(rng, tmpl, dom)
    ind = dict(level1=vocab.LEVEL1_OF[level2], level2=level2, level3=name, kind=kind, achieved=achieved)
    if kind == "count":
        unit = pick(rng, units)
        t = _count_value(rng, unit)
        if achieved:
            a = t + (Decimal(rng.randint(0, max(1, int(t) // 4))) if rng.random() < 0.6 else 0)
        else:
            a = Decimal(int(t * Decimal(rng.uniform(0.55, 0.97))))
        ind.update(op=rng.choice(["≥", "≥", "≥", "=", "约", None]), tval=t, unit=unit, aval=a)
    elif kind == "rate":
        t = Decimal(rng.choice([80, 85, 90, 90, 95, 95, 98, 100, 100]))
        if achieved:
            a = t if t == 100 or rng.random() < 0.3 else Decimal(rng.randint(int(t), 100))
            if a < 100 and rng.random() < 0.4:
                a = min(Decimal(100), a + Decimal(rng.randint(1, 99)) / 100)
        else:
            a = t - Decimal(rng.randint(1, 15)) - Decimal(rng.randint(0, 99)) / 100
        ind.update(op="=" if t == 100 and rng.random() < 0.6 else "≥", tval=t, unit="%", aval=a)
    elif kind == "lowrate":
        t = Decimal(rng.choice([1, 2, 3, 5, 100]))
        a = (t - Decimal(rng.randint(0, int(t * 100) // 2)) / 100) if achieved else t + Decimal(rng.randint(1, 300)) / 100
        ind.update(op="≤", tval=t, unit="%", aval=a)
    elif kind == "date":
        m, d = rng.choice([(12, 31), (12, 31), (11, 30), (6, 30), (9, 30), (10, 31)])
        tv = f"{year}年{m}月{d}日前"
        am = m if achieved else min(12, m + 1)
        ind.update(op=None, tval=tv, unit=rng.choice(["完成", "完成使用", "完成验收", ""]), aval=f"{year}年{am}月")
    elif kind == "days":
        unit = rng.choice(["个工作日", "小时", "天"])
        t = Decimal(rng.choice([1, 2, 3, 5, 7, 15, 30]) if unit != "小时" else rng.choice([2, 4, 24, 48]))
        a = t if achieved and rng.random() < 0.5 else (max(Decimal(1), t - 1) if achieved else t + rng.randint(1, 5))
        ind.update(op="≤", tval=t, unit=unit, aval=a)
    elif kind == "cost":
        t = (Decimal(rng.randint(500, 90000)) / 100).quantize(Decimal("0.01"))
        a = (t * Decimal(rng.uniform(0.85, 1.0))).quantize(Decimal("0.01")) if achieved else (t * Decimal(rng.uniform(1.02, 1.2))).quantize(Decimal("0.01"))
        ind.update(op="≤", tval=t, unit="万元", aval=a)
    elif kind == "unitcost":
        t = Decimal(rng.choice([150, 200, 300, 500, 800, 1200, 1500, 2000, 3000]))
        a = (t * Decimal(rng.uniform(0.8, 1.0))).quantize(Decimal("1")) if achieved else (t * Decimal(rng.uniform(1.02, 1.3))).quantize(Decimal("1"))
        ind.update(op="≤", tval=t, unit=pick(rng, units), aval=a)
    else:  # text
        t = pick(rng, vocab.TEXT_TARGETS)
        a = (t if rng.random() < 0.35 else pick(rng, vocab.TEXT_ACTUALS_OK)) if achieved else pick(rng, vocab.TEXT_ACTUALS_PART)
        ind.update(op=None, tval=t, unit="", aval=a)
    return ind


def deviation_reason(rng, dom):
    parts = [pick(rng, vocab.DEVIATION_CAUSES), pick(rng, vocab.DEVIATION_EFFECTS)]
    if rng.random() < 0.7:
        parts.append(pick(rng, vocab.DEVIATION_FIXES))
    text = "，".join(parts) + "。"
    if rng.random() < 0.25:
        text = "偏差原因：" + text + ("改进措施：" + pick(rng, vocab.DEVIATION_FIXES) + "。" if rng.random() < 0.5 else "")
    return fill(rng, text, dom)


def draw_n_indicators(rng):
    r = rng.random()
    if r < 0.12:
        return rng.randint(3, 5)
    if r < 0.75:
        return rng.randint(6, 14)
    if r < 0.9:
        return rng.randint(15, 24)
    return rng.randint(25, 40)


LEVEL1_POINTS = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}


def group_points(plan, total=90):
    """Given the 二级 plan, return {一级: points}: 产出 50, 效益 30, 满意度 10 as the national form
    suggests, a missing group's points going to 产出."""
    present = {vocab.LEVEL1_OF[l2] for l2 in plan}
    pts = {l1: p for l1, p in LEVEL1_POINTS.items() if l1 in present}
    pts["产出指标"] = pts.get("产出指标", 0) + total - sum(pts.values())
    return pts


def draw_indicators(rng, dom, n, year, weight_total=90, integer_weights=False, score_places=2, by_level1=False):
    """Return n abstract indicators with weights (summing to weight_total) and scores (≤ weight).
    With `by_level1`, the weights of each 一级 group sum to its points (group_points)."""
    plan = draw_level2_plan(rng, n)
    if by_level1:
        weights = []
        pts = group_points(plan, weight_total)
        for l1 in vocab.LEVEL2_OF:
            k = sum(1 for l2 in plan if vocab.LEVEL1_OF[l2] == l1)
            if k:
                weights += draw_weights(rng, k, pts[l1], integer_weights)
    else:
        weights = draw_weights(rng, n, weight_total, integer_weights)
    miss_rate = rng.choice([0.0, 0.05, 0.1, 0.2, 0.35])
    seen = set()
    out = []
    q = Decimal(1).scaleb(-score_places) if score_places else Decimal(1)
    for l2, w in zip(plan, weights):
        achieved = rng.random() >= miss_rate
        for _ in range(20):  # avoid two rows with the same name in one table
            ind = draw_indicator(rng, dom, l2, year, achieved)
            if ind["level3"] not in seen:
                break
        seen.add(ind["level3"])
        ind["weight"] = w
        if achieved:
            ind["score"] = w
            ind["reason"] = deviation_reason(rng, dom) if rng.random() < 0.03 else ""
        else:
            s = (w * Decimal(rng.uniform(0.3, 0.95))).quantize(q, rounding="ROUND_DOWN")
            if rng.random() < 0.3 and w >= 2:
                s = w - (1 if w >= 4 else Decimal("0.5"))
            ind["score"] = min(s, w)
            ind["reason"] = deviation_reason(rng, dom) if rng.random() < 0.85 else ""
        out.append(ind)
    return out


# -------------------------------------------------------------------------------------------
# funds


def draw_amount(rng, lo=Decimal("5"), hi=Decimal("5000"), places=2):
    x = float(lo) * (float(hi) / float(lo)) ** rng.random()
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    v = Decimal(str(x)).quantize(q)
    if rng.random() < 0.35:  # round budgets are common
        v = Decimal(str(round(x, -1 if x > 50 else 0))).quantize(q)
    return max(v, q * 100)


def split_budget(rng, total, parts, places=2, zero_p=0.65):
    """Split `total` into `parts` Decimal amounts (first gets the most; others often 0)."""
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    out = [Decimal(0).quantize(q) for _ in range(parts)]
    rest = total
    for i in range(1, parts):
        if rng.random() >= zero_p and rest > q * 1000:
            share = (rest * Decimal(rng.uniform(0.03, 0.35))).quantize(q)
            out[i] = share
            rest -= share
    out[0] = rest
    return out


def executed_of(rng, budget, places=2):
    """Return an executed amount for a budget: often all of it, mostly 70–100 %."""
    q = Decimal(1).scaleb(-places) if places else Decimal(1)
    if budget == 0:
        return Decimal(0).quantize(q)
    r = rng.random()
    if r < 0.3:
        return budget
    if r < 0.85:
        return (budget * Decimal(rng.uniform(0.9, 1.0))).quantize(q)
    return (budget * Decimal(rng.uniform(0.35, 0.9))).quantize(q)


# -------------------------------------------------------------------------------------------
# goal texts


def _clause(rng, ind, printed_target):
    return rng.choice([f"{ind['level3']}达到{printed_target}", f"确保{ind['level3']}{printed_target}",
                       f"{ind['level3']}目标值为{printed_target}"])


def goal_texts(rng, dom, project_name, inds, targets, actuals, long=False):
    """Return (goal_expected, goal_actual): plain, numbered ("1、…" with line breaks) or
    descriptive paragraphs, built from the drawn indicators."""
    style = rng.choices(["plain", "numbered", "descriptive"], weights=[4, 3, 3])[0]
    k = min(len(inds), rng.randint(3, 8) if long else rng.randint(2, 5))
    idx = sorted(rng.sample(range(len(inds)), k))
    if style == "plain":
        exp = f"全年计划按时完成{project_name}各项工作，" + "，".join(_clause(rng, inds[i], targets[i]) for i in idx) + "。"
        act = pick(rng, vocab.ACTUAL_OPENERS) + "，".join(
            f"{inds[i]['level3']}为{actuals[i]}" if rng.random() < 0.6 else f"{inds[i]['level3']}{actuals[i]}" for i in idx) + "。"
        if long:
            exp += fill(rng, pick(rng, vocab.GOAL_PURPOSES), dom) + "，" + fill(rng, pick(rng, vocab.GOAL_ACTIONS), dom) + "。"
            act += fill(rng, pick(rng, vocab.ACTUAL_CLOSERS), dom)
        return exp, act
    if style == "numbered":
        m = rng.randint(3, 6) if long else rng.randint(2, 4)
        sep = rng.choice(["、", ".", "．"])
        lines_e, lines_a = [], []
        for j in range(m):
            action = fill(rng, pick(rng, vocab.GOAL_ACTIONS), dom)
            if j < len(idx):
                i = idx[j]
                lines_e.append(f"{j + 1}{sep}{action}，{_clause(rng, inds[i], targets[i])}；")
                lines_a.append(f"{j + 1}{sep}已{action}，{inds[i]['level3']}{actuals[i]}；")
            else:
                lines_e.append(f"{j + 1}{sep}{action}，{fill(rng, pick(rng, vocab.GOAL_PURPOSES), dom)}；")
                lines_a.append(f"{j + 1}{sep}{action}工作已按计划完成；")
        lines_e[-1] = lines_e[-1][:-1] + "。"
        lines_a[-1] = lines_a[-1][:-1] + "。"
        return "\n".join(lines_e), "\n".join(lines_a)
    purpose = fill(rng, pick(rng, vocab.GOAL_PURPOSES), dom)
    exp = f"通过实施{project_name}，{purpose}。" + "；".join(
        fill(rng, pick(rng, vocab.GOAL_ACTIONS), dom) + "，" + _clause(rng, inds[i], targets[i]) for i in idx) + "。"
    act = pick(rng, vocab.ACTUAL_OPENERS) + "；".join(f"{inds[i]['level3']}实际完成{actuals[i]}" for i in idx) + "。" \
        + fill(rng, pick(rng, vocab.ACTUAL_CLOSERS), dom)
    if long:
        exp += "\n" + fill(rng, pick(rng, vocab.GOAL_PURPOSES), dom) + "，" + fill(rng, pick(rng, vocab.GOAL_ACTIONS), dom) + "，" \
            + fill(rng, "确保参与{act}{n}人次以上", dom) + "。"
        act += "\n" + fill(rng, "{act}共开展{n}次，覆盖{obj}" + str(rng.randint(20, 900)) + "人次。", dom)
    return exp, act
