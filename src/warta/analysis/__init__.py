"""Analysis stages: each module turns an Article plus its parsed Doc into records.

Kept import-free on purpose: ``import warta.analysis.entities`` must not pull in every
other stage (or spaCy) just to reach one function.
"""

__all__: list[str] = []
