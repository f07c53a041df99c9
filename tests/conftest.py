"""Shared fixtures: the seed sources copied into a scratch folder, a build of them, the shipped
actor dictionary, and a scratch copy of the ontology to edit."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "sources"
GOLD = Path(__file__).resolve().parent / "fixtures" / "gold" / "seeds.yaml"
ONTOLOGY = REPO / "ontology"


@pytest.fixture()
def seeds_dir(tmp_path: Path) -> Path:
    """A private copy of the seed source folder (articles, manifest, curated annotations)."""
    target = tmp_path / "sources"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture(scope="session")
def gold() -> dict:
    """The gold annotations of the seeds, as parsed YAML."""
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def curated_build(tmp_path_factory: pytest.TempPathFactory):
    """The seeds built from curated annotations only (no extraction), written to a scratch exports folder."""
    from kg.build import build_graph, write_build

    out = tmp_path_factory.mktemp("exports")
    result = build_graph(SEEDS, extract=False)
    write_build(result, out)
    return result, out


@pytest.fixture(scope="session")
def dictionary():
    from kg.dictionary import load_dictionary

    return load_dictionary(ONTOLOGY)


@pytest.fixture()
def ontology_copy(tmp_path: Path) -> Path:
    """The shipped ontology folder copied, for a test to change one file of."""
    target = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY, target)
    return target
