"""Page furniture drawn as images: the red seal (公章) stamped near or over a table.

The seal is a raster (PNG with transparency): its text is pixels, not a text layer, as on a
scanned-and-stamped or e-sealed PDF. Its wording is the implementing unit's name on the arc.
"""

import math
import subprocess
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont


@lru_cache(maxsize=None)
def font_file(family):
    """Given a fontconfig family, return (path, index) of its file."""
    out = subprocess.run(["fc-match", "-f", "%{file}|%{index}", f"{family}:lang=zh-cn"], capture_output=True, text=True,
                         check=True).stdout
    path, _, index = out.partition("|")
    return path, int(index or 0)


def load_font(family, size_px):
    path, index = font_file(family)
    return ImageFont.truetype(path, size_px, index=index)


def seal_png(path, text, subtitle="绩效评价专用章", size=320, color=(214, 28, 32)):
    """Write a round red seal with `text` on its upper arc, a star and `subtitle` below."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    c = size / 2
    ring = size * 0.035
    d.ellipse((ring, ring, size - ring, size - ring), outline=color + (235,), width=int(ring * 1.6))
    # five-pointed star
    r_out, r_in = size * 0.15, size * 0.06
    pts = []
    for k in range(10):
        r = r_out if k % 2 == 0 else r_in
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((c + r * math.cos(a), c + r * math.sin(a)))
    d.polygon(pts, fill=color + (235,))
    # text on the arc, each character rotated to face the centre
    font = load_font("WenQuanYi Zen Hei", int(size * 0.11))
    chars = list(text[:16])
    span = math.radians(min(250, 18 * len(chars) + 40))
    radius = size * 0.36
    for k, ch in enumerate(chars):
        a = -math.pi / 2 - span / 2 + span * (k + 0.5) / len(chars)
        tile = Image.new("RGBA", (int(size * 0.14), int(size * 0.14)), (0, 0, 0, 0))
        ImageDraw.Draw(tile).text((tile.width / 2, tile.height / 2), ch, font=font, fill=color + (235,), anchor="mm")
        tile = tile.rotate(-math.degrees(a) - 90, resample=Image.BICUBIC)
        x, y = c + radius * math.cos(a), c + radius * math.sin(a)
        img.alpha_composite(tile, (int(x - tile.width / 2), int(y - tile.height / 2)))
    sub = load_font("WenQuanYi Zen Hei", int(size * 0.075))
    d.text((c, c + size * 0.25), subtitle, font=sub, fill=color + (235,), anchor="mm")
    img = img.quantize(colors=32, method=Image.Quantize.FASTOCTREE)
    img.save(path, optimize=True)
    return path
