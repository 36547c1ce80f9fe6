"""Plan a trip through the Delegation Planner's JSON API with nothing but a token.

    python docs/api_example.py BASE_URL TOKEN

BASE_URL is the planner's address (http://127.0.0.1:5000); TOKEN comes from
`planner token create EMAIL` for an organiser. The script creates a trip with a leg in
Munich, registers a delegate, schedules a meeting, moves it (sending the ETag it read as
If-Match, so it would not overwrite someone else's change), and reads the delegate's
calendar link. It prints what it did as JSON. Standard library only.
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from typing import Any


class Api:
    def __init__(self, base_url: str, token: str) -> None:
        self.base = base_url.rstrip("/") + "/api/v1/"
        self.token = token

    def call(self, method: str, path: str, body: Any = None,
             headers: dict[str, str] | None = None) -> tuple[Any, dict[str, str]]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method, headers={
            "Authorization": f"Bearer {self.token}", "Accept": "application/json",
            **({"Content-Type": "application/json"} if data else {}), **(headers or {})})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.load(response), dict(response.headers)
        except urllib.error.HTTPError as error:  # a problem document: say what was refused
            problem = json.load(error)
            raise SystemExit(f"{method} {path}: {error.code} {problem['title']}: "
                             f"{problem['detail']}") from None


def main(base_url: str, token: str) -> dict[str, Any]:
    api = Api(base_url, token)
    me, _ = api.call("GET", "me")
    trip, _ = api.call("POST", "trips", {
        "title": "Study visit to Munich", "organiser": "Nanjing Investment Promotion",
        "direction": "inbound", "home_timezone": "Asia/Shanghai",
        "starts_on": "2027-03-22", "ends_on": "2027-03-29"})
    trip, _ = api.call("POST", f"trips/{trip['id']}/legs", {
        "city": "Munich", "country": "Germany", "timezone": "Europe/Berlin",
        "arrives_on": "2027-03-22", "departs_on": "2027-03-29"})
    trip, _ = api.call("POST", f"trips/{trip['id']}/members", {
        "new_person": {"name": "王芳", "home_timezone": "Asia/Shanghai"},
        "role": "head of delegation", "organisation": "南京市投资促进委员会"})
    delegate = trip["members"][0]["person_id"]
    meeting, headers = api.call("POST", f"trips/{trip['id']}/meetings", {
        "kind": "company visit", "title": "Visit to Siemens", "venue": "Siemens Forum",
        "city": "Munich", "timezone": "Europe/Berlin", "starts_at": "2027-03-26T10:00:00",
        "ends_at": "2027-03-26T11:30:00", "attendees": [delegate]})
    moved, _ = api.call("PUT", f"meetings/{meeting['id']}/time", {
        "starts_at": "2027-03-29T10:00:00", "ends_at": "2027-03-29T11:30:00",
        "reason": "The host asked for Monday"}, headers={"If-Match": headers["ETag"]})
    link, _ = api.call("POST", f"trips/{trip['id']}/members/{delegate}/calendar-link")
    return {"account": me["email"], "trip": trip["id"], "meeting": meeting["id"],
            "scheduled": meeting["starts_at"], "moved_to": moved["starts_at"],
            "delegate": delegate, "calendar": link["address"], "webcal": link["webcal"]}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    print(json.dumps(main(sys.argv[1], sys.argv[2]), ensure_ascii=False, indent=2))
