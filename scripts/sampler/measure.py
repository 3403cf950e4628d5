"""Text measurement for Calc, which keeps the row heights an .xlsx gives it: a wrapped cell in
a row that is too low is drawn over its neighbours. So the sampler sets every row's height
from the text it holds, measured with the font file itself (PIL), wrapped as Calc wraps
(CJK anywhere, Latin and numbers at word ends), with a safety margin: too high only leaves
white space, too low would print text no reader can see.
"""

import re
from functools import lru_cache

from decor import load_font

# line height / font size in LibreOffice, measured on its PDFs (rows of wrapped text at 10 pt)
LINE_HEIGHT = {
    "Noto Sans CJK SC": 1.449, "Noto Serif CJK SC": 1.440, "WenQuanYi Zen Hei": 1.270,
    "WenQuanYi Micro Hei": 1.180, "AR PL UMing CN": 1.052, "AR PL UKai CN": 1.100,
}
TOKEN = re.compile(r"[A-Za-z0-9.,%()\-+/:=_]+|\s+|.", re.S)


@lru_cache(maxsize=None)
def _font(family):
    return load_font(family, 100)


@lru_cache(maxsize=200000)
def width_pt(text, family, size):
    """Width of `text` in points at `size` pt."""
    return _font(family).getlength(text) * size / 100


def wrap_lines(text, family, size, avail_pt):
    """Number of lines `text` takes in a column `avail_pt` wide."""
    if avail_pt <= size:
        avail_pt = size  # at least one character a line
    total = 0
    for para in (text or "").split("\n"):
        lines, cur = 1, 0.0
        for tok in TOKEN.findall(para):
            w = width_pt(tok, family, size)
            if cur + w <= avail_pt:
                cur += w
                continue
            if tok.isspace():
                lines += 1
                cur = 0.0
                continue
            if w > avail_pt:  # a word longer than the line is broken anywhere
                for ch in tok:
                    cw = width_pt(ch, family, size)
                    if cur + cw > avail_pt:
                        lines += 1
                        cur = 0.0
                    cur += cw
                continue
            lines += 1
            cur = w
        total += lines
    return total


def text_height_pt(text, family, size, width_pt_, padding_pt=2.0):
    """Height a wrapped cell needs, with a margin (8 % narrower line, 10 % taller, one pad)."""
    avail = (width_pt_ - 2 * padding_pt - 2) * 0.92
    n = wrap_lines(text, family, size, avail)
    return n * LINE_HEIGHT.get(family, 1.45) * size * 1.1 + 2 * padding_pt + 2
