"""Validation: every problem in the criteria file, located as file:line:col."""
