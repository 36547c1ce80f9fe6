"""Which warnings a save made new or worse."""

from __future__ import annotations

from uuid import uuid4

from planner.readmodel.rows import Warning
from planner.readmodel.warning_changes import new_or_worse

A, B, C = uuid4(), uuid4(), uuid4()
WANG, ZHAO = uuid4(), uuid4()


def clash(*people: object, meetings: tuple = (A, B), params: str = '{"minutes": 0}') -> Warning:
    return Warning("double-booked", params, meetings, tuple(people))


def test_a_new_clash_and_a_clash_with_one_more_person_are_reported() -> None:
    assert new_or_worse([], [clash(WANG)]) == [clash(WANG)]
    assert new_or_worse([clash(WANG)], [clash(WANG, ZHAO)]) == [clash(WANG, ZHAO)]
    other = clash(WANG, meetings=(A, C))
    assert new_or_worse([clash(WANG)], [clash(WANG), other]) == [other]


def test_the_same_clash_at_another_time_or_with_fewer_people_is_not() -> None:
    assert new_or_worse([clash(WANG)], [clash(WANG, params='{"minutes": 15}')]) == []
    assert new_or_worse([clash(WANG, ZHAO)], [clash(ZHAO)]) == []
    assert new_or_worse([clash(WANG)], []) == []
