"""Incremental and parallel builds give the same graph as a fresh serial build."""
from __future__ import annotations

from pathlib import Path

from kg.build import build_graph, write_build
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


def test_a_damaged_cache_only_costs_a_re_extraction(seeds_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    reference = build_graph(seeds_dir, cache_dir=cache)
    (cache / "extraction.json").write_text("{not json", encoding="utf-8")
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
    import pytest

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
    kg.sources.load_articles(other, record_dir=cache)
    assert reads == ["x.txt"]
