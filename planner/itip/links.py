"""Signed answer links: a participant accepts or declines a meeting from a mail, no sign-in.

A link names one meeting and one person and is signed with a key from the instance folder
(itsdangerous, the same mechanism as planner.invitations.links, with a key and salt of its
own so that neither kind of link can pass for the other): a tampered link, or one made for
another person or meeting, does not verify. Following a link only shows the meeting and two
buttons; the answer is recorded when the person presses one (mail scanners that open every
link record nothing). Answering again is allowed (the latest answer stands), so a link needs
neither expiry nor single use; it stops working when the person no longer attends or the
meeting is cancelled, which the domain refuses.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import NamedTuple
from uuid import UUID

from itsdangerous import BadSignature, URLSafeSerializer

from planner.instance import instance_secret

KEY_FILE = "answer-links.key"
SALT = "delegation-planner:meeting-answer"


class AnswerLink(NamedTuple):
    meeting_id: UUID
    person_id: UUID


class BadAnswerLink(ValueError):
    """The link was changed, or was not made by this instance."""


@cache
def _signer(instance: str) -> URLSafeSerializer:
    return URLSafeSerializer(instance_secret(instance, KEY_FILE).decode("ascii"), salt=SALT)


def _serializer(instance: Path | str) -> URLSafeSerializer:
    return _signer(str(instance))


def answer_token(instance: Path | str, meeting_id: UUID | str, person_id: UUID | str) -> str:
    """The token of the link that lets `person_id` answer `meeting_id`."""
    return _serializer(instance).dumps([str(meeting_id), str(person_id)])


def read_answer_token(instance: Path | str, token: str) -> AnswerLink:
    """The meeting and person a token was made for; BadAnswerLink if it does not verify."""
    try:
        meeting_id, person_id = _serializer(instance).loads(token)
        return AnswerLink(UUID(meeting_id), UUID(person_id))
    except (BadSignature, ValueError, TypeError) as error:
        raise BadAnswerLink("the link is not one this planner sent, or it was changed") \
            from error
