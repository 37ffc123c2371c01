"""``warta.web`` imports form no cycle and hide none (issue #13): every import of a warta
module inside ``src/warta/web`` sits at the top of its module."""

from __future__ import annotations

import ast
from pathlib import Path

import warta.web

WEB = Path(warta.web.__file__).parent


def _imports(path: Path) -> tuple[set[str], list[str]]:
    """(warta.web modules imported at module level, warta modules imported inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top, local = set(), []
    top_level = set(map(id, tree.body))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("warta"):
            names = [f"{node.module}.{a.name}" for a in node.names]
            targets = [
                n
                for n in names
                if (WEB.parent / Path(*n.split(".")[1:])).with_suffix(".py").exists()
            ] or [node.module]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names if a.name.startswith("warta")]
        else:
            continue
        if id(node) in top_level:
            top |= {t for t in targets if t.startswith("warta.web")}
        else:
            local += targets
    return top, local


def test_no_import_cycle_and_no_hidden_imports():
    graph = {}
    for path in sorted(WEB.glob("*.py")):
        name = "warta.web" if path.stem == "__init__" else f"warta.web.{path.stem}"
        top, local = _imports(path)
        assert not local, f"{path.name} imports {local} inside a function"
        graph[name] = top - {name}
    assert "warta.web.api" in graph["warta.web.app"] and graph["warta.web"] == {"warta.web.app"}

    def visit(node, stack):
        assert node not in stack, "import cycle: " + " -> ".join([*stack, node])
        for nxt in graph.get(node, ()):
            visit(nxt, [*stack, node])

    for node in graph:
        visit(node, [])
