"""The alerts-and-scenarios issue's "Done when" story, driven in the real window, with a screenshot per step.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/walkthrough_scenarios.py OUTDIR [--lang zh_CN]

Starts the real application window on the demo project (fresh user folder), runs the ready-made scenario
"DR Congo cobalt output −50 %" and reads the changed shares, HHI, R and risk matrix beside the baseline,
defines a scenario of its own in the editor, looks at the alerts the 2023 data raise and opens one, and
exports the comparison and the alerts to Excel — printing what the window showed at each step.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from walk import Walk  # noqa: E402  (scripts/walk.py)


def main() -> int:
    session = Walk("walkthrough-scenarios")
    window, out = session.window, session.out
    wait, shot, settled = session.wait, session.shot, session.settled
    window.year_combo.setCurrentIndex(window.year_combo.findData(2023))
    view = window.scenarios_view
    window.views.setCurrentWidget(view)
    wait(lambda: settled() and len(view.scenarios) >= 4)
    names = [s.name for s in view.scenarios]
    cobalt = next(n for n in names if "cobalt" in n.casefold())
    view.select(cobalt)
    view.run(cobalt)
    wait(lambda: settled() and view.frame is not None and len(view.frame) > 0, 120)
    frame = view.frame
    rows = frame[(frame["mineral"] == "cobalt")][["metric", "country", "baseline", "scenario", "delta", "worse"]]
    def num(value, sign=""):
        return f"{value:{sign}.3f}" if isinstance(value, float) else str(value)

    lines = [f"{r.metric} {r.country or ''}: {num(r.baseline)} → {num(r.scenario)} (Δ {num(r.delta, '+')}, "
             f"{'worse' if r.worse else 'better'})" for r in rows.itertuples(index=False)]
    shot("cobalt-scenario", f"scenarios in the demo: {names}; ran {cobalt!r}:\n      " + "\n      ".join(lines))
    view.new()
    dialog = view.dialog
    from desktop.ui.dialogs.scenario_edit import COUNTRY_COL, EVENT_COL, FACTOR_COL, FROM_COL, MINERAL_COL, TYPE_COL

    dialog.name.setText("Chile lithium output −30 %")
    dialog.rationale.setPlainText("A drought year in the Atacama, and the state's control of new lithium projects "
                                  "(National Lithium Strategy, 2023) read as an investment review")
    for col, value in ((TYPE_COL, "production"), (MINERAL_COL, "锂"), (COUNTRY_COL, "Chile"), (FACTOR_COL, "0.7")):
        dialog.set_cell(0, col, value)
    row = dialog.add_change()                     # a second change: a policy event the risk matrix reads
    for col, value in ((TYPE_COL, "event"), (MINERAL_COL, "lithium"), (COUNTRY_COL, "CHL"), (FROM_COL, "2023"),
                       (EVENT_COL, "investment_review")):
        dialog.set_cell(row, col, value)
    shot("editor", "the scenario editor with two changes: production ×0.7 and a policy event (investment review)")
    dialog.accept()
    wait(lambda: settled() and "Chile lithium output −30 %" in [s.name for s in view.scenarios])
    view.select("Chile lithium output −30 %")
    view.run("Chile lithium output −30 %")
    wait(lambda: settled() and view.frame is not None and (view.frame["mineral"] == "lithium").any(), 120)
    share = view.frame[(view.frame["mineral"] == "lithium") & (view.frame["metric"] == "share")]
    shot("own-scenario", f"own scenario saved (Edit menu {window.act_undo.text()!r}); lithium share of Chile "
                         + ", ".join(f"{num(r.baseline)} → {num(r.scenario)}" for r in share.itertuples(index=False)))
    comparison = out / "scenario-comparison.xlsx"
    view.export_to(str(comparison))
    wait(lambda: not window.runner.busy and comparison.exists())
    alerts = window.alerts_view
    window.views.setCurrentWidget(alerts)
    wait(lambda: settled() and alerts.frame is not None, 120)
    frame = alerts.frame
    in_2023 = frame[frame["year"] == 2023]
    first = in_2023.iloc[0]
    from desktop.core.messages import translate
    from desktop.ui.language import ui_language

    shot("alerts", f"{alerts.alert_count()} alerts; 2023: {len(in_2023)} "
                   f"({', '.join(f'{k} {v}' for k, v in in_2023['severity'].value_counts().items())}); first: "
                   f"{first['severity']} {first['mineral']} — {translate(first['what'], ui_language())}; status "
                   f"{window.status_label.text()!r}")
    row = next(i for i in range(len(frame)) if frame.iloc[i]["year"] == 2023 and frame.iloc[i]["table"] in
               ("supply_risk", "import_dependency", "market_dynamics"))
    target = dict(frame.iloc[row][["table", "key", "indicator"]])
    window._open_alert(target)
    wait(lambda: settled() and "Γ" in window.details.browser.toPlainText() or "D =" in
         window.details.browser.toPlainText() or "M" in window.details.browser.toPlainText(), 30)
    shot("alert-opened", f"opened the alert's source: tab '{window.views.tabText(window.views.currentIndex())}', "
                         f"indicator '{window.indicators.choice.currentText()}', Details: "
                         f"{window.details.browser.toPlainText().splitlines()[:2]}")
    table = out / "alerts.xlsx"
    alerts.export_to(str(table))
    wait(lambda: not window.runner.busy and table.exists())
    from openpyxl import load_workbook

    c_rows = load_workbook(comparison).active.max_row - 1
    a_rows = load_workbook(table).active.max_row - 1
    shot("exported", f"scenario-comparison.xlsx {c_rows} rows; alerts.xlsx {a_rows} rows")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
