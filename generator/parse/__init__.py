"""Reading the criteria file: YAML nodes with positions, and the checked, cached model."""
