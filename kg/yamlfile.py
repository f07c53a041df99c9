"""Reading the project's YAML data files with errors that name the file and the line.

Every YAML text goes through `load_yaml`: safe types only, dates left as strings (the caller
checks them and says what is wrong, instead of a ValueError from the parser), aliases expanded
only up to a bound so a "billion laughs" document fails fast instead of eating memory, and a key
written twice in one mapping refused (the parser would keep the last value without a word).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import StanceGraphError
from .safety import read_input_text

#: How many values a document may hold once its aliases are expanded.
MAX_YAML_VALUES = 200_000

_Base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """The safe loader without implicit timestamps: `2025-02-30` stays a string for the caller to check."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlLimitError(yaml.MarkedYAMLError):
    """A document that expands past the bound, or refers to itself."""


class YamlDuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping that names one key twice (the parser would keep the last value without a word)."""


def _expanded_size(root: yaml.Node, limit: int) -> int:
    """How many values the document holds with every alias expanded, stopping early past `limit`."""
    sizes: dict[int, int] = {}
    open_nodes: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in open_nodes:
            raise YamlLimitError(problem="an alias refers to a value that contains it", problem_mark=node.start_mark)
        open_nodes.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
                if total > limit:
                    break
        elif isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value != "<<":
                    if key_node.value in seen:
                        raise YamlDuplicateKeyError(problem=f"duplicate key {key_node.value!r}", problem_mark=key_node.start_mark)
                    seen.add(key_node.value)
                total += size(key_node) + size(value_node)
                if total > limit:
                    break
        open_nodes.discard(key)
        if total > limit:
            raise YamlLimitError(
                problem=f"aliases expand to more than {limit:,} values (refused, like a 'billion laughs' document)",
                problem_mark=node.start_mark,
            )
        sizes[key] = total
        return total

    return size(root)


def load_yaml(text: str, max_values: int = MAX_YAML_VALUES) -> Any:
    """Parse one YAML document safely; raises yaml.YAMLError (with a mark) on bad or oversized input."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            _expanded_size(node, max_values)
        except RecursionError:
            raise YamlLimitError(problem="values nested too deeply", problem_mark=node.start_mark) from None
        return loader.construct_document(node)
    except RecursionError:
        raise YamlLimitError(problem="values nested too deeply") from None
    finally:
        loader.dispose()


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a folder, sorted by name, hidden files left out."""
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))


def read_yaml(path: Path, error: type[StanceGraphError]) -> Any:
    """Parse one YAML file; a missing, unreadable, non-UTF-8 or malformed file raises `error` naming it."""
    text = read_input_text(path, error)
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise error(f"{path}: not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
