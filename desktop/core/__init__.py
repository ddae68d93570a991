"""Qt-free core: registry, ingest, project store, metrics, export.

Nothing under this package may import PySide6, pyqtgraph or ``desktop.ui``
(an import-linter contract and a test enforce it), so the command line and the
tests run without a display.
"""
