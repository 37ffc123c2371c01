"""Pipeline components of warta's own, registered with spaCy by importing this module.

``warta_paragraph_breaks`` runs after the morphologizer and lemmatizer and before the
parser, and presets sentence boundaries the parser keeps:

* a line-break token starts a sentence: in news text a paragraph never continues a
  sentence. (Presetting the boundary on the word after the line break instead makes
  spaCy's parser split the rest of the document into one-word sentences, so the
  whitespace token carries it; ``Span.text.strip()`` drops it.)
* a closing quote or bracket glued to sentence-final punctuation (``kami.”``) does not
  start a sentence.

It also tags whitespace tokens ``SPACE`` with no features and their own text as lemma,
as the treebanks have no whitespace tokens to learn that from.

``warta_attach_spaces`` runs after the parser: a "sentence" made of whitespace only
(the parser sometimes leaves a paragraph break alone) is attached to the root of the
next sentence (or the previous one at the end of the text), so every sentence holds
words.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis

__all__ = ["attach_spaces", "paragraph_breaks"]

_FINAL = frozenset(".!?…")
_CLOSING = frozenset("”’\"')]»")


@Language.component("warta_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    for tok in doc:
        if tok.is_space:
            tok.pos_ = "SPACE"
            tok.set_morph(MorphAnalysis(doc.vocab, {}))
            tok.lemma_ = tok.text
            if tok.i > 0 and "\n" in tok.text:
                tok.is_sent_start = True
        elif tok.i > 0 and tok.text in _CLOSING:
            prev = doc[tok.i - 1]
            if not prev.whitespace_ and prev.text in _FINAL:
                tok.is_sent_start = False
    return doc


@Language.component("warta_attach_spaces")
def attach_spaces(doc: Doc) -> Doc:
    if not doc.has_annotation("DEP"):
        return doc
    for sent in list(doc.sents):
        if not all(t.is_space for t in sent):
            continue
        if sent.end < len(doc):
            target = doc[sent.end].sent.root
        elif sent.start > 0:
            target = doc[sent.start - 1].sent.root
        else:
            continue
        for tok in sent:
            tok.head = target
            tok.dep_ = "dep"
    return doc
