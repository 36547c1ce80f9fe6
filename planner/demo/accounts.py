"""Demo staff and participant accounts, all with one documented password.

The e-mail addresses use the reserved `.example` domain, so nothing here can reach a real
mailbox. `DEMO_LOGINS` is plain data for `make demo` and the README to print.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.demo.clock import Demo
from planner.demo.organisations import CHANGSHA, LEIPZIG, NANJING, DemoOrganisation
from planner.passwords import hash_password

DEMO_PASSWORD = "demo-password"

IMPORT = "system:demo-import"
LEIPZIG_ORGANISER = "organiser@demo.invest-leipzig.example"
LEIPZIG_ASSISTANT = "assistant@demo.invest-leipzig.example"
CHANGSHA_ORGANISER = "organiser@demo.changsha.example"
NANJING_ORGANISER = "organiser@demo.nanjing.example"
AUDITOR = "auditor@demo.invest-leipzig.example"
ADMINISTRATOR = "admin@demo.invest-leipzig.example"
COMPLIANCE = "compliance@demo.invest-leipzig.example"
KOERNER = "koerner@demo.invest-leipzig.example"
SCHUELKE = "schuelke@demo.leipzig.example"


@dataclass(frozen=True)
class DemoLogin:
    email: str
    name: str
    role: str
    person: str = ""  # key in Demo.people for participant accounts
    organisation: DemoOrganisation = LEIPZIG
    global_auditor: bool = False

    @property
    def password(self) -> str:
        return DEMO_PASSWORD

    @property
    def role_shown(self) -> str:
        return "global auditor" if self.global_auditor else self.role


STAFF = (
    DemoLogin(LEIPZIG_ORGANISER, "Demo organiser, Invest Region Leipzig", "organiser"),
    DemoLogin(LEIPZIG_ASSISTANT, "Demo assistant, Invest Region Leipzig", "organiser"),
    DemoLogin(ADMINISTRATOR, "Demo administrator, Invest Region Leipzig", "administrator"),
)
PARTICIPANTS = (
    DemoLogin(KOERNER, "Michael Körner", "participant", person="koerner"),
    DemoLogin(SCHUELKE, "Clemens Schülke", "participant", person="schuelke"),
)
CHANGSHA_STAFF = (
    DemoLogin(CHANGSHA_ORGANISER, "Demo organiser, Changsha Bureau of Commerce", "organiser",
              organisation=CHANGSHA),
)
NANJING_STAFF = (
    DemoLogin(NANJING_ORGANISER, "Demo organiser, Nanjing Foreign Affairs Office",
              "organiser", organisation=NANJING),
)
AUDITORS = (
    DemoLogin(COMPLIANCE, "Demo compliance office, Invest Region Leipzig", "auditor",
              global_auditor=True),
    DemoLogin(AUDITOR, "Demo auditor, Invest Region Leipzig", "auditor"),
)

DEMO_LOGINS: tuple[DemoLogin, ...] = (STAFF + PARTICIPANTS + CHANGSHA_STAFF + NANJING_STAFF
                                      + AUDITORS)

# The first account opened and the last: together they tell a finished load from a broken one.
FIRST_MARKER = LEIPZIG_ORGANISER
LAST_MARKER = AUDITOR


def open_accounts(demo: Demo, logins: tuple[DemoLogin, ...]) -> None:
    """Open accounts at the clock's current moment, as the import job."""
    for login in logins:
        demo.app.open_account(
            actor=IMPORT, email=login.email, name=login.name, role=login.role,
            password_hash=hash_password(DEMO_PASSWORD),
            person_id=demo.people[login.person] if login.person else None,
            organisation_id=login.organisation.id, global_auditor=login.global_auditor)


def describe_logins(logins: tuple[DemoLogin, ...] = DEMO_LOGINS) -> list[str]:
    """One line per demo login, for the progress output and `planner serve`."""
    lines = [f"Demo logins (password for all: {DEMO_PASSWORD!r}):"]
    lines += [f"  {login.role_shown:<16} {login.email}  ({login.name}) — "
              f"{login.organisation.display_name}" for login in logins]
    return lines
