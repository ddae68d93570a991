"""The Risk Matrix view: its models, the cell painting, editing through a real project, Details, exports."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from desktop.core.chain.model import ANALYST, NEEDS_JUDGEMENT, Cell, Grid, Matrix

REPO = Path(__file__).resolve().parents[2]
DIMENSIONS = {"primary": ("political", "investment", "trade", "technology", "regulatory"),
              "recycled": ("environment", "industry", "technology", "social", "economic", "political")}
STAGES = ("mining", "processing", "use", "recycling")

# Cobalt 2023 as an analyst would see it: rules fill some cells, the analyst some, the rest need judgement.
COBALT = {
    ("primary", "mining", "political"): (0.66, "computed:R_mine", None, {"R": 0.66, "stage": "mine"}, ""),
    ("primary", "mining", "trade"): (0.71, "computed:export_restrictions", None,
                                     {"D": 0.71, "D_stage": "mine", "country": "USA"}, ""),
    ("primary", "mining", "technology"): (0.45, ANALYST, 0.30, {}, "By-product of copper and nickel mining"),
    ("primary", "mining", "regulatory"): (0.58, ANALYST, None, {},
                                          "Artisanal mining: conflict-minerals due diligence (EU 2017/821)"),
    ("primary", "processing", "political"): (0.82, "computed:R_refinery", None, {"R": 0.82, "stage": "refinery"},
                                             ""),
    ("primary", "processing", "trade"): (0.74, "computed:export_restrictions", None,
                                         {"D": 0.74, "D_stage": "refinery", "country": "USA"}, ""),
    ("primary", "processing", "regulatory"): (0.35, ANALYST, None, {}, "Battery regulation (EU) 2023/1542"),
    ("primary", "processing", "technology"): (0.6, "computed:HHI_refinery", None, {"HHI": 0.6, "stage": "refinery"},
                                              ""),
    ("recycled", "use", "economic"): (0.47, "computed:M", None, {"M": 0.47}, ""),
    ("recycled", "recycling", "technology"): (0.68, "computed:eol_rir", None, {"eol_rir": 0.32,
                                                                               "eol_rir_year": 2022}, ""),
    ("recycled", "recycling", "economic"): (0.55, ANALYST, None, {}, "Reverse logistics of batteries is costly"),
    ("recycled", "recycling", "political"): (0.25, ANALYST, None, {}, "EU recycled-content targets from 2031"),
    ("recycled", "use", "industry"): (0.41, ANALYST, None, {}, ""),
    ("recycled", "processing", "environment"): (0.38, ANALYST, None, {}, ""),
    ("recycled", "mining", "social"): (0.12, ANALYST, None, {}, ""),
}


def level(score):
    from desktop.ui.matrix_titles import level_of

    return level_of(score)


def make_matrix(mineral="cobalt", year=2023, values=None, rule="max") -> Matrix:
    """A Matrix as build_matrix makes one, from {(stream, stage, dimension): (score, origin, computed,
    inputs, note)}; cells not named need judgement.  Aggregates by the maximum."""
    values = COBALT if values is None else values
    grids, every = {}, []
    for stream, dims in DIMENSIONS.items():
        cells = {}
        for stage in STAGES:
            for dim in dims:
                score, origin, computed, inputs, note = values.get(
                    (stream, stage, dim), (None, NEEDS_JUDGEMENT, None, {}, ""))
                if origin.startswith("computed:"):
                    computed, rule_id = score, origin[9:]
                else:
                    rule_id = "technology_limits" if computed is not None else None
                cells[(stage, dim)] = Cell(stream, stage, dim, score, level(score), origin, computed, rule_id,
                                           inputs, note, "2024-05-02T10:15" if origin == ANALYST else "")
        every += list(cells.values())

        def top(scores):
            known = [s for s in scores if s is not None]
            return max(known) if known else None
        stage_scores = {s: top(cells[(s, d)].score for d in dims) for s in STAGES}
        dim_scores = {d: top(cells[(s, d)].score for s in STAGES) for d in dims}
        grids[stream] = Grid(stream, STAGES, dims, cells, stage_scores, dim_scores, top(stage_scores.values()))
    scored = [c for c in every if c.score is not None]
    weakest = max(scored, key=lambda c: c.score) if scored else None
    chain = max((g.score for g in grids.values() if g.score is not None), default=None)
    return Matrix(mineral, year, grids["primary"], grids["recycled"], chain, weakest, rule)


def make_heat():
    from desktop.ui.models.matrix_model import HeatRow

    table = {"cobalt": (0.71, 0.82, 0.41, 0.68), "lithium": (0.52, 0.77, 0.30, 0.61),
             "nickel": (0.64, 0.58, None, 0.44), "gallium": (0.35, 0.93, 0.50, None),
             "germanium": (0.40, 0.88, 0.45, 0.52), "graphite": (0.47, 0.90, 0.33, 0.71),
             "rare_earths": (0.69, 0.95, 0.48, 0.80), "copper": (0.31, 0.36, 0.15, 0.22),
             "platinum": (0.76, 0.49, 0.20, 0.35), "manganese": (0.38, 0.57, 0.16, 0.29)}
    rows = []
    for mineral, scores in table.items():
        stages = dict(zip(STAGES, scores))
        known = [(v, s) for s, v in stages.items() if v is not None]
        rows.append(HeatRow(mineral, stages, {s: {"primary": v, "recycled": None if v is None else round(v * 0.7, 2)}
                                              for s, v in stages.items()},
                            max(v for v, _ in known), max(known)[1]))
    return rows


@pytest.fixture
def view(qtbot, registry):
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.views.matrix_view import MatrixView

    runner = TaskRunner()
    widget = MatrixView(None, runner)
    qtbot.addWidget(widget)
    widget.set_registry(registry)
    widget.resize(1280, 800)
    widget.show()
    widget.show_overview(make_heat())
    widget.show_matrix(make_matrix())
    yield widget
    runner.cancel()
    runner.wait(20_000)


# -- the models ------------------------------------------------------------------------------------------
def test_matrix_model_passes_the_model_tester(qtmodeltester):
    from desktop.ui.models.matrix_model import MatrixModel

    for stream in ("primary", "recycled"):
        model = MatrixModel(stream)
        qtmodeltester.check(model)             # empty
        model.set_matrix(make_matrix())
        qtmodeltester.check(model)
        assert model.rowCount() == len(STAGES) + 1 and model.columnCount() == len(DIMENSIONS[stream]) + 1


def test_heatmap_model_passes_the_model_tester_and_sorts(qtmodeltester, registry):
    from desktop.ui.models.matrix_model import WEAKEST_ROLE, HeatmapModel

    model = HeatmapModel()
    model.set_rows(make_heat(), registry, "en")
    qtmodeltester.check(model)
    assert model.data(model.index(model.find("cobalt"), 0)) == "Cobalt"
    assert model.data(model.index(model.find("cobalt"), 2), WEAKEST_ROLE)          # processing is its weakest
    model.sort(5, Qt.SortOrder.DescendingOrder)
    chain = [r.chain for r in model.rows]
    assert chain == sorted(chain, reverse=True) and model.rows[0].mineral == "rare_earths"
    model.sort(4, Qt.SortOrder.AscendingOrder)                                      # recycling: gallium has none
    assert model.rows[-1].mineral == "gallium"


def test_margins_are_aggregates_named_by_their_inputs():
    from desktop.ui.models.matrix_model import CELL_ROLE, KIND_ROLE, MatrixModel

    model = MatrixModel("primary")
    model.set_matrix(make_matrix())
    corner = model.index(4, 5)
    cell = model.data(corner, CELL_ROLE)
    assert model.data(corner, KIND_ROLE) == "stream" and cell.origin == "aggregate:max" and cell.score == 0.82
    stage = model.data(model.index(1, 5), CELL_ROLE)                  # processing, over the dimensions
    assert stage.stage == "processing" and stage.dimension == "" and stage.inputs["political"] == 0.82
    assert model.headerData(5, Qt.Orientation.Horizontal) == "Overall"
    assert model.headerData(1, Qt.Orientation.Vertical) == "Processing"


def test_needs_judgement_shows_a_question_mark_and_no_score():
    from desktop.ui.models.matrix_model import JUDGEMENT_ROLE, LEVEL_ROLE, MatrixModel

    model = MatrixModel("primary")
    model.set_matrix(make_matrix())
    index = model.index(0, 1)                                          # mining × investment: no rule, no analyst
    assert model.data(index) == "?" and model.data(index, Qt.ItemDataRole.EditRole) is None
    assert model.data(index, JUDGEMENT_ROLE) and model.data(index, LEVEL_ROLE) is None
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is None
    assert "needs judgement" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    scored = model.index(0, 0)
    assert model.data(scored) == "0.66" and not model.data(scored, JUDGEMENT_ROLE)


# -- painting -----------------------------------------------------------------------------------------------
def _paint(**look) -> QImage:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.views.matrix_view import paint_cell

    image = QImage(80, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_cell(painter, QRect(0, 0, 80, 40), QApplication.palette(), QFont(), **look)
    painter.end()
    return image


def test_the_five_level_colours_are_painted_ordered_and_readable(qapp):
    from desktop.ui.models.matrix_model import LEVEL_FILLS, contrast, ink_on, luminance

    levels = ("low", "medium_low", "medium", "high", "very_high")
    assert tuple(LEVEL_FILLS) == levels
    lightness = [luminance(QColor(LEVEL_FILLS[name])) for name in levels]
    assert lightness == sorted(lightness, reverse=True)          # sequential: lighter = lower risk
    for name in levels:
        image = _paint(text="0.50", level=name)
        assert QColor(image.pixel(8, 30)).name().upper() == LEVEL_FILLS[name]
        fill = QColor(LEVEL_FILLS[name])
        assert contrast(fill, ink_on(fill)) >= 4.5               # WCAG AA for the printed score


def test_markers_are_painted(qapp):
    plain = _paint(text="", level="medium")
    marked = _paint(text="", level="medium", override=True)
    assert QColor(marked.pixel(1, 1)) != QColor(plain.pixel(1, 1))          # the corner mark
    outlined = _paint(text="", level="very_high", weakest=True)
    assert QColor(outlined.pixel(4, 20)) == QColor("#FFFFFF")               # white outline on the darkest fill
    hatched = _paint(text="?", level=None, judgement=True)
    colours = {hatched.pixel(x, y) for x in range(4, 20) for y in range(4, 12)}
    assert len(colours) > 1                                                  # hatched, not a flat fill


# -- the view ----------------------------------------------------------------------------------------------------
def test_a_cell_click_selects_it_for_details(view, qtbot, registry):
    from desktop.ui.views.matrix_view import cell_html

    table = view.panel.boxes["primary"].table
    with qtbot.waitSignal(view.sig_cell_selected) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(table.model().index(1, 0)).center())
    key = blocker.args[0]
    assert key["kind"] == "matrix" and key["mineral"] == "cobalt" and key["year"] == 2023
    assert (key["cell"].stage, key["cell"].dimension) == ("processing", "political")
    text = cell_html(key["cell"], registry, "en")
    assert "Processing × Political" in text and "R_refinery" in text and "R of refinery production" in text
    assert "Levels" in text


def test_cell_html_says_override_computed_and_judgement(registry):
    from desktop.ui.models.matrix_model import aggregate_cell
    from desktop.ui.views.matrix_view import cell_html

    matrix = make_matrix()
    override = cell_html(matrix.primary.cells[("mining", "technology")], registry, "en")
    assert "0.45" in override and "0.30" in override and "By-product" in override
    judged = cell_html(matrix.primary.cells[("mining", "investment")], registry, "en")
    assert "Needs judgement" in judged and "never taken as 0" in judged
    computed = cell_html(matrix.primary.cells[("mining", "trade")], registry, "en")
    assert "United States" in computed and "export restriction" in computed      # the country named, the rule
    stage = cell_html(aggregate_cell(matrix.primary, "processing", "", "max"), registry, "en")
    assert "Weakest link (maximum)" in stage and "Political" in stage


def test_the_weakest_link_is_named_and_selectable(view):
    assert "Processing × Political" in view.panel.summary.text()
    view.select_weakest()
    cell = view.current_cell()
    assert (cell.stream, cell.stage, cell.dimension) == ("primary", "processing", "political")


def test_headers_are_never_cut(view, qtbot):
    from PySide6.QtGui import QFontMetrics

    for width in (700, 1280, 1920):
        view.resize(width, 800)
        qtbot.wait(20)
        for stream, box in view.panel.boxes.items():
            table = box.table
            header = table.horizontalHeader()
            metrics = QFontMetrics(header.font())
            for column in range(table.model().columnCount()):
                title = table.model().headerData(column, Qt.Orientation.Horizontal)
                longest = max(metrics.horizontalAdvance(w) for w in title.split())
                assert header.sectionSize(column) >= longest + 8, (width, stream, title)
            assert table.horizontalScrollBar().maximum() == 0 and table.verticalScrollBar().maximum() == 0
            assert header.length() == table.viewport().width()             # no blank strip, nothing hidden
            rows = table.verticalHeader()
            for row in range(table.model().rowCount()):
                title = table.model().headerData(row, Qt.Orientation.Vertical)
                assert rows.width() >= QFontMetrics(rows.font()).horizontalAdvance(title), title


def test_an_overview_row_opens_its_mineral(view, qtbot):
    table = view.heat_table
    row = view.heat_model.find("lithium")
    with qtbot.waitSignal(view.sig_mineral_selected) as blocker:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(view.heat_model.index(row, 2)).center())
    assert blocker.args == ["lithium"] and view.mineral == "lithium"
    assert view.mineral_combo.currentData() == "lithium"


def test_the_overview_is_sorted_by_name_until_the_analyst_sorts_it(view):
    names = [view.heat_model.data(view.heat_model.index(r, 0)) for r in range(view.heat_model.rowCount())]
    assert names == sorted(names) and names[0] == "Cobalt"
    view.heat_table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    view.show_overview(make_heat())                                   # new rows keep the analyst's order
    assert view.heat_model.rows[0].mineral == "rare_earths"


def test_export_table_gives_the_overview_as_shown(view):
    headers, columns = view.export_table()()
    assert headers == ["Mineral", "Mining", "Processing", "Use", "Recycling", "Whole chain"]
    assert columns[0][0] == "Cobalt" and columns[2][0] == 0.82 and columns[3][view.heat_model.find("nickel")] is None


def test_select_mineral_from_elsewhere_does_not_echo(view, qtbot):
    with qtbot.assertNotEmitted(view.sig_mineral_selected):
        view.select_mineral("nickel")
    assert view.mineral_combo.currentData() == "nickel"
    assert view.heat_model.mineral(view.heat_table.currentIndex().row()) == "nickel"


def test_the_year_slider_shows_its_year(view, qtbot):
    view.set_years([2019, 2020, 2021, 2022, 2023])
    assert view.year_label.text() == "2023" and view.year_slider.value() == 4
    with qtbot.waitSignal(view.sig_year_changed, timeout=2000) as blocker:
        view.year_slider.setValue(0)
    assert blocker.args == [2019] and view.year_label.text() == "2019"
    view.set_year(2021)
    assert view.year_slider.value() == 2


def test_every_control_has_a_name_and_a_tip(view):
    from PySide6.QtWidgets import QComboBox, QSlider, QToolButton

    for widget in [w for kind in (QComboBox, QSlider, QToolButton) for w in view.findChildren(kind)]:
        assert widget.accessibleName(), widget
        assert widget.toolTip(), widget.accessibleName()


# -- the edit dialog --------------------------------------------------------------------------------------------
def test_the_dialog_shows_the_level_live_and_offers_revert_only_for_overrides(qtbot):
    from desktop.ui.dialogs.matrix_cell import OVERRIDE, REVERT, MatrixCellDialog

    matrix = make_matrix()
    dialog = MatrixCellDialog(matrix.primary.cells[("mining", "political")], "Cobalt · 2023 · Primary chain")
    qtbot.addWidget(dialog)
    assert dialog.revert.isHidden() and dialog.score.value() == pytest.approx(0.66)
    assert dialog.level.currentData() == level(0.66)
    dialog.score.setValue(0.1)
    assert dialog.level.currentData() == "low"
    dialog.level.setCurrentIndex(dialog.level.findData("very_high"))
    dialog.level.activated.emit(dialog.level.currentIndex())
    assert level(dialog.score.value()) == "very_high"
    dialog.note.setPlainText("  Export licence regime since 2023  ")
    dialog.buttons.accepted.emit()
    assert dialog.outcome == OVERRIDE and dialog.note_text() == "Export licence regime since 2023"

    overridden = MatrixCellDialog(matrix.primary.cells[("mining", "technology")], "Cobalt")
    qtbot.addWidget(overridden)
    assert not overridden.revert.isHidden() and "0.30" in overridden.origin.text()
    assert overridden.note_text().startswith("By-product")
    overridden.revert.click()
    assert overridden.outcome == REVERT


# -- exports -------------------------------------------------------------------------------------------------------
def test_png_and_svg_exports_write_files(view, tmp_path):
    png, svg = tmp_path / "cobalt.png", tmp_path / "cobalt.svg"
    written = []
    view.sig_exported.connect(written.append)
    view.export_to(png)
    view.export_to(svg)
    assert written == [str(png), str(svg)]
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= view.panel.width()
    text = svg.read_text("utf-8")
    assert "<svg" in text and "Mining" in text
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_xlsx_export_has_level_fills_and_note_comments(view, tmp_path):
    import openpyxl

    from desktop.ui.models.matrix_model import LEVEL_FILLS

    path = tmp_path / "cobalt.xlsx"
    view.export_to(path)
    assert view.runner.wait(20_000)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    cells = {(c.row, c.column): c for row in ws.iter_rows() for c in row}
    by_value = {}
    for cell in cells.values():
        by_value.setdefault(cell.value, []).append(cell)
    refinery = by_value[0.82][0]                    # processing × political, the weakest link
    assert refinery.fill.fgColor.rgb == "FF" + LEVEL_FILLS[level(0.82)][1:]
    assert refinery.border.left.style == "thick"
    override = by_value[0.45][0]
    assert override.font.italic and "By-product" in override.comment.text and "0.30" in override.comment.text
    judged = by_value["?"][0]
    assert judged.comment is not None and "needs judgement" in judged.comment.text
    for name in ("low", "medium_low", "medium", "high", "very_high"):
        assert any(c.fill.fgColor.rgb == "FF" + LEVEL_FILLS[name][1:] for c in cells.values()), name
    overview = wb.worksheets[1]
    assert overview.cell(4, 1).value == "Cobalt"


# -- writing through the project --------------------------------------------------------------------------------------
def _core_edits():
    try:
        from desktop.core.chain.matrix import build_matrix, override_row  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _core_edits(), reason="desktop.core.chain.matrix (override_row) is not there yet")
def test_override_revert_and_undo_through_the_project(qtbot, project_path, registry):
    from desktop.core.store import Project
    from desktop.ui.document import ProjectDocument
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.views.matrix_view import MatrixView

    runner = TaskRunner()
    document = ProjectDocument(runner)
    document.open(project_path)
    qtbot.waitUntil(lambda: document.is_open, timeout=20_000)
    view = MatrixView(document, runner)
    qtbot.addWidget(view)
    view.set_registry(registry)
    view.show_matrix(make_matrix())
    stack = document.undo_stack

    def stored():
        runner.wait()
        with Project.open(project_path) as project:
            frame = project.read("chain_risk")
        return {(r.mineral, r.stream, r.stage, r.dimension): (r.score, r.note) for r in frame.itertuples()}

    cell = view.matrix.primary.cells[("mining", "political")]
    view.override(cell, 0.9, "Export licence regime")
    assert stored() == {("cobalt", "primary", "mining", "political"): (0.9, "Export licence regime")}
    assert stack.undoText() == "Override Mining × Political (Cobalt)"
    stack.undo()
    assert stored() == {}
    stack.redo()
    assert stored()[("cobalt", "primary", "mining", "political")][0] == 0.9
    overridden = Cell("primary", "mining", "political", 0.9, level(0.9), ANALYST, 0.66, "R_mine", {}, "x")
    view.revert(overridden)
    assert stored() == {} and stack.undoText().startswith("Revert Mining × Political")
    stack.undo()
    assert ("cobalt", "primary", "mining", "political") in stored()

    # the analyst's way: select a cell, press Enter, type a score and a note, OK
    from PySide6.QtWidgets import QDialogButtonBox

    view.show()
    table = view.panel.boxes["recycled"].table
    view.select_cell("recycled", "recycling", "technology")            # computed: no revert offered
    assert view.edit_button.isEnabled()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    dialog = view._dialog
    assert dialog is not None and dialog.isVisible() and dialog.revert.isHidden()
    dialog.score.setValue(0.35)
    dialog.note.setPlainText("Battery collection schemes are young")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert stored()[("cobalt", "recycled", "recycling", "technology")] == (0.35,
                                                                           "Battery collection schemes are young")
    assert stack.undoText() == "Override recycled Recycling × Technology (Cobalt)"
    document.close()


def test_the_view_module_loads_neither_pandas_nor_pyqtgraph(tmp_path):
    """The window is built before the data libraries load; the Matrix view must not pull them in."""
    code = ("import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
            "from desktop.ui.tasks import TaskRunner\nfrom desktop.ui.views.matrix_view import MatrixView\n"
            "v = MatrixView(None, TaskRunner())\nv.show()\napp.processEvents()\n"
            "print(sorted(m for m in sys.modules if m in ('pandas', 'openpyxl', 'pyqtgraph', 'xlsxwriter')))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRITMIN_HOME": str(tmp_path)}
    r = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120, env=env,
                       cwd=str(REPO))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"
