"""warta's Indonesian language pipeline: tokenizer, sentences, POS, morphology, lemmas,
dependencies and named entities (PER, ORG, LOC).

The trained spaCy pipeline ships in ``warta/language/model/`` and is loaded lazily, once
per process and per set of disabled components, by :func:`load_pipeline`. Importing this
package does not import spaCy.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from warta.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["ENTITY_LABELS", "MODEL_DIR", "load_pipeline"]

MODEL_DIR = Path(__file__).resolve().parent / "model"
ENTITY_LABELS = ("PER", "ORG", "LOC")


def load_pipeline(
    disable: tuple[str, ...] | list[str] = (), path: Path | str | None = None
) -> Language:
    """Return the shipped pipeline (or the one at ``path``), loaded once per process.

    ``disable`` names components not to run (e.g. ``("parser", "trainable_lemmatizer")``
    when only entities are needed): the same arguments return the same object.
    Raises :class:`warta.errors.ModelError` when the model is missing or cannot be read.
    """
    return _load(tuple(sorted(disable)), str(path) if path is not None else str(MODEL_DIR))


@lru_cache(maxsize=8)
def _load(disable: tuple[str, ...], path: str) -> Language:
    model = Path(path)
    if not (model / "config.cfg").is_file() or not (model / "meta.json").is_file():
        raise ModelError(
            f"language model not found at {model}: build it with `python training/build.py` "
            "or reinstall warta"
        )
    try:
        import spacy

        import warta.language.components  # noqa: F401  (registers warta_paragraph_breaks, warta_attach_spaces)
        from warta.language.tokenizer import make_tokenizer  # registers warta.id_tokenizer.v1

        nlp = spacy.load(model, disable=list(disable))
    except ModelError:
        raise
    except Exception as exc:  # spaCy raises many types for a broken model dir
        raise ModelError(f"language model at {model} cannot be loaded: {exc}") from exc
    # The tokenizer rules live in code: rebuild them so a model saved by an older
    # version of the rules tokenises like the current code.
    nlp.tokenizer = make_tokenizer(nlp)
    return nlp
