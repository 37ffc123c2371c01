"""Evaluation of warta's analyses against annotated data.

Among them: ``warta.evaluation.ner.evaluate_ner`` scores named entities on BIO files and
``warta.evaluation.ud.evaluate_ud`` scores POS, dependencies and sentence boundaries on
CoNLL-U files. Submodules import spaCy only when called.
"""

__all__: list[str] = []
