"""The one place where the API's refusals and failures become RFC 9457 problem documents.

Every error of a request under /api/ comes here (web.errors routes it): domain errors name
their field and rule (422), a version conflict is 409 with the current version, a missing
record 404, a refusal 403, HTTP errors keep their status, anything else is 500 with a request
id (logged, never a stack trace). Views raise `Problem` for the API's own refusals (412 with
the current representation, 401, 415, 429).
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g, json, request
from pydantic import BaseModel, ConfigDict, Field
from werkzeug.exceptions import HTTPException

from planner.domain.errors import ConflictError, DomainError, NotFoundError

MEDIA_TYPE = "application/problem+json"
_TITLES = {400: "Bad request", 401: "Not signed in", 403: "Not allowed", 404: "Not found",
           405: "Method not allowed", 409: "Changed by someone else",
           412: "Precondition failed", 413: "Too large", 415: "Unsupported media type",
           422: "Invalid input", 428: "Precondition required", 429: "Too many requests",
           500: "Server error"}


class FieldProblem(BaseModel):
    field: str = Field(description="The input field (dotted path into the body, or the "
                                   "query parameter or header name).")
    rule: str = Field(description="The rule it breaks, for a person to read.")


class ProblemDoc(BaseModel):
    """An RFC 9457 problem document."""

    model_config = ConfigDict(extra="allow", title="Problem")
    type: str = Field(description="A URI naming the kind of problem.")
    title: str
    status: int
    detail: str
    instance: str = Field(description="The request path.")
    request_id: str = Field(description="Give this to the administrator if a 500 repeats.")
    errors: list[FieldProblem] = Field(default_factory=list,
                                       description="The invalid fields and their rules.")
    current_version: int | None = Field(default=None, description="409: the record's version "
                                        "now; read it again and retry with that If-Match.")
    current: dict[str, Any] | None = Field(default=None, description="412: the record as it "
                                           "is now (its ETag is in the response header).")


class Problem(Exception):
    """A refusal the API answers as a problem document (raised by views and hooks)."""

    def __init__(self, status: int, detail: str, *, slug: str = "",
                 errors: list[tuple[str, str]] | None = None,
                 headers: dict[str, str] | None = None, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.detail, self.slug = status, detail, slug
        self.errors = errors or []
        self.headers = headers or {}
        self.extra = extra


def invalid(field: str, rule: str, status: int = 422) -> Problem:
    return Problem(status, f"{field}: {rule}", slug="invalid-input", errors=[(field, rule)])


def problem_response(problem: Problem) -> Response:
    body: dict[str, Any] = {
        "type": f"urn:delegation-planner:problem:{problem.slug or problem.status}",
        "title": _TITLES.get(problem.status, "Error"), "status": problem.status,
        "detail": problem.detail, "instance": request.path,
        "request_id": g.get("request_id", ""),
        "errors": [{"field": f, "rule": r} for f, r in problem.errors], **problem.extra}
    response = current_app.response_class(json.dumps(body), status=problem.status,
                                          mimetype=MEDIA_TYPE)
    response.headers.update(problem.headers)
    return response


def render(error: Exception) -> Response:
    """Any exception of an API request as its problem document."""
    return problem_response(as_problem(error))


def as_problem(error: Exception) -> Problem:
    if isinstance(error, Problem):
        return error
    if isinstance(error, ConflictError):
        return Problem(409, f"The {error.kind} was changed by someone else (now version "
                            f"{error.current_version}); read it again and retry.",
                       slug="conflict", current_version=error.current_version)
    if isinstance(error, NotFoundError):
        return Problem(404, f"There is no {error.kind} with id {error.record_id}.",
                       slug="not-found")
    if isinstance(error, DomainError):
        return invalid(error.field, error.rule)
    if isinstance(error, PermissionError):
        return Problem(403, str(error) or "You are not allowed to do that.", slug="forbidden")
    if isinstance(error, HTTPException) and error.code and error.code >= 400:
        headers = {k: v for k, v in error.get_headers() if k.lower() in ("allow",
                                                                        "retry-after")}
        return Problem(error.code, error.description or "", headers=headers)
    current_app.logger.error("request %s failed: %s %s", g.get("request_id", "-"),
                             request.method, request.path, exc_info=error)
    return Problem(500, "The planner could not finish this request. If it happens again, "
                        "give the administrator the request id.", slug="server-error")
