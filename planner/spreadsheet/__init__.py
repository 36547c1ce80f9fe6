"""CSV exports that spreadsheet software opens as data, never as formulas."""
