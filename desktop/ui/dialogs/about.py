"""Help ▸ Data Sources: where the bundled demo data come from, with their licences."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout


def data_sources_dialog(parent) -> None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("DataSources", "Data Sources"))
    dialog.resize(760, 520)
    text = QTextBrowser(dialog)
    text.setAccessibleName(QCoreApplication.translate("DataSources", "Data Sources"))
    text.setOpenExternalLinks(False)
    text.setMarkdown(QCoreApplication.translate("DataSources", 
        "## Data in the demo project\n\n"
        "- **Production** — World Mining Data, Austrian Federal Ministry of Finance.\n"
        "- **Reserves, balance, critical-mineral lists** — U.S. Geological Survey, Mineral Commodity Summaries 2025 "
        "(US public domain).\n"
        "- **Prices** — World Bank Commodity Price Data (Pink Sheet), CC BY 4.0.\n"
        "- **Governance** — World Bank Worldwide Governance Indicators, CC BY 4.0.\n"
        "- **Recycling (EoL-RIR)** — EU critical raw materials assessment 2023.\n\n"
        "Every import of your own is listed with its file, format and content hash on the Data ▸ Sources tab."))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.exec()
