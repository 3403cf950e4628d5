"""The neutral document model every producer renders.

A template turns a record into a `Form` (one project): a list of blocks, each a `Para` (a line
of text outside the table: title, year line, unit line, signature line) or a `Table` (a grid of
`ncols` columns; rows of `Cell`s with colspan/rowspan, in HTML order: a cell covered by a
rowspan from above is not repeated). Producers know nothing of the form's words; they read
only this model and the layout.
"""

from dataclasses import dataclass, field


@dataclass
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    align: str = "center"   # left | center | right
    kind: str = "value"     # label | value | num | text | blank: lets a producer style labels
    numeric: str | None = None  # for Calc: the printed amount may be written as a number
    gold: str | None = None     # the value as the gold holds it, where it differs from the text (86.19% → 86.19)


@dataclass
class Row:
    cells: list
    kind: str = "row"       # head | funds | goals | ind_header | ind | total | grade | tail ...


@dataclass
class Table:
    ncols: int
    base_widths: list               # relative widths of the grid columns (the template's)
    rows: list = field(default_factory=list)
    repeat_from: int | None = None  # index of the row repeated on continuation pages, if asked

    def placed(self):
        """Return [(row_index, col_index, cell)] with each cell's grid position."""
        taken, out = set(), []
        for i, row in enumerate(self.rows):
            j = 0
            for c in row.cells:
                while (i, j) in taken:
                    j += 1
                for di in range(c.rowspan):
                    for dj in range(c.colspan):
                        taken.add((i + di, j + dj))
                out.append((i, j, c))
                j += c.colspan
            # a row must cover the grid exactly
            covered = sum(1 for (ti, tj) in taken if ti == i)
            assert covered == self.ncols, (i, covered, self.ncols, [c.text[:8] for c in row.cells])
        return out


@dataclass
class Para:
    text: str
    kind: str = "text"      # title | subtitle | unit | sign | text
    align: str = "center"
    size: float = 1.0       # relative to the layout's font size


@dataclass
class Form:
    """One project table as printed: blocks in order."""
    blocks: list

    @property
    def tables(self):
        return [b for b in self.blocks if isinstance(b, Table)]


def border_sides(table, style):
    """Given a table and a border style (all | none | outer | horizontal), return
    {(row, col): (top, right, bottom, left)} for every placed cell."""
    nrows = len(table.rows)
    out = {}
    for i, j, c in table.placed():
        top, bottom = i == 0, i + c.rowspan == nrows
        left, right = j == 0, j + c.colspan == table.ncols
        if style == "all":
            sides = (True, True, True, True)
        elif style == "none":
            sides = (False, False, False, False)
        elif style == "outer":
            sides = (top, right, bottom, left)
        elif style == "horizontal":
            sides = (True, False, True, False)
        else:
            raise ValueError(style)
        out[(i, j)] = sides
    return out
