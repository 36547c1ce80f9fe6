"""Shapes every operation shares: pages of a list, instants with their zone."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from flask import request
from pydantic import BaseModel, Field

from web.api.operation import Input

T = TypeVar("T")
MAX_LIMIT = 100


class PageQuery(Input):
    """`page` from 1, `limit` items per page (at most 100)."""

    page: int = Field(1, ge=1, le=1_000_000, description="The page, from 1.")
    limit: int = Field(25, ge=1, le=MAX_LIMIT, description="Items per page (at most 100).")


class Page(BaseModel, Generic[T]):
    items: list[T]
    page: int
    limit: int
    total: int = Field(description="Items on all pages together.")
    next: str | None = Field(description="The next page's address; null on the last page.")


def page_of(query: PageQuery, total: int, items: Iterable[Any],
            build: Callable[[Any], T]) -> Page[T]:
    """A page of built items, with the address of the next page (same query, page + 1)."""
    more = query.page * query.limit < total
    following = None
    if more:
        args = request.args.to_dict(flat=False)
        args["page"] = [str(query.page + 1)]
        following = request.path + "?" + urlencode(args, doseq=True)
    return Page[T](items=[build(i) for i in items], page=query.page, limit=query.limit,
                   total=total, next=following)


class Moment(BaseModel):
    """An instant as the local time at its place (ISO 8601 with offset) and the zone name."""

    at: datetime = Field(description="ISO 8601 with the offset in force then.")
    zone: str = Field(description="IANA time zone name, e.g. Asia/Shanghai.")


def moment(instant: datetime, zone: str) -> Moment:
    """A stored instant (naive UTC or aware) in its zone."""
    aware = instant if instant.tzinfo else instant.replace(tzinfo=UTC)
    return Moment(at=aware.astimezone(ZoneInfo(zone)), zone=zone)
