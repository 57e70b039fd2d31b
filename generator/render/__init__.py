"""Pure renderers: each turns the model (and a language) into ``{path: content}``."""

__all__: list[str] = []
