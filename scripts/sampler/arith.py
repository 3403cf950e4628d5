"""Decimal helpers: the form's arithmetic and how amounts are printed."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

TWO = Decimal("0.01")
ZERO = Decimal(0)


def D(x):
    """Given a str/int/Decimal, return a Decimal (separators removed)."""
    return x if isinstance(x, Decimal) else Decimal(str(x).replace(",", ""))


def trunc2(x):
    """Given a Decimal, return it truncated (not rounded) to two decimals."""
    return D(x).quantize(TWO, rounding=ROUND_DOWN)


def round_half_up(x, places=2):
    """Given a Decimal, return it rounded half-up to `places` decimals."""
    return D(x).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def rate(executed, budget, rounding="truncate", places=2):
    """Given executed and budget amounts, return 执行率 in percent (0 when the budget is 0)."""
    executed, budget = D(executed), D(budget)
    if budget == 0:
        return Decimal(0).quantize(Decimal(1).scaleb(-places))
    x = executed / budget * 100
    if rounding == "truncate":
        return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)
    return round_half_up(x, places)


def fmt(x, places=2, thousands=False):
    """Given a Decimal, return it printed with `places` decimals, optionally with separators."""
    x = D(x).quantize(Decimal(1).scaleb(-places)) if places else D(x).quantize(Decimal(1))
    return f"{x:,.{places}f}" if thousands else f"{x:.{places}f}"


def plain(printed):
    """Given an amount as printed, return it as the gold holds it (separators removed)."""
    return None if printed is None else printed.replace(",", "")


def grade_of(total, bands=((90, "优"), (80, "良"), (60, "中"))):
    """Given a total score, return its grade band (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差)."""
    total = D(total)
    for floor, name in bands:
        if total >= floor:
            return name
    return "差"
