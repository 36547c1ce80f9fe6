"""Audit: history, as-of views, the tamper-evident chain, and log export/import.

Modules:
  tables    the audit tables (the chain, its follower position, the log index)
  chain     canonical form of a stored event, links, verification of the database
  follower  keeps the chain and the log index current as events are written
  logquery  the log browser: filter the whole log, paginate, CSV
  history   one record's events with actor, time, reason and before/after
  asof      any record, a trip with its meetings, a person's meetings, as of a moment
  exchange  export, offline verification and import of the log as JSON Lines
  trail     recording viewings, exports and verifications (AuditTrail events)
"""
