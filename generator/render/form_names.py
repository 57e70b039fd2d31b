"""Names of the printable forms; each is also its page's file name (``<form>.md``) and its label key."""

from __future__ import annotations

__all__ = ["ALL_FORMS", "DATA_FORMS", "FORMS"]

FORMS = ("questionnaire", "checklist", "worksheet")
"""Forms about the agencies, made by generator.render.forms."""
DATA_FORMS = ("short-questionnaire", "after-signing", "self-check")
"""Forms whose instructions are data too (generator/texts/); made by generator.render.data_forms."""
ALL_FORMS = FORMS + DATA_FORMS
"""Every printable form, in menu order."""
