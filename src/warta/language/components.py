"""Pipeline components of warta's own, registered with spaCy by importing this module.

``warta_paragraph_breaks`` runs after the morphologizer and lemmatizer and before the
parser, and presets sentence boundaries the parser keeps:

* a line-break token starts a sentence: in news text a paragraph never continues a
  sentence. (Presetting the boundary on the word after the line break instead makes
  spaCy's parser split the rest of the document into one-word sentences, so the
  whitespace token carries it; ``Span.text.strip()`` drops it.)
* a closing quote or bracket glued to sentence-final punctuation (``kami.”``) does not
  start a sentence;
* no other word starts a sentence unless it follows final punctuation (``. ! ? …``,
  possibly with closing quotes, brackets or spaces between). News sentences end that way
  or at a paragraph break, and the small parser otherwise starts sentences mid-clause
  (``(5,6 miliar dolar AS) | dibandingkan ...``): on UD CSUI test this rule lifts
  sentence F1 from 83.6 to 91.5 (docs/model.md).

It also tags whitespace tokens ``SPACE`` with no features and their own text as lemma,
as the treebanks have no whitespace tokens to learn that from.

``warta_attach_spaces`` runs after the parser: a "sentence" made of whitespace only
(the parser sometimes leaves a paragraph break alone) is attached to the root of the
next sentence (or the previous one at the end of the text), so every sentence holds
words.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis

__all__ = ["attach_spaces", "paragraph_breaks"]

_FINAL = frozenset(".!?…")
_CLOSING = frozenset("”’\"')]»")


@Language.component("warta_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    # Boundaries are written with one ``from_array``: setting ``Token.is_sent_start`` one
    # token at a time rescans the whole Doc on each write (quadratic in its length).
    starts = doc.to_array([SENT_START]).astype("int64")
    # ``may_start``: a sentence may start at the next word (final punctuation was seen;
    # closing marks and plain spaces pass the state on, a line break resets it).
    may_start = False
    prev_final_glued = False
    for tok in doc:
        text = tok.text
        if tok.is_space:
            tok.pos_ = "SPACE"
            tok.set_morph(MorphAnalysis(doc.vocab, {}))
            tok.lemma_ = text
            if "\n" in text:
                if tok.i > 0:
                    starts[tok.i] = 1
                may_start = False
            prev_final_glued = False
            continue
        if tok.i > 0 and (not may_start or (prev_final_glued and text in _CLOSING)):
            starts[tok.i] = -1
        if text[-1] in _FINAL:
            may_start = True
        elif text not in _CLOSING:
            may_start = False
        prev_final_glued = text in _FINAL and not tok.whitespace_
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
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
