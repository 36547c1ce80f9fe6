"""Declaring an operation: its input and output models, parsed input, replies with ETags.

`operation(...)` puts the view into the OpenAPI document (through SpecTree, from the pydantic
models) and parses its input itself: the JSON body and the query string go through the same
models with unknown fields refused, and every refusal becomes a problem document naming the
field and the rule (web.api.problems). SpecTree's own request validation is switched off
because it reads a malformed body as `{}` and answers in its own error format.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import wraps
from typing import Any, TypeVar, get_origin

from flask import Response, current_app, request
from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as ModelError
from spectree import Response as Responses
from spectree import SpecTree

from web.api.problems import Problem, ProblemDoc

F = TypeVar("F", bound=Callable[..., Any])
M = TypeVar("M", bound=BaseModel)
JSON = "application/json"


def _component_name(model: Any) -> str:
    """OpenAPI component names allow letters, digits, '.', '-' and '_' only."""
    return re.sub(r"[^A-Za-z0-9._-]", "_", getattr(model, "__name__", str(model))).strip("_")


spec = SpecTree("flask", title="Delegation Planner API", version="1",
                path="api/v1/_spectree", mode="strict", annotations=False,
                validation_error_status=422, validation_error_model=ProblemDoc,
                naming_strategy=_component_name,
                nested_naming_strategy=lambda _parent, child: _component_name(child))
"""The one SpecTree instance: web.api.docs serves its document."""

OPERATIONS: dict[str, dict[str, Any]] = {}
"""operationId -> what the document adds that SpecTree does not say (If-Match, ETag, Location)."""

_ALWAYS = (401, 404, 413, 422, 429)
_WRITES = (403, 409, 412, 415)


class Input(BaseModel):
    """Base of every request body and query model: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


def operation(*, reply: Any = None, body: type[BaseModel] | None = None,
              query: type[BaseModel] | None = None, status: int = 200,
              tags: Sequence[str] = (), conditional: bool = False,
              refusals: Sequence[int] = ()) -> Callable[[F], F]:
    """Document and parse one operation. The view gets `body=` and/or `query=` (model
    instances) besides its path arguments and returns a flask Response (see `reply`).

    `conditional`: the operation honours If-Match (412 with the current representation,
    409 on a concurrent change). `refusals`: further statuses it can answer with a problem.
    """
    codes = {*_ALWAYS, *refusals, *(_WRITES if body or conditional else ())}
    responses: dict[str, Any] = {f"HTTP_{c}": ProblemDoc for c in sorted(codes)}
    responses[f"HTTP_{status}"] = reply

    def decorate(view: F) -> F:
        op_id = f"{view.__module__.rsplit('.', 1)[-1]}_{view.__name__}"
        OPERATIONS[op_id] = {"conditional": conditional, "status": status}

        @wraps(view)
        def run(*args: Any, **kwargs: Any) -> Any:
            if query is not None:
                kwargs["query"] = parse_query(query)
            elif request.args:
                raise _invalid([(name, "unknown query parameter: not accepted")
                                for name in request.args])
            if body is not None:
                kwargs["body"] = parse_body(body)
            elif request.content_length or request.get_data(cache=True):
                raise _invalid([("body", "this operation takes no body")])
            return view(*args, **kwargs)

        documented = spec.validate(json=body, query=query, resp=Responses(**responses),
                                   tags=list(tags), skip_validation=True, operation_id=op_id)
        return documented(run)  # type: ignore[no-any-return]
    return decorate


def _invalid(found: list[tuple[str, str]]) -> Problem:
    return Problem(422, "; ".join(f"{f}: {r}" for f, r in found), slug="invalid-input",
                   errors=found)


def _problems(error: ModelError, where: str = "") -> Problem:
    found = []
    for item in error.errors(include_url=False):
        path = where + "".join(f"[{p}]" if isinstance(p, int) else f".{p}"
                               for p in item["loc"]).lstrip(".")
        rule = "unknown field: not accepted" if item["type"] == "extra_forbidden" else (
            "is required" if item["type"] == "missing" else item["msg"])
        found.append((path or "body", rule))
    return _invalid(found)


def parse_body(model: type[M]) -> M:
    if request.mimetype != JSON:
        raise Problem(415, "Send the body as application/json.", slug="media-type",
                      errors=[("Content-Type", "must be application/json")])
    try:
        return model.model_validate_json(request.get_data(cache=True) or b"")
    except ModelError as error:
        raise _problems(error) from None


def parse_query(model: type[M]) -> M:
    values: dict[str, Any] = {}
    for name, items in request.args.lists():
        field = model.model_fields.get(name)
        many = field is not None and get_origin(field.annotation) in (list, tuple)
        values[name] = items if many or len(items) > 1 else items[0]
    try:
        return model.model_validate(values)
    except ModelError as error:
        raise _problems(error) from None


def reply(model: BaseModel, status: int = 200, *, location: str = "") -> Response:
    """The model as JSON; a model with a `version` gets it as its ETag."""
    response = current_app.response_class(model.model_dump_json(), status=status,
                                          mimetype=JSON)
    version = getattr(model, "version", None)
    if isinstance(version, int):
        response.headers["ETag"] = f'"{version}"'
    if location:
        response.headers["Location"] = location
    return response


def no_content() -> Response:
    return current_app.response_class(status=204)


def expected_version(current: Callable[[], BaseModel]) -> int | None:
    """The version an If-Match names (None without one): the caller passes it to the
    command, so a change between this check and the save is a 409. A tag that is not the
    current version is answered 412 with the current representation and its ETag."""
    if not request.headers.get("If-Match"):
        return None
    now = current()
    version = int(getattr(now, "version"))  # noqa: B009 - every conditional model has one
    if request.if_match.star_tag or request.if_match.contains(str(version)):
        return version
    raise Problem(412, f"If-Match: the record is now at version {version} (ETag "
                       f'"{version}"); it changed since you read it.', slug="precondition",
                  errors=[("If-Match", f'does not match the current ETag "{version}"')],
                  headers={"ETag": f'"{version}"'}, current=now.model_dump(mode="json"))


def checked_version(current: Callable[[], BaseModel]) -> int:
    """The If-Match version, or the version read now: a change made meanwhile is a 409."""
    expected = expected_version(current)
    return expected if expected is not None else int(getattr(current(), "version"))  # noqa: B009
