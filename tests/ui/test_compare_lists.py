"""Compare Lists: the membership table, the overlap chart (Venn and UpSet), clicks, exports, screenshots."""
from __future__ import annotations

import csv
import xml.dom.minidom
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QHeaderView, QListWidget, QTableView

from desktop.ui.dialogs.compare_lists import CompareListsDialog
from desktop.ui.models.membership_model import ID_ROLE, TICK, MembershipModel, exclusive_intersections

SHOTS = Path("/tmp/lists-shots")

# Three hand lists. On exactly: A only cobalt; A+B lithium; A+B+C nickel; A+C copper; B+C gallium; C only tin;
# B only nothing.
HAND = {"A": ["cobalt", "lithium", "nickel", "copper"], "B": ["lithium", "nickel", "gallium"],
        "C": ["nickel", "copper", "gallium", "tin"]}
BY_HAND = {(0,): ["cobalt"], (0, 1): ["lithium"], (0, 1, 2): ["nickel"], (0, 2): ["copper"], (1, 2): ["gallium"],
           (2,): ["tin"]}


@pytest.fixture
def dialog(qtbot, registry):
    def make(lists=HAND, preselected=("A", "B", "C"), runner=None):
        dlg = CompareListsDialog(lists, registry, preselected=list(preselected), runner=runner)
        qtbot.addWidget(dlg)
        dlg.show()
        qtbot.waitExposed(dlg)
        for _ in range(3):
            QApplication.processEvents()
        return dlg
    return make


def click_region(qtbot, dlg, key) -> None:
    chart = dlg.chart
    where: QPoint = chart.plot_widget.mapFromScene(chart.scene_position(key))
    qtbot.mouseClick(chart.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_the_model_passes_the_model_tester(qtmodeltester, registry):
    model = MembershipModel()
    model.set_lists({**HAND, "D": ["页岩气", "cobalt"]}, registry)
    qtmodeltester.check(model)
    model.sort(len(model.names) + 1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_intersection_counts_of_three_hand_lists(dialog):
    assert {k: sorted(v) for k, v in exclusive_intersections(list(HAND.values())).items()} == BY_HAND
    dlg = dialog()
    assert dlg.chart.mode == "venn"
    assert {k: sorted(v) for k, v in dlg.chart.regions().items()} == BY_HAND
    assert dlg.model.rowCount() == 6                     # every mineral once: the regions add up to the union
    header = [dlg.model.headerData(c, Qt.Orientation.Horizontal) for c in range(dlg.model.columnCount())]
    assert header[1:4] == ["A\n(4)", "B\n(3)", "C\n(4)"]     # the count per list
    nickel = dlg.model.row_of("nickel")
    assert [dlg.model.index(nickel, c).data() for c in range(1, 5)] == [TICK, TICK, TICK, "3"]
    tin = dlg.model.row_of("tin")
    assert [dlg.model.index(tin, c).data() for c in range(1, 5)] == ["", "", TICK, "1"]
    assert "6 minerals" in dlg.summary.text() and "1 on all" in dlg.summary.text()


def test_names_follow_the_registry_and_unknown_entries_are_shown_as_written(dialog):
    dlg = dialog({"A": ["cobalt", "页岩气"], "B": ["cobalt"]}, ("A", "B"))
    row = dlg.model.row_of("页岩气")
    index = dlg.model.index(row, 0)
    assert index.data() == "页岩气" and index.data(Qt.ItemDataRole.FontRole).italic()
    assert "registry" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert dlg.model.index(dlg.model.row_of("cobalt"), 0).data() == "Cobalt"


def test_sorting_by_a_column(dialog):
    dlg = dialog()
    dlg.table.sortByColumn(dlg.model.columnCount() - 1, Qt.SortOrder.DescendingOrder)
    assert dlg.model.index(0, 0).data(ID_ROLE) == "nickel"
    dlg.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [dlg.model.index(r, 0).data() for r in range(dlg.model.rowCount())]
    assert names == sorted(names)
    dlg.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)        # B's members first, then alphabetically
    assert [dlg.model.index(r, 0).data(ID_ROLE) for r in range(3)] == ["gallium", "lithium", "nickel"]


def test_clicking_a_venn_region_selects_its_rows_and_emits_its_minerals(dialog, qtbot):
    dlg = dialog()
    with qtbot.waitSignal(dlg.sig_minerals_chosen, timeout=2000) as blocker:
        click_region(qtbot, dlg, (0, 2))
    assert blocker.args == [["copper"]]
    assert dlg.selected_minerals() == ["copper"] and dlg.chart.selected() == (0, 2)
    with qtbot.waitSignal(dlg.sig_minerals_chosen, timeout=2000) as blocker:
        click_region(qtbot, dlg, (0, 1, 2))
    assert blocker.args == [["nickel"]] and dlg.selected_minerals() == ["nickel"]


def test_hovering_a_region_reads_out_its_lists_and_minerals(dialog, qtbot):
    dlg = dialog()
    chart = dlg.chart
    qtbot.mouseMove(chart.plot_widget.viewport(), chart.plot_widget.mapFromScene(chart.scene_position((0, 2))))
    qtbot.waitUntil(lambda: chart.readout.text() != "", timeout=2000)
    assert chart.readout.text() == "Only on A + C: 1 mineral — Copper"


def test_four_lists_make_an_upset_chart_whose_bars_select(dialog, qtbot):
    lists = {**HAND, "D": ["cobalt", "lithium", "tin", "zinc"]}
    dlg = dialog(lists, ("A", "B", "C", "D"))
    assert dlg.chart.mode == "upset"
    bars = dlg.chart.drawn_bars()
    regions = dlg.chart.regions()
    sizes = [len(regions[k]) for k in bars]
    assert sizes == sorted(sizes, reverse=True) and sum(sizes) == dlg.model.rowCount() == 7
    key = next(k for k in bars if set(regions[k]) == {"cobalt"})        # A and D only
    assert key == (0, 3)
    with qtbot.waitSignal(dlg.sig_minerals_chosen, timeout=2000) as blocker:
        click_region(qtbot, dlg, key)
    assert blocker.args == [["cobalt"]] and dlg.selected_minerals() == ["cobalt"]


def test_fewer_than_two_lists_say_what_to_do(dialog):
    dlg = dialog(preselected=("A",))
    assert dlg.chart.mode == "none" and "two or more" in dlg.summary.text()
    dlg.set_chosen(["A", "C"])
    assert dlg.chart.mode == "venn" and dlg.chosen() == ["A", "C"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_writes_the_table_with_its_ticks(dialog, tmp_path, suffix):
    dlg = dialog()
    dlg.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    path = tmp_path / f"comparison{suffix}"
    dlg.export_table(path)
    if suffix == ".xlsx":
        from openpyxl import load_workbook

        rows = [list(r) for r in load_workbook(path, read_only=True).active.iter_rows(values_only=True)]
    else:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = [[c if c != "" else None for c in r] for r in csv.reader(fh)]
    assert rows[0] == ["Mineral", "A", "B", "C", "Lists"]
    body = {r[0]: r[1:] for r in rows[1:]}
    assert len(body) == 6
    expect_nickel = [TICK, TICK, TICK, 3]
    expect_tin = [None, None, TICK, 1]
    if suffix == ".csv":
        expect_nickel[-1], expect_tin[-1] = "3", "1"
    assert body["Nickel"] == expect_nickel and body["Tin"] == expect_tin
    assert "Wrote" in dlg.status.text()


def test_export_on_the_runner_and_a_refused_file(dialog, tmp_path, qtbot):
    from desktop.ui.tasks import TaskRunner

    runner = TaskRunner()
    dlg = dialog(runner=runner)
    dlg.export_table(tmp_path / "on-worker.xlsx")
    assert runner.wait(20_000)
    assert (tmp_path / "on-worker.xlsx").is_file() and "Wrote" in dlg.status.text()
    plain = dialog()
    plain.export_table(tmp_path / "missing-folder" / "x.xlsx")
    qtbot.waitUntil(lambda: any(w.objectName() == "critmin_message" for w in QApplication.topLevelWidgets()
                                if w.isVisible()), timeout=2000)
    assert not (tmp_path / "missing-folder").exists()


def test_the_chart_saves_png_and_svg(dialog, tmp_path):
    dlg = dialog()
    png = dlg.chart.save(tmp_path / "overlap.png")
    image = QImage(str(png))
    view = dlg.chart.plot_widget
    assert (image.width(), image.height()) == (round(view.width() * view.devicePixelRatioF()),
                                               round(view.height() * view.devicePixelRatioF()))
    assert len({image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}) > 10
    svg = dlg.chart.save(tmp_path / "overlap.svg")
    assert xml.dom.minidom.parse(str(svg)).documentElement.tagName == "svg"
    text = svg.read_text(encoding="utf-8")
    assert "4 minerals" in text                                  # the names and counts stay text


def test_every_control_has_an_accessible_name_and_a_tooltip(dialog):
    dlg = dialog()
    controls = dlg.findChildren(QAbstractButton) + dlg.findChildren(QListWidget) + dlg.findChildren(QTableView)
    assert controls
    for control in controls:
        assert control.accessibleName(), control
    for control in (dlg.chooser, dlg.table, dlg.export_button, dlg.chart):
        assert control.toolTip(), control
    assert dlg.chart.action_save_png.toolTip() and dlg.chart.action_save_svg.toolTip()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_screenshots_with_the_official_lists(dialog, registry, qapp, lang):
    """EU 2024 critical vs USGS 2025 vs China 2016 with the real lists, in English and Chinese."""
    from desktop.core.registry import official_list
    from desktop.ui.translation import install_translator

    install_translator(qapp, lang)
    qapp.setProperty("critmin_language", lang)
    try:
        short = "zh" if lang.startswith("zh") else "en"
        chosen = [official_list(i) for i in ("eu_2024_critical", "usgs_2025", "cn_2016_strategic")]
        lists = {lst.name(short): lst.minerals() + lst.unknown() for lst in chosen}
        lists[official_list("usgs_2022").name(short)] = official_list("usgs_2022").minerals()
        dlg = dialog(lists, [lst.name(short) for lst in chosen])
        qapp.processEvents()
        regions = dlg.chart.regions()
        eu, usgs, china = (set(lists[lst.name(short)]) for lst in chosen)
        assert len(regions[(0, 1, 2)]) == len(eu & usgs & china)
        assert sum(len(v) for v in regions.values()) == len(eu | usgs | china) == dlg.model.rowCount()
        header = dlg.table.horizontalHeader()
        for c in range(header.count()):         # no header cut: each section as wide as its text needs
            assert header.sectionSize(c) >= header.sectionSizeFromContents(c).width() - 1
        assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
        assert not dlg.table.horizontalScrollBar().isVisible()      # every column in view at the default size
        SHOTS.mkdir(parents=True, exist_ok=True)
        dlg.grab().save(str(SHOTS / f"compare-venn-{short}.png"))
        row = dlg.model.row_of("页岩气")
        assert row >= 0                                          # an entry with no mineral is shown
        click_region_key = (0, 1, 2)
        dlg.chart.select_region(click_region_key)
        dlg.select_minerals(regions[click_region_key])
        dlg.grab().save(str(SHOTS / f"compare-selected-{short}.png"))
        for list_id in ("ca_2024", "in_2023"):                 # five lists: the UpSet chart
            lists[official_list(list_id).name(short)] = official_list(list_id).minerals() + \
                official_list(list_id).unknown()
        five = [n for n in lists if n != official_list("usgs_2022").name(short)]
        upset = dialog(lists, five)
        assert upset.chart.mode == "upset"
        upset.grab().save(str(SHOTS / f"compare-upset-{short}.png"))
    finally:
        install_translator(qapp, "en")
        qapp.setProperty("critmin_language", None)
