"""The scoring workbook (.xlsx): layout, formulas, styles and sheets."""
