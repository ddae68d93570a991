"""The Overview and the indicator plots as a workbook an analyst can put in a report.

The GUI builds a :class:`Report` from what the views show — every text already in the analyst's
language, numbers as numbers — and :func:`write_report` lays it out: the Overview sheet first (title,
subtitle lines, the criticality table with each metric cell filled against its threshold, a legend row
saying what the fills mean), then one sheet per indicator with its values table (years down, minerals
across) and a native Excel line chart of it, the threshold drawn as a dashed series whose name carries
its value.  Native charts rather than pictures: they stay live, take the workbook's data and can be
restyled or copied into Word by the analyst.  Numbers keep their full precision and get the number
format the caller gives per column (0.00 for an index, 0% for a share).  Text is always a text cell,
and the file is written beside its target and moved into place (``cells.write_xlsx``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.export.cells import add_sheet, write_xlsx
from desktop.core.export.table_export import cell_value, column_cells, column_width, sheet_name

FILLS = ("above", "below")
# Excel's own "Light Red Fill with Dark Red Text" and "Green Fill with Dark Green Text", which analysts
# know from conditional formatting
FILL_COLOURS = {"above": ("#FFC7CE", "#9C0006"), "below": ("#C6EFCE", "#006100")}
THRESHOLD_COLOUR = "#C00000"
CHART_SIZE = (720, 420)              # pixels: readable when pasted into a report page


@dataclass
class OverviewTable:
    """The Overview's criticality table as shown.

    ``rows`` holds one list of values per row (text, numbers, None for an empty cell), as many as
    ``headers``.  ``fills`` (optional, the same shape as ``rows``) gives per cell "above" (at or above
    its threshold: light red), "below" (light green) or None.  ``number_formats`` (optional, one per
    column) gives an Excel number format such as "0.00" or "0%" (None: General).  ``legend`` lists
    (fill, explanation) pairs, written as one row of filled cells under the table."""
    headers: list[str]
    rows: list[list]
    fills: list[list[str | None]] | None = None
    number_formats: list[str | None] | None = None
    legend: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class IndicatorSection:
    """One indicator: a sheet with its values table and line chart.

    ``series`` holds (mineral name, one value per year in ``years``, None where missing).  ``threshold``
    (None: no threshold line) is drawn as a dashed series named by ``threshold_label``: its "{value}"
    is replaced by the threshold value, else " = value" is appended.  ``unit`` is the value axis title,
    ``year_label`` the year column's header and the category axis title, ``number_format`` the values'
    Excel number format (None: General)."""
    sheet: str
    title: str
    unit: str
    years: list[int]
    series: list[tuple[str, list[float | None]]]
    threshold: float | None = None
    threshold_label: str = ""
    number_format: str | None = None
    year_label: str = "Year"


@dataclass
class Report:
    """A report workbook: ``title`` and ``subtitle`` lines (list, year, assessed country, parameters)
    above the Overview table on the sheet ``overview_sheet``, then one sheet per indicator."""
    title: str
    subtitle: list[str]
    overview: OverviewTable
    indicators: list[IndicatorSection] = field(default_factory=list)
    overview_sheet: str = "Overview"


def write_report(path, report: Report) -> dict[str, str]:
    """Write ``report`` to ``path`` (.xlsx) and return {sheet name as written: what it holds} — the
    Overview sheet's name maps to "overview", an indicator's sheet to its title.  Raises ``ValueError``
    for a malformed report (rows, fills or series of the wrong length, an unknown fill) and
    ``WriteError`` when the file cannot be written (nothing is written then)."""
    _check(report)
    path = Path(path)

    def build(wb) -> dict[str, str]:
        styles = _Styles(wb)
        used: set[str] = set()
        out = {}
        name = sheet_name(report.overview_sheet, used)
        _write_overview(add_sheet(wb, name), report, styles)
        out[name] = "overview"
        for section in report.indicators:
            name = sheet_name(section.sheet, used)
            _write_indicator(wb, add_sheet(wb, name), name, section, styles)
            out[name] = section.title
        return out

    # normal (not constant-memory) mode: the sheets are small, and the charts' cached values are then
    # filled in, so a viewer that does not recalculate still draws them
    return write_xlsx(path, build, constant_memory=False)


# -- checks -------------------------------------------------------------------------------
def _check(report: Report) -> None:
    ov = report.overview
    n = len(ov.headers)
    for i, row in enumerate(ov.rows):
        if len(row) != n:
            raise ValueError(f"overview row {i + 1}: {len(row)} values for {n} columns")
    if ov.fills is not None:
        if len(ov.fills) != len(ov.rows) or any(len(f) != n for f in ov.fills):
            raise ValueError("overview fills: one list per row, one fill per column")
        bad = {f for row in ov.fills for f in row if f is not None and f not in FILLS}
        if bad:
            raise ValueError(f"overview fills: {sorted(bad)} (expected 'above', 'below' or None)")
    if ov.number_formats is not None and len(ov.number_formats) != n:
        raise ValueError(f"overview number formats: {len(ov.number_formats)} for {n} columns")
    if any(kind not in FILLS for kind, _ in ov.legend):
        raise ValueError("overview legend: each entry is ('above' or 'below', explanation)")
    for section in report.indicators:
        for name, values in section.series:
            if len(values) != len(section.years):
                raise ValueError(f"{section.title} / {name}: {len(values)} values for {len(section.years)} years")


# -- styles -------------------------------------------------------------------------------
class _Styles:
    """The workbook's formats, one per (number format, fill, bold) combination used."""

    def __init__(self, wb):
        self.wb = wb
        self._cache: dict[tuple, object] = {}
        self.title = wb.add_format({"bold": True, "font_size": 14})
        self.subtitle = wb.add_format({"font_color": "#404040"})
        self.header = wb.add_format({"bold": True, "bottom": 1, "text_wrap": True, "valign": "top"})

    def cell(self, number_format: str | None = None, fill: str | None = None):
        key = (number_format, fill)
        if key not in self._cache:
            props: dict = {}
            if number_format:
                props["num_format"] = number_format
            if fill:
                background, text = FILL_COLOURS[fill]
                props.update({"pattern": 1, "bg_color": background, "font_color": text})
            self._cache[key] = self.wb.add_format(props) if props else None
        return self._cache[key]


def _write_value(ws, row: int, col: int, value, fmt, *, blank: bool = True) -> None:
    """One cell; an empty value with a format is a formatted blank when ``blank`` (a fill shows on
    an empty cell too), else no cell at all (a chart's cached values then leave a gap, not a 0)."""
    v = cell_value(value)
    if v is None:
        if fmt is not None and blank:
            ws.write_blank(row, col, None, fmt)
    elif isinstance(v, str):
        ws.write_string(row, col, v, fmt)
    elif isinstance(v, bool):
        ws.write_boolean(row, col, v, fmt)
    else:
        ws.write_number(row, col, v, fmt)


def _write_heading(ws, title: str, lines: list[str], styles: _Styles) -> int:
    """Title and lines at the top of a sheet; the first free row after a blank one."""
    ws.write_string(0, 0, title, styles.title)
    for i, line in enumerate(lines, start=1):
        ws.write_string(i, 0, line, styles.subtitle)
    return len(lines) + 2


# -- overview -----------------------------------------------------------------------------
def _write_overview(ws, report: Report, styles: _Styles) -> None:
    ov = report.overview
    top = _write_heading(ws, report.title, list(report.subtitle), styles)
    formats = ov.number_formats or [None] * len(ov.headers)
    for c, header in enumerate(ov.headers):
        ws.write_string(top, c, str(header), styles.header)
    for r, row in enumerate(ov.rows):
        fills = ov.fills[r] if ov.fills is not None else [None] * len(row)
        for c, value in enumerate(row):
            _write_value(ws, top + 1 + r, c, value, styles.cell(formats[c], fills[c]))
    if ov.legend:
        legend_row = top + len(ov.rows) + 2
        for c, (fill, text) in enumerate(ov.legend):
            ws.write_string(legend_row, c, text, styles.cell(None, fill))
    for c, header in enumerate(ov.headers):
        values = column_cells([row[c] for row in ov.rows])
        width = column_width(str(header), values)
        number_format = formats[c]
        if number_format and "%" in number_format:
            width = max(8, min(width, len(str(header)) + 2))      # a share needs no float width
        ws.set_column(c, c, width)
    ws.freeze_panes(top + 1, 1 if ov.headers else 0)
    ws.activate()


# -- indicators ---------------------------------------------------------------------------
def threshold_name(section: IndicatorSection) -> str:
    """The threshold series' name, its value in it: "Threshold = 0.50", "阈值（0.50）" … (ValueError for a
    section without a threshold)."""
    if section.threshold is None:
        raise ValueError("the section has no threshold to name")
    value = _value_text(section.threshold, section.number_format)
    label = section.threshold_label
    if "{value}" in label:
        return label.replace("{value}", value)
    return f"{label} = {value}" if label else value


def _value_text(value: float, number_format: str | None) -> str:
    """``value`` roughly as Excel shows it in ``number_format`` (0.00 → 2 decimals, 0% → percent)."""
    if not number_format:
        return f"{value:g}"
    decimals = re.search(r"\.(0+)", number_format)
    places = len(decimals.group(1)) if decimals else 0
    if "%" in number_format:
        return f"{value:.{places}%}"
    return f"{value:.{places}f}"


def _write_indicator(wb, ws, name: str, section: IndicatorSection, styles: _Styles) -> None:
    top = _write_heading(ws, section.title, [section.unit] if section.unit else [], styles)
    has_threshold = section.threshold is not None
    headers = [section.year_label, *(s for s, _ in section.series)]
    if has_threshold:
        headers.append(threshold_name(section))
    for c, header in enumerate(headers):
        ws.write_string(top, c, str(header), styles.header)
    values_format = styles.cell(section.number_format)
    first, last = top + 1, top + len(section.years)
    for i, year in enumerate(section.years):
        row = first + i
        _write_value(ws, row, 0, year, None)
        for c, (_, values) in enumerate(section.series, start=1):
            _write_value(ws, row, c, values[i], values_format, blank=False)
        if has_threshold:
            _write_value(ws, row, len(headers) - 1, section.threshold, values_format)
    ws.set_column(0, 0, max(8, len(section.year_label) + 2))
    for c, header in enumerate(headers[1:], start=1):
        ws.set_column(c, c, max(10, min(30, len(str(header)) + 2)))
    ws.freeze_panes(top + 1, 1)
    if not section.years or len(headers) < 2:
        return                                                  # nothing to draw
    chart = wb.add_chart({"type": "line"})
    categories = [name, first, 0, last, 0]
    for c in range(1, len(section.series) + 1):
        chart.add_series({"name": [name, top, c], "categories": categories, "values": [name, first, c, last, c],
                          "marker": {"type": "circle", "size": 5}, "line": {"width": 2}})
    if has_threshold:
        c = len(headers) - 1
        chart.add_series({"name": [name, top, c], "categories": categories, "values": [name, first, c, last, c],
                          "marker": {"type": "none"},
                          "line": {"color": THRESHOLD_COLOUR, "width": 1.5, "dash_type": "dash"}})
    chart.set_title({"name": section.title})
    chart.set_x_axis({"name": section.year_label})
    y_axis = {"name": section.unit, "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}}
    if section.number_format:
        y_axis["num_format"] = section.number_format
    chart.set_y_axis(y_axis)
    chart.set_legend({"position": "bottom"})
    chart.show_blanks_as("gap")                                 # a missing year is a gap, not a zero
    chart.set_size({"width": CHART_SIZE[0], "height": CHART_SIZE[1]})
    ws.insert_chart(top, len(headers) + 1, chart)
