"""A trip's own travel times in its history: each change reads as a sentence, with its actor
and reason, and shows the value before and after."""

from __future__ import annotations

from planner.audit.history import format_history, record_history
from tests.audit.scenario import COLLEAGUE, ORGANISER


def test_setting_and_clearing_a_travel_time_read_as_sentences(jining_memory):
    planner, s = jining_memory
    planner.app.set_travel_time(s.trip, actor=COLLEAGUE, city_a="Nanjing", city_b="Jining",
                                minutes=240, reason="the high-speed train, door to door")
    planner.app.clear_travel_time(s.trip, actor=ORGANISER, city_a="Jining", city_b="Nanjing",
                                  reason="config.toml's 300 minutes are safer")
    history = record_history(planner, s.trip)
    set_, cleared = history.entries[-2:]
    assert set_.what == ("set the travel time between Jining and Nanjing to 240 minutes "
                         "for this trip")
    assert (set_.actor, set_.reason) == (COLLEAGUE, "the high-speed train, door to door")
    assert cleared.what == ("removed this trip's travel time between Jining and Nanjing: the "
                            "configured default applies again")
    assert cleared.actor == ORGANISER
    (change,) = set_.changes
    assert change.field == "travel times"
    text = "\n".join(format_history(history))
    assert "set the travel time between Jining and Nanjing to 240 minutes" in text
    assert "reason: config.toml's 300 minutes are safer" in text
