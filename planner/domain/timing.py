"""When an action becomes possible: the time rules that meetings and agreements share.

The aggregates enforce them, and the pages ask the same functions before they offer an
action, so that a page never offers a form whose command would refuse it (a refusal must
never come after the user has typed a long text). `now` is the application's clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from planner.domain import values as v
from planner.domain.errors import InvariantError, ValidationError, Word
from planner.i18n.words import N_

LATEST_OFFSET = timedelta(hours=14)
"""UTC+14 (Kiribati) is the first zone to reach a date: until a date has begun somewhere,
it is in the future everywhere."""


def has_started(starts_at: datetime, now: datetime) -> bool:
    """Whether a meeting starting at `starts_at` has started: outcomes and follow-ups can be
    recorded from its start (a meeting may end early or be reported during a break)."""
    return now >= starts_at


def local_start(starts_at: datetime, timezone: str) -> str:
    """The start as the venue's wall-clock time, e.g. '2019-06-26 10:00 Asia/Shanghai'."""
    return f"{starts_at.astimezone(ZoneInfo(timezone)):%Y-%m-%d %H:%M} {timezone}"


def check_recordable(field: str, what: str, *, status: str, starts_at: datetime,
                     timezone: str, now: datetime) -> None:
    """Refuse recording `what` (an outcome, follow-ups) for a cancelled meeting or before
    the meeting has started."""
    if status == v.MeetingStatus.CANCELLED:
        raise InvariantError("status", "a cancelled meeting has no %(what)s", what=Word(what))
    if not has_started(starts_at, now):
        raise InvariantError(field, "can be recorded from the meeting's start "
                                    "(%(start)s); it has not "
                                    "started yet", start=local_start(starts_at, timezone))


def latest_date(now: datetime) -> date:
    """The latest calendar date anywhere on Earth at `now`."""
    return (now.astimezone(UTC) + LATEST_OFFSET).date()


def check_signing_date(signed_on: date, now: datetime) -> None:
    """A signing date may not be in the future (anywhere: signing in Nanjing at 07:00 is
    still the day before in UTC)."""
    if signed_on > latest_date(now):
        raise ValidationError("signed_on", "may not be in the future; it is "
                                           "%(latest)s at the latest "
                                           "anywhere now", latest=latest_date(now).isoformat())


SIGNING_BLOCKER = N_("the meeting it is linked to is %(status)s, not held; an agreement is "
                     "signed at a meeting that has been held (record the meeting's outcome "
                     "first) or linked to no meeting")


def signing_blocker(meeting_status: str | None) -> str | None:
    """Why an agreement linked to a meeting in `meeting_status` cannot be signed (None: it
    can). An agreement is signed at a meeting that has been held, or at none (None)."""
    if meeting_status is None or meeting_status == v.MeetingStatus.HELD:
        return None
    return SIGNING_BLOCKER % {"status": meeting_status}


def check_signing_meeting(meeting_status: str | None) -> None:
    if signing_blocker(meeting_status):
        raise InvariantError("meeting_id", SIGNING_BLOCKER, status=Word(meeting_status))
