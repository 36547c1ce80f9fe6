"""The house rules on imports, read from the source with ast (nothing is imported):

* no import cycle among the modules of planner/ and web/, counting every import: at module
  level, inside functions (a cycle "at run time" is still a cycle) and under TYPE_CHECKING
  (a cycle of types is one of content, too);
* nothing in planner/ imports web or flask: planner is the domain and the application, web is
  one adapter of it.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("planner", "web")

# Known cycles that another branch removes. The integrator deletes an entry once that branch is
# merged; the test then guards against its return.
KNOWN_CYCLES: set[frozenset[str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}


def _statements(path: Path, me: str) -> list[tuple[str, list[str]]]:
    """Per import statement: the module it imports from (absolute) and the names it imports
    (``import a.b`` gives ("a.b", []), ``from a import b`` gives ("a", ["a.b"]))."""
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    found: list[tuple[str, list[str]]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.append((base, [f"{base}.{alias.name}" for alias in node.names]))
    return found


def _imported_modules(path: Path, me: str, known: set[str]) -> set[str]:
    """The modules of ``known`` the file imports. ``from pkg import sub`` is an import of the
    submodule, not of the package's __init__ (as in the house's cycles tool)."""
    found = set()
    for base, names in _statements(path, me):
        submodules = [name for name in names if name in known]
        for name in submodules if len(submodules) == len(names) and names else [base, *submodules]:
            while name and name not in known:
                name = name.rpartition(".")[0]
            if name and name != me:
                found.add(name)
    return found


def _graph() -> dict[str, set[str]]:
    """module -> the modules of planner/ and web/ it imports."""
    sources = _sources()
    return {me: _imported_modules(path, me, set(sources)) for me, path in sources.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_the_modules_of_planner_and_web_import_each_other_without_cycles() -> None:
    cycles = [c for c in _cycles(_graph()) if frozenset(c) not in KNOWN_CYCLES]
    assert cycles == [], "import cycles (each line: modules that import each other):\n" + "\n".join(
        " <-> ".join(c) for c in cycles)


def test_nothing_in_planner_imports_web_or_flask() -> None:
    offenders = []
    for me, path in sorted(_sources().items()):
        if me.split(".")[0] != "planner":
            continue
        for base, _ in _statements(path, me):
            if base == "werkzeug.security":  # a password-hashing library, no web in it
                continue
            if base.split(".")[0] in ("web", "flask", "werkzeug", "jinja2", "flask_wtf"):
                offenders.append(f"{path.relative_to(ROOT)} imports {base}")
    assert offenders == []


def test_the_checks_see_a_cycle_hidden_in_a_function(tmp_path: Path) -> None:
    """The checker itself: a cycle closed only by an import inside a function is found."""
    (tmp_path / "a.py").write_text("import b\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from a import x\n", encoding="utf-8")
    graph = {name: _imported_modules(tmp_path / f"{name}.py", name, {"a", "b"})
             for name in ("a", "b")}
    assert _cycles(graph) == [["a", "b"]]
