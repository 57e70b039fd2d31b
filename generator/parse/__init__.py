"""Reading the criteria file: YAML nodes with positions, and the characters a text may not hold."""
