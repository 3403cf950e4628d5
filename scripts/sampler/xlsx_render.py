"""XLSX for LibreOffice Calc (openpyxl): the forms on one sheet or one sheet each, merged
cells, borders per cell side, wrapped text, row heights measured from their text (Calc keeps
the heights a file gives it), page setup (paper, orientation, margins, fit to width), a footer
with &P, print-title rows for a repeated indicator header, manual row breaks, a seal image.
"""

import re

import openpyxl
from openpyxl.drawing.image import Image
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break

import measure
from layout import FONTS, col_widths_mm
from model import Para, Table, border_sides

PT_PER_UNIT = 7.0  # Calc's width of one openpyxl column unit (default font Calibri 11), measured
PAPER = {"A4": 9, "A3": 8, "Letter": 1, "B5": 34}  # 34: B5 (ISO) 176 × 250 mm
THIN = Side(style="thin", color="000000")
NONE = Side(style=None)
FOOTER = {"none": None, "dash": "-&P-", "page": "第&P页", "page_of": "第&P页 共&N页"}
NUMBER = re.compile(r"^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$")


def _number_format(printed):
    """Given a printed amount, return (value, number format) that prints it identically."""
    plain = printed.replace(",", "")
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    base = "#,##0" if "," in printed else "0"
    fmt = base + ("." + "0" * decimals if decimals else "")
    return (float(plain) if decimals else int(plain)), fmt


class Sheet:
    def __init__(self, ws, lay, widths_pt):
        self.ws, self.lay, self.widths = ws, lay, widths_pt
        self.row = 1
        self.heights = {}
        self.font = FONTS[lay["font"]]
        self.size = lay["font_size"]

    def need(self, r, h):
        self.heights[r] = max(self.heights.get(r, 0), h)

    def para(self, p):
        ws, r = self.ws, self.row
        ncols = len(self.widths)
        c = ws.cell(r, 1, p.text)
        c.data_type = "s"
        size = self.size * p.size
        c.font = Font(name=self.font, size=size)
        c.alignment = Alignment(horizontal=p.align, vertical="center", wrap_text=True)
        if ncols > 1:
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        self.need(r, measure.text_height_pt(p.text, self.font, size, sum(self.widths)) + size * 0.4)
        self.row += 1

    def table(self, t):
        ws, lay = self.ws, self.lay
        top = self.row
        sides = border_sides(t, lay["borders"])
        spans = []
        numeric = lay.get("calc_numbers") == "numeric"
        for i, j, cell in t.placed():
            r, c = top + i, 1 + j
            width = sum(self.widths[j:j + cell.colspan])
            text = cell.text
            xc = ws.cell(r, c)
            if numeric and cell.numeric and NUMBER.match(cell.numeric) and \
                    measure.width_pt(cell.numeric, self.font, self.size) + 6 < width:
                # a number that does not fit would print ###: only numbers that fit are numbers
                xc.value, xc.number_format = _number_format(cell.numeric)
            else:
                xc.value = text
                xc.data_type = "s"  # "=100.00(%)" is text, not a formula
            font = Font(name=self.font, size=self.size)
            al = Alignment(horizontal=cell.align, vertical="center" if lay["valign"] == "center" else "top",
                           wrap_text=True)
            t_, r_, b_, l_ = sides[(i, j)]
            for di in range(cell.rowspan):
                for dj in range(cell.colspan):
                    x = ws.cell(r + di, c + dj)
                    x.font, x.alignment = font, al
                    x.border = Border(top=THIN if t_ and di == 0 else NONE,
                                      bottom=THIN if b_ and di == cell.rowspan - 1 else NONE,
                                      left=THIN if l_ and dj == 0 else NONE,
                                      right=THIN if r_ and dj == cell.colspan - 1 else NONE)
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=r, start_column=c, end_row=r + cell.rowspan - 1, end_column=c + cell.colspan - 1)
            h = measure.text_height_pt(text, self.font, self.size, width, lay["padding_pt"] / 2)
            if cell.rowspan == 1:
                self.need(r, h)
            else:
                spans.append((r, cell.rowspan, h))
        for i in range(len(t.rows)):
            self.need(top + i, self.size * 1.6)
        for r, n, h in spans:  # a merged label needs its rows together to be high enough
            have = sum(self.heights.get(r + k, 0) for k in range(n))
            if have < h:
                for k in range(n):
                    self.heights[r + k] = self.heights.get(r + k, 0) + (h - have) / n
        self.row = top + len(t.rows)
        return top

    def finish(self):
        for r, h in self.heights.items():
            self.ws.row_dimensions[r].height = round(min(h, 409), 1)  # Calc's limit per row


def _page_setup(ws, lay, title_rows=None):
    ps = ws.page_setup
    ps.paperSize = PAPER[lay["page_size"]]
    ps.orientation = lay["orientation"]
    t, r, b, l = lay["margins_mm"]
    m = ws.page_margins
    m.top, m.right, m.bottom, m.left = t / 25.4, r / 25.4, b / 25.4, l / 25.4
    m.header, m.footer = min(0.3, t / 25.4 / 2), min(0.3, b / 25.4 / 2)
    if lay.get("calc_fit") == "fit_width":
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ps.fitToWidth, ps.fitToHeight = 1, 0
    foot = FOOTER[lay["footer"]]
    if foot:
        ws.oddFooter.center.text = foot
        ws.oddFooter.center.size = max(7, int(lay["font_size"]))
    if lay["header"] == "text":
        ws.oddHeader.center.text = lay["header_text"]
        ws.oddHeader.center.size = max(7, int(lay["font_size"]))
    if title_rows:
        ws.print_title_rows = f"{title_rows}:{title_rows}"
    ws.print_options.horizontalCentered = True


def _seal(ws, lay, seal, first_row, last_row, ncols, row_heights):
    sp = lay["seal_pos"]
    img = Image(seal)
    img.width = img.height = sp["size_mm"] * 96 / 25.4
    col = max(1, min(ncols, int(ncols * sp["dx"])))
    if lay["seal"] == "over":
        row, acc = first_row, 0.0
        while acc < (8 + sp["dy_mm"]) * 72 / 25.4 and row < last_row:
            acc += row_heights.get(row, 15)
            row += 1
    else:
        row = last_row + 1
    ws.add_image(img, f"{get_column_letter(col)}{row}")


def document(forms, lay, path, seal=None):
    wb = openpyxl.Workbook()
    first = wb.active
    tables = [b for f in forms for b in f.blocks if isinstance(b, Table)]
    ncols = max(t.ncols for t in tables)
    widths_mm = col_widths_mm(lay, tables[0])
    scale = lay.get("calc_scale", 1.0)
    widths_pt = [w * 72 / 25.4 * scale for w in widths_mm]
    per_sheet = lay.get("calc_sheets") == "per_project"
    groups = [[f] for f in forms] if per_sheet else [forms]
    for g, group in enumerate(groups):
        ws = first if g == 0 else wb.create_sheet()
        ws.title = f"{g + 1}" if per_sheet else "Sheet1"
        for j, w in enumerate(widths_pt):
            ws.column_dimensions[get_column_letter(j + 1)].width = round(w / PT_PER_UNIT, 2)
        sh = Sheet(ws, lay, widths_pt)
        title_row = None
        for k, form in enumerate(group):
            if k:
                if lay["page_breaks"] == "before_each":
                    ws.row_breaks.append(Break(id=sh.row - 1))
                elif lay["page_breaks"] == "continuous":
                    sh.row += 2
            start = sh.row
            for blk in form.blocks:
                if isinstance(blk, Para):
                    sh.para(blk)
                else:
                    top = sh.table(blk)
                    if blk.repeat_from and lay["repeat_header"] and per_sheet:
                        title_row = top + blk.repeat_from
            if seal and lay["seal"] != "none":
                sh.finish()
                _seal(ws, lay, seal, start + 1, sh.row - 1, ncols, sh.heights)
        sh.finish()
        _page_setup(ws, lay, title_row)
    wb.save(path)
