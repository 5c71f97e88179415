"""The validators are a package below the writers (issue 24, case 9): data and imports flow one way,
reader → model → writers, the validators below them. Read from the source's import statements
(those inside functions included), so that a lazy import cannot hide a circle."""

from __future__ import annotations

import ast
from pathlib import Path

import convert

PACKAGE = Path(convert.__file__).resolve().parent


def _module(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    """``convert.reader``, ``convert.writers``, ``convert.validators`` for their modules, else the
    module itself."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 2 or parts[1:2] in (["reader"], ["writers"], ["validators"]) else module


def import_graph() -> dict[str, set[str]]:
    """``{module: the project's modules it imports}``, every import statement counted."""
    modules = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            graph[name] |= {f for f in found if f in modules and f != name and f != "convert"}
    return graph


def layers() -> dict[str, set[str]]:
    """The import graph between layers (:func:`_layer`), imports within a layer left out."""
    out: dict[str, set[str]] = {}
    for module, imported in import_graph().items():
        out.setdefault(_layer(module), set()).update(_layer(m) for m in imported if _layer(m) != _layer(module))
    return out


def test_the_validators_import_no_reader_and_no_writer():
    below = {"convert.tei", "convert.errors", "convert.cache"}
    for module, imported in import_graph().items():
        if module.startswith("convert.validators"):
            outside = {m for m in imported if not m.startswith("convert.validators")}
            assert outside <= below, (module, outside - below)


def test_imports_flow_one_way_between_reader_writers_and_validators():
    graph = layers()
    assert "convert.validators" in graph["convert.writers"] and "convert.validators" in graph["convert.reader"]
    assert "convert.reader" not in graph["convert.writers"] and "convert.writers" not in graph["convert.reader"]
    assert not graph["convert.validators"] & {"convert.reader", "convert.writers", "convert.validate"}


def test_no_circle_between_layers():
    graph = layers()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            assert state.get(nxt) != 1, " → ".join(path + [nxt])
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])


def test_the_old_import_path_still_gives_the_validators():
    from convert import validate, validators

    assert validate.check_tei is validators.check_tei and validate.Verdict is validators.Verdict
    assert validate.external_checks is validators.external_checks
