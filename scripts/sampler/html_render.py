"""HTML for the two HTML producers: Chromium print-to-PDF and LibreOffice Writer's HTML import.

Both get the same table model; the flavour only changes what each producer understands:
Chromium takes modern CSS (@page margin boxes for footers, a fixed rotated watermark, absolutely
positioned seal); Writer's HTML import takes @page size/margins, per-cell CSS borders, <col>
widths, <thead> (repeated on each page), and its own <div title="footer"> with <sdfield>
page-number fields. No bold anywhere: Chromium prints synthetic bold of a CJK font as Type 3
glyphs, hundreds of KB a page.
"""

import html

from layout import FONTS, col_widths_mm, footer_text, page_mm
from model import Para, Table, border_sides

RULE = "0.75pt solid #000"


def esc(text):
    return html.escape(text or "").replace("\n", "<br>")


def cell_html(c, sides, lay, extra=""):
    attrs = ""
    if c.colspan > 1:
        attrs += f' colspan="{c.colspan}"'
    if c.rowspan > 1:
        attrs += f' rowspan="{c.rowspan}"'
    style = [f"text-align:{c.align}"]
    names = ("top", "right", "bottom", "left")
    for name, on in zip(names, sides):
        style.append(f"border-{name}:{RULE if on else 'none'}")
    style.append(extra)
    return f'<td{attrs} style="{";".join(s for s in style if s)}">{esc(c.text)}</td>'


def table_html(table, lay, flavour, title=None):
    """Return the HTML of one table (two tables when the indicator header repeats)."""
    widths = col_widths_mm(lay, table)
    total = sum(widths)
    sides = border_sides(table, lay["borders"])
    if flavour == "chromium":
        cols = "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in widths)
    else:
        # Writer's HTML import reads <col width> in pixels (96 per inch), as its own export writes
        cols = "".join(f'<col width="{w / 25.4 * 96:.0f}">' for w in widths)
    rows_html = []
    placed = table.placed()
    by_row = {}
    for i, j, c in placed:
        by_row.setdefault(i, []).append((j, c))
    for i, row in enumerate(table.rows):
        rows_html.append("<tr>" + "".join(cell_html(c, sides[(i, j)], lay) for j, c in by_row.get(i, [])) + "</tr>")
    title_row = ""
    if title is not None:
        fs = lay["font_size"] * title.size
        title_row = (f'<tr><td colspan="{table.ncols}" style="text-align:center;border:none;font-size:{fs:.1f}pt;'
                     f'padding-bottom:3mm">{esc(title.text)}</td></tr>')
    pct = lay["table_width"] * 100
    open_tag = (f'<table width="{total / 25.4 * 96:.0f}" border="0" cellspacing="0" cellpadding="{max(1, round(lay["padding_pt"] * 4 / 3))}">'
                if flavour == "writer" else f'<table style="width:{pct:.0f}%">')
    k = table.repeat_from if lay["repeat_header"] and table.repeat_from else None
    if k is None:
        return f"{open_tag}<colgroup>{cols}</colgroup><tbody>{title_row}{''.join(rows_html)}</tbody></table>"
    # a table repeats only its leading rows: the indicator header starts a second table
    return (f"{open_tag}<colgroup>{cols}</colgroup><tbody>{title_row}{''.join(rows_html[:k])}</tbody></table>"
            f"{open_tag}<colgroup>{cols}</colgroup><thead>{rows_html[k]}</thead><tbody>{''.join(rows_html[k + 1:])}</tbody></table>")


def para_html(p, lay):
    fs = lay["font_size"] * p.size
    return f'<p class="{p.kind}" style="text-align:{p.align};font-size:{fs:.1f}pt">{esc(p.text)}</p>'


def form_html(form, lay, flavour):
    out = []
    blocks = list(form.blocks)
    title = None
    if lay["title_in_table"] and isinstance(blocks[0], Para) and len(blocks) > 1 and isinstance(blocks[1], Table):
        title = blocks.pop(0)
    first_table = True
    for b in blocks:
        if isinstance(b, Para):
            out.append(para_html(b, lay))
        else:
            out.append(table_html(b, lay, flavour, title if first_table else None))
            first_table = False
    return "".join(out)


def seal_html(lay, flavour, seal_src):
    """The seal: "over" the first rows of the table (the 实施单位 / funds block), or "near": just
    below the table, to the right, where 单位（盖章） would be."""
    sp = lay["seal_pos"]
    size = sp["size_mm"]
    if flavour == "chromium":
        if lay["seal"] == "over":
            pos = f"left:{sp['dx'] * 100:.0f}%;top:{8 + sp['dy_mm']}mm"
        else:
            pos = f"left:{sp['dx'] * 100:.0f}%;top:1mm"
        img = f'<img src="{seal_src}" style="position:absolute;{pos};width:{size}mm;height:{size}mm;opacity:0.9">'
        return img if lay["seal"] == "over" else f'<div style="position:relative;height:0">{img}</div>'
    # Writer's HTML import anchors a positioned image to the paragraph it is in
    top = 8 + sp["dy_mm"] if lay["seal"] == "over" else 1
    pos = f"left:{sp['dx'] * 120:.0f}mm;top:{top}mm"
    img = f'<img src="{seal_src}" width="{size * 3.78:.0f}" height="{size * 3.78:.0f}" style="position:absolute;{pos}">'
    return f'<p style="margin:0;font-size:2pt">{img}</p>'


def document(forms, lay, flavour, seal_src=None):
    """Given the forms of one file and its layout, return the HTML document."""
    w, h = page_mm(lay)
    t, r, b, l = lay["margins_mm"]
    font = FONTS[lay["font"]]
    fs = lay["font_size"]
    foot = footer_text(lay, "\0", "\1")
    css = [f"@page {{ size: {w:.1f}mm {h:.1f}mm; margin: {t}mm {r}mm {b}mm {l}mm;"]
    if flavour == "chromium":
        if foot:
            content = '"' + foot.replace("\0", '" counter(page) "').replace("\1", '" counter(pages) "') + '"'
            css.append(f' @bottom-center {{ content: {content}; font-family: "{font}"; font-size: {fs:.1f}pt; }}')
        if lay["header"] == "text":
            css.append(f' @top-center {{ content: "{lay["header_text"]}"; font-family: "{font}"; font-size: {fs * 0.9:.1f}pt; }}')
    css.append(" }")
    css.append(f'body {{ font-family: "{font}"; font-size: {fs:.1f}pt; margin: 0; }}')
    css.append(f"p {{ margin: 1.5mm 0; font-weight: normal; }}")
    css.append(f"p.title {{ margin: 2mm 0 3mm; }}")
    if flavour == "chromium":
        # break-all: fixed column widths, numbers and Latin broken anywhere; normal: the browser
        # widens a column to its longest unbreakable run (amounts, APP…)
        if lay.get("html_word_break", "break-all") == "break-all":
            css.append("table { border-collapse: collapse; table-layout: fixed; margin: 0 auto; }")
            wb = "word-break: break-all; overflow-wrap: anywhere;"
        else:
            css.append("table { border-collapse: collapse; table-layout: auto; margin: 0 auto; }")
            wb = ""
        css.append(f"td {{ padding: {lay['padding_pt']:.1f}pt; vertical-align: {'middle' if lay['valign'] == 'center' else 'top'};"
                   f" {wb} font-weight: normal; }}")
        css.append(".project { position: relative; }")
        css.append(".project + .project { margin-top: 8mm; }")
        css.append(".project.tight + .project { margin-top: 0; }")
        css.append(".break { break-before: page; }")
        css.append(f'.wm {{ position: fixed; top: 40%; left: 12%; transform: rotate(-30deg); color: rgba(0,0,0,0.09); '
                   f'font-size: 64pt; font-family: "{font}"; z-index: 10; }}')
    else:
        css.append(f"td {{ vertical-align: {'middle' if lay['valign'] == 'center' else 'top'}; }}")
    body = []
    if flavour == "chromium" and lay["watermark"] == "text":
        body.append(f'<div class="wm">{esc(lay["watermark_text"])}</div>')
    for k, form in enumerate(forms):
        cls = "project"
        if k and lay["page_breaks"] == "before_each":
            cls += " break"
        if lay["page_breaks"] == "none":
            cls += " tight"
        inner = form_html(form, lay, flavour)
        seal = seal_html(lay, flavour, seal_src) if (seal_src and lay["seal"] != "none") else ""
        before, after = (seal, "") if lay["seal"] == "over" else ("", seal)
        if flavour == "chromium":
            body.append(f'<div class="{cls}">{before}{inner}{after}</div>')
        else:
            if k and lay["page_breaks"] == "before_each":
                body.append('<p style="page-break-before: always; margin:0; font-size:2pt">&nbsp;</p>')
            elif k and lay["page_breaks"] == "continuous":
                body.append("<p>&nbsp;</p>")
            body.append(before + inner + after)
    if flavour == "writer":
        if lay["header"] == "text":
            body.append(f'<div title="header"><p align="center" style="font-size:{fs * 0.9:.1f}pt">{esc(lay["header_text"])}</p></div>')
        if foot:
            page = '<sdfield type=PAGE subtype=RANDOM format=PAGE>1</sdfield>'
            pages = '<sdfield type=DOCSTAT subtype=PAGE format=PAGE>1</sdfield>'
            text = esc(foot).replace("\0", page).replace("\1", pages)
            body.append(f'<div title="footer"><p align="center">{text}</p></div>')
    return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>' + "\n".join(css) +
            "</style></head><body>" + "".join(body) + "</body></html>")
