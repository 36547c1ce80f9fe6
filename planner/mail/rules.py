"""Mail rules: functions (event, context) -> the mails that event causes.

A rule is registered for one or more event classes with `@mail_rule(SomeAggregate.Event)`;
the outbox calls every rule registered for an event's class (and its base classes) once, in
the transaction that stores the event. A rule reads what it needs through `context.conn`
(the read models are already current with the save's events there) and returns plain
`OutgoingMail` values; it never sends anything itself.

Rules must be imported before the first save for them to run: modules listed in
`RULE_MODULES` are imported by the outbox when it is attached.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from eventsourcing.utils import resolve_topic
from sqlalchemy.engine import Connection

from planner.settings import Settings

RULE_MODULES: list[str] = ["planner.mail.invitation_mail", "planner.itip.rules"]
"""Modules whose import registers rules (add yours here)."""


@dataclass(frozen=True)
class OutgoingMail:
    """One message to one recipient. `key` tells apart several mails one rule makes for the
    same event and recipient (one per meeting, say): it goes into the Message-ID."""

    recipient: str
    subject: str
    text: str
    recipient_name: str = ""
    html: str = ""
    calendar: str = ""
    """A text/calendar body (iTIP); its METHOD goes into `calendar_method`."""
    calendar_method: str = ""
    person_id: str = ""
    meeting_id: str = ""
    trip_id: str = ""
    organisation_id: str = ""
    """Whose organisers see the mail; when empty, the trip's or else the person's owner."""
    key: str = ""


@dataclass(frozen=True)
class MailContext:
    """What a rule may use: the command's transaction, the settings, the event's position."""

    conn: Connection
    settings: Settings
    position: int


Rule = Callable[[Any, MailContext], list[OutgoingMail]]
_RULES: dict[type, list[Rule]] = {}
_BY_TOPIC: dict[str, bool] = {}


def mail_rule(*event_classes: type) -> Callable[[Rule], Rule]:
    """Register a function as the rule for these event classes."""
    def register(rule: Rule) -> Rule:
        for cls in event_classes:
            rules = _RULES.setdefault(cls, [])
            if rule not in rules:
                rules.append(rule)
        _BY_TOPIC.clear()
        return rule
    return register


def rules_for(event: Any) -> list[Rule]:
    """The rules of an event's class and of the classes it derives from, each once."""
    found: list[Rule] = []
    for cls in type(event).__mro__:
        for rule in _RULES.get(cls, []):
            if rule not in found:
                found.append(rule)
    return found


def has_rules(topic: str) -> bool:
    """Whether events of this stored topic have any rule: the others are not even decoded."""
    if topic not in _BY_TOPIC:
        try:
            cls = resolve_topic(topic)
        except Exception:  # noqa: BLE001 - a topic this release does not know has no rules
            _BY_TOPIC[topic] = False
        else:
            _BY_TOPIC[topic] = any(c in _RULES for c in getattr(cls, "__mro__", ()))
    return _BY_TOPIC[topic]


def load_rules() -> None:
    for module in RULE_MODULES:
        importlib.import_module(module)


def rule_name(rule: Rule) -> str:
    return f"{rule.__module__}.{rule.__qualname__}"


def event_id(event: Any) -> str:
    return f"{event.originator_id}:{event.originator_version}"


def message_id(event: Any, rule: Rule, mail: OutgoingMail, domain: str) -> str:
    """The same event, rule, recipient and key always give the same Message-ID: the sender
    and the receiving side can both recognise a message they have seen."""
    name = f"{event_id(event)}|{rule_name(rule)}|{mail.recipient.strip().lower()}|{mail.key}"
    return f"<{uuid5(NAMESPACE_URL, 'delegation-planner:mail:' + name).hex}@{domain}>"


def remove_rule(rule: Rule) -> None:
    """Forget a rule (tests register their own for a while)."""
    for rules in _RULES.values():
        if rule in rules:
            rules.remove(rule)
    _BY_TOPIC.clear()
