"""Company profiles (with sectors, interests, contacts and past versions) and agreements
(with parties, signatories and milestones).

Part of the read-model tables; import them from planner.readmodel.tables."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, Index, Integer, Table, Text

from planner.readmodel.table_columns import _changed, _id, _text, metadata

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
