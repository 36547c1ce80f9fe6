"""The read-model tables: plain rows derived from the event log, disposable and rebuildable.

Every table has the `rm_` prefix and lives in the same database as `planner_events`. Rows hold
only what the events say (event timestamps, never the wall clock), so a rebuild gives exactly
the same rows. Instants are stored as naive UTC; zone names are separate columns. Ordering
within a record (members, attendees, contacts...) uses `seq`, the notification id of the event
that put the row there.

Bump SCHEMA_VERSION whenever a table or a handler changes what is stored: start-up then
rebuilds the read models from the log instead of asking for a migration.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 16
PREFIX = "rm_"

metadata = MetaData()

ID = 36  # a UUID as text


def _id(name: str, primary_key: bool = False) -> Column[str]:
    return Column(name, String(ID), primary_key=primary_key, nullable=False)


def _text(name: str) -> Column[str]:
    """Free text of any length: folded keys can be longer than the text they come from."""
    return Column(name, Text, nullable=False, default="")


def _changed() -> list[Column[object]]:
    """Version and last change of an aggregate row (from the last event applied to it)."""
    return [
        Column("version", Integer, nullable=False),
        Column("created_seq", BigInteger, nullable=False),
        Column("created_at", DateTime, nullable=False),
        _text("last_changed_by"),
        Column("last_changed_at", DateTime, nullable=False),
        Column("last_reason", Text, nullable=False, default=""),
    ]


schema = Table("rm_schema", metadata, Column("version", Integer, primary_key=True))

position = Table(
    "rm_position", metadata,
    Column("name", String(64), primary_key=True),
    Column("position", BigInteger, nullable=False),
)

trips = Table(
    "rm_trips", metadata,
    _id("id", True), _text("title"), Column("purpose", Text, nullable=False),
    _text("organiser"), _text("organiser_key"), _text("direction"), _text("status"),
    _text("status_before_cancel"), _text("home_timezone"),
    Column("starts_on", Date, nullable=False), Column("ends_on", Date, nullable=False),
    Column("objectives", Text, nullable=False),  # JSON list
    *_changed(),
    # Calendars (planner.readmodel.queries_calendar): cancellations and reinstatements counted
    # into every SEQUENCE of the trip's events, and the last change its events show.
    Column("calendar_sequence", Integer, nullable=False, default=0),
    Column("calendar_changed_at", DateTime, nullable=True),
    _text("owner_org_id"),
    # Calendar mails show other attendees' addresses (Trip.AttendeeAddressesShared).
    Column("attendee_addresses_shared", Boolean, nullable=False, default=False),
    Column("language", Text, nullable=False, default=""),  # Trip.LanguageSet; "" none chosen
    Index("rm_trips_owner", "owner_org_id", "starts_on"),
)

organisations = Table(
    "rm_organisations", metadata,
    _id("id", True), _text("name"), _text("name_key"), _text("latin_name"),
    _text("latin_key"), _text("kind"), _text("country"), _text("timezone"),
    *_changed(),
    Index("rm_organisations_name", "name_key"), Index("rm_organisations_latin", "latin_key"),
)

trip_shares = Table(
    "rm_trip_shares", metadata,  # partner organisations of a trip ("plan" or "view")
    _id("trip_id", True), _id("org_id", True), _text("access"),
    Column("seq", BigInteger, nullable=False),
    Index("rm_trip_shares_org", "org_id", "trip_id"),
)

trip_readers = Table(
    # Every organisation that may read a trip, the owner too ("own", "plan", "view"): the
    # lists find an organisation's trips with one index range, however many others there are
    # (planner.organisations.scope; rm_trip_shares keeps the partners in the order shared).
    "rm_trip_readers", metadata,
    _id("org_id", True), _id("trip_id", True), _text("access"),
)

legs = Table(
    "rm_legs", metadata,
    _id("leg_id", True), _id("trip_id"), _text("city"), _text("city_key"),
    _text("country"), _text("country_key"), _text("timezone"),
    Column("arrives_on", Date, nullable=False), Column("departs_on", Date, nullable=False),
    Column("calendar_sequence", Integer, nullable=False, default=0),  # LegChanged events
    Column("calendar_changed_at", DateTime, nullable=True),
    Index("rm_legs_trip", "trip_id"), Index("rm_legs_city", "city_key"),
)

travel_times = Table(
    # A trip's own minimum travel time between two cities (planner.domain.travel), which its
    # warnings use before config.toml's; the two city keys (fold) in order.
    "rm_travel_times", metadata,
    _id("trip_id", True), Column("city_a_key", Text, primary_key=True),
    Column("city_b_key", Text, primary_key=True), _text("city_a"), _text("city_b"),
    Column("minutes", Integer, nullable=False), Column("seq", BigInteger, nullable=False),
)

members = Table(
    "rm_members", metadata,
    _id("trip_id", True), _id("person_id", True), _text("role"), _text("organisation"),
    Column("seq", BigInteger, nullable=False),
    Index("rm_members_person", "person_id"),
)

handovers = Table(
    "rm_handovers", metadata,
    _id("trip_id", True), _id("profile_id", True),
    Column("profile_version", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False), Column("handed_over_at", DateTime, nullable=False),
    Index("rm_handovers_profile", "profile_id"),
)

people = Table(
    "rm_people", metadata,
    _id("id", True), _text("name"), _text("name_key"), _text("title"), _text("organisation"),
    _text("email"), _text("home_timezone"), _text("feed_token_hash"),
    _text("owner_org_id"), _text("organisation_id"),
    _text("calendar_mails"),  # "yes", "no", or "" (not chosen: planner.itip.recipients)
    *_changed(),
    Index("rm_people_email", "email"), Index("rm_people_feed", "feed_token_hash"),
    Index("rm_people_owner", "owner_org_id"), Index("rm_people_org", "organisation_id"),
)

accounts = Table(
    "rm_accounts", metadata,
    _id("id", True), _text("email"), _text("name"), _text("role"),
    _text("person_id"), Column("active", Boolean, nullable=False),
    _text("organisation_id"), Column("global_auditor", Boolean, nullable=False, default=False),
    *_changed(),
    Index("rm_accounts_email", "email", unique=True),
    Index("rm_accounts_org", "organisation_id"),
)

api_tokens = Table(
    # API tokens (planner.domain.api_token): which account, the label, and the reference of
    # the secret's hash in the credential store (never the hash or the secret).
    "rm_api_tokens", metadata,
    _id("id", True), _id("account_id"), _text("name"), _text("secret_ref"),
    Column("revoked", Boolean, nullable=False, default=False),
    *_changed(),
    Index("rm_api_tokens_ref", "secret_ref"), Index("rm_api_tokens_account", "account_id"),
)

account_languages = Table(
    # The language each account chose (planner.domain.preferences), by its e-mail address:
    # calendars and mails are written in it (planner.i18n.whose).
    "rm_account_languages", metadata,
    _id("id", True), _text("email"), _text("language"),
    *_changed(),
    Index("rm_account_languages_email", "email"),
)

meetings = Table(
    "rm_meetings", metadata,
    _id("id", True), _id("trip_id"), _text("kind"), _text("title"),
    Column("counterparts", Text, nullable=False),  # JSON list
    _text("venue"), _text("city"), _text("city_key"), _text("timezone"),
    Column("starts_at", DateTime, nullable=False), Column("ends_at", DateTime, nullable=False),
    _text("leg_id"), Column("agenda", Text, nullable=False), _text("status"),
    *_changed(),
    # The meeting page of a cancelled meeting: who cancelled it, when and why (cleared when
    # it is reinstated).
    _text("cancelled_by"), Column("cancelled_at", DateTime, nullable=True),
    _text("cancel_reason"),
    # Calendars: SEQUENCE counts changes of time, place and status; calendar_changed_at is the
    # last event that changed what the meeting's VEVENT shows (DTSTAMP, LAST-MODIFIED).
    Column("calendar_sequence", Integer, nullable=False, default=0),
    Column("calendar_changed_at", DateTime, nullable=True),
    # Warnings: local clock at the venue at start and end (microseconds into the day), and
    # whether both fall on one day, so meetings outside working hours are found in SQL.
    Column("local_from", BigInteger, nullable=False, default=0),
    Column("local_until", BigInteger, nullable=False, default=0),
    Column("local_same_day", Boolean, nullable=False, default=True),
    Index("rm_meetings_trip", "trip_id", "starts_at"),
    Index("rm_meetings_ends", "ends_at"),  # warnings: other meetings near in time
)

attendees = Table(
    "rm_attendees", metadata,
    _id("meeting_id", True), _id("person_id", True),
    Column("seq", BigInteger, nullable=False), Column("idx", Integer, nullable=False),
    Index("rm_attendees_person", "person_id"),
)

# Attendees' answers (Meeting.AnswerGiven): the latest per person, kept as the aggregate keeps
# it (also if they leave and come back); only attendees' answers are ever shown.
answers = Table(
    "rm_answers", metadata,
    _id("meeting_id", True), _id("person_id", True), _text("answer"),
    Column("answered_at", DateTime, nullable=False), Column("seq", BigInteger, nullable=False),
)

# Calendar mails (planner.itip.rules): each change that sends attendees a REQUEST or CANCEL
# (moved, relocated, confirmed, cancelled, reinstated) with the time and place before it, so
# a mail can say what changed, and one save of several changes sends one mail.
meeting_changes = Table(
    "rm_meeting_changes", metadata,
    _id("meeting_id", True), Column("version", Integer, primary_key=True), _text("kind"),
    _text("actor"), _text("reason"), Column("changed_at", DateTime, nullable=False),
    Column("starts_at", DateTime, nullable=False), Column("ends_at", DateTime, nullable=False),
    _text("timezone"), _text("venue"), _text("city"),
)

outcomes = Table(
    "rm_outcomes", metadata,
    _id("meeting_id", True), Column("summary", Text, nullable=False),
    _text("recorded_by"), Column("recorded_at", DateTime, nullable=False),
)

ideas = Table(
    "rm_ideas", metadata,
    _id("meeting_id", True), Column("idx", Integer, primary_key=True),
    Column("idea", Text, nullable=False),
)

followups = Table(
    "rm_followups", metadata,
    _id("followup_id", True), _id("meeting_id"), Column("action", Text, nullable=False),
    _text("owner"), _text("owner_key"), Column("due_on", Date, nullable=False),
    Column("done_on", Date, nullable=True), Column("seq", BigInteger, nullable=False),
    Index("rm_followups_meeting", "meeting_id"), Index("rm_followups_due", "due_on"),
)

meeting_agreements = Table(
    "rm_meeting_agreements", metadata,
    _id("meeting_id", True), _id("agreement_id", True), Column("seq", BigInteger, nullable=False),
)

profiles = Table(
    "rm_profiles", metadata,
    _id("id", True), _text("name"), _text("name_key"), _text("kind"),
    _text("country"), _text("country_key"), _text("city"),
    Column("sectors", Text, nullable=False), _text("size"),  # sectors: JSON list
    Column("description", Text, nullable=False),
    Column("interests", Text, nullable=False), _text("website"),  # interests: JSON list
    Column("fictitious", Boolean, nullable=False), _text("owner_org_id"),
    *_changed(),
    Index("rm_profiles_name", "name_key"), Index("rm_profiles_owner", "owner_org_id"),
)

profile_sectors = Table(
    "rm_profile_sectors", metadata,
    _id("profile_id", True), Column("idx", Integer, primary_key=True),
    _text("sector"), _text("sector_key"),
    Index("rm_profile_sectors_key", "sector_key"),
)

profile_interests = Table(
    "rm_profile_interests", metadata,
    _id("profile_id", True), Column("idx", Integer, primary_key=True), _text("interest"),
    Index("rm_profile_interests_key", "interest"),
)

contacts = Table(
    "rm_contacts", metadata,
    _id("contact_id", True), _id("profile_id"), _text("name"), _text("title"),
    _text("email"), _text("phone"), Column("seq", BigInteger, nullable=False),
    Index("rm_contacts_profile", "profile_id"),
)

profile_versions = Table(
    "rm_profile_versions", metadata,
    _id("profile_id", True), Column("version", Integer, primary_key=True),
    _text("name"), _text("kind"), _text("country"), _text("city"),
    Column("sectors", Text, nullable=False), _text("size"),
    Column("description", Text, nullable=False), Column("interests", Text, nullable=False),
    _text("website"), Column("fictitious", Boolean, nullable=False),
    Column("recorded_at", DateTime, nullable=False),
)

agreements = Table(
    "rm_agreements", metadata,
    _id("id", True), _text("title"), _text("kind"), Column("subject", Text, nullable=False),
    _text("trip_id"), _text("meeting_id"), _text("status"),
    Column("signed_on", Date, nullable=True), _text("signed_place"),
    _text("owner_org_id"),
    *_changed(),
    Index("rm_agreements_trip", "trip_id"), Index("rm_agreements_owner", "owner_org_id"),
)

parties = Table(
    "rm_parties", metadata,
    _id("party_id", True), _id("agreement_id"), _text("name"), _text("name_key"),
    _text("profile_id"), _text("organisation_id"), Column("seq", BigInteger, nullable=False),
    Index("rm_parties_agreement", "agreement_id"), Index("rm_parties_org", "organisation_id"),
)

signatories = Table(
    "rm_signatories", metadata,
    _id("signatory_id", True), _id("agreement_id"), _text("name"), _text("title"),
    _id("party_id"), Column("seq", BigInteger, nullable=False),
    Index("rm_signatories_agreement", "agreement_id"),
)

milestones = Table(
    "rm_milestones", metadata,
    _id("milestone_id", True), _id("agreement_id"), Column("title", Text, nullable=False),
    Column("due_on", Date, nullable=False), Column("done_on", Date, nullable=True),
    Column("seq", BigInteger, nullable=False),
    Index("rm_milestones_agreement", "agreement_id"),
)


# -- warnings (planner.readmodel.conflicts), found again whenever a plan they depend on changes
warnings = Table(
    "rm_warnings", metadata,  # kept per trip: a clash between two trips is on both
    # Its key: the kind and the meetings it names (other_id: the second one, or "").
    _id("trip_id", True), Column("kind", String(32), primary_key=True),
    _id("meeting_id", True), Column("other_id", String(ID), primary_key=True, default=""),
    Column("params", Text, nullable=False),  # JSON: what its sentence says (warning_text)
    Column("meeting_ids", Text, nullable=False), Column("person_ids", Text, nullable=False),
    Column("first_at", DateTime, nullable=False),  # start of the first meeting it names
    # Travel time: minutes between the two meetings, and their cities.
    Column("minutes", Integer, nullable=True), _text("city_from"), _text("city_to"),
    Index("rm_warnings_meeting", "meeting_id"),  # a meeting's clashes, on every trip
)

plan_spans = Table(
    "rm_plan_spans", metadata,  # a trip's meetings that are not cancelled: first start, last end
    _id("trip_id", True), Column("first_at", DateTime, nullable=False),
    Column("last_at", DateTime, nullable=False),
    Index("rm_plan_spans_last", "last_at"),  # later plans: few while a log is replayed
)


# -- invitations and password resets (planner.domain.invitation): ids only, no addresses
invitations = Table(
    "rm_invitations", metadata,
    _id("id", True), _text("purpose"), _text("person_id"), _text("account_id"),
    _text("trip_id"), _text("organisation_id"), _text("status"),
    Column("issue", Integer, nullable=False), Column("expires_at", DateTime, nullable=False),
    *_changed(),
    Index("rm_invitations_person", "person_id"),
    Index("rm_invitations_open", "status", "expires_at"),
)
