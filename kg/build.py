"""The main job: sources -> stances (extracted and curated) -> RDF dataset -> export files."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from rdflib import Dataset

from .annotations import annotation_files, load_annotations
from .dictionary import Dictionary, load_dictionary
from .errors import StanceGraphError
from .export import BASENAME, rdf_format, serialize, write_files
from .model import Article, Method, Stance, merge_stances
from .rdf import build_dataset
from .sources import load_articles

DEFAULT_FORMATS = ("ttl", "trig")


@dataclass
class BuildResult:
    """What a build produced, and the problems it met on the way (files it had to leave out)."""

    articles: list[Article]
    stances: list[Stance]
    dataset: Dataset
    dictionary: Dictionary
    problems: list[StanceGraphError] = field(default_factory=list)
    annotation_files: list[Path] = field(default_factory=list)

    @property
    def actors(self) -> set[str]:
        return {s.holder for s in self.stances}

    @property
    def issues(self) -> set[str]:
        return {s.issue for s in self.stances} | {s.condition for s in self.stances if s.condition}

    def summary(self) -> str:
        """A short account: articles read, stances by method, actors and issues, problems."""
        curated = sum(1 for s in self.stances if s.method is Method.CURATED)
        lines = [
            f"articles read: {len(self.articles)}"
            + (f" ({len(self.problems)} file(s) left out)" if self.problems else ""),
            f"stances: {len(self.stances)} ({len(self.stances) - curated} extracted, {curated} curated)",
            f"actors: {len(self.actors)}",
            f"issues: {len(self.issues)}",
        ]
        return "\n".join(lines)


def build_graph(
    sources_dir: Path | str,
    *,
    annotations: Sequence[Path] | None = None,
    extract: bool = True,
    ontology_dir: Path | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> BuildResult:
    """Read a source folder and build the dataset in memory.

    `on_progress(done, total)` is called after each article is extracted.
    `annotations` None means the folder's own `annotations/*.yaml`; an empty list means none.
    Unreadable articles become problems and the rest still builds; a bad annotation raises,
    because a graph that silently drops an analyst's corrections cannot be trusted.
    """
    dictionary = load_dictionary(ontology_dir)
    folder = load_articles(sources_dir)
    files = annotation_files(Path(sources_dir)) if annotations is None else [Path(p) for p in annotations]
    by_id = folder.by_id()
    refused = {path.stem for path in folder.refused}
    curated: list[Stance] = []
    for path in files:
        curated.extend(load_annotations(path, by_id, dictionary, skip=refused))
    extracted: list[Stance] = []
    if extract:
        from .extraction import extract_stances, load_lexicon

        lexicon = load_lexicon(ontology_dir)
        for done, article in enumerate(folder.articles, start=1):
            extracted.extend(extract_stances(article, dictionary, lexicon))
            if on_progress is not None:
                on_progress(done, len(folder.articles))
    stances = merge_stances(curated, extracted)
    dataset = build_dataset(folder.articles, stances, dictionary.graph)
    return BuildResult(
        articles=folder.articles,
        stances=stances,
        dataset=dataset,
        dictionary=dictionary,
        problems=list(folder.problems),
        annotation_files=files,
    )


def export_paths(out_dir: Path | str, formats: Iterable[str] = DEFAULT_FORMATS) -> dict[str, Path]:
    """Where each export of a build goes: `OUT_DIR/stancegraph.<ext>`."""
    out = Path(out_dir)
    return {name: out / (BASENAME + rdf_format(name).extension) for name in formats}


def write_build(
    result: BuildResult,
    out_dir: Path | str,
    formats: Iterable[str] = DEFAULT_FORMATS,
    extra: dict[Path, bytes] | None = None,
) -> list[Path]:
    """Serialise a build into the export folder; every file is replaced whole or not at all."""
    contents = {path: serialize(result.dataset, name) for name, path in export_paths(out_dir, formats).items()}
    contents.update(extra or {})
    write_files(contents)
    return sorted(contents)
