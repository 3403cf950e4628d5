"""Drawing a file's layout: producer, borders, page, fonts, widths, breaks, furniture.

Every drawn feature is recorded in the gold's "layout" object under the name used here, so the
accuracy report can break results down by it (see README.md in this folder).
"""

PRODUCERS = ["calc-xlsx", "writer-docx", "writer-html", "chromium-html"]
PRODUCER_LABELS = {
    "calc-xlsx": "a: LibreOffice Calc (xlsx)",
    "writer-docx": "w: LibreOffice Writer (docx)",
    "writer-html": "h: LibreOffice Writer (HTML)",
    "chromium-html": "c: Chromium print-to-PDF (HTML)",
}
BORDERS = ["all", "none", "outer", "horizontal"]
PAGE_SIZES = {"A4": (210.0, 297.0), "A3": (297.0, 420.0), "B5": (176.0, 250.0), "Letter": (215.9, 279.4)}
FONTS = {
    "noto-sans": "Noto Sans CJK SC",
    "noto-serif": "Noto Serif CJK SC",
    "wqy-zenhei": "WenQuanYi Zen Hei",
    "wqy-microhei": "WenQuanYi Micro Hei",
    "ar-pl-uming": "AR PL UMing CN",
    "ar-pl-ukai": "AR PL UKai CN",
}
FONT_SIZES = [7.5, 8, 8.5, 9, 9, 9.5, 10, 10.5, 11]
FOOTERS = {"none": None, "dash": "-{n}-", "page": "第{n}页", "page_of": "第{n}页 共{N}页"}
WATERMARKS = ["内部资料", "信息公开", "仅供参考", "样本", "公开"]


def draw_layout(rng, n_projects, producers=None, borders=None, department=""):
    """Return the layout dict of one file holding n_projects tables."""
    producer = rng.choice(producers or PRODUCERS)
    lay = dict(
        producer=producer,
        borders=rng.choice(borders or BORDERS),
        orientation="landscape" if rng.random() < 0.35 else "portrait",
        page_size=rng.choices(list(PAGE_SIZES), weights=[60, 10, 15, 15])[0],
        font=rng.choice(list(FONTS)),
        font_size=rng.choice(FONT_SIZES),
        width_factors=[round(rng.uniform(0.55, 1.7), 2) for _ in range(16)],
        table_width=round(rng.uniform(0.82, 1.0), 2),
        margins_mm=[rng.randint(10, 25), rng.randint(8, 22), rng.randint(12, 25), rng.randint(8, 22)],  # t r b l
        page_breaks="single" if n_projects == 1 else rng.choice(["none", "before_each", "continuous"]),
        repeat_header=rng.random() < 0.4,
        footer=rng.choices(list(FOOTERS), weights=[4, 2, 2, 2])[0],
        header="text" if rng.random() < 0.25 else "none",
        header_text=f"{department}2023年度项目支出绩效自评结果" if department else "项目支出绩效自评结果",
        seal=rng.choices(["none", "near", "over"], weights=[65, 20, 15])[0],
        watermark="text" if rng.random() < 0.2 else "none",
        watermark_text=rng.choice(WATERMARKS),
        valign="top" if rng.random() < 0.3 else "center",
        padding_pt=round(rng.uniform(0.8, 4.0), 1),
        title_in_table=rng.random() < 0.3,
    )
    if producer == "chromium-html":
        lay["html_word_break"] = "break-all" if rng.random() < 0.4 else "normal"
    if producer == "calc-xlsx":
        lay["title_in_table"] = True  # a sheet has no paragraphs: the title is a merged row
        lay["calc_fit"] = "fit_width" if rng.random() < 0.7 else "none"
        # a sheet laid out wider than the page, shrunk to fit: smaller print than font_size says
        lay["calc_scale"] = round(rng.uniform(1.0, 1.5), 2) if lay["calc_fit"] == "fit_width" else 1.0
        lay["calc_numbers"] = "numeric" if rng.random() < 0.6 else "text"
        # Calc repeats print-title rows per sheet, so a repeated header needs a sheet per project
        lay["calc_sheets"] = "per_project" if lay["repeat_header"] or rng.random() < 0.3 else "one"
        if n_projects > 1 and lay["calc_sheets"] == "per_project":
            lay["page_breaks"] = "before_each"
    seal_pos = dict(dx=round(rng.uniform(0.45, 0.85), 2), dy_mm=rng.randint(0, 45), size_mm=rng.randint(32, 42))
    lay["seal_pos"] = seal_pos
    return lay


def page_mm(lay):
    """Return (width, height) of the page in mm."""
    w, h = PAGE_SIZES[lay["page_size"]]
    return (h, w) if lay["orientation"] == "landscape" else (w, h)


def usable_mm(lay):
    w, h = page_mm(lay)
    t, r, b, l = lay["margins_mm"]
    return w - l - r, h - t - b


def col_widths_mm(lay, table):
    """Return the grid column widths (mm) of a table on this layout."""
    f = lay["width_factors"]
    raw = [w * f[i % len(f)] for i, w in enumerate(table.base_widths)]
    total = usable_mm(lay)[0] * lay["table_width"]
    s = sum(raw)
    return [total * r / s for r in raw]


def footer_text(lay, n, total):
    fmt = FOOTERS[lay["footer"]]
    return None if fmt is None else fmt.format(n=n, N=total)
