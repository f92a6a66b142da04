"""The layering of ../shared/DESIGN.md holds: each part imports only the parts below it,
and no modules import each other in a circle, also not under ``TYPE_CHECKING``."""

from __future__ import annotations

import ast

from conftest import REPO

PACKAGE = REPO / "src" / "taalwacht"
BASE = {"errors", "_version", "messages"}
ALLOWED: dict[str, set[str]] = {
    "errors": {"messages"},
    "_version": set(),
    "model": {"errors", "_version"},
    "messages": set(),
    "dutch": {"model"} | BASE,
    "packs": {"model", "dutch"} | BASE,
    "formats": {"model", "dutch"} | BASE,
    "engine": {"model", "dutch", "packs"} | BASE,
    "rewrite": {"model", "dutch", "packs"} | BASE,
    "report": {"model"} | BASE,
    "config": {"model", "packs"} | BASE,
    "service": {"model", "dutch", "packs", "formats", "engine", "rewrite", "config"} | BASE,
    "scan": {"service", "model", "config", "report", "formats", "packs"} | BASE,
}
FRONT = {"service", "model", "report", "config", "scan", "packs"} | BASE
for face in ("cli", "api", "web", "lsp"):
    ALLOWED[face] = FRONT


def _imports() -> dict[str, set[str]]:
    """Module name -> taalwacht modules it imports (every import statement in the file)."""
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(rel.parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        name = ".".join(parts)
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = parts if is_package else parts[:-1]
                    base = base[: len(base) - node.level + 1]
                    module = ".".join([*base, *([node.module] if node.module else [])])
                else:
                    module = node.module or ""
                found.update(f"{module}.{a.name}" for a in node.names)
                found.add(module)
        graph[name] = {m for m in found if m.startswith("taalwacht.")}
    return graph


def _part(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _existing(module: str, graph: dict[str, set[str]]) -> str:
    """``taalwacht.model.finding.Finding`` -> the module ``taalwacht.model.finding``."""
    while module not in graph and "." in module:
        module = module.rpartition(".")[0]
    return module


def test_every_part_imports_only_what_lies_below_it() -> None:
    graph = _imports()
    wrong = []
    for module, targets in graph.items():
        me = _part(module)
        if me not in ALLOWED:
            continue
        for target in targets:
            other = _part(target)
            if other and other != me and other not in ALLOWED[me]:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_the_parts_of_the_design_exist() -> None:
    for part in ("model", "dutch", "packs", "formats", "engine", "rewrite", "report", "cli"):
        assert (PACKAGE / part / "__init__.py").is_file(), part
    assert (PACKAGE / "service.py").is_file()


def test_no_import_cycles_between_modules() -> None:
    graph = _imports()
    edges = {m: {_existing(t, graph) for t in ts} - {m} for m, ts in graph.items()}
    # a package's __init__ re-exporting its own modules is wiring, not a dependency
    for m in edges:
        edges[m] = {t for t in edges[m] if not (t == m.rpartition(".")[0] and t in graph)}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for module in sorted(edges):
        if module not in state:
            cycle = visit(module)
            assert cycle is None, " -> ".join(cycle)
