"""No module of the casebook package imports, even for its types only, a module that imports it back:
the package reads one way, from the data model to the pages (issue 18)."""

from __future__ import annotations

import ast
from pathlib import Path

from sitebuild import ROOT

PACKAGES = (ROOT / "hooks" / "casebook", ROOT / "hooks" / "casebook_mkdocs")


def imports(package: Path) -> dict[str, set[str]]:
    """Each module of `package` and the modules of the same package it imports (relative imports)."""
    found: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                names.update([node.module.split(".")[0]] if node.module else (alias.name for alias in node.names))
        found[path.stem] = names
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every cycle of imports, each once, as the modules in import order from its smallest name."""
    found: set[tuple[str, ...]] = set()

    def walk(path: list[str]) -> None:
        for name in sorted(graph.get(path[-1], set()) & graph.keys()):
            if name == path[0]:
                found.add(tuple(path))
            elif name not in path and name > path[0]:
                walk([*path, name])

    for start in sorted(graph):
        walk([start])
    return [list(cycle) for cycle in sorted(found)]


def test_the_packages_have_no_import_cycle():
    assert {package.name: cycles(imports(package)) for package in PACKAGES} == {
        "casebook": [],
        "casebook_mkdocs": [],
    }


def test_a_cycle_through_a_type_only_import_is_found():
    graph = {"catalog": {"glossary", "model"}, "glossary": {"catalog", "vocab"}, "model": set(), "vocab": set()}
    assert cycles(graph) == [["catalog", "glossary"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c"]]
