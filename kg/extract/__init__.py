"""Stance extraction: a parsed, rule-by-rule extractor.

The extractor is a pure function of one article plus the data files: the actor dictionary and
issue scheme (ontology/*.ttl), the surface lexicon (ontology/lexicon/*.yaml), the named rules and
their lemma lists (ontology/rules/*.yaml) and the shipped parsing pipeline (kg/models/). Each
stance records the rules that produced it, a confidence and the exact quote with its offsets.

    mentions (kg.extract.mentions)  actors, persons, media, sources, issues, on character offsets
    parse    (kg.extract.parse)     tags, lemmas, dependencies of the sentences that name an issue
    rulebook (kg.extract.rulebook)  the named rules, their word lists and the stance model, from the data files
    rules    (kg.extract.rules)     the walk: holder, polarity and condition, each rule named and switchable
    cooccurrence (kg.extract.cooccurrence)  candidates no rule links: an actor and an issue in one sentence
    scoring  (kg.extract.scoring)   the stance model: a confidence for each stance, learnt from real news
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ..dictionary import Dictionary
from ..model import Article, Stance
from .extractor import ArticleExtractor, Explanation
from .lexicon import EXTRACTOR_VERSION, Lexicon, load_lexicon
from .mentions import Scanner, get_scanner
from .parse import load_pipeline, parse_words, pipeline_version
from .rulebook import Rule, RuleBook, load_rule_book
from .rules import path_index
from .scoring import COOCCURRENCE_RULE, Evidence, StanceModel, article_features

__all__ = [
    "COOCCURRENCE_RULE", "EXTRACTOR_VERSION", "Evidence", "Explanation", "Lexicon", "Rule", "RuleBook", "Scanner", "StanceModel", "article_features",
    "DroppedStance", "dropped_stances", "explain_stances", "extract_with_dropped", "format_dropped", "format_explanation",
    "extract_many", "extract_stances", "shown_rating", "extraction_fingerprint", "source_digest", "get_scanner", "load_lexicon",
    "load_pipeline", "load_rule_book", "stance_evidence",
]


def demonym_map(dictionary: Dictionary) -> dict[str, str]:
    """Demonym -> actor id ("Israeli" -> Israel), for actor adjectives in noun phrases."""
    found: dict[str, str] = {}
    for actor in sorted(dictionary.actors.values(), key=lambda a: a.id):
        if actor.is_person:
            continue
        for demonym in actor.demonyms:
            found.setdefault(demonym, actor.id)
    return found


def _extractor(article: Article, dictionary: Dictionary, lexicon: Lexicon | None, rules: RuleBook | None) -> ArticleExtractor:
    lexicon = lexicon or load_lexicon()
    rules = rules or load_rule_book()
    return ArticleExtractor(article, get_scanner(dictionary, lexicon), rules, demonym_map(dictionary))


def extract_stances(article: Article, dictionary: Dictionary, lexicon: Lexicon | None = None,
                    rules: RuleBook | None = None) -> list[Stance]:
    """The stances the rules find in one article, sorted by key, without duplicates."""
    return _extractor(article, dictionary, lexicon, rules).run()


#: sentences parsed together by `extract_many`: the corpus's 295 sentences parse about 10% faster in one
#: batch than in one batch per article (8 sentences on average), and a batch this size keeps that gain
#: while holding only a few dozen articles' extractors at a time
SENTENCES_PER_BATCH = 256


def extract_many(articles: Iterable[Article], dictionary: Dictionary, lexicon: Lexicon | None = None,
                 rules: RuleBook | None = None, with_dropped: bool = False,
                 sentences_per_batch: int = SENTENCES_PER_BATCH) -> Iterator[tuple[list[Stance], list[DroppedStance]]]:
    """The stances of each article, in order, as `extract_with_dropped` gives them (the dropped list empty
    unless `with_dropped`): the same output, with the sentences of several articles parsed in one batch."""
    lexicon = lexicon or load_lexicon()
    rules = rules or load_rule_book()
    waiting: list[tuple[ArticleExtractor, list[str]]] = []
    pending = 0
    for article in articles:
        extractor = _extractor(article, dictionary, lexicon, rules)
        texts = extractor.sentences_to_parse()
        waiting.append((extractor, texts))
        pending += len(texts)
        if pending >= sentences_per_batch:
            yield from _finish_batch(waiting, rules, with_dropped)
            waiting, pending = [], 0
    yield from _finish_batch(waiting, rules, with_dropped)


def _finish_batch(waiting: list[tuple[ArticleExtractor, list[str]]], rules: RuleBook,
                  with_dropped: bool) -> Iterator[tuple[list[Stance], list[DroppedStance]]]:
    parsed = parse_words([text for _, texts in waiting for text in texts], stand_ins=rules.stand_ins)
    start = 0
    for extractor, texts in waiting:
        stances = extractor.finish(parsed[start:start + len(texts)])
        start += len(texts)
        yield stances, _dropped(extractor) if with_dropped else []


def stance_evidence(article: Article, dictionary: Dictionary, lexicon: Lexicon | None = None,
                    rules: RuleBook | None = None) -> list[Evidence]:
    """Every stance the rules find in one article, with its cue and path, and, while the stance model
    is on, every co-occurrence candidate, before the model rates them (what
    training/train_stance_model.py learns from). Offsets and quotes are those of the text extraction
    reads (`kg.text.reading_text`), which is the article's own unless it holds Markdown marks,
    character references, invisible characters or words in capitals: the model rates that text."""
    extractor = _extractor(article, dictionary, lexicon, rules)
    extractor.run()
    return extractor.evidence


def explain_stances(article: Article, dictionary: Dictionary, lexicon: Lexicon | None = None,
                    rules: RuleBook | None = None) -> list[tuple[Stance, Explanation | None]]:
    """Each stance with why it was found: its sentence, the parse, the path walked and the rules."""
    extractor = _extractor(article, dictionary, lexicon, rules)
    stances = extractor.run(explain=True)
    model = extractor.book.stance_model
    out = []
    for stance in stances:
        key = (stance.holder, stance.issue, stance.polarity.value, stance.condition or "")
        # the explanation of the sentence the stance quotes (two sentences may state the same stance)
        match = None
        for k, explanation in extractor.explanations.items():
            if k[:4] != key:
                continue
            start, end = extractor.written_span(k[4], k[4] + len(explanation.sentence))
            if start <= stance.char_start < end:
                # the sentence as the article writes it (a Markdown article was read without its marks)
                match = dataclasses.replace(explanation, sentence=article.text[start:end])
                break
        rated = extractor.features.get(key[:3])
        if match is None and stance.rule == COOCCURRENCE_RULE:  # no path: the sentence names both, nothing more
            match = Explanation(sentence=stance.quote, path=(), cue="", rules=(COOCCURRENCE_RULE,))
        if match is not None and rated is not None:
            match = dataclasses.replace(match, reasons=tuple(model.reasons(rated)))
        out.append((stance, match))
    return out


@dataclasses.dataclass(frozen=True)
class DroppedStance:
    """A stance the rules found and the stance model rated under the rating it needs to be kept."""

    stance: Stance  # its first statement in the article, with the rules' confidence
    statements: int  # how many sentences state it
    rating: float
    needed: float
    reasons: tuple[tuple[str, float], ...]  # the features that moved the rating most, with what each added


def dropped_stances(article: Article, dictionary: Dictionary, lexicon: Lexicon | None = None,
                    rules: RuleBook | None = None) -> list[DroppedStance]:
    """What the stance model dropped from one article, by key: the place to look when a stance a reader
    expected is missing (empty while the rule `stance_model` is off)."""
    return extract_with_dropped(article, dictionary, lexicon, rules)[1]


def extract_with_dropped(article: Article, dictionary: Dictionary, lexicon: Lexicon | None = None,
                         rules: RuleBook | None = None) -> tuple[list[Stance], list[DroppedStance]]:
    """The stances of one article (as `extract_stances`) and what the stance model dropped (as
    `dropped_stances`), from one extraction."""
    extractor = _extractor(article, dictionary, lexicon, rules)
    return extractor.run(), _dropped(extractor)


def _dropped(extractor: ArticleExtractor) -> list[DroppedStance]:
    model = extractor.book.stance_model
    if model is None or not extractor.book.enabled("stance_model"):
        return []
    statements: dict[tuple[str, str, str], list[Stance]] = {}
    for item in extractor.evidence:
        s = item.stance
        statements.setdefault((s.holder, s.issue, s.polarity.value), []).append(s)
    dropped = []
    for key, stated in sorted(statements.items()):
        features = extractor.features[key]
        rating, needed = model.rate(features), model.threshold_for(features)
        if rating < needed:
            first = extractor.as_written(min(stated, key=lambda s: (s.char_start, s.key)))
            dropped.append(DroppedStance(first, len({s.char_start for s in stated}), shown_rating(rating, needed),
                                         round(needed, 2), tuple(model.reasons(features))))
    return dropped


def shown_rating(rating: float, needed: float) -> float:
    """A rating under the bar to two decimals, never reading as the bar itself (0.6496 under 0.65 is 0.64)."""
    return min(round(rating, 2), round(needed - 0.01, 2))


def format_dropped(dropped: list[DroppedStance], fmt: str = "table") -> str:
    """The dropped stances, each with its rating, the rating it needed and why it was rated so."""
    if fmt == "jsonl":
        return "".join(json.dumps({
            "holder": d.stance.holder, "issue": d.stance.issue, "polarity": d.stance.polarity.value,
            "condition": d.stance.condition, "rule": d.stance.rule, "rating": d.rating, "needed": d.needed,
            "statements": d.statements, "char_start": d.stance.char_start, "char_end": d.stance.char_end,
            "quote": d.stance.quote, "dropped": True,
            "rated_by": [{"feature": name, "added": round(added, 3)} for name, added in d.reasons]},
            ensure_ascii=False) + "\n" for d in dropped)
    if not dropped:
        return "the stance model dropped nothing\n"
    out = [f"dropped by the stance model ({len(dropped)}):", ""]
    for d in dropped:
        s = d.stance
        condition = f" (on {s.condition})" if s.condition else ""
        more = f", {d.statements} sentences" if d.statements > 1 else ""
        out.append(f"{s.holder}  {s.issue}  {s.polarity.value}{condition}  rated {d.rating:.2f}, needs {d.needed:.2f}"
                   f"  [{s.char_start}-{s.char_end}{more}]")
        out.append(f"  rules:    {s.rule}")
        if d.reasons:
            out.append("  rated by: " + ", ".join(f"{name} {added:+.2f}" for name, added in d.reasons))
        out.append(f"  sentence: {s.quote.strip()}")
        out.append("")
    return "\n".join(out)


def extraction_fingerprint(dictionary: Dictionary, lexicon: Lexicon, rules: RuleBook | None = None) -> str:
    """A hash of everything extraction output depends on besides the article: rerun when it changes."""
    rules = rules or load_rule_book()
    payload = {
        "version": EXTRACTOR_VERSION,
        "pipeline": pipeline_version(),
        "actors": [[a.id, a.aliases, a.demonyms, a.represents, a.types] for a in sorted(dictionary.actors.values(), key=lambda a: a.id)],
        "issues": [[i.id, i.label, i.aliases, i.cues] for i in sorted(dictionary.issues.values(), key=lambda i: i.id)],
        "lexicon": lexicon.digest(),
        "rules": rules.digest,
        "code": _extraction_code_digest(),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# the modules outside this package whose code the extraction runs (sentence splitting, names, the article)
_SHARED_MODULES = ("text.py", "model.py", "dictionary.py")


@lru_cache(maxsize=1)
def _extraction_code_digest() -> str:
    """The digest of the extraction's own code: a change to a rule's code re-extracts an incremental
    build even where no one bumped EXTRACTOR_VERSION."""
    here = Path(__file__).resolve().parent
    return source_digest([*here.glob("*.py"), *(here.parent / name for name in _SHARED_MODULES)])


def source_digest(paths: Iterable[Path]) -> str:
    """SHA-256 over the files' names (with their folder's) and bytes, in name order, wherever the
    files are installed; a file that cannot be read (an install without sources) counts by name alone."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: (p.parent.name, p.name)):
        digest.update(f"{path.parent.name}/{path.name}".encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            pass
        digest.update(b"\0")
    return digest.hexdigest()


def format_explanation(explained: list[tuple[Stance, Explanation | None]], fmt: str = "table") -> str:
    """Stances with their explanations: the sentence, the parse around the path, the rules that fired."""
    if fmt == "jsonl":
        lines = []
        for stance, why in explained:
            record = {"holder": stance.holder, "issue": stance.issue, "polarity": stance.polarity.value,
                      "condition": stance.condition, "rule": stance.rule, "confidence": stance.confidence,
                      "char_start": stance.char_start, "char_end": stance.char_end, "quote": stance.quote}
            if why is not None:
                record.update({"cue": why.cue, "rules": list(why.rules), "path": list(why.path),
                               "rated_by": [{"feature": name, "added": round(added, 3)} for name, added in why.reasons],
                               "parse": [dict(zip(("i", "text", "lemma", "tag", "dep", "head"), row)) for row in why.parse]})
            lines.append(json.dumps(record, ensure_ascii=False))
        return "".join(line + "\n" for line in lines)
    if not explained:
        return "no stances found\n"
    out = []
    for stance, why in explained:
        condition = f" (on {stance.condition})" if stance.condition else ""
        out.append(f"{stance.holder}  {stance.issue}  {stance.polarity.value}{condition}  "
                   f"confidence {stance.confidence:.2f}  [{stance.char_start}-{stance.char_end}]")
        out.append(f"  rules:    {stance.rule}")
        if why is None:
            out.append("")
            continue
        if why.reasons:
            out.append("  rated by: " + ", ".join(f"{name} {added:+.2f}" for name, added in why.reasons))
        out.append(f"  sentence: {why.sentence.strip()}")
        if why.cue:
            out.append(f"  cue:      {why.cue}")
        if not why.path:
            out.append("")
            continue
        on_path = [i for i in map(path_index, why.path) if i is not None]
        out.append("  path:     " + " > ".join(step.split(":", 1)[-1] for step in why.path))
        near = set(on_path) | {row[0] for row in why.parse if row[5] in on_path}
        out.append("  parse:    i  text  lemma  tag  dep  head")
        for i, text, lemma, tag, dep, head in why.parse:
            if i in near:
                mark = "*" if i in on_path else " "
                out.append(f"           {mark}{i}  {text}  {lemma}  {tag}  {dep}  {head}")
        out.append("")
    return "\n".join(out) + f"({len(explained)} stance{'s' if len(explained) != 1 else ''})\n"
