"""The read side's public face: `Queries`, built on the SQLAlchemy engine, returning plain
frozen dataclasses (planner.readmodel.rows and rows_records). Pages, calendars and reports use
nothing else.

Each feature's queries live in their own module; this class only puts them together.
"""

from __future__ import annotations

from planner.readmodel.queries_calendar import CalendarQueries
from planner.readmodel.queries_imports import ImportQueries
from planner.readmodel.queries_invitations import InvitationQueries
from planner.readmodel.queries_itinerary import ItineraryQueries
from planner.readmodel.queries_matchmaking_schedule import MatchmakingScheduleQueries
from planner.readmodel.queries_organisations import OrganisationQueries
from planner.readmodel.queries_pages import PageQueries
from planner.readmodel.queries_records import RecordQueries
from planner.readmodel.queries_reports import ReportQueries
from planner.readmodel.queries_search import SearchHit, SearchQueries
from planner.readmodel.queries_tokens import TokenQueries
from planner.readmodel.queries_trips import TripQueries
from planner.readmodel.queries_warnings import DefaultRules, WarningQueries
from planner.readmodel.rows import *  # noqa: F403 - the row types belong to this API
from planner.readmodel.rows_matchmaking import *  # noqa: F403
from planner.readmodel.rows_records import *  # noqa: F403


class Queries(PageQueries, TripQueries, ItineraryQueries, WarningQueries, RecordQueries,
              ReportQueries, CalendarQueries, OrganisationQueries, SearchQueries,
              ImportQueries, TokenQueries, MatchmakingScheduleQueries,
              InvitationQueries):
    """Every read the screens need. Construct with the engine (and optionally the Settings
    used for warnings when a call gives none): `Queries(engine, settings)`."""


__all__ = ["DefaultRules", "Queries", "SearchHit"]
