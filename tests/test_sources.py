"""Reading source folders: metadata, offsets, and every kind of bad file."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.sources import load_articles, read_article


def test_seed_metadata_comes_from_the_manifest_and_missing_stays_missing(seeds_dir: Path) -> None:
    articles = load_articles(seeds_dir).by_id()
    assert sorted(articles) == [
        "000_9f35d4ad34641da1",
        "001_e22e95d8dd461b33",
        "002_fde916106131c18b",
        "003_22080ab9aa80b605",
        "004_7e26575f6888aeed",
    ]
    first = articles["000_9f35d4ad34641da1"]
    assert first.title == "US-Israel Gaza Talks Collapse Over Hamas Disarmament Dispute"
    assert first.publisher == "TheInterviewTimes.com"
    assert first.published == date(2025, 11, 16)
    assert first.date_basis == "stated"
    assert first.url is None
    untitled = articles["002_fde916106131c18b"]
    assert untitled.title is None and untitled.publisher is None
    assert untitled.published == date(2025, 11, 17) and untitled.date_basis == "inferred"


def test_front_matter_wins_and_offsets_count_from_the_body(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: Talks resume\npublished: 2025-12-01\ndate_basis: stated\n---\nQatar said “talks resume”.\n",
        encoding="utf-8",
    )
    article = read_article(path, {"title": "from the manifest", "publisher": "Wire"})
    assert article.title == "Talks resume"
    assert article.publisher == "Wire"
    assert article.published == date(2025, 12, 1)
    assert article.text == "Qatar said “talks resume”.\n"
    assert article.text[11:25] == "“talks resume”"


def test_crlf_and_non_ascii_text_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("Türkiye backs the plan.\r\nÉgypte too.\r\n".encode("utf-8"))
    article = read_article(path)
    assert article.text == "Türkiye backs the plan.\r\nÉgypte too.\r\n"
    assert article.source_id == "crlf"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: empty article (no text)"),
        ("blank.txt", b"  \n\n\t\n", "blank.txt: empty article (no text)"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary.txt: not a text file (binary content)"),
        ("latin1.txt", "Israël refuse.".encode("latin-1"), "latin1.txt: not UTF-8 (byte 0xeb at offset 4)"),
        ("unclosed.md", b"---\ntitle: x\nNo closing fence here.\n", "unclosed.md: broken front matter (no closing '---' line)"),
        ("badyaml.md", b"---\ntitle: [unclosed\n---\nBody.\n", "badyaml.md: broken front matter at line"),
        ("listfm.md", b"---\n- a\n- b\n---\nBody.\n", "listfm.md: broken front matter: expected 'key: value' lines"),
        ("nobody.md", b"---\ntitle: only metadata\n---\n\n", "nobody.md: empty article (front matter but no text)"),
        ("baddate.md", b"---\npublished: last Tuesday\n---\nBody.\n", "baddate.md: 'published' is not a date"),
    ],
)
def test_bad_files_are_refused_with_a_message_naming_them(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_article(path)
    assert str(caught.value).startswith(str(tmp_path / message.split(":", 1)[0]) + ":")
    assert message.split(":", 1)[1].strip() in str(caught.value)


def test_one_bad_file_does_not_stop_the_folder(seeds_dir: Path) -> None:
    (seeds_dir / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00bad")
    (seeds_dir / "README.md").write_text("Not an article.\n", encoding="utf-8")
    folder = load_articles(seeds_dir)
    assert len(folder.articles) == 5
    assert [p.name for p in folder.refused] == ["broken.txt"]
    assert "broken.txt" in str(folder.problems[0])


def test_manifest_entry_without_file_is_reported(seeds_dir: Path) -> None:
    manifest = seeds_dir / "manifest.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + "- file: missing.txt\n  title: Gone\n", encoding="utf-8")
    folder = load_articles(seeds_dir)
    assert len(folder.articles) == 5
    assert any("entry for missing.txt: file not found" in str(p) for p in folder.problems)


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="source folder not found"):
        load_articles(tmp_path / "nowhere")
