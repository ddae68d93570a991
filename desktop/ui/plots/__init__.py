"""Plot widgets for the Overview and Indicators views: plain numbers in, no metric engine or project inside.

* ``QuadrantChart`` (quadrant.py): the criticality chart, D on x, R on y, point size by M;
* ``TimeSeriesPlot`` (timeseries.py): an indicator by year for several minerals, with its threshold;
* ``StackedAreaPlot`` (stacked.py): one mineral's production shares by country;
* ``save_plot`` / ``copy_plot`` (export.py): PNG at the screen's pixel ratio, SVG, the clipboard.

The names are loaded on first use: pyqtgraph takes a while to import, and the window is shown before
it is needed (a test checks that starting the window does not load it).
"""
from __future__ import annotations

import importlib

_WHERE = {"QuadrantChart": "quadrant", "TimeSeriesPlot": "timeseries", "StackedAreaPlot": "stacked",
          "save_plot": "export", "copy_plot": "export", "render_image": "export"}

__all__ = ["QuadrantChart", "StackedAreaPlot", "TimeSeriesPlot", "copy_plot", "render_image", "save_plot"]


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
