"""Who may GET and POST what: every route of the web UI for every role.

The table is the specification. Each row is `endpoint method` and the status each role gets:
anonymous visitors, an organiser, a participant who is a member of the trip, a participant who
is not, and an auditor. POSTs carry a valid CSRF token and an empty form, so an allowed POST is
refused as invalid (422) or redirects, and a forbidden one is 403: nothing in the world changes.

Adding a route without a row here fails `test_every_route_has_a_row_in_the_matrix`. Other
features add their rows to the same table (and the ids their URLs need to `world.ids`).
"""

from __future__ import annotations

import pytest
from flask import Flask

from tests.web.conftest import signed_in
from tests.web.world import ROLES, World

MATRIX = """
endpoint                        method  anonymous organiser member outsider auditor
auth.login                      GET     200       302       302    302      302
auth.login_post                 POST    422       422       422    422      422
auth.logout                     POST    302       302       302    302      302
auth.preferences                GET     302       200       200    200      200
auth.preferences_post           POST    302       302       422    422      403
auth.password                   GET     302       200       200    200      200
auth.password_post              POST    302       422       422    422      422
dashboard.index                 GET     302       200       302    302      200
schedule.mine                   GET     302       200       200    200      200
trips.index                     GET     302       200       200    200      200
trips.new                       GET     302       200       403    403      403
trips.create                    POST    302       422       403    403      403
trips.show                      GET     302       200       200    404      200
trips.edit                      GET     302       200       403    403      403
trips.update                    POST    302       422       403    403      403
trips.dates                     GET     302       200       403    403      403
trips.change_dates              POST    302       422       403    403      403
trips.objectives                GET     302       200       403    403      403
trips.set_objectives            POST    302       422       403    403      403
trips.status                    GET     302       200       403    403      403
trips.change_status             POST    302       422       403    403      403
trips.cancel_form               GET     302       200       403    403      403
trips.cancel                    POST    302       422       403    403      403
trips.reinstate                 POST    302       422       403    403      403
delegation.new_leg              GET     302       200       403    403      403
delegation.add_leg              POST    302       422       403    403      403
delegation.edit_leg             GET     302       200       403    403      403
delegation.change_leg           POST    302       422       403    403      403
delegation.remove_leg           POST    302       422       403    403      403
delegation.members              GET     302       200       403    403      403
delegation.add_member           POST    302       422       403    403      403
delegation.add_person           POST    302       422       403    403      403
delegation.change_member        POST    302       422       403    403      403
delegation.remove_member        POST    302       422       403    403      403
delegation.profiles             GET     302       200       403    403      403
delegation.attach_profile       POST    302       422       403    403      403
delegation.detach_profile       POST    302       422       403    403      403
meetings.new                    GET     302       200       403    403      403
meetings.schedule               POST    302       422       403    403      403
meetings.show                   GET     302       200       200    404      200
meetings.edit                   GET     302       200       403    403      403
meetings.update                 POST    302       422       403    403      403
meetings.move_form              GET     302       200       403    403      403
meetings.move                   POST    302       422       403    403      403
meetings.relocate_form          GET     302       200       403    403      403
meetings.relocate               POST    302       422       403    403      403
meetings.status                 GET     302       200       403    403      403
meetings.confirm                POST    302       422       403    403      403
meetings.cancel                 POST    302       422       403    403      403
meetings.reinstate              POST    302       422       403    403      403
outcomes.attendees              GET     302       200       403    403      403
outcomes.add_attendee           POST    302       422       403    403      403
outcomes.remove_attendee        POST    302       422       403    403      403
outcomes.outcome                GET     302       200       403    403      403
outcomes.record_outcome         POST    302       422       403    403      403
outcomes.followups              GET     302       200       403    403      403
outcomes.add_followup           POST    302       422       403    403      403
outcomes.complete_followup      POST    302       422       403    403      403
feeds.feed                      GET     404       404       404    404      404
health.health                   GET     200       200       200    200      200
feeds.trip_calendar             GET     302       200       200    404      200
feeds.meeting_calendar          GET     302       200       200    404      200
feeds.my_calendar               GET     302       404       200    200      404
feeds.reset_mine                POST    302       422       422    422      403
feeds.addresses                 GET     302       200       403    403      403
feeds.reset_member              POST    302       422       403    403      403
feeds.reset_person              POST    302       422       403    403      403
companies.index                 GET     302       200       403    403      200
companies.new                   GET     302       200       403    403      403
companies.create                POST    302       422       403    403      403
companies.show                  GET     302       200       403    403      200
companies.edit                  GET     302       200       403    403      403
companies.update                POST    302       422       403    403      403
companies.contacts              GET     302       200       403    403      403
companies.add_contact           POST    302       422       403    403      403
companies.remove_contact        POST    302       422       403    403      403
companies.history               GET     302       200       403    403      200
companies.version               GET     302       200       403    403      200
agreements.index                GET     302       200       403    403      200
agreements.new                  GET     302       200       403    403      403
agreements.create               POST    302       422       403    403      403
agreements.show                 GET     302       200       200    403      200
agreements.edit                 GET     302       200       403    403      403
agreements.update               POST    302       422       403    403      403
agreements.sign_form            GET     302       200       403    403      403
agreements.sign                 POST    302       422       403    403      403
agreements.status               GET     302       200       403    403      403
agreements.change_status        POST    302       422       403    403      403
agreements.milestones           GET     302       200       403    403      403
agreements.add_milestone        POST    302       422       403    403      403
agreements.complete_milestone   POST    302       422       403    403      403
agreement_parties.parties       GET     302       200       403    403      403
agreement_parties.add_party     POST    302       422       403    403      403
agreement_parties.remove_party  POST    302       422       403    403      403
agreement_parties.add_signatory POST    302       422       403    403      403
agreement_parties.remove_signatory POST 302       422       403    403      403
people.index                    GET     302       200       403    403      200
people.new                      GET     302       200       403    403      403
people.register                 POST    302       422       403    403      403
people.show                     GET     302       200       403    403      200
people.edit                     GET     302       200       403    403      403
people.update                   POST    302       422       403    403      403
people.accounts                 GET     302       200       403    403      200
people.account_form             GET     302       200       403    403      403
people.change_role              POST    302       422       403    403      403
people.change_active            POST    302       422       403    403      403
erasure.confirm                 GET     302       200       403    403      403
erasure.erase                   POST    302       422       403    403      403
audit.log                       GET     302       403       403    403      200
audit.log_csv                   GET     302       403       403    403      200
audit.integrity                 GET     302       403       403    403      200
audit.verify                    POST    302       403       403    403      303
audit.verification              GET     302       403       403    403      200
audit.record_history            GET     302       200       403    403      200
audit.record_as_of              GET     302       200       403    403      200
audit.itinerary                 GET     302       200       403    403      200
audit.calendar                  GET     302       200       403    403      200
signins.index                   GET     302       200       403    403      200
"""


def parse(table: str) -> dict[tuple[str, str], dict[str, int]]:
    lines = [line.split() for line in table.strip().splitlines() if line.strip()]
    header, rows = lines[0], lines[1:]
    assert header[2:] == list(ROLES), f"matrix columns must be {ROLES}"
    parsed: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows:
        key = (row[0], row[1])
        assert key not in parsed, f"duplicate matrix row {key}"
        parsed[key] = {role: int(code) for role, code in zip(ROLES, row[2:], strict=True)}
    return parsed


RULES = parse(MATRIX)
CASES = [(endpoint, method, role, expected)
         for (endpoint, method), by_role in RULES.items()
         for role, expected in by_role.items()]


def routes(app: Flask) -> set[tuple[str, str]]:
    """Every (endpoint, method) the app serves, but static files."""
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            found.add((rule.endpoint, method))
    return found


def url(app: Flask, world: World, endpoint: str) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    missing = rule.arguments - set(world.ids)
    assert not missing, f"world.ids has no value for {missing} (needed by {endpoint})"
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **{name: world.ids[name] for name in rule.arguments})


def test_every_route_has_a_row_in_the_matrix(app: Flask) -> None:
    served = routes(app)
    assert served - set(RULES) == set(), "routes without a row in the authorisation matrix"
    assert set(RULES) - served == set(), "matrix rows for routes that do not exist"


@pytest.mark.parametrize(("endpoint", "method", "role", "expected"), CASES,
                         ids=[f"{e} {m} as {r}" for e, m, r, _ in CASES])
def test_each_role_gets_the_status_the_matrix_says(app: Flask, world: World, endpoint: str,
                                                   method: str, role: str,
                                                   expected: int) -> None:
    client = signed_in(app, role)
    address = url(app, world, endpoint)
    if method == "GET":
        response = client.get(address)
    else:
        response = client.post(address, data={"csrf_token": client.csrf})
    assert response.status_code == expected, (
        f"{role} {method} {address}: got {response.status_code}, expected {expected}")
    if expected == 302 and role == "anonymous":
        assert "/login" in response.headers["Location"]
    if expected == 403:
        assert "Not allowed" in response.get_data(as_text=True)
