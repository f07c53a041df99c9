"""Reading the project's YAML data files with errors that name the file and the line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import StanceGraphError


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder, sorted by name, hidden files left out."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def read_yaml(path: Path, error: type[StanceGraphError]) -> Any:
    """Parse one YAML file; a missing, non-UTF-8 or malformed file raises `error` naming it."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path}: file not found") from None
    except UnicodeDecodeError:
        raise error(f"{path}: not UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise error(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
