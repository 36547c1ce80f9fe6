"""The log browser's query: filters, pages and CSV, and bad input named by field."""

from __future__ import annotations

import csv
import io

import pytest

from planner.audit.logquery import browse, iter_entries, make_filter, write_csv
from planner.domain.errors import InvariantError, ValidationError
from tests.audit.scenario import COLLEAGUE


def test_pages_cover_the_log_once_in_order(pristine_jining):
    planner, _ = pristine_jining
    everything = make_filter()
    pages = [browse(planner.engine, everything, page=n, per_page=4) for n in (1, 2, 3, 4)]
    positions = [e.position for p in pages for e in p.entries]
    assert positions == list(range(1, pages[0].total + 1))
    assert pages[0].pages == -(-pages[0].total // 4)
    newest = browse(planner.engine, everything, per_page=1, newest_first=True)
    assert newest.entries[0].position == pages[0].total


def test_a_trip_as_record_filter_includes_its_meetings(pristine_jining):
    planner, s = pristine_jining
    found = browse(planner.engine, make_filter(record=str(s.trip)), per_page=100)
    kinds = {e.record_kind for e in found.entries}
    assert kinds == {"trip", "meeting"}


def test_a_renamed_record_is_listed_by_its_name_at_each_event(make_planner, sql_database_url):
    """Each save is indexed on its own: the name carries on from the record's last row."""
    planner = make_planner(sql_database_url)
    person = planner.app.register_person(actor=COLLEAGUE, name="Wang Lin",
                                         home_timezone="Europe/Berlin")
    planner.app.reset_feed_token(person, actor=COLLEAGUE)
    planner.app.change_person(person, actor=COLLEAGUE, name="Wang Lin (interpreter)",
                              home_timezone="Europe/Berlin")
    planner.app.reset_feed_token(person, actor=COLLEAGUE)
    found = browse(planner.engine, make_filter(record=str(person)))
    assert [e.record_label for e in found.entries] == [
        "Wang Lin", "Wang Lin", "Wang Lin (interpreter)", "Wang Lin (interpreter)"]


def test_filters_combine(pristine_jining):
    planner, _ = pristine_jining
    flt = make_filter(kind="meeting", actor=COLLEAGUE.upper(), since="2019-06-15",
                      until="2019-06-20T23:00+08:00")
    assert [e.event_type for e in iter_entries(planner.engine, flt)] == ["Meeting.Moved"]


def test_the_csv_has_a_header_and_one_row_per_event(pristine_jining):
    planner, _ = pristine_jining
    out = io.StringIO()
    count = write_csv(iter_entries(planner.engine, make_filter(event_type="cancelled")), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == 1 and rows[0]["event_type"] == "Meeting.Cancelled"
    assert rows[0]["occurred_at_utc"] == "2019-06-22T09:00:00+00:00"


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"record": "trip-1"}, "record"), ({"since": "yesterday"}, "since"),
    ({"since": "2019-06-20", "until": "2019-06-19"}, "until")])
def test_bad_filters_name_the_field(kwargs, field):
    with pytest.raises(ValidationError) as error:
        make_filter(**kwargs)
    assert error.value.field == field


def test_bad_pages_and_memory_storage_are_explained(pristine_jining, jining_memory):
    planner, _ = pristine_jining
    with pytest.raises(ValidationError, match="per_page: must be between 1 and 500"):
        browse(planner.engine, make_filter(), per_page=1000)
    with pytest.raises(InvariantError, match="needs a SQL database"):
        browse(jining_memory[0].engine, make_filter())
