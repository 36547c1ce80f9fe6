"""Refusals carry a message id and their values: English as before for `str(error)`, the
reader's language through `error.translated(tr)`; no rule in planner/ is built in a way the
catalogue cannot extract (web/'s own refusals are translated where they are raised)."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import planner
from planner.domain import values as v
from planner.domain.errors import DomainError, NotFoundError, ValidationError
from planner.domain.window import check_status_change
from planner.i18n import translator
from tests.itinerary.test_planner_catalogue import extracted

PLANNER = Path(planner.__file__).resolve().parent


def test_the_english_text_is_the_template_with_its_values() -> None:
    with pytest.raises(ValidationError) as caught:
        v.text("title", "x" * 201)
    error = caught.value
    assert str(error) == "title: must be at most 200 characters (got 201)"
    assert error.rule == "must be at most 200 characters (got 201)"
    assert error.message_id == "must be at most %(max_len)s characters (got %(count)s)"
    assert error.params == {"max_len": 200, "count": 201}


def test_a_rule_without_values_is_its_own_message_id() -> None:
    error = ValidationError("share", "100% of the budget is spent")
    assert error.rule == error.message_id == "100% of the budget is spent"
    assert error.translated(translator("de")) == "100% of the budget is spent"


def test_the_reader_reads_the_rule_and_the_words_of_the_domain_in_their_language() -> None:
    with pytest.raises(DomainError) as caught:
        check_status_change("planned", "planned", "", has_legs=True)
    assert str(caught.value) == "status: the trip is already planned"
    assert caught.value.translated(translator("de")) == "die Reise ist bereits geplant"
    assert caught.value.translated(translator("zh")) == "该访问已是“已计划”状态"
    assert caught.value.translated(translator("en")) == "the trip is already planned"


def test_allowed_values_are_listed_in_the_readers_words() -> None:
    with pytest.raises(ValidationError) as caught:
        v.choice("status", "postponed", v.MeetingStatus)
    assert caught.value.rule == ("must be one of 'proposed', 'confirmed', 'held', 'cancelled'; "
                                 "got 'postponed'")
    assert caught.value.translated(translator("de")) == (
        "muss einer der folgenden Werte sein: 'vorgeschlagen', 'bestätigt', 'stattgefunden', "
        "'abgesagt'; angegeben: 'postponed'")


def test_a_missing_record_is_named_by_its_kind_in_the_readers_language() -> None:
    error = NotFoundError("meeting", "0b0e")
    assert str(error) == "meeting: no meeting with id 0b0e"
    assert error.translated(translator("zh")) == "不存在 ID 为 0b0e 的会议"


def _refusal_classes() -> dict[str, int]:
    """Every DomainError class in planner/ -> the position of its `rule` argument."""
    for module in pkgutil.walk_packages([str(PLANNER)], "planner."):
        importlib.import_module(module.name)
    found: dict[str, int] = {}
    pending = [DomainError]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        names = list(inspect.signature(cls.__init__).parameters)[1:]
        if "rule" in names:
            found[cls.__name__] = names.index("rule")
    return found


def _raised_rules() -> list[tuple[str, ast.expr]]:
    classes = _refusal_classes()
    rules = []
    for path in sorted(PLANNER.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            position = classes.get(name)
            if position is not None and len(node.args) > position:
                where = f"{path.relative_to(PLANNER.parent)}:{node.lineno}"
                rules.append((where, node.args[position]))
    return rules


def test_no_rule_is_built_with_an_fstring_percent_or_format() -> None:
    rules = _raised_rules()
    assert len(rules) > 150
    built = [where for where, rule in rules
             if isinstance(rule, ast.JoinedStr | ast.BinOp)
             or (isinstance(rule, ast.Call) and getattr(rule.func, "id", "") != "N_")]
    assert not built, "rules must be literal templates with params:\n" + "\n".join(built)


def test_every_literal_rule_is_in_the_catalogue() -> None:
    messages = extracted()
    missing = [f"{where}: {rule.value!r}" for where, rule in _raised_rules()
               if isinstance(rule, ast.Constant) and rule.value not in messages]
    assert not missing, "\n".join(missing)
