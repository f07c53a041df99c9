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
