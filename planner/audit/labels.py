"""The history's words in the reader's language: what each event did ("details changed",
"moved"), the fields it changed ("starts at") and the few words values are shown with.

The history, as-of and conflict pages show them translated (planner/translations); the CLI
(planner.audit.text, format_history) keeps them English, for operators and their logs.
Instants stay written as "2019-06-29 10:00 Asia/Shanghai (02:00 UTC)" in every language: an
auditor pastes them back into the as-of form, which reads that form (planner.audit.moments).
Internal keys of matchmaking's stored explanations (template, params) are shown as stored.
"""

from __future__ import annotations

from planner.domain.errors import Translate
from planner.i18n.words import N_

EVENTS = frozenset({
    N_("accepted"), N_("agreement linked"), N_("answer given"), N_("attendee added"),
    N_("attendee addresses shared"), N_("attendee removed"), N_("audit scope changed"),
    N_("block removed"), N_("calendar mails chosen"), N_("cancelled"), N_("company enrolled"),
    N_("company withdrawn"), N_("confirmed"), N_("contact added"), N_("contact removed"),
    N_("created"), N_("dates changed"), N_("details changed"), N_("disabled"), N_("drafted"),
    N_("enabled"), N_("erased"), N_("event"), N_("expired"), N_("exported"),
    N_("feed token reset"), N_("follow up added"), N_("follow up completed"),
    N_("interpreter added"), N_("interpreter removed"), N_("issued"), N_("language chosen"),
    N_("language set"), N_("leg added"), N_("leg changed"), N_("leg removed"),
    N_("meeting rated"), N_("member added"), N_("member changed"), N_("member removed"),
    N_("milestone added"), N_("milestone completed"), N_("moved"), N_("objectives changed"),
    N_("opened"), N_("organisation named"), N_("outcome recorded"), N_("pair accepted"),
    N_("pair rejected"), N_("party added"), N_("party removed"), N_("password changed"),
    N_("preference set"), N_("profile attached"), N_("profile detached"), N_("profile set"),
    N_("published"), N_("registered"), N_("reinstated"), N_("relocated"), N_("resent"),
    N_("revoked"), N_("role changed"), N_("schedule proposed"), N_("scheduled"),
    N_("sessions ended"), N_("sharing changed"), N_("signatory added"), N_("signatory removed"),
    N_("signed"), N_("slots defined"), N_("stage recorded"), N_("started"),
    N_("status changed"), N_("table added"), N_("table removed"), N_("time blocked"),
    N_("travel time cleared"), N_("travel time set"), N_("verified"), N_("viewed"),
})
"""What each event class did, as planner.audit.readable.words writes its name."""

FIELDS = frozenset({
    N_("action"), N_("active"), N_("agenda"), N_("agreement"), N_("agreement ids"),
    N_("arrives on"), N_("attendees"), N_("by"), N_("city"), N_("comment"), N_("companies"),
    N_("contacts"), N_("counterparts"), N_("country"), N_("decision"), N_("departs on"),
    N_("description"), N_("direction"), N_("done on"), N_("due on"), N_("email"), N_("ends at"),
    N_("ends on"), N_("fictitious"), N_("followups"), N_("global auditor"), N_("home timezone"),
    N_("ideas"), N_("interest"), N_("interests"), N_("interpreters"), N_("kind"),
    N_("language"), N_("languages"), N_("latin name"), N_("leg"), N_("legs"), N_("meeting"),
    N_("members"), N_("milestones"), N_("name"), N_("next step"), N_("note"), N_("objectives"),
    N_("organisation"), N_("organiser"), N_("outcome"), N_("owner"), N_("owner org"),
    N_("pairs"), N_("parties"), N_("password ref"), N_("person"), N_("phone"),
    N_("preferences"), N_("profile"), N_("profile version"), N_("profiles"), N_("purpose"),
    N_("rating"),
    N_("ratings"), N_("reason"), N_("role"), N_("schedule"), N_("seats"), N_("sector"),
    N_("sectors"), N_("shares"), N_("side"), N_("sides"), N_("signatories"), N_("signed on"),
    N_("signed place"), N_("size"), N_("slots"), N_("stages"), N_("starts at"), N_("starts on"),
    N_("status"), N_("status before cancel"), N_("subject"), N_("summary"), N_("tables"),
    N_("timezone"), N_("title"),
    N_("travel times"), N_("trip"), N_("venue"), N_("website"), N_("who"),
})
"""The fields of records and of the entries of their lists, as `words` writes them."""

VALUES = frozenset({
    # organisation kinds
    N_("agency"), N_("government"), N_("chamber"), N_("company"), N_("other"),
    N_("(empty)"), N_("(none)"), N_("(secret)"), N_("(secret, changed)"), N_("yes"), N_("no"),
})
KNOWN = EVENTS | FIELDS | VALUES


def say(tr: Translate | None, text: str) -> str:
    """`text` in the reader's language when it is one of the history's words (`tr` given)."""
    return tr(text) if tr is not None and text in KNOWN else text
