"""Hostile and odd input files: each is refused or read with a one-line message, and the rest still builds."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.cli import cli
from kg.errors import StanceGraphError
from kg.namespaces import SCHEMA, SOURCE
from kg.yamlfile import read_yaml

ARTICLE = "Israel insists on full demilitarization before reconstruction can begin.\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def article(folder: Path, name: str, front: str = "", body: str = ARTICLE) -> Path:
    """Write one article, with front matter lines when given."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"---\n{front}---\n{body}" if front else body, encoding="utf-8")
    return path


def build(runner: CliRunner, sources: Path, out: Path, *extra: str):
    return runner.invoke(cli, ["build", str(sources), "--out", str(out), *extra])


def both_engines_parse(out: Path) -> Dataset:
    """Every export parses back in rdflib and in pyoxigraph; returns the TriG as a dataset."""
    dataset = Dataset(default_union=True)
    dataset.parse(out / "stancegraph.trig", format="trig")
    Graph().parse(out / "stancegraph.ttl", format="turtle")
    for name, fmt in (("stancegraph.trig", pyoxigraph.RdfFormat.TRIG), ("stancegraph.ttl", pyoxigraph.RdfFormat.TURTLE)):
        store = pyoxigraph.Store()
        store.load(path=str(out / name), format=fmt)
        assert len(store) > 0
    return dataset


# --- dates -----------------------------------------------------------------------------------


def test_a_date_time_keeps_its_date_says_so_and_later_builds_still_work(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    path = article(src, "a.txt", "published: 2025-12-01T10:00:00Z\n")
    first = build(runner, src, out)
    assert first.exit_code == 0, first.output
    assert f"warning: {path}: 'published' is a date-time (2025-12-01T10:00:00Z); kept the date 2025-12-01" in first.output
    dataset = both_engines_parse(out)
    assert (SOURCE["a"], DCTERMS.issued, Literal("2025-12-01", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date"))) in dataset
    assert runner.invoke(cli, ["validate", "--out", str(out)]).exit_code == 0
    second = build(runner, src, out)  # the cache written by the first build must be readable
    assert second.exit_code == 0, second.output
    assert "1 unchanged, taken from the cache" in second.output


def test_a_date_under_another_key_or_a_misspelt_key_is_named_and_the_article_stays_undated(
    runner: CliRunner, tmp_path: Path
) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    dated = article(src, "a.txt", "date: 2025-12-01\nauthor: someone\ntags: [x]\n")
    misspelt = article(src, "b.txt", "published: 2025-12-02\npublsher: Example Wire\nupdated: 2025-12-03\n")
    article(src, "c.txt", "published: 2025-12-04\nauthor: someone\n")
    result = build(runner, src, out)
    assert result.exit_code == 0, result.output
    warned = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warned == [
        f"warning: {dated}: metadata not read: 'date' (the publication date is read from 'published')",
        f"warning: {misspelt}: metadata not read: 'publsher' (did you mean 'publisher'?)",
    ]
    dataset = both_engines_parse(out)
    assert list(dataset.objects(SOURCE["a"], DCTERMS.issued)) == []  # never guessed from another key
    assert list(dataset.objects(SOURCE["b"], DCTERMS.publisher)) == []
    assert list(dataset.objects(SOURCE["c"], DCTERMS.issued)) != []
    again = build(runner, src, out)  # unchanged files are taken from the cache, their warnings with them
    assert [line for line in again.output.splitlines() if line.startswith("warning:")] == warned


@pytest.mark.parametrize(
    "value, reason",
    [("2025-02-30", "day is out of range for month"), ("2025-13-01", "month must be in 1..12")],
)
def test_an_impossible_date_refuses_that_file_only(runner: CliRunner, tmp_path: Path, value: str, reason: str) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    bad = article(src, "bad.txt", f"published: {value}\n")
    article(src, "good.txt", "published: 2025-12-01\n")
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 1
    assert f"error: {bad}: 'published' is not a valid date: '{value}' ({reason})\n" in result.output
    assert "articles read: 1 (1 file(s) left out)" in result.output
    assert "Traceback" not in result.output


def test_a_damaged_or_old_cache_is_discarded_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "a.txt", "published: 2025-12-01\n")
    assert build(runner, src, out).exit_code == 0
    cache = out / ".cache" / "extraction.json"
    data = json.loads(cache.read_text(encoding="utf-8"))
    for entry in data["articles"].values():
        for stance in entry:
            stance["published"] = "2025-12-01T10:00:00+00:00"  # what an older version could store
    cache.write_text(json.dumps(data), encoding="utf-8")
    result = build(runner, src, out)
    assert result.exit_code == 0, result.output
    assert f"warning: {cache}: extraction cache has an unreadable entry; discarded, articles are extracted again" in result.output
    cache.write_text("{not json", encoding="utf-8")
    result = build(runner, src, out)
    assert result.exit_code == 0, result.output
    assert f"warning: {cache}: extraction cache is damaged; discarded" in result.output


# --- file names and IRIs ---------------------------------------------------------------------

HOSTILE_STEMS = ["tab\there", "new\nline", "with space", 'quo"te', "lt<gt>", "br{ace}", "pi|pe", "ca^ret", "back\\slash", "hash#frag", "per%cent", "ünï-ᴄode"]


def test_hostile_file_names_become_valid_iris_and_every_export_parses(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    for stem in HOSTILE_STEMS:
        article(src, stem + ".txt", "published: 2025-12-01\n")
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 0, result.output
    assert f"articles read: {len(HOSTILE_STEMS)}" in result.output
    dataset = both_engines_parse(out)
    identifiers = {str(o): s for s, o in dataset.subject_objects(DCTERMS.identifier)}
    assert set(HOSTILE_STEMS) <= set(identifiers)
    assert identifiers["hash#frag"] == URIRef("https://w3id.org/stancegraph/id/source/hash%23frag")
    assert identifiers["with space"] == URIRef("https://w3id.org/stancegraph/id/source/with%20space")
    assert identifiers["ünï-ᴄode"] == URIRef("https://w3id.org/stancegraph/id/source/ünï-ᴄode")
    for name in ("nt", "nq", "jsonld"):
        assert runner.invoke(cli, ["export", "--format", name, "--out", str(out)]).exit_code == 0
    Dataset().parse(out / "stancegraph.nq", format="nquads")
    Dataset().parse(out / "stancegraph.jsonld", format="json-ld")


def test_a_file_name_that_is_not_utf8_is_refused_in_one_line(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "good.txt")
    with open(os.fsencode(src) + b"/bad\xff\x1b[31m.txt", "w", encoding="utf-8") as handle:
        handle.write(ARTICLE)
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 1
    assert f"error: {src}/bad\\xff\\x1b[31m.txt: file name is not valid UTF-8; rename the file\n" in result.output
    assert "\x1b" not in result.output


def test_a_url_is_percent_encoded_or_refused(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "spaced.txt", "url: https://example.org/a b<c>?q=1 2\n")
    relative = article(src, "relative.txt", "url: example.org/page\n")
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 1
    assert (
        f"error: {relative}: 'url' is not an absolute URL (it needs a scheme such as https:): 'example.org/page'\n"
        in result.output
    )
    dataset = both_engines_parse(out)
    assert (SOURCE["spaced"], SCHEMA.url, URIRef("https://example.org/a%20b%3Cc%3E?q=1%202")) in dataset


# --- what is a file ------------------------------------------------------------------------


def test_a_fifo_named_like_an_article_is_refused_without_waiting(tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "good.txt")
    os.mkfifo(src / "pipe.txt")
    done = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(src), "--out", str(out), "--no-extract"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 1
    assert f"error: {src / 'pipe.txt'}: a named pipe (FIFO), not a regular file; not read\n" in done.stderr
    assert "articles read: 1 (1 file(s) left out)" in done.stdout


def test_a_symlink_leaving_the_folder_is_refused_unless_followed(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "good.txt")
    outside = article(tmp_path / "elsewhere", "secret.txt", body="Hamas rejects disarmament.\n")
    (src / "link.txt").symlink_to(outside)
    (src / "inside.txt").symlink_to(src / "good.txt")
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 1
    assert f"error: {src / 'link.txt'}: symbolic link to {outside}, outside the folder; not read\n" in result.output
    assert "articles read: 2 (1 file(s) left out)" in result.output  # the link inside the folder is read
    followed = build(runner, src, out, "--no-extract", "--follow-links")
    assert followed.exit_code == 0, followed.output
    assert "articles read: 3" in followed.output


def test_unreadable_annotation_manifest_and_query_files_are_named(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "good.txt")
    assert build(runner, src, out, "--no-extract").exit_code == 0
    (src / "annotations").mkdir()
    os.mkfifo(src / "annotations" / "pipe.yaml")
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 1
    assert result.output == f"Error: {src / 'annotations' / 'pipe.yaml'}: a named pipe (FIFO), not a regular file; not read\n"
    os.unlink(src / "annotations" / "pipe.yaml")
    (src / "manifest.yaml").mkdir()
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 1
    assert result.output == f"Error: {src / 'manifest.yaml'}: a folder, not a regular file; not read\n"
    (tmp_path / "q.rq").mkdir()
    result = runner.invoke(cli, ["query", str(tmp_path / "q.rq"), "--out", str(out)])
    assert (result.exit_code, result.output) == (1, f"Error: {tmp_path / 'q.rq'}: a folder, not a regular file; not read\n")


# --- YAML ------------------------------------------------------------------------------------

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(9)
)


def test_an_alias_bomb_in_front_matter_fails_that_file_fast(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    bomb = article(src, "bomb.txt", BOMB.replace("j:", "title:"))
    article(src, "good.txt")
    started = time.monotonic()
    result = build(runner, src, out, "--no-extract")
    assert time.monotonic() - started < 30
    assert result.exit_code == 1
    assert (
        f"error: {bomb}: broken front matter at line 7: aliases expand to more than 200,000 values "
        "(refused, like a 'billion laughs' document)\n" in result.output
    )
    assert "articles read: 1 (1 file(s) left out)" in result.output


def test_an_alias_bomb_in_an_annotation_file_is_refused_and_the_exports_kept(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "good.txt")
    assert build(runner, src, out, "--no-extract").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    (src / "annotations").mkdir()
    path = src / "annotations" / "bomb.yaml"
    path.write_text(BOMB + "articles: {good: *j}\n", encoding="utf-8")
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path}: not valid YAML at line 6: aliases expand to more than 200,000 values")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_a_key_written_twice_is_refused_naming_the_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    twice = article(src, "twice.txt", "title: One\npublished: '2025-01-01'\ntitle: Two\n")
    article(src, "good.txt")
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 1
    assert f"error: {twice}: broken front matter at line 4: duplicate key 'title'\n" in result.output
    assert "articles read: 1 (1 file(s) left out)" in result.output
    lemmas = tmp_path / "lemmas.yaml"
    lemmas.write_text("support:\n  verbs: [back]\nexit_verbs: [quit]\nexit_verbs: [leave]\n", encoding="utf-8")
    with pytest.raises(StanceGraphError, match=r"lemmas.yaml: not valid YAML at line 4: duplicate key 'exit_verbs'"):
        read_yaml(lemmas, StanceGraphError)


@pytest.mark.parametrize(
    "start, shown",
    [("abc", "'abc'"), ("[1]", "[1]"), ("-4", "-4"), ("true", "True")],
)
def test_a_bad_annotation_start_is_named(runner: CliRunner, tmp_path: Path, start: str, shown: str) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "good.txt")
    (src / "annotations").mkdir()
    path = src / "annotations" / "a.yaml"
    path.write_text(
        "articles:\n  good:\n    - {holder: Israel, issue: disarmament, polarity: support, "
        f"quote: full demilitarization, start: {start}}}\n",
        encoding="utf-8",
    )
    result = build(runner, src, out, "--no-extract")
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {path}: article good, entry 1: 'start' must be a character offset (a whole number >= 0), not {shown}\n",
    )


# --- encodings and sizes ---------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_unicode_text_with_a_byte_order_mark_is_decoded(runner: CliRunner, tmp_path: Path, codec: str) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    text = "---\ntitle: Trêve\n---\n" + ARTICLE
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    (src / "wide.txt").write_bytes(data)
    (src / "annotations").mkdir()
    (src / "annotations" / "a.yaml").write_text(
        "articles:\n  wide:\n    - {holder: Israel, issue: disarmament, polarity: support, quote: full demilitarization}\n",
        encoding="utf-8",
    )
    result = build(runner, src, out, "--no-extract")
    assert result.exit_code == 0, result.output
    dataset = both_engines_parse(out)
    starts = [int(o) for o in dataset.objects(None, URIRef("https://w3id.org/stancegraph/ontology#charStart"))]
    assert starts == [ARTICLE.index("full demilitarization")]
    assert (SOURCE["wide"], DCTERMS.title, Literal("Trêve")) in dataset


def test_an_article_over_the_size_limit_is_refused_with_the_limit_named(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    # 1.5 MB that names no actor: the rules read it quickly, the limit is what is tested.
    big = article(src, "big.txt", body="The market was quiet and the weather mild today.\n" * 30_000)
    article(src, "good.txt")
    result = build(runner, src, out, "--no-extract", "--max-bytes", "1000000")
    assert result.exit_code == 1
    assert f"error: {big}: too large (1.5 MB; the limit is 1.0 MB); not read\n" in result.output
    result = build(runner, src, out, "--max-bytes", "2000000")
    assert result.exit_code == 0, result.output
    assert "note: large article(s): big.txt (1.5 MB); the build may take minutes\n" in result.output


# --- exit status and --strict ---------------------------------------------------------------


def test_strict_makes_a_left_out_file_fatal_and_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    article(src, "good.txt")
    assert build(runner, src, out, "--no-extract").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = article(src, "bad.txt", "published: 2025-02-30\n")
    result = build(runner, src, out, "--no-extract", "--strict")
    assert result.exit_code == 1
    assert result.output.endswith(
        f"error: {bad}: 'published' is not a valid date: '2025-02-30' (day is out of range for month)\n"
        "Error: 1 file(s) could not be read; nothing written (--strict)\n"
    )
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    lenient = build(runner, src, out, "--no-extract")
    assert lenient.exit_code == 1
    assert lenient.output.endswith("Error: 1 file(s) could not be read; the graph holds the other 1\n")


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
def test_exports_of_hostile_names_and_texts_parse_in_rapper(runner: CliRunner, tmp_path: Path) -> None:
    src, out = tmp_path / "src", tmp_path / "out"
    body = "Israel insists\x85on \u2028full\x0b demilitarization \x1b[31m \"quoted\" \\ back.\n"
    for stem in HOSTILE_STEMS:
        article(src, stem + ".txt", "url: https://example.org/a b\n", body=body)
    assert build(runner, src, out).exit_code == 0
    for fmt in ("nt", "nq"):
        assert runner.invoke(cli, ["export", "--format", fmt, "--out", str(out)]).exit_code == 0
    for name, syntax in (("ttl", "turtle"), ("trig", "trig"), ("nt", "ntriples"), ("nq", "nquads")):
        done = subprocess.run(
            ["rapper", "-q", "-i", syntax, "-c", str(out / f"stancegraph.{name}")], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, (name, done.stderr[:500])
