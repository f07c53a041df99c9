"""Incremental and parallel builds give the same graph as a fresh serial build."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import build_graph, write_build
from kg.errors import StanceGraphWarning
from kg.export import serialize


def test_unchanged_articles_come_from_the_cache(seeds_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = build_graph(seeds_dir, cache_dir=cache)
    assert first.cached_articles == 0
    second = build_graph(seeds_dir, cache_dir=cache)
    assert second.cached_articles == 5
    assert second.stances == first.stances
    assert serialize(second.dataset, "trig") == serialize(first.dataset, "trig")


def test_a_changed_article_is_extracted_again(seeds_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    build_graph(seeds_dir, annotations=[], cache_dir=cache)
    path = seeds_dir / "003_22080ab9aa80b605.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nQatar rejected any plan to disarm Hamas by force.\n", encoding="utf-8")
    again = build_graph(seeds_dir, annotations=[], cache_dir=cache)
    assert again.cached_articles == 4
    fresh = build_graph(seeds_dir, annotations=[])
    assert again.stances == fresh.stances


def test_an_article_renamed_to_markdown_is_extracted_again(tmp_path: Path) -> None:
    folder, cache = tmp_path / "src", tmp_path / "cache"
    folder.mkdir()
    text = "---\npublished: 2025-11-20\n---\n*Cairo, Nov. 20* — **Hamas** rejected any plan to disarm, an official said.\n"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    as_text = build_graph(folder, annotations=[], cache_dir=cache)
    (folder / "a.txt").rename(folder / "a.md")  # the same text, now read as Markdown
    as_markdown = build_graph(folder, annotations=[], cache_dir=cache)
    assert as_markdown.cached_articles == 0
    assert as_markdown.stances == build_graph(folder, annotations=[]).stances
    assert {s.holder for s in as_text.stances} != {s.holder for s in as_markdown.stances} == {"Hamas"}


def test_a_damaged_cache_only_costs_a_re_extraction(seeds_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    reference = build_graph(seeds_dir, cache_dir=cache)
    (cache / "extraction.json").write_text("{not json", encoding="utf-8")
    with pytest.warns(StanceGraphWarning, match="extraction cache is damaged; discarded, articles are extracted again"):
        rebuilt = build_graph(seeds_dir, cache_dir=cache)
    assert rebuilt.cached_articles == 0
    assert rebuilt.stances == reference.stances


def test_parallel_extraction_writes_the_same_files(seeds_dir: Path, tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    write_build(build_graph(seeds_dir, annotations=[]), serial)
    write_build(build_graph(seeds_dir, annotations=[], jobs=2), parallel)
    for name in ("stancegraph.ttl", "stancegraph.trig"):
        assert (serial / name).read_bytes() == (parallel / name).read_bytes()


def test_an_unchanged_rebuild_makes_no_graph_text_and_leaves_the_cache_file(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import kg.aggregates
    import kg.build

    out = tmp_path / "out"
    write_build(build_graph(seeds_dir, cache_dir=out / ".cache"), out)
    cache_file = out / ".cache" / "extraction.json"
    before = cache_file.stat().st_mtime_ns

    def refuse(*args, **kwargs):
        raise AssertionError("the text of an unchanged graph was made")

    monkeypatch.setattr(kg.aggregates, "aggregate_graph", refuse)
    monkeypatch.setattr(kg.aggregates, "aggregate_lines", refuse)
    monkeypatch.setattr(kg.build, "ontology_graph", refuse)
    again = build_graph(seeds_dir, cache_dir=out / ".cache")
    assert write_build(again, out) == []
    assert again.cached_articles == 5 and again.store_update is not None and again.store_update.written == 0
    assert cache_file.stat().st_mtime_ns == before


def test_a_changed_stance_makes_the_aggregates_again(seeds_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_build(build_graph(seeds_dir, extract=False), out, formats=["nt"])
    before = (out / "stancegraph.nt").read_bytes()
    path = seeds_dir / "003_22080ab9aa80b605.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nQatar rejected any plan to disarm Hamas by force.\n", encoding="utf-8")
    again = build_graph(seeds_dir)  # now with extraction: more stances, other counts
    write_build(again, out, formats=["nt"])
    fresh = tmp_path / "fresh"
    write_build(build_graph(seeds_dir), fresh, formats=["nt"])
    assert (out / "stancegraph.nt").read_bytes() == (fresh / "stancegraph.nt").read_bytes() != before


def _count_reads(monkeypatch) -> list[str]:
    """The names of the article files read from now on."""
    import kg.sources

    reads: list[str] = []
    real = kg.sources.read_input_file

    def counting(path, *args, **kwargs):
        if Path(path).suffix in (".txt", ".md"):
            reads.append(Path(path).name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(kg.sources, "read_input_file", counting)
    return reads


def test_an_unchanged_article_is_neither_read_nor_hashed_again(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import kg.sources

    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)  # the copies were made just now
    cache = tmp_path / "cache"
    reads = _count_reads(monkeypatch)
    first = build_graph(seeds_dir, annotations=[], cache_dir=cache)
    assert len(reads) == 5 and (cache / "sources.json").is_file()
    reads.clear()
    again = build_graph(seeds_dir, annotations=[], cache_dir=cache)
    assert reads == [] and again.cached_articles == 5
    assert all(isinstance(a, kg.sources.RecordedArticle) for a in again.articles)
    assert [a.sha256 for a in again.articles] == [a.sha256 for a in first.articles] and reads == []
    assert again.stances == first.stances and again.articles == first.articles
    assert len(reads) == 5  # comparing the articles reads their text, each checked against its hash
    out1, out2 = tmp_path / "out1", tmp_path / "out2"
    write_build(first, out1)
    write_build(build_graph(seeds_dir, annotations=[], cache_dir=cache), out2)
    for name in ("stancegraph.ttl", "stancegraph.trig"):
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes()


def test_a_file_whose_size_or_times_changed_is_read_and_hashed_again(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import os

    import kg.sources

    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)
    cache = tmp_path / "cache"
    build_graph(seeds_dir, annotations=[], cache_dir=cache)
    reads = _count_reads(monkeypatch)
    # The same number of bytes, and the modification time put back: the change time still moves.
    same_size = seeds_dir / "003_22080ab9aa80b605.txt"
    before = same_size.stat()
    text = same_size.read_text(encoding="utf-8")
    same_size.write_text(text.replace("rejected", "accepted", 1), encoding="utf-8")
    os.utime(same_size, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert same_size.stat().st_size == before.st_size and same_size.stat().st_mtime_ns == before.st_mtime_ns
    grown = seeds_dir / "000_9f35d4ad34641da1.txt"
    grown.write_text(grown.read_text(encoding="utf-8") + "\nQatar rejected any plan to disarm Hamas by force.\n", encoding="utf-8")
    again = build_graph(seeds_dir, annotations=[], cache_dir=cache)
    assert sorted(reads) == ["000_9f35d4ad34641da1.txt", "003_22080ab9aa80b605.txt"] and again.cached_articles == 3
    fresh = build_graph(seeds_dir, annotations=[])
    assert again.stances == fresh.stances and [a.sha256 for a in again.articles] == [a.sha256 for a in fresh.articles]


def test_a_file_changed_near_the_build_that_recorded_it_is_read_again(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import kg.sources

    cache = tmp_path / "cache"
    reads = _count_reads(monkeypatch)
    build_graph(seeds_dir, annotations=[], cache_dir=cache)
    reads.clear()
    # The copies are seconds old: a change in the same tick of the file system's clock could keep
    # their size and times, so they are hashed again until they are older than the build.
    build_graph(seeds_dir, annotations=[], cache_dir=cache)
    assert len(reads) == 5
    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)
    reads.clear()
    build_graph(seeds_dir, annotations=[], cache_dir=cache)
    assert reads == []


def test_a_recorded_article_changed_before_its_text_is_read_is_refused(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import kg.sources
    from kg.errors import SourceError

    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)
    cache = tmp_path / "cache"
    build_graph(seeds_dir, annotations=[], cache_dir=cache)
    articles = kg.sources.load_articles(seeds_dir, record_dir=cache).by_id()
    path = seeds_dir / "001_e22e95d8dd461b33.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=f"^{path}: changed while the build was running; run 'kg build' again$"):
        articles["001_e22e95d8dd461b33"].text


def test_the_record_keeps_warnings_and_belongs_to_one_folder(tmp_path: Path, monkeypatch) -> None:
    import shutil
    import warnings

    import kg.sources

    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)
    folder, other, cache = tmp_path / "a", tmp_path / "b", tmp_path / "cache"
    folder.mkdir()
    (folder / "x.txt").write_text("---\npublished: 2025-12-01T10:00:00Z\n---\nHamas rejected disarmament.\n", encoding="utf-8")
    for _ in range(2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            read = kg.sources.load_articles(folder, record_dir=cache)
        assert [str(w.message) for w in caught] == [f"{folder / 'x.txt'}: 'published' is a date-time (2025-12-01T10:00:00Z); kept the date 2025-12-01"]
        assert str(read.articles[0].published) == "2025-12-01"
    assert isinstance(read.articles[0], kg.sources.RecordedArticle)
    shutil.copytree(folder, other)
    reads = _count_reads(monkeypatch)
    with pytest.warns(StanceGraphWarning, match="'published' is a date-time"):
        kg.sources.load_articles(other, record_dir=cache)  # another folder's record is not this one's: read again
    assert reads == ["x.txt"]


def _kg(*args: str):
    from click.testing import CliRunner

    from kg.cli import cli

    return CliRunner().invoke(cli, list(args))


def test_an_unchanged_kg_build_reads_nothing_and_says_what_a_full_one_says(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import kg.cache
    import kg.sources

    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)
    out = tmp_path / "out"
    build = ["build", str(seeds_dir), "--out", str(out)]
    first = _kg(*build)
    assert first.exit_code == 0 and (out / ".cache" / "build.json").is_file()
    (out / ".cache" / "build.json").unlink()
    full = _kg(*build)  # an unchanged build that reads everything (no memo): it writes the memo again
    assert full.exit_code == 0 and "store: 0 graph(s) written, 7 unchanged, 0 dropped" in full.output

    def refuse(*args, **kwargs):
        raise AssertionError("an unchanged build read its inputs")

    monkeypatch.setattr(kg.sources, "read_input_file", refuse)
    monkeypatch.setattr(kg.cache.ExtractionCache, "__init__", refuse)
    quick = _kg(*build)
    assert quick.exit_code == 0 and quick.output == full.output
    assert quick.output.endswith(f"store: 0 graph(s) written, 7 unchanged, 0 dropped\nexports in {out} are up to date\n")
    # And the first build already left the memo an unchanged build after it uses.
    monkeypatch.undo()
    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)
    other = tmp_path / "other"
    assert _kg("build", str(seeds_dir), "--out", str(other)).exit_code == 0
    monkeypatch.setattr(kg.cache.ExtractionCache, "__init__", refuse)
    assert _kg("build", str(seeds_dir), "--out", str(other)).output == quick.output.replace(str(out), str(other))


def test_a_kg_build_after_any_change_builds_again(seeds_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import os

    import kg.build
    import kg.sources

    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)
    builds: list[int] = []
    real = kg.build.build_graph
    monkeypatch.setattr(kg.build, "build_graph", lambda *a, **k: builds.append(1) or real(*a, **k))
    out = tmp_path / "out"
    build = ["build", str(seeds_dir), "--out", str(out), "--no-extract"]
    assert _kg(*build).exit_code == 0

    def built(*args: str) -> str | None:
        """The output of `kg build` when it read and built, None when it found nothing changed."""
        builds.clear()
        result = _kg(*build, *args)
        assert result.exit_code == 0, result.output
        assert builds or "store: 0 graph(s) written, 7 unchanged, 0 dropped" in result.output
        return result.output if builds else None

    assert built() is None
    # an article whose bytes change, its size and modification time kept (its change time moves)
    path = seeds_dir / "003_22080ab9aa80b605.txt"
    before = path.stat()
    path.write_text(path.read_text(encoding="utf-8").replace("Stymies Negotiations", "Stymies NEGOTIATIONS"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert "store: 1 graph(s) written, 6 unchanged, 0 dropped" in built()
    assert built() is None
    # an annotation file, the manifest, an option, an export removed, --no-cache, a new article
    annotations = seeds_dir / "annotations" / "seeds.yaml"
    annotations.write_text(annotations.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert built() is not None and built() is None
    manifest = seeds_dir / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert built() is not None and built() is None
    assert f"wrote: {out / 'stancegraph.nq'}" in built("--export", "ttl,trig,nq")
    assert built("--export", "ttl,trig,nq") is None and built() is not None
    (out / "stancegraph.ttl").unlink()
    assert f"wrote: {out / 'stancegraph.ttl'}" in built()
    assert "store: 7 graph(s) written" in built("--no-cache")
    assert built() is not None and built() is None
    (seeds_dir / "new.txt").write_text("Hamas rejected disarmament, officials said.\n", encoding="utf-8")
    assert "articles read: 6" in built()


def test_an_unchanged_kg_build_repeats_the_articles_warnings(tmp_path: Path, monkeypatch) -> None:
    import kg.sources

    monkeypatch.setattr(kg.sources, "_RACY_NS", 0)
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "x.txt").write_text("---\npublished: 2025-12-01T10:00:00Z\n---\nHamas rejected disarmament.\n", encoding="utf-8")
    warning = f"warning: {src / 'x.txt'}: 'published' is a date-time (2025-12-01T10:00:00Z); kept the date 2025-12-01\n"
    for _ in range(3):
        result = _kg("build", str(src), "--out", str(out), "--no-export")
        assert result.exit_code == 0 and warning in result.output
