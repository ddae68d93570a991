"""Writing workbooks and CSV files for Excel users (text stays text, never a formula)."""
