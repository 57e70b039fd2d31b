"""Agency Vetting Kit generator: criteria YAML -> validated model -> generated docs.

Data flows one way: ``source`` (parse, with positions) -> ``validate`` (every
problem, located) -> ``model`` (frozen dataclasses) -> ``render`` (pure
functions returning ``{path: content}``) -> ``writer`` (the only code that
touches disk). Nothing here imports MkDocs.
"""

__all__: list[str] = []
