"""iCalendar output: trip, person and meeting calendars, pure of Flask and of SQL.

Modules:
  model   what a calendar shows (meetings, legs, attendees) and how it is written (options)
  stamps  SEQUENCE and LAST-MODIFIED: one rule for the read models and the as-of views
  text    TEXT values: cleaning, RFC 5545 escaping, descriptions, addresses
  zones   VTIMEZONE components from tzdata
  events  one VEVENT per meeting and per day of a leg
  ics     whole VCALENDARs (feeds and one-off downloads), their ETag
  asof    a person's calendar rows as they stood at a past moment, from the log
  files   calendars ready to serve (body, ETag, file name) for the web feeds and the CLI
  itip    METHOD:REQUEST / CANCEL objects for calendar mails (planner.itip sends them)
"""
