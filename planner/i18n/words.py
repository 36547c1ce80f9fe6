"""The domain's stored words (statuses, kinds, roles) as people read them in each language.

The stored values stay English (they are part of the event log); `word(tr, value)` gives the
reader's word. `N_` only marks a text for extraction into the catalogues.
"""

from __future__ import annotations

from planner.i18n import Translator


def N_(text: str) -> str:  # noqa: N802 - the gettext convention
    return text


WORDS: dict[str, str] = {word: word for word in (
    # meeting and trip statuses
    N_("proposed"), N_("confirmed"), N_("held"), N_("cancelled"), N_("draft"), N_("planned"),
    N_("completed"),
    # meeting kinds
    N_("official meeting"), N_("company visit"), N_("conference session"),
    N_("signing ceremony"), N_("site visit"), N_("dinner"), N_("travel"), N_("matchmaking"),
    # delegation roles
    N_("head of delegation"), N_("agency staff"), N_("official"), N_("company representative"),
    N_("interpreter"), N_("adviser"),
    # agreement statuses and kinds, ways of sharing a trip
    N_("drafted"), N_("signed"), N_("in force"), N_("expired"), N_("terminated"),
    N_("memorandum of understanding"), N_("letter of intent"), N_("cooperation agreement"),
    N_("contract"), N_("donation"), N_("plan"), N_("view"), N_("none"),
    # invitation statuses
    N_("open"), N_("accepted"), N_("revoked"),
    # kinds of record, as refusals name them
    N_("record"), N_("trip"), N_("meeting"), N_("person"), N_("company profile"),
    N_("agreement"), N_("account"), N_("organisation"), N_("calendar"), N_("audit trail"),
    N_("profile"), N_("member"),
    # interests a company profile declares (planner.domain.values.Interest)
    N_("cooperate with Chinese firms"), N_("expand into China"),
    N_("cooperate with German firms"), N_("expand into Germany"), N_("find investors"),
    N_("find sales partners"), N_("find suppliers"), N_("technology partnership"),
    N_("talent exchange"),
    # kinds and sizes of company profiles (planner.domain.values.ProfileKind, CompanySize)
    N_("company"), N_("government body"), N_("chamber"), N_("ngo"),
    N_("financial institution"), N_("research institution"), N_("law firm"), N_("micro"),
    N_("small"), N_("medium"), N_("large"),
    # changes since the last print
    N_("added"), N_("removed"), N_("moved"), N_("relocated"),
)}


def word(tr: Translator, value: str) -> str:
    """The reader's word for a stored value; an unknown value as stored."""
    return tr(WORDS[value]) if value in WORDS else value
