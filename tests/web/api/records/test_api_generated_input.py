"""Generated bad input at every operation of the whole API (issue 12): never a 500, every
answer documented, and nothing written by a refused request.

Why Schemathesis, run in-process against the Flask app (not hand-written Hypothesis
strategies): it reads the API's own generated OpenAPI document, so every operation - api-core's
trips, meetings and schedules, these records, and any added later - is covered without a list
to keep up to date, and its negative mode derives from each operation's schema exactly the
inputs that break it (wrong types, missing and unknown fields, values out of range, malformed
ids and dates). Calls go through the WSGI app directly, without a server.

Bounded: a few examples per operation, no shrinking, and a fixed seed (derandomize) so a
failure repeats; the operations are dealt into SHARDS tests, so that `-n 2` runs them on
both cores (generating negative input is most of the time). Path ids are drawn three times
in four from real records (a set of its own, records_kit's: valid input may change them), so
bad bodies reach the operations' own validation instead of stopping at "no such record".
The accounts vary: mostly the owner's organiser (allowed to write almost everything),
sometimes the global auditor or a participant.
"""

from __future__ import annotations

import json
from typing import Any

import hypothesis.strategies as st
import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from werkzeug.datastructures import Headers

from tests.web.api.kit import check_response, document_of
from tests.web.api.records.records_kit import build_records
from tests.web.conftest import event_count
from tests.web.world import World

SHARDS = 4
EXAMPLES = {GenerationMode.NEGATIVE: 4, GenerationMode.POSITIVE: 2}
ACCOUNTS = ("organiser:own",) * 4 + ("auditor:global", "member")
KIND_OF_SEGMENT = {"trips": "trip_id", "meetings": "meeting_id", "profiles": "profile_id",
                   "agreements": "agreement_id", "people": "person_id"}


def _real_ids(app: Flask, world: World) -> dict[str, list[str]]:
    """Ids of a new set of records (never the world's own, which other tests read: valid
    generated input may change what it names)."""
    return {name: [value] for name, value in build_records(app, world, "generated input")
            .ids().items()}


def _path_ids(case: Any, data: st.DataObject, ids: dict[str, list[str]]) -> None:
    """Replace some generated path parameters by ids of real records of the right kind."""
    segment = case.operation.path.strip("/").split("/")[2]  # api/v1/<segment>/...
    for name in list(case.path_parameters or {}):
        key = KIND_OF_SEGMENT.get(segment, name) if name == "record_id" else name
        if ids.get(key) and data.draw(st.integers(0, 3), label=f"real {name}"):
            case.path_parameters[name] = data.draw(st.sampled_from(ids[key]), label=name)


def _run(app: Flask, operation: Any, mode: GenerationMode, ids: dict[str, list[str]],
         tokens: dict[str, str], failures: list[str]) -> None:
    planner = app.extensions["planner"]
    doc = document_of(app)

    @settings(max_examples=EXAMPLES[mode], deadline=None, database=None, derandomize=True,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(generation_mode=mode), data=st.data())
    def attempt(case: Any, data: st.DataObject) -> None:
        _path_ids(case, data, ids)
        account = data.draw(st.sampled_from(ACCOUNTS), label="account")
        before = event_count(planner)
        response = case.call(headers={"Authorization": f"Bearer {tokens[account]}"})
        written = event_count(planner) - before
        sent = response.request.headers.get("Authorization", "")
        if response.status_code == 401 and sent != f"Bearer {tokens[account]}":
            account = f"{account} (Schemathesis sent its own Authorization)"
        what = (f"{operation.label} as {account}: {response.status_code} for path "
                f"{case.path_parameters} query {case.query} body {case.body!r:.200}")
        if response.status_code >= 500:
            failures.append(f"{what}: {response.text[:300]}")
        elif response.status_code >= 400 and written:
            failures.append(f"{what}: a refused request wrote {written} events")
        else:
            try:
                check_response(doc, case.method, case.formatted_path, _Flaskish(response))
            except AssertionError as error:
                failures.append(f"{what}: {error}")

    attempt()


class _Flaskish:
    """Schemathesis's response as the kit's document check reads a Flask one."""

    def __init__(self, response: Any) -> None:
        self.status_code = response.status_code
        self.headers = Headers([(k, v) for k, values in response.headers.items()
                                for v in values])
        self.mimetype = self.headers.get("Content-Type", "").split(";")[0].strip()
        self._body = response.content

    def get_data(self, as_text: bool = False) -> Any:
        return self._body.decode("utf-8", "replace") if as_text else self._body

    def get_json(self) -> Any:
        return json.loads(self._body)


@pytest.mark.parametrize("shard", range(SHARDS))
def test_generated_bad_input_never_fails_the_server_nor_writes(
        app: Flask, world: World, tokens: dict[str, str], shard: int) -> None:
    ids = _real_ids(app, world)
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    schema.config.generation.update(with_security_parameters=False)  # tokens: their own tests
    every = sorted((result.ok() for result in schema.get_all_operations()),
                   key=lambda op: op.label)
    assert len(every) >= 30 and {"GET /api/v1/changes", "POST /api/v1/trips"} <= {
        op.label for op in every}
    operations = every[shard::SHARDS]
    failures: list[str] = []
    app.config["API_RATE_LIMIT"] = "1000000 per minute"
    try:
        for operation in operations:
            for mode in (GenerationMode.NEGATIVE, GenerationMode.POSITIVE):
                try:
                    _run(app, operation, mode, ids, tokens, failures)
                except Exception as error:  # noqa: BLE001 - e.g. no negative input exists
                    if "Unsatisfiable" not in type(error).__name__ + str(error):
                        failures.append(f"{operation.label} ({mode.value}): {error!r:.300}")
    finally:
        app.config.pop("API_RATE_LIMIT", None)
    assert failures == [], "\n".join(failures[:20])


