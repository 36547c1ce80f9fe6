"""Pages under load: gunicorn with 2 workers, 8 concurrent clients, on 127.0.0.1 only.

The data: one trip of 300 meetings and 60 delegation members; a participant who attends a
third of the meetings. Pages: the trip (as its organiser), the participant's schedule and the
participant's calendar feed. Each page is measured right after the app's trivial route
(`GET /health`) on the same server, which is its baseline: the throughput ratio (target
>= 0.3x) and the page's own 95th-percentile latency (target < 50 ms). The SQL statements one
request of each page runs are counted in-process.

The load generator is Python threads with http.client against 127.0.0.1 (never another host),
bounded both in requests and in time.
Usage: python bench/bench_pages.py [--meetings N] [--members N] [--requests N] [--seconds S]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import event
from table import Figure, bound_figure, ratio_figure
from workload import ACTOR, big_trip, bulk, planner_on

from planner.passwords import hash_password

HOST = "127.0.0.1"  # the only address the load generator talks to
PASSWORD = "bench-password-Leipzig-2019"
ORGANISER, PARTICIPANT = "organiser@bench.invalid", "participant@bench.invalid"
TRIVIAL = "/health"
_CSRF = re.compile(r'name="(csrf[_a-z]*)"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="(csrf'
                   r'[_a-z]*)"')


@dataclass(frozen=True)
class Load:
    requests: int
    per_second: float
    p95_ms: float
    failures: int


@dataclass(frozen=True)
class Site:
    """What the pages need: their paths and who may see them."""

    pages: dict[str, tuple[str, str | None]]  # name -> (path, account e-mail or None)


def prepare(url: str, folder: Path, meetings: int, members: int) -> tuple[Site, dict[str, int]]:
    """Generate the data and count the SQL statements of one request of each page."""
    planner = planner_on(url, folder)
    with bulk(planner):
        trip, person = big_trip(planner, meetings, members)
    app = planner.app
    secret = hash_password(PASSWORD)
    app.open_account(actor=ACTOR, email=ORGANISER, name="Organiser", role="organiser",
                     password_hash=secret)
    app.open_account(actor=ACTOR, email=PARTICIPANT, name="Participant", role="participant",
                     password_hash=secret, person_id=person)
    token = app.reset_feed_token(person, actor=ACTOR)
    site = Site({
        f"trip page ({meetings} meetings, {members} members)": (f"/trips/{trip}", ORGANISER),
        "participant's schedule": ("/schedule", PARTICIPANT),
        "participant's calendar feed": (f"/feeds/{token}.ics", None),
    })
    counts = statement_counts(planner, site)
    planner.close()
    return site, counts


def statement_counts(planner: Any, site: Site) -> dict[str, int]:
    from web import create_app

    flask_app = create_app(planner.settings, planner=planner)
    counted = [0]

    def count(*_: Any) -> None:
        counted[0] += 1

    clients = {}
    for email in {who for _, who in site.pages.values() if who}:
        client = flask_app.test_client()
        form = client.get("/login").get_data(as_text=True)
        client.post("/login", data={"email": email, "password": PASSWORD, "next": "",
                                    **csrf_of(form)})
        clients[email] = client
    found = {}
    event.listen(planner.engine, "before_cursor_execute", count)
    try:
        for name, (path, who) in site.pages.items():
            client = clients[who] if who else flask_app.test_client()
            client.get(path)  # warm: templates compiled, caches filled
            counted[0] = 0
            response = client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            found[name] = counted[0]
    finally:
        event.remove(planner.engine, "before_cursor_execute", count)
    return found


def csrf_of(form: str) -> dict[str, str]:
    match = _CSRF.search(form)
    if not match:
        return {}
    name, value, value2, name2 = match.groups()
    return {name or name2: value or value2}


@contextmanager
def gunicorn(url: str, folder: Path, workers: int) -> Any:
    """gunicorn serving `web:create_app()` on a socket bound here to 127.0.0.1 (a free port)."""
    listener = socket.socket()
    listener.bind((HOST, 0))
    listener.listen(128)
    port = listener.getsockname()[1]
    env = {**os.environ, "PLANNER_DATABASE_URL": url,
           "PLANNER_INSTANCE_PATH": str(folder / "instance")}
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind",
         f"fd://{listener.fileno()}", "--log-level", "warning", "web:create_app()"],
        env=env, pass_fds=[listener.fileno()], stdout=subprocess.DEVNULL)
    listener.close()
    try:
        deadline = time.monotonic() + 90
        while not _answers(port):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _answers(port: int) -> bool:
    try:
        return _get(http.client.HTTPConnection(HOST, port, timeout=5), TRIVIAL, "")[0] == 200
    except OSError:
        return False


def _get(conn: http.client.HTTPConnection, path: str, cookie: str) -> tuple[int, bytes]:
    conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
    response = conn.getresponse()
    return response.status, response.read()


def login(port: int, email: str) -> str:
    """The Cookie header of a signed-in session."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    conn.request("GET", "/login")
    response = conn.getresponse()
    form = response.read().decode("utf-8")
    jar = SimpleCookie(response.getheader("Set-Cookie") or "")
    cookie = "; ".join(f"{k}={v.value}" for k, v in jar.items())
    body = urlencode({"email": email, "password": PASSWORD, "next": "", **csrf_of(form)})
    conn.request("POST", "/login", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie})
    response = conn.getresponse()
    response.read()
    jar = SimpleCookie(response.getheader("Set-Cookie") or "")
    if response.status != 302 or not jar:
        raise RuntimeError(f"login of {email} failed: {response.status}")
    conn.close()
    return "; ".join(f"{k}={v.value}" for k, v in jar.items())


def load(port: int, path: str, cookie: str, clients: int, requests: int,
         seconds: float) -> Load:
    """`clients` threads share `requests` GETs of `path`, stopping early after `seconds`."""
    lock = threading.Lock()
    issued = [0]
    latencies: list[float] = []
    failures = [0]
    deadline = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        while time.monotonic() < deadline:
            with lock:
                if issued[0] >= requests:
                    break
                issued[0] += 1
            started = time.perf_counter()
            try:
                status, _ = _get(conn, path, cookie)
            except (OSError, http.client.HTTPException):
                conn.close()
                status = 0
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
                failures[0] += status != 200
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)] * 1000 if ordered else float("nan")
    return Load(len(ordered), len(ordered) / elapsed, p95, failures[0])


def figures(url: str, store: str, folder: Path, meetings: int = 300, members: int = 60,
            requests: int = 600, seconds: float = 12, clients: int = 8,
            workers: int = 2) -> list[Figure]:
    site, counts = prepare(url, folder, meetings, members)
    found: list[Figure] = []
    with gunicorn(url, folder, workers) as port:
        cookies = {who: login(port, who) for _, who in site.pages.values() if who}
        run: Callable[[str, str], Load] = lambda path, cookie: load(  # noqa: E731
            port, path, cookie, clients, requests, seconds)
        for name, (path, who) in site.pages.items():
            cookie = cookies.get(who, "") if who else ""
            load(port, path, cookie, 2, 2 * workers, seconds)  # warm both workers
            trivial, page = run(TRIVIAL, ""), run(path, cookie)
            if page.failures or trivial.failures:
                raise RuntimeError(f"{path}: {page.failures} failed requests")
            note = f"{page.requests} requests, {clients} clients, gunicorn {workers} workers"
            found.append(ratio_figure(f"{name}: requests/s", store, page.per_second, "/s",
                                      "GET /health", trivial.per_second, ">= 0.3x", note))
            found.append(bound_figure(f"{name}: p95 latency", store, page.p95_ms, "ms",
                                      "< 50 ms"))
            found.append(bound_figure(f"{name}: SQL statements per request", store,
                                      counts[name], "", ""))
    return found


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=300)
    parser.add_argument("--members", type=int, default=60)
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--seconds", type=float, default=12)
    args = parser.parse_args()
    standalone(lambda url, store, folder: figures(url, store, folder, args.meetings,
                                                  args.members, args.requests, args.seconds))


if __name__ == "__main__":
    main()
