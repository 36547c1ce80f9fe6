"""People and accounts: person records, accounts with their API tokens and chosen
languages, and invitations and password resets (planner.domain.invitation): ids only, no
addresses.

Part of the read-model tables; import them from planner.readmodel.tables."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Index, Integer, Table

from planner.readmodel.table_columns import _changed, _id, _text, metadata

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
