"""The shape of the code: imports run one way (no circles between modules, nor between
packages), the parts that promise to know nothing of Qt import none of it, and no module
grows past a size one can read."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "rnn_sandbox"
QT = ("PySide6", "shiboken6", "pyqtgraph")
MAX_LINES = 700


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_in(
    source: str, here: str, is_package: bool, typing_only: bool = False
) -> set[str]:
    """Every module the source of module ``here`` imports, at the top or inside a function
    (a lazy import that closes a circle is still a circle); those only read by type
    checkers with ``typing_only``."""
    package = here if is_package else here.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if (
                not typing_only
                and isinstance(child, ast.If)
                and "TYPE_CHECKING" in ast.unparse(child.test)
            ):
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    up = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*up, base] if base else up)
                found.add(base)
                found.update(f"{base}.{a.name}" for a in child.names)
            visit(child)

    visit(ast.parse(source))
    return found


def _imports(path: Path, typing_only: bool = False) -> set[str]:
    return _imports_in(
        path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py",
        typing_only,
    )


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for p in ROOT.rglob("*.py")}


def _graph() -> dict[str, set[str]]:
    modules = _sources()
    return {name: _imports(path) & modules.keys() - {name} for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return sorted(groups)


def _without_packages(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Leave out edges to a package's ``__init__`` that only re-exports its own modules:
    importing ``a.b`` from ``a.b.c`` is how Python finds ``c``, not a design choice."""
    return {v: {w for w in ws if not v.startswith(w + ".")} for v, ws in graph.items()}


def _units(graph: dict[str, set[str]], package: str) -> dict[str, set[str]]:
    """The import graph between the parts of ``package``: each of its modules and each of
    its subpackages (everything inside counted as one) is a node; modules outside it are
    left out, and so is the package's own ``__init__`` (imported on the way to any part)."""

    def unit(module: str) -> str | None:
        if not module.startswith(package + "."):
            return None
        return f"{package}.{module[len(package) + 1:].split('.')[0]}"

    units: dict[str, set[str]] = {}
    for v, ws in _without_packages(graph).items():
        u = unit(v)
        if u is not None:
            targets = {unit(w) for w in ws} - {None, u}
            units.setdefault(u, set()).update(t for t in targets if t is not None)
    return units


# -- circles ----------------------------------------------------------------------------------
def test_the_import_graph_has_no_circles():
    assert _cycles(_without_packages(_graph())) == []


def test_the_packages_import_each_other_in_one_direction():
    assert _cycles(_units(_graph(), "rnn_sandbox")) == []


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_a_circle_between_packages_is_found_where_modules_have_none():
    # engine.data -> tasks.base and tasks.catalogue -> engine.train: no module circle, but
    # the packages engine and tasks need each other.
    graph = {
        "rnn_sandbox.engine.data": {"rnn_sandbox.tasks.base"},
        "rnn_sandbox.engine.train": set(),
        "rnn_sandbox.tasks.base": set(),
        "rnn_sandbox.tasks.catalogue": {"rnn_sandbox.engine.train", "rnn_sandbox.config"},
        "rnn_sandbox.config": set(),
        "rnn_sandbox.ui.views": {"rnn_sandbox.ui.plots.loss"},
        "rnn_sandbox.ui.plots.loss": {"rnn_sandbox.ui.plots.base"},
        "rnn_sandbox.ui.plots.base": {"rnn_sandbox.ui.views"},
    }
    assert _cycles(graph) == [
        ["rnn_sandbox.ui.plots.base", "rnn_sandbox.ui.plots.loss", "rnn_sandbox.ui.views"]
    ]
    del graph["rnn_sandbox.ui.plots.base"]
    assert _cycles(graph) == []
    assert _cycles(_units(graph, "rnn_sandbox")) == [["rnn_sandbox.engine", "rnn_sandbox.tasks"]]
    graph["rnn_sandbox.ui.plots.base"] = {"rnn_sandbox.ui.views"}
    assert _cycles(_units(graph, "rnn_sandbox.ui")) == [
        ["rnn_sandbox.ui.plots", "rnn_sandbox.ui.views"]
    ]


def test_a_package_imported_on_the_way_to_its_module_makes_no_circle():
    graph = {"rnn_sandbox.ui": {"rnn_sandbox.ui.views"}, "rnn_sandbox.ui.views": {"rnn_sandbox.ui"}}
    assert _cycles(_without_packages(graph)) == []


# -- Qt ---------------------------------------------------------------------------------------
def test_models_that_promise_no_qt_import_none():
    for path in [ROOT / "ui" / "diagram" / "model.py", ROOT / "ui" / "diagram" / "formula.py"]:
        qt = {m for m in _imports(path) if m.split(".")[0] in QT}
        assert not qt, f"{path.name} imports {qt}"


# -- size -------------------------------------------------------------------------------------
def test_no_module_is_longer_than_it_can_be_read():
    long = {
        name: n
        for name, path in _sources().items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}, f"modules over {MAX_LINES} lines: {long}"
