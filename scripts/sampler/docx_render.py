"""DOCX for LibreOffice Writer (python-docx): one table per project with merged cells, borders
set per cell side (tcBorders), fixed column widths, a footer with a PAGE field, a floating
seal image. The indicator header can repeat (w:tblHeader) only as the first row of a table, so
a repeated header splits the form into two tables joined by a 1 pt paragraph.
"""

import copy
import itertools

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt

from layout import FONTS, col_widths_mm, page_mm
from model import Para, Table, border_sides

_IDS = itertools.count(1000)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}


def _el(tag, **attrs):
    e = OxmlElement(tag)
    for k, v in attrs.items():
        e.set(qn(k), str(v))
    return e


def _set_fonts(rpr_owner, font):
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = _el("w:rFonts")
        rpr.insert(0, fonts)
    for k in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(k), font)


def _field(paragraph, instr):
    fld = _el("w:fldSimple", **{"w:instr": instr})
    r = _el("w:r")
    t = _el("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    paragraph._p.append(fld)


def _furniture(section, lay, fs):
    foot = {"none": None, "dash": "-{n}-", "page": "第{n}页", "page_of": "第{n}页 共{N}页"}[lay["footer"]]
    if foot:
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        text = foot
        while text:
            if text.startswith("{n}"):
                _field(p, "PAGE")
                text = text[3:]
            elif text.startswith("{N}"):
                _field(p, "NUMPAGES")
                text = text[3:]
            else:
                k = min([i for i in (text.find("{n}"), text.find("{N}")) if i >= 0] or [len(text)])
                p.add_run(text[:k]).font.size = Pt(fs)
                text = text[k:]
    if lay["header"] == "text":
        p = section.header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(lay["header_text"]).font.size = Pt(fs * 0.9)


def _anchor_seal(run, seal, lay, usable_w_mm):
    """Turn the inline picture just added to `run` into a floating one (no wrap), placed by
    the layout's seal position relative to the paragraph."""
    sp = lay["seal_pos"]
    size = Mm(sp["size_mm"])
    shape = run.add_picture(seal, width=size, height=size)
    inline = shape._inline
    graphic = inline.find(qn("a:graphic"))
    x = Mm(usable_w_mm * sp["dx"] - sp["size_mm"] / 2)
    y = Mm(8 + sp["dy_mm"]) if lay["seal"] == "over" else Mm(1)
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        f'<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{int(x)}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>{int(y)}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{int(size)}" cy="{int(size)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{next(_IDS)}" name="seal"/><wp:cNvGraphicFramePr/></wp:anchor>')
    anchor.append(graphic)
    inline.getparent().replace(inline, anchor)


def _table(doc, table, lay, title, fs):
    widths = col_widths_mm(lay, table)
    sides = border_sides(table, lay["borders"])
    extra = 1 if title is not None else 0
    t = doc.add_table(rows=len(table.rows) + extra, cols=table.ncols)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    tblPr = t._tbl.tblPr
    layout_el = _el("w:tblLayout", **{"w:type": "fixed"})
    tblPr.append(layout_el)
    pad = int(lay["padding_pt"] * 20)
    mar = _el("w:tblCellMar")
    for side in ("top", "left", "bottom", "right"):
        mar.append(_el(f"w:{side}", **{"w:w": pad if side in ("left", "right") else max(0, pad // 3), "w:type": "dxa"}))
    tblPr.append(mar)
    grid = t._tbl.tblGrid
    for gc, w in zip(grid.findall(qn("w:gridCol")), widths):
        gc.set(qn("w:w"), str(int(w / 25.4 * 1440)))
    for row in t.rows:
        for j, cell in enumerate(row.cells):
            cell.width = Mm(widths[j])
    placed = [(i + extra, j, c) for i, j, c in table.placed()]
    if title is not None:
        placed.insert(0, (0, 0, None))
    for i, j, c in placed:
        if c is None:  # the title as a merged first row without borders
            target = t.cell(0, 0).merge(t.cell(0, table.ncols - 1))
            para = target.paragraphs[0]
            para.alignment = WD_ALIGN_PARAGRAPH.CENTER
            para.add_run(title.text).font.size = Pt(fs * title.size)
            _borders(target, (False, False, False, False))
            continue
        target = t.cell(i, j)
        if c.rowspan > 1 or c.colspan > 1:
            target = target.merge(t.cell(i + c.rowspan - 1, j + c.colspan - 1))
        for n, line in enumerate(c.text.split("\n")):
            para = target.paragraphs[0] if n == 0 else target.add_paragraph()
            para.alignment = ALIGN[c.align]
            if line:
                para.add_run(line)
        tcPr = target._tc.get_or_add_tcPr()
        tcPr.append(_el("w:vAlign", **{"w:val": "center" if lay["valign"] == "center" else "top"}))
        _borders(target, sides[(i - extra, j)])
    return t


def _borders(cell, sides):
    tcPr = cell._tc.get_or_add_tcPr()
    old = tcPr.find(qn("w:tcBorders"))
    if old is not None:
        tcPr.remove(old)
    b = _el("w:tcBorders")
    for name, on in zip(("top", "right", "bottom", "left"), sides):
        tag = {"right": "w:right", "left": "w:left"}.get(name, f"w:{name}")
        if on:
            b.append(_el(tag, **{"w:val": "single", "w:sz": 4, "w:space": 0, "w:color": "000000"}))
        else:
            b.append(_el(tag, **{"w:val": "nil"}))
    # schema order inside tcPr: tcW, gridSpan, vMerge, tcBorders, ..., vAlign
    valign = tcPr.find(qn("w:vAlign"))
    if valign is not None:
        valign.addprevious(b)
    else:
        tcPr.append(b)


def _split_for_header(t, k, extra):
    """Split table `t` before row k (+extra title rows) and mark that row as a repeated header."""
    rows = t._tbl.findall(qn("w:tr"))
    new = copy.deepcopy(t._tbl)
    for tr in new.findall(qn("w:tr"))[:k + extra]:
        new.remove(tr)
    for tr in rows[k + extra:]:
        t._tbl.remove(tr)
    first = new.findall(qn("w:tr"))[0]
    trPr = first.get_or_add_trPr()
    trPr.append(_el("w:tblHeader"))
    # adjacent tables are joined back into one on import: keep a 1 pt paragraph between
    gap = parse_xml(f'<w:p {nsdecls("w")}><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
                    '<w:rPr><w:sz w:val="2"/></w:rPr></w:pPr></w:p>')
    t._tbl.addnext(gap)
    gap.addnext(new)


def document(forms, lay, path, seal=None):
    doc = Document()
    sec = doc.sections[0]
    w, h = page_mm(lay)
    sec.orientation = WD_ORIENT.LANDSCAPE if lay["orientation"] == "landscape" else WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(w), Mm(h)
    t, r, b, l = lay["margins_mm"]
    sec.top_margin, sec.right_margin, sec.bottom_margin, sec.left_margin = Mm(t), Mm(r), Mm(b), Mm(l)
    sec.footer_distance = Mm(max(4, b / 2))
    sec.header_distance = Mm(max(4, t / 2))
    fs = lay["font_size"]
    font = FONTS[lay["font"]]
    style = doc.styles["Normal"]
    style.font.size = Pt(fs)
    _set_fonts(style.element, font)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    _furniture(sec, lay, fs)
    usable_w = w - l - r
    for k, form in enumerate(forms):
        blocks = list(form.blocks)
        title = None
        if lay["title_in_table"] and isinstance(blocks[0], Para) and len(blocks) > 1 and isinstance(blocks[1], Table):
            title = blocks.pop(0)
        if k and lay["page_breaks"] == "before_each":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif k and lay["page_breaks"] == "continuous":
            doc.add_paragraph()
        elif k:  # "none": the next form follows at once (a 1 pt paragraph keeps the tables apart)
            gap = doc.add_paragraph()
            gap.paragraph_format.line_spacing = Pt(1)
        anchor_para = None
        for blk in blocks:
            if isinstance(blk, Para):
                p = doc.add_paragraph()
                p.alignment = ALIGN[blk.align]
                p.paragraph_format.space_after = Pt(fs * 0.6)
                p.add_run(blk.text).font.size = Pt(fs * blk.size)
                anchor_para = anchor_para or p
            else:
                if anchor_para is None:
                    anchor_para = doc.add_paragraph()
                    anchor_para.paragraph_format.line_spacing = Pt(1)
                tb = _table(doc, blk, lay, title, fs)
                if lay["repeat_header"] and blk.repeat_from:
                    _split_for_header(tb, blk.repeat_from, 1 if title is not None else 0)
                title = None
        if seal and lay["seal"] == "over" and anchor_para is not None:
            _anchor_seal(anchor_para.add_run(), seal, lay, usable_w)
        elif seal and lay["seal"] == "near":  # below the table, where 单位（盖章） would be
            p = doc.add_paragraph()
            p.paragraph_format.line_spacing = Pt(1)
            _anchor_seal(p.add_run(), seal, lay, usable_w)
    doc.save(path)
