"""Event candidates of one sentence: dictionary matches, kept or dropped by the clause they
stand in, refined by their complements, with their negation and modality.

A candidate is a matched verb (or event noun) with its code. Matches that are discards
("menangkap ikan"), topics of another event, objects of a verb, conditions, relative clauses,
background clauses beside a main event, complements and purposes do not become events of
their own; complements and objects refine the code of the event they belong to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warta.analysis.events.actors import ActorMention
from warta.analysis.events.clauses import (
    boundary,
    in_background,
    in_condition,
    later_condition,
    left_context,
    modality_before,
    negated_before,
    relative,
)
from warta.analysis.events.codes import accusation, aim, refine_code
from warta.analysis.events.grammar import grammar
from warta.analysis.events.match import PatternMatch, find_patterns
from warta.analysis.events.sentence import SentenceActors
from warta.analysis.events.words import MOVES, PUNCT_STOP, PURPOSE, SUBORD, TOPIC

__all__ = ["Candidate", "candidates"]

# The toll of an attack ("... menewaskan 10 orang") is part of the attack, not a second one.
_TOLL_ENTRY = "193.tewaskan"


@dataclass(slots=True)
class Candidate:
    match: PatternMatch
    code: str
    anchor: int  # doc token index
    negated: bool = False
    modality: str = "asserted"
    suppressed: bool = False
    background: bool = False
    inner: list[Candidate] = field(default_factory=list)
    cond_actor: ActorMention | None = None

    @property
    def nominal(self) -> bool:
        return "nom" in self.match.entry.opts


def select(matches: list[PatternMatch]) -> list[PatternMatch]:
    """One pattern per verb: the most specific; drop patterns inside a better one."""
    best: dict[int, PatternMatch] = {}
    for m in matches:
        cur = best.get(m.anchor)
        if cur is None or m.specificity > cur.specificity:
            best[m.anchor] = m
    kept = sorted(best.values(), key=lambda m: (-len(m.tokens), m.anchor))
    out: list[PatternMatch] = []
    for m in kept:
        toks = set(m.tokens)
        if any(toks <= set(k.tokens) for k in out):
            continue
        if any(m.anchor in k.tokens and k.anchor != m.anchor for k in out):
            continue
        if any(
            toks & set(k.tokens) and ("nom" in k.entry.opts) == ("nom" in m.entry.opts) for k in out
        ):
            continue  # shares words with a more specific pattern: the same phrase
        out.append(m)
    return sorted(out, key=lambda m: m.anchor)


def _discarded(words: list[str], m: PatternMatch) -> bool:
    """The words at the verb are a phrase of ``discards.txt`` ("menangkap ikan")."""
    g = grammar()
    return any(tuple(words[m.anchor : m.anchor + n]) in g.discards for n in g.discard_lengths)


def _absorbed_noun(cands: list[Candidate], c: Candidate, words: list[str], left: list[str]) -> bool:
    """An event noun that is the topic of another event ("perundingan mengenai *penarikan*")
    or the object of a verb ("memberikan *bantuan kemanusiaan*") is no event of its own; as
    the object of a verb of the same root it makes the verb's code more precise."""
    if any(w in TOPIC for w in left[:2]):
        return True
    m = c.match
    host = next(
        (
            x
            for x in reversed(cands)
            if not x.suppressed
            and not x.nominal
            and not any(boundary(words, k) for k in range(x.match.anchor, m.anchor))
        ),
        None,
    )
    if host is None:
        return False
    if host.code[:2] == c.code[:2] and host.code.endswith("0") and len(c.code) >= len(host.code):
        host.code = c.code
    return True


def _read_clause(c: Candidate, words: list[str], left: list[str]) -> None:
    """Negation, modality, and whether the clause makes the match no event (a condition, a
    relative clause) or background ("setelah ...")."""
    a = c.match.anchor
    c.negated = negated_before(left)
    c.modality = modality_before(left)
    if in_condition(words, a):
        c.modality = "conditional"
        c.suppressed = True
    if relative(words, c.match.start):
        c.suppressed = True  # "yang diduduki Israel": a description, not the news
    c.background = in_background(words, a)


def _absorb_complement(outer: Candidate, inner: Candidate, between: list[str]) -> None:
    """``inner`` is the content of ``outer`` (a demand, promise, threat, ...): it is no
    event, and may refine the outer code ("menuntut ... menarik pasukan" 1056)."""
    inner.suppressed = True
    inner.modality = grammar().complement_modality[outer.code[:2]]
    clause = "bahwa" in between  # "sepakat bahwa ...": a belief, not a plan
    if (
        not clause
        and inner.code[:2] == outer.code[:2]
        and len(inner.code) >= len(outer.code)
        and outer.code.endswith("0")
    ):
        outer.code = inner.code  # "memperingatkan ... tidak akan menoleransi"
    elif not clause and (
        outer.code == outer.code[:2] + "0"
        or outer.match.entry.fixed == 1
        or outer.code in ("124", "127")
    ):
        refined = refine_code(outer.code, inner.code)
        if refined != outer.code and (
            outer.code[:2] != "13" or inner.code[:2] >= "14" or inner.code[:2] == "13"
        ):
            outer.code = refined
    outer.inner.append(inner)


def _attach(outer: Candidate, inner: Candidate, words: list[str]) -> bool | None:
    """Try ``inner`` as the complement or purpose of the earlier ``outer``: True when it was
    attached (or dropped), False when a boundary stops the search, None to try further left."""
    lo, hi = outer.match.anchor, inner.match.anchor
    between = words[lo + 1 : hi]
    if any(w in PUNCT_STOP or w in SUBORD or w == ";" for w in between):
        return False
    if "," in between and not any(w in PURPOSE for w in between):
        return False
    tgt_words = outer.match.entry.opts.get("tgt")
    if isinstance(tgt_words, list) and words[inner.match.anchor] in tgt_words:
        inner.suppressed = True  # "unjuk rasa menentang X": a target marker
        return True
    if inner.match.entry.id == _TOLL_ENTRY and outer.code[:2] in ("18", "19", "20"):
        inner.suppressed = True  # the toll of the attack, not a second attack
        return True
    if outer.code[:2] in grammar().complement_modality:
        _absorb_complement(outer, inner, between)
        return True
    if any(w in PURPOSE or w == "upaya" for w in between):
        inner.suppressed = True
        inner.modality = "hypothetical"
        outer.inner.append(inner)
        return True
    return None


def _absorb_complements(cands: list[Candidate], words: list[str]) -> None:
    """Complements and purposes: the inner verb refines the outer one, or is dropped."""
    for i, inner in enumerate(cands):
        if inner.suppressed:
            continue
        for outer in reversed(cands[:i]):
            if outer.suppressed:
                continue
            if _attach(outer, inner, words) is not None:
                break


def _recode(c: Candidate, sa: SentenceActors) -> None:
    """Purpose clauses with no move before them are hypothetical; announced cooperation is
    intent (03x), announced or conditional conflict a threat (13x), as CAMEO prescribes."""
    words = sa.words
    anchor = c.match.anchor
    left = left_context(words, anchor, 3)
    if left and left[0] in PURPOSE and c.modality == "asserted":
        # A purpose with no event before it: "langkah AS ... untuk memberlakukan boikot"
        # is a move made; "saluran ... untuk memantau" is only an aim.
        before = set(words[max(0, anchor - 12) : anchor])
        if not before & MOVES:
            c.modality = "hypothetical"
    root = c.code[:2]
    cond_at = later_condition(words, anchor)
    if c.negated:
        pass  # "setuju untuk tidak menempatkan": no intent, no threat
    elif c.modality == "future" and "04" <= root <= "08":
        c.code = refine_code("03", c.code)
    elif root >= "14" and (c.modality == "future" or cond_at is not None):
        c.code = refine_code("13", c.code)
        if cond_at is not None:
            c.modality = "conditional"
    elif root == "13" and cond_at is not None:
        c.modality = "conditional"
    if c.code[:2] == "13" and cond_at is not None:
        # The threatened party is the actor of the condition ("jika Moskow ...").
        c.cond_actor = next(
            (a for a in sa.all if a.tok_start > sa.s0 + cond_at and a.kind == "actor" and a.code),
            None,
        )


def candidates(sa: SentenceActors) -> list[Candidate]:
    """The events of one sentence before their actors are chosen, in text order."""
    words = sa.words
    cands: list[Candidate] = []
    for m in select(find_patterns(words)):
        if _discarded(words, m):
            continue
        code = accusation(aim(m.code, words, m.anchor), words, m.anchor)
        c = Candidate(m, code, sa.s0 + m.anchor)
        left = left_context(words, m.anchor)
        if c.nominal and _absorbed_noun(cands, c, words, left):
            continue
        _read_clause(c, words, left)
        cands.append(c)
    if any(not c.suppressed and not c.background for c in cands):
        for c in cands:
            if c.background:
                c.suppressed = True
    _absorb_complements(cands, words)
    kept = [c for c in cands if not c.suppressed]
    for c in kept:
        _recode(c, sa)
    return kept
