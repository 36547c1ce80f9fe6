"""Trips and who may read them: the trip, its legs, delegation members, handed-over
profiles and own travel times; organisations and the trips shared with them.

Part of the read-model tables; import them from planner.readmodel.tables."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, Index, Integer, Table, Text

from planner.readmodel.table_columns import _changed, _id, _text, metadata

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
