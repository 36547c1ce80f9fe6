"""web/ is given commands and query objects only (web.wiring), never the engine, the stored
events or the wired Planner that holds them. Read from the source with ast."""

from __future__ import annotations

import ast
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"

#: Attributes that reach past commands and queries into storage.
STORAGE = {"engine", "recorder", "events", "projector", "repository", "datastore", "factory"}


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in STORAGE:
            found.append(f"{path.name}:{node.lineno} uses .{node.attr}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id == "planner":
            found.append(f"{path.name}:{node.lineno} takes the whole planner()")
        elif isinstance(node, ast.Subscript) and "extensions" in ast.unparse(node.value):
            found.append(f"{path.name}:{node.lineno} reads app.extensions")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
                ("sqlalchemy", "eventsourcing", "planner.readmodel.tables")):
            found.append(f"{path.name}:{node.lineno} imports {node.module}")
    return found


def test_views_use_only_the_commands_and_query_objects_the_wiring_gives_them() -> None:
    offences = []
    for path in sorted(WEB.rglob("*.py")):
        if path.name in {"wiring.py", "__init__.py", "cli.py"}:
            continue
        offences.extend(_offences(path))
    assert offences == []


def test_the_check_sees_an_engine_reached_through_the_planner(tmp_path: Path) -> None:
    view = tmp_path / "view.py"
    view.write_text("def page():\n    return browse(planner().engine)\n", encoding="utf-8")
    assert _offences(view) == ["view.py:2 uses .engine", "view.py:2 takes the whole planner()"]
