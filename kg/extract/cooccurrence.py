"""Stances no rule links: an actor and an issue named in one sentence, for the stance model to rate.

Annotated news writes many stances that no path in the parse states: a party to a deal ("the truce
between Israel and Hamas"), the mediators a sentence names ("talks brokered by Egypt and Qatar"),
the terms of a sponsor's plan, a list of states under a statement. The rules walk from an issue to
a holder and miss them; about a quarter of the gold pairs on unseen news are named together in
one sentence the rules found nothing in. Every such pair becomes a candidate support stance (rule
`cooccurrence`), described by what the sentence says around the two names, and only the stance
model decides which to keep: without it, none is. A sentence with a word of rejection in it
("rejected", "refused", "violated", "not") gives each pair an oppose candidate as well, which the
model rates apart from the support one (features `co_oppose` and `co_r=<kind of word>`).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Iterable, Sequence

from ..model import Method, Polarity, Stance
from ..text import Sentence
from .mentions import ACTOR, ISSUE, Mention
from .scoring import COOCCURRENCE_RULE, CooccurrenceWords, Evidence, RelationWords

_NEAR = 60  # characters between the two names under which they are "near"
_AFTER_HOLDER = 80  # characters after a holder's name in which a word of rejection is likely its own


def cooccurrence_evidence(source_id: str, text: str, sentences: Sequence[tuple[Sentence, Sequence[Mention]]],
                          found: Sequence[Evidence], words: CooccurrenceWords, *, actors: Iterable[str],
                          published: date | None = None, relation: RelationWords | None = None) -> list[Evidence]:
    """A candidate support stance for every known actor and issue named together in a sentence, for each
    pair the rules found no stance of anywhere in the article: one per sentence, quoting it; and an
    oppose one beside it where the sentence holds a word of rejection. `relation` adds the words around
    the pair's names."""
    known = frozenset(actors)
    linked = {(e.stance.holder, e.stance.issue) for e in found}
    linked_in: dict[int, set[tuple[str, str]]] = {}
    conditions_in: dict[int, set[tuple[str, str]]] = {}
    for item in found:
        linked_in.setdefault(item.stance.char_start, set()).add((item.stance.holder, item.stance.issue))
        if item.stance.condition:
            conditions_in.setdefault(item.stance.char_start, set()).add((item.stance.holder, item.stance.condition))
    evidence = []
    for sentence, mentions in sentences:
        holders: dict[str, list[Mention]] = {}
        issues: dict[str, list[Mention]] = {}
        for m in mentions:
            if m.start < sentence.start or m.end > sentence.end:
                continue
            if m.kind == ACTOR and (m.holder or m.value) in known:
                holders.setdefault(m.holder or m.value, []).append(m)
            elif m.kind == ISSUE:
                issues.setdefault(m.value, []).append(m)
        stated = set().union(*(pairs for start, pairs in linked_in.items() if sentence.start <= start < sentence.end))
        # a holder the rules found stating one issue here (a group, a pronoun's) names the others it lists too
        for holder, _ in sorted(stated):
            if holder in known:
                holders.setdefault(holder, [])
        if not holders or not issues:
            continue
        body = text[sentence.start:sentence.end]
        # what the rules read as a holder's condition in this sentence is no stance of its own there
        conditioned = set().union(*(pairs for start, pairs in conditions_in.items() if sentence.start <= start < sentence.end))
        shared = {"co_stance_sentence": float(bool(stated))}
        for name, pattern in words.cue_patterns:
            if pattern.search(body):
                shared[f"co_w={name}"] = 1.0
        rejections = [(name, [m.start() + sentence.start for m in pattern.finditer(body)])
                      for name, pattern in words.rejection_patterns]
        rejections = [(name, starts) for name, starts in rejections if starts]
        for holder, named in holders.items():
            before = [text[max(sentence.start, m.start - 40):m.start] for m in named]
            around = {
                "co_possessive": float(any(text.startswith(("'s", "’s", "' ", "’ "), m.end) for m in named)),
                "co_after_preposition": float(any(words.preposition_pattern.search(b) for b in before)),
                "co_agent": float(any(words.agent_pattern.search(b) for b in before)),
                "co_same_holder_other_issue": float(any(h == holder for h, _ in stated)),
            }
            for issue, places in issues.items():
                if (holder, issue) in linked or (holder, issue) in conditioned:
                    continue
                features = {**shared, **around,
                            "co_other_holder_same_issue": float(any(i == issue and h != holder for h, i in stated)),
                            "co_near": float(bool(named) and min(abs(a.start - b.start) for a in named for b in places) < _NEAR),
                            "co_holder_first": float(not named or min(a.start for a in named) < min(b.start for b in places))}
                if relation is not None:
                    features.update(relation.features(text, [(m.start, m.end) for m in named],
                                                      [(m.start, m.end) for m in places], (sentence.start, sentence.end)))
                stance = Stance(source_id=source_id, holder=holder, issue=issue, polarity=Polarity.SUPPORT,
                                quote=body, char_start=sentence.start, char_end=sentence.end,
                                method=Method.RULE, confidence=0.5, rule=COOCCURRENCE_RULE, published=published)
                evidence.append(Evidence(stance, "", 0, tuple(sorted((k, v) for k, v in features.items() if v))))
                if rejections:
                    opposing = {**features, "co_oppose": 1.0, **{f"co_r={name}": 1.0 for name, _ in rejections},
                                "co_r_after_holder": float(any(0 <= start - m.end < _AFTER_HOLDER for m in named
                                                               for _, starts in rejections for start in starts))}
                    evidence.append(Evidence(replace(stance, polarity=Polarity.OPPOSE), "", 0,
                                             tuple(sorted((k, v) for k, v in opposing.items() if v))))
    return evidence
