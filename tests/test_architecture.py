"""The shape of the code: imports run one way (no circles between modules, nor between
packages), the parts that promise to know nothing of Qt import none of it, no module grows
past a size one can read, and only the window itself knows the main window."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "rnn_sandbox"
QT = ("PySide6", "shiboken6", "pyqtgraph")
MAX_LINES = 700
# The parts of rnn_sandbox, lowest first: each imports only from its own line and those
# before it (docs/architecture.md draws the same order).
LAYERS = [
    {"files", "wording", "language", "translation"},
    {"fields", "config"},
    {"engine"},
    {"tasks"},
    {"session"},
    {"io"},
    {"training"},
    {"runs"},
    {"lessons", "setup_line", "lesson_pack"},
    {"ui"},
    {"cli"},  # animate and compare draw with the window's parts, imported when they run
    {"__main__"},
]
WINDOW = "rnn_sandbox.ui.main_window"
# The start-up code that creates the main window (the command line reaches it through here).
WINDOW_MAKERS = {"rnn_sandbox.ui.app"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports_in(source: str, here: str, is_package: bool) -> set[str]:
    """Every module the source of module ``here`` imports: at the top, inside a function (a
    lazy import that closes a circle is still a circle) or only for type checkers (an
    annotation that names a module's class ties the two together as much)."""
    package = here if is_package else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return found


def _imports(path: Path) -> set[str]:
    return _imports_in(
        path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py"
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
def _shown(cycles: list[list[str]]) -> str:
    return "import circles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_the_import_graph_has_no_circles():
    cycles = _cycles(_without_packages(_graph()))
    assert cycles == [], _shown(cycles)


def test_the_packages_import_each_other_in_one_direction():
    cycles = _cycles(_units(_graph(), "rnn_sandbox"))
    assert cycles == [], _shown(cycles)


def _upward(units: dict[str, set[str]]) -> list[str]:
    """Imports of a part from a later line of LAYERS (parts not in LAYERS are left out)."""
    level = {f"rnn_sandbox.{name}": i for i, layer in enumerate(LAYERS) for name in layer}
    return sorted(
        f"{v} -> {w}"
        for v, ws in units.items()
        for w in ws
        if v in level and w in level and level[w] > level[v]
    )


def test_the_parts_of_the_window_import_each_other_in_one_direction():
    cycles = _cycles(_units(_graph(), "rnn_sandbox.ui"))
    assert cycles == [], _shown(cycles)


def test_the_packages_import_only_those_below_them():
    assert _upward(_units(_graph(), "rnn_sandbox")) == []


def test_an_import_from_a_higher_package_is_found():
    graph = {
        "rnn_sandbox.engine.train": {"rnn_sandbox.config", "rnn_sandbox.session"},
        "rnn_sandbox.session": {"rnn_sandbox.engine.train"},
        "rnn_sandbox.newcomer": {"rnn_sandbox.ui.views"},
    }
    assert _upward(_units(graph, "rnn_sandbox")) == ["rnn_sandbox.engine -> rnn_sandbox.session"]


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


def test_imports_only_for_type_checkers_count():
    source = (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from rnn_sandbox.ui.main_window import MainWindow\n"
        "def f():\n"
        "    from . import layout\n"
    )
    found = _imports_in(source, "rnn_sandbox.ui.menus", is_package=False)
    assert {"rnn_sandbox.ui.main_window", "rnn_sandbox.ui.layout"} <= found


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


# -- the main window ---------------------------------------------------------------------------
def _window_parameters(source: str) -> list[str]:
    """Functions with a parameter annotated with the main window's class."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            a = node.args
            for arg in [*a.posonlyargs, *a.args, *a.kwonlyargs, a.vararg, a.kwarg]:
                if arg is not None and arg.annotation is not None and re.search(
                    r"\bMainWindow\b", ast.unparse(arg.annotation)
                ):
                    found.append(f"{getattr(node, 'name', 'lambda')}({arg.arg})")
    return found


def test_only_the_window_and_its_start_up_know_the_main_window():
    importers = sorted(
        name
        for name, path in _sources().items()
        if name != WINDOW and name not in WINDOW_MAKERS and WINDOW in _imports(path)
    )
    assert importers == [], f"these modules import {WINDOW}: {importers}"


def test_no_function_outside_the_window_takes_the_main_window():
    takers = {
        name: found
        for name, path in _sources().items()
        if name != WINDOW and (found := _window_parameters(path.read_text(encoding="utf-8")))
    }
    assert takers == {}, f"functions that take the main window: {takers}"


def test_a_function_taking_the_main_window_is_found():
    source = (
        "def build_menus(w: MainWindow) -> None: ...\n"
        "def other(x: int, *, window: 'Optional[MainWindow]' = None) -> None: ...\n"
        "def fine(w: MainWindowLike) -> None: ...\n"
    )
    assert _window_parameters(source) == ["build_menus(w)", "other(window)"]
