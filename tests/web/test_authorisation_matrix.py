"""Who may GET and POST what: every route of the web UI for every role and organisation.

The tables are the specification (the organisation rules are issue 11's).
Each row is `endpoint method` and the status each account gets. POSTs carry a valid CSRF token
and an empty form, so an allowed POST is refused as invalid (422) or redirects, and a
forbidden one is 403 (or 404 where even that would reveal that a record exists): nothing in
the world changes, and every 403, 404 and 422 is checked to have written no event.

`MATRIX`: by role, all of the trip's own organisation (the default one, which owns every
record of the test world): anonymous visitors, an organiser, a participant who is a member of
the trip, a participant who is not (who gets 404 for the trip's pages, as anyone who may not
read a trip: its existence is not revealed), and an auditor.

The organisation dimension: `ORGANISERS`, `AUDITORS` and `ADMINISTRATORS`, by how the
account's organisation stands to the world's trip (tests/web/world.py): `own` (the owner),
`plan` (a partner it is shared with at plan), `view` (shared at view), `other` (unrelated),
and `global` (an auditor of the unrelated organisation flagged global). The `own` organiser
and auditor are MATRIX's organiser and auditor (checked to agree, requested once). In short:
reading anything of the trip needs plan or view (else 404); its programme needs plan (a
viewer gets 403); its details, dates, status, handed-over profiles and sharing need the owner
(403); the world's profile, agreement and person are visible through the trip and editable by
their owner only; accounts are managed by their organisation's organisers and by any
administrator; organisations are registered and changed by administrators; auditors never
write (403 by role, before any record is looked at).

Adding a route without a row here fails `test_every_route_has_a_row_in_the_matrix`. Other
features add their rows to each table (and the ids their URLs need to `world.ids`).
"""

from __future__ import annotations

import pytest
from flask import Flask

from tests.web.conftest import event_count, settle_background_verifications, signed_in
from tests.web.world import ROLES, TIES, TRIP_TITLE, World

MATRIX = """
endpoint                        method  anonymous organiser member outsider auditor
auth.login                      GET     200       302       302    302      302
auth.login_post                 POST    422       422       422    422      422
auth.logout                     POST    302       302       302    302      302
auth.preferences                GET     302       200       200    200      200
auth.preferences_post           POST    302       302       422    422      403
auth.password                   GET     302       200       200    200      200
auth.password_post              POST    302       422       422    422      422
dashboard.index                 GET     302       200       302    302      200
schedule.mine                   GET     302       200       200    200      200
trips.index                     GET     302       200       200    200      200
trips.new                       GET     302       200       403    403      403
trips.create                    POST    302       422       403    403      403
trips.show                      GET     302       200       200    404      200
trips.edit                      GET     302       200       403    403      403
trips.update                    POST    302       422       403    403      403
trips.dates                     GET     302       200       403    403      403
trips.change_dates              POST    302       422       403    403      403
trips.objectives                GET     302       200       403    403      403
trips.set_objectives            POST    302       422       403    403      403
trips.status                    GET     302       200       403    403      403
trips.change_status             POST    302       422       403    403      403
trips.cancel_form               GET     302       200       403    403      403
trips.cancel                    POST    302       422       403    403      403
trips.reinstate                 POST    302       422       403    403      403
trips.copy_form                 GET     302       200       403    403      403
trips.copy                      POST    302       422       403    403      403
delegation.new_leg              GET     302       200       403    403      403
delegation.add_leg              POST    302       422       403    403      403
delegation.edit_leg             GET     302       200       403    403      403
delegation.change_leg           POST    302       422       403    403      403
delegation.remove_leg           POST    302       422       403    403      403
delegation.members              GET     302       200       403    403      403
delegation.add_member           POST    302       422       403    403      403
delegation.add_person           POST    302       422       403    403      403
delegation.change_member        POST    302       422       403    403      403
delegation.remove_member        POST    302       422       403    403      403
delegation.profiles             GET     302       200       403    403      403
delegation.attach_profile       POST    302       422       403    403      403
delegation.detach_profile       POST    302       422       403    403      403
travel.times                    GET     302       200       403    403      403
travel.set_time                 POST    302       422       403    403      403
travel.clear_time               POST    302       422       403    403      403
meetings.new                    GET     302       200       403    403      403
meetings.schedule               POST    302       422       403    403      403
meetings.show                   GET     302       200       200    404      200
meetings.edit                   GET     302       302       403    403      403
meetings.update                 POST    302       422       403    403      403
meetings.move_form              GET     302       302       403    403      403
meetings.move                   POST    302       422       403    403      403
meetings.relocate_form          GET     302       302       403    403      403
meetings.relocate               POST    302       422       403    403      403
meetings.status                 GET     302       302       403    403      403
meetings.confirm                POST    302       422       403    403      403
meetings.cancel                 POST    302       422       403    403      403
meetings.reinstate              POST    302       422       403    403      403
outcomes.attendees              GET     302       302       403    403      403
outcomes.add_attendee           POST    302       422       403    403      403
outcomes.remove_attendee        POST    302       422       403    403      403
outcomes.outcome                GET     302       200       403    403      403
outcomes.record_outcome         POST    302       422       403    403      403
outcomes.followups              GET     302       200       403    403      403
outcomes.add_followup           POST    302       422       403    403      403
outcomes.complete_followup      POST    302       422       403    403      403
meeting_page.form               GET     302       200       403    403      403
meeting_page.save               POST    302       422       403    403      403
feeds.feed                      GET     404       404       404    404      404
health.health                   GET     200       200       200    200      200
feeds.trip_calendar             GET     302       200       200    404      200
feeds.meeting_calendar          GET     302       200       200    404      200
feeds.my_calendar               GET     302       404       200    200      404
feeds.reset_mine                POST    302       422       422    422      403
feeds.addresses                 GET     302       200       403    403      403
feeds.reset_member              POST    302       422       403    403      403
feeds.reset_person              POST    302       422       403    403      403
# itinerary (PDF)
itinerary.mine                  GET     302       404       200    404      404
itinerary.member                GET     302       200       403    403      403
itinerary.trip                  GET     302       200       200    404      200
companies.index                 GET     302       200       403    403      200
companies.new                   GET     302       200       403    403      403
companies.create                POST    302       422       403    403      403
companies.show                  GET     302       200       403    403      200
companies.edit                  GET     302       200       403    403      403
companies.update                POST    302       422       403    403      403
companies.contacts              GET     302       200       403    403      403
companies.add_contact           POST    302       422       403    403      403
companies.remove_contact        POST    302       422       403    403      403
companies.history               GET     302       200       403    403      200
companies.version               GET     302       200       403    403      200
agreements.index                GET     302       200       403    403      200
agreements.new                  GET     302       200       403    403      403
agreements.create               POST    302       422       403    403      403
agreements.show                 GET     302       200       200    404      200
agreements.edit                 GET     302       200       403    403      403
agreements.update               POST    302       422       403    403      403
agreements.sign_form            GET     302       200       403    403      403
agreements.sign                 POST    302       422       403    403      403
agreements.status               GET     302       200       403    403      403
agreements.change_status        POST    302       422       403    403      403
agreements.milestones           GET     302       200       403    403      403
agreements.add_milestone        POST    302       422       403    403      403
agreements.complete_milestone   POST    302       422       403    403      403
agreement_parties.parties       GET     302       200       403    403      403
agreement_parties.add_party     POST    302       422       403    403      403
agreement_parties.remove_party  POST    302       422       403    403      403
agreement_parties.add_signatory POST    302       422       403    403      403
agreement_parties.remove_signatory POST 302       422       403    403      403
people.index                    GET     302       200       403    403      200
people.new                      GET     302       200       403    403      403
people.register                 POST    302       422       403    403      403
people.show                     GET     302       200       403    403      200
people.edit                     GET     302       200       403    403      403
people.update                   POST    302       422       403    403      403
people.accounts                 GET     302       200       403    403      200
people.account_form             GET     302       200       403    403      403
people.change_role              POST    302       422       403    403      403
people.change_active            POST    302       422       403    403      403
people.change_global_auditor   POST    302       403       403    403      403
erasure.confirm                 GET     302       200       403    403      403
erasure.erase                   POST    302       422       403    403      403
imports.upload                  GET     302       200       403    403      403
imports.receive                 POST    302       422       403    403      403
imports.preview                 GET     302       302       403    403      403
imports.run                     POST    302       422       403    403      403
audit.log                       GET     302       403       403    403      200
audit.log_csv                   GET     302       403       403    403      200
audit.integrity                 GET     302       403       403    403      200
audit.verify                    POST    302       403       403    403      303
audit.verification              GET     302       403       403    403      200
audit.record_history            GET     302       200       403    403      200
audit.record_as_of              GET     302       200       403    403      200
audit.itinerary                 GET     302       200       403    403      200
audit.calendar                  GET     302       200       403    403      200
signins.index                   GET     302       200       403    403      200
trips.sharing                   GET     302       200       403    403      403
trips.share                     POST    302       422       403    403      403
organisations.index             GET     302       200       403    403      200
organisations.show              GET     302       200       403    403      200
organisations.new               GET     302       403       403    403      403
organisations.create            POST    302       403       403    403      403
organisations.edit              GET     302       403       403    403      403
organisations.update            POST    302       403       403    403      403
search.index                    GET     302       200       403    403      200
# invitations and mail (issue 13: planner.mail, web/accept.py, web/invitations.py, web/mail_page.py)
accept.follow                   GET     404       404       404    404      404
accept.set_password             POST    404       404       404    404      404
accept.forgot                   GET     200       200       200    200      200
accept.forgot_post              POST    422       422       422    422      422
invitations.invite              POST    302       422       403    403      403
invitations.revoke              POST    302       422       403    403      403
mail_page.index                 GET     302       200       403    403      403
mail_page.show                  GET     302       404       403    403      403
mail_page.send_again            POST    302       404       403    403      403
# answers to meetings, calendar mail choice (issue 13, itip)
answers.mine                    POST    302       422       422    422      403
answers.link_page               GET     404       404       404    404      404
answers.link_answer             POST    404       404       404    404      404
calendar_mails.choose           POST    302       422       422    422      403
# API tokens page (issue 12, api-core): a user's own tokens
api_tokens.index                GET     302       200       200    200      200
api_tokens.create               POST    302       422       422    422      403
api_tokens.revoke               POST    302       422       422    422      403
# JSON API (issue 12, api-core): a session is no API token (401); docs are public
api.add_meeting_attendees          POST   401   401   401   401   401
api.add_meeting_followup           POST   401   401   401   401   401
api.add_trip_leg                   POST   401   401   401   401   401
api.add_trip_member                POST   401   401   401   401   401
api.attach_trip_profiles           POST   401   401   401   401   401
api.cancel_meeting                 POST   401   401   401   401   401
api.cancel_trip                    POST   401   401   401   401   401
api.change_meeting                 PATCH  401   401   401   401   401
api.change_trip                    PATCH  401   401   401   401   401
api.change_trip_dates              PUT    401   401   401   401   401
api.change_trip_leg                PUT    401   401   401   401   401
api.change_trip_member             PATCH  401   401   401   401   401
api.change_trip_status             PUT    401   401   401   401   401
api.complete_meeting_followup      POST   401   401   401   401   401
api.confirm_meeting                POST   401   401   401   401   401
api.create_trip                    POST   401   401   401   401   401
api.detach_trip_profile            DELETE 401   401   401   401   401
api.docs_css                       GET    200   200   200   200   200
api.docs_js                        GET    200   200   200   200   200
api.docs_page                      GET    200   200   200   200   200
api.list_trip_meetings             GET    401   401   401   401   401
api.list_trips                     GET    401   401   401   401   401
api.me                             GET    401   401   401   401   401
api.move_meeting                   PUT    401   401   401   401   401
api.openapi_document               GET    200   200   200   200   200
api.person_schedule                GET    401   401   401   401   401
api.read_meeting                   GET    401   401   401   401   401
api.read_trip                      GET    401   401   401   401   401
api.read_trip_leg                  GET    401   401   401   401   401
api.record_meeting_outcome         PUT    401   401   401   401   401
api.reinstate_meeting              POST   401   401   401   401   401
api.reinstate_trip                 POST   401   401   401   401   401
api.relocate_meeting               PUT    401   401   401   401   401
api.remove_meeting_attendee        DELETE 401   401   401   401   401
api.remove_trip_leg                DELETE 401   401   401   401   401
api.remove_trip_member             DELETE 401   401   401   401   401
api.reset_member_calendar_link     POST   401   401   401   401   401
api.reset_my_calendar_link         POST   401   401   401   401   401
api.schedule_meeting               POST   401   401   401   401   401
api.set_trip_objectives            PUT    401   401   401   401   401
api.trip_calendar                  GET    401   401   401   401   401
api.trip_calendar_link             GET    401   401   401   401   401
# JSON API (issue 12, api-records): a session is no API token (401)
api.add_contact                    POST   401   401   401   401   401
api.add_milestone                  POST   401   401   401   401   401
api.complete_milestone             POST   401   401   401   401   401
api.read_milestone                 GET    401   401   401   401   401
api.add_party                      POST   401   401   401   401   401
api.add_signatory                  POST   401   401   401   401   401
api.agreements_history             GET    401   401   401   401   401
api.agreements_state               GET    401   401   401   401   401
api.change_agreement_status        POST   401   401   401   401   401
api.create_profile                 POST   401   401   401   401   401
api.draft_agreement                POST   401   401   401   401   401
api.list_agreements                GET    401   401   401   401   401
api.list_changes                   GET    401   401   401   401   401
api.list_profiles                  GET    401   401   401   401   401
api.list_trip_warnings             GET    401   401   401   401   401
api.meetings_history               GET    401   401   401   401   401
api.meetings_state                 GET    401   401   401   401   401
api.people_history                 GET    401   401   401   401   401
api.people_state                   GET    401   401   401   401   401
api.profiles_history               GET    401   401   401   401   401
api.profiles_state                 GET    401   401   401   401   401
api.read_agreement                 GET    401   401   401   401   401
api.read_contact                   GET    401   401   401   401   401
api.read_party                     GET    401   401   401   401   401
api.read_profile                   GET    401   401   401   401   401
api.read_signatory                 GET    401   401   401   401   401
api.remove_contact                 DELETE 401   401   401   401   401
api.remove_party                   DELETE 401   401   401   401   401
api.remove_signatory               DELETE 401   401   401   401   401
api.sign_agreement                 POST   401   401   401   401   401
api.trips_history                  GET    401   401   401   401   401
api.trips_state                    GET    401   401   401   401   401
api.update_agreement               PUT    401   401   401   401   401
api.update_profile                 PUT    401   401   401   401   401
# matchmaking (issue 16)
matchmaking.index               GET     302       200       403    404      200
matchmaking.open                POST    302       422       403    403      403
matchmaking.overview            GET     302       200       403    404      200
matchmaking.companies           GET     302       200       403    404      200
matchmaking.enrol               POST    302       422       403    403      403
matchmaking.company             GET     302       200       403    404      200
matchmaking.save_profile        POST    302       422       403    403      403
matchmaking.set_preference      POST    302       422       403    403      403
matchmaking_pairs.suggestions   GET     302       200       403    404      200
matchmaking_pairs.accept        POST    302       422       403    403      403
matchmaking_pairs.reject        POST    302       422       403    403      403
matchmaking_pairs.add_pair      POST    302       422       403    403      403
matchmaking_floor.floor         GET     302       200       403    404      200
matchmaking_floor.define_slots  POST    302       422       403    403      403
matchmaking_floor.add_table     POST    302       422       403    403      403
matchmaking_floor.remove_table  POST    302       422       403    403      403
matchmaking_floor.block_time    POST    302       422       403    403      403
matchmaking_floor.unblock       POST    302       422       403    403      403
matchmaking_floor.add_interpreter POST    302       422       403    403      403
matchmaking_floor.remove_interpreter POST    302       422       403    403      403
matchmaking_floor.schedule      GET     302       200       403    404      200
matchmaking_floor.propose       POST    302       422       403    403      403
matchmaking_floor.publish       POST    302       422       403    403      403
matchmaking_outcomes.outcomes   GET     302       200       403    404      200
matchmaking_outcomes.rate       POST    302       422       403    403      403
matchmaking_outcomes.record_stage POST    302       422       403    403      403
matchmaking_outcomes.report     GET     302       200       403    404      200
calendar_mails.share_addresses  POST    302       422       403    403      403
# language switcher (issue 14): anyone, the login page too
language.choose                 POST    422       422       422    422      422
"""

ORGANISERS = """
endpoint                           method own   plan  view  other
auth.login                         GET    302   302   302   302
auth.login_post                    POST   422   422   422   422
auth.logout                        POST   302   302   302   302
auth.preferences                   GET    200   200   200   200
auth.preferences_post              POST   302   302   302   302
auth.password                      GET    200   200   200   200
auth.password_post                 POST   422   422   422   422
dashboard.index                    GET    200   200   200   200
schedule.mine                      GET    200   200   200   200
trips.index                        GET    200   200   200   200
trips.new                          GET    200   200   200   200
trips.create                       POST   422   422   422   422
trips.show                         GET    200   200   200   404
trips.edit                         GET    200   403   403   404
trips.update                       POST   422   403   403   404
trips.dates                        GET    200   403   403   404
trips.change_dates                 POST   422   403   403   404
trips.objectives                   GET    200   403   403   404
trips.set_objectives               POST   422   403   403   404
trips.status                       GET    200   403   403   404
trips.change_status                POST   422   403   403   404
trips.cancel_form                  GET    200   403   403   404
trips.cancel                       POST   422   403   403   404
trips.reinstate                    POST   422   403   403   404
trips.copy_form                    GET    200   200   200   404
trips.copy                         POST   422   422   422   404
delegation.new_leg                 GET    200   200   403   404
delegation.add_leg                 POST   422   422   403   404
delegation.edit_leg                GET    200   200   403   404
delegation.change_leg              POST   422   422   403   404
delegation.remove_leg              POST   422   422   403   404
delegation.members                 GET    200   200   403   404
delegation.add_member              POST   422   422   403   404
delegation.add_person              POST   422   422   403   404
delegation.change_member           POST   422   422   403   404
delegation.remove_member           POST   422   422   403   404
delegation.profiles                GET    200   403   403   404
delegation.attach_profile          POST   422   403   403   404
delegation.detach_profile          POST   422   403   403   404
travel.times                       GET    200   200   403   404
travel.set_time                    POST   422   422   403   404
travel.clear_time                  POST   422   422   403   404
meetings.new                       GET    200   200   403   404
meetings.schedule                  POST   422   422   403   404
meetings.show                      GET    200   200   200   404
meetings.edit                      GET    302   302   403   404
meetings.update                    POST   422   422   403   404
meetings.move_form                 GET    302   302   403   404
meetings.move                      POST   422   422   403   404
meetings.relocate_form             GET    302   302   403   404
meetings.relocate                  POST   422   422   403   404
meetings.status                    GET    302   302   403   404
meetings.confirm                   POST   422   422   403   404
meetings.cancel                    POST   422   422   403   404
meetings.reinstate                 POST   422   422   403   404
outcomes.attendees                 GET    302   302   403   404
outcomes.add_attendee              POST   422   422   403   404
outcomes.remove_attendee           POST   422   422   403   404
outcomes.outcome                   GET    200   200   403   404
outcomes.record_outcome            POST   422   422   403   404
outcomes.followups                 GET    200   200   403   404
outcomes.add_followup              POST   422   422   403   404
outcomes.complete_followup         POST   422   422   403   404
meeting_page.form                  GET    200   200   403   404
meeting_page.save                  POST   422   422   403   404
feeds.feed                         GET    404   404   404   404
health.health                      GET    200   200   200   200
feeds.trip_calendar                GET    200   200   200   404
feeds.meeting_calendar             GET    200   200   200   404
feeds.my_calendar                  GET    404   404   404   404
feeds.reset_mine                   POST   422   422   422   422
feeds.addresses                    GET    200   200   403   404
feeds.reset_member                 POST   422   422   403   404
feeds.reset_person                 POST   422   403   403   404
itinerary.mine                     GET    404   404   404   404
itinerary.member                   GET    200   200   403   404
itinerary.trip                     GET    200   200   200   404
companies.index                    GET    200   200   200   200
companies.new                      GET    200   200   200   200
companies.create                   POST   422   422   422   422
companies.show                     GET    200   200   200   404
companies.edit                     GET    200   403   403   404
companies.update                   POST   422   403   403   404
companies.contacts                 GET    200   403   403   404
companies.add_contact              POST   422   403   403   404
companies.remove_contact           POST   422   403   403   404
companies.history                  GET    200   200   200   404
companies.version                  GET    200   200   200   404
agreements.index                   GET    200   200   200   200
agreements.new                     GET    200   200   200   200
agreements.create                  POST   422   422   422   422
agreements.show                    GET    200   200   200   404
agreements.edit                    GET    200   403   403   404
agreements.update                  POST   422   403   403   404
agreements.sign_form               GET    200   403   403   404
agreements.sign                    POST   422   403   403   404
agreements.status                  GET    200   403   403   404
agreements.change_status           POST   422   403   403   404
agreements.milestones              GET    200   403   403   404
agreements.add_milestone           POST   422   403   403   404
agreements.complete_milestone      POST   422   403   403   404
agreement_parties.parties          GET    200   403   403   404
agreement_parties.add_party        POST   422   403   403   404
agreement_parties.remove_party     POST   422   403   403   404
agreement_parties.add_signatory    POST   422   403   403   404
agreement_parties.remove_signatory POST   422   403   403   404
people.index                       GET    200   200   200   200
people.new                         GET    200   200   200   200
people.register                    POST   422   422   422   422
people.show                        GET    200   200   200   404
people.edit                        GET    200   403   403   404
people.update                      POST   422   403   403   404
people.accounts                    GET    200   200   200   200
people.account_form                GET    200   404   404   404
people.change_role                 POST   422   404   404   404
people.change_active               POST   422   404   404   404
people.change_global_auditor       POST   403   403   403   403
erasure.confirm                    GET    200   403   403   404
erasure.erase                      POST   422   403   403   404
imports.upload                     GET    200   200   200   200
imports.receive                    POST   422   422   422   422
imports.preview                    GET    302   302   302   302
imports.run                        POST   422   422   422   422
audit.log                          GET    403   403   403   403
audit.log_csv                      GET    403   403   403   403
audit.integrity                    GET    403   403   403   403
audit.verify                       POST   403   403   403   403
audit.verification                 GET    403   403   403   403
audit.record_history               GET    200   200   200   404
audit.record_as_of                 GET    200   200   200   404
audit.itinerary                    GET    200   200   200   404
audit.calendar                     GET    200   200   200   404
signins.index                      GET    200   200   200   200
trips.sharing                      GET    200   403   403   404
trips.share                        POST   422   403   403   404
organisations.index                GET    200   200   200   200
organisations.show                 GET    200   200   200   200
organisations.new                  GET    403   403   403   403
organisations.create               POST   403   403   403   403
organisations.edit                 GET    403   403   403   403
organisations.update               POST   403   403   403   403
search.index                       GET    200   200   200   200
# invitations and mail (issue 13)
accept.follow                      GET    404   404   404   404
accept.set_password                POST   404   404   404   404
accept.forgot                      GET    200   200   200   200
accept.forgot_post                 POST   422   422   422   422
invitations.invite                 POST   422   422   403   404
invitations.revoke                 POST   422   422   403   404
mail_page.index                    GET    200   200   200   200
mail_page.show                     GET    404   404   404   404
mail_page.send_again               POST   404   404   404   404
# answers to meetings, calendar mail choice (issue 13, itip)
answers.mine                       POST   422   422   422   422
answers.link_page                  GET    404   404   404   404
answers.link_answer                POST   404   404   404   404
calendar_mails.choose              POST   422   422   422   422
# API tokens page (issue 12, api-core): a user's own tokens
api_tokens.index                   GET    200   200   200   200
api_tokens.create                  POST   422   422   422   422
api_tokens.revoke                  POST   422   422   422   422
# JSON API (issue 12, api-core): a session is no API token (401); docs are public
api.add_meeting_attendees          POST   401   401   401   401
api.add_meeting_followup           POST   401   401   401   401
api.add_trip_leg                   POST   401   401   401   401
api.add_trip_member                POST   401   401   401   401
api.attach_trip_profiles           POST   401   401   401   401
api.cancel_meeting                 POST   401   401   401   401
api.cancel_trip                    POST   401   401   401   401
api.change_meeting                 PATCH  401   401   401   401
api.change_trip                    PATCH  401   401   401   401
api.change_trip_dates              PUT    401   401   401   401
api.change_trip_leg                PUT    401   401   401   401
api.change_trip_member             PATCH  401   401   401   401
api.change_trip_status             PUT    401   401   401   401
api.complete_meeting_followup      POST   401   401   401   401
api.confirm_meeting                POST   401   401   401   401
api.create_trip                    POST   401   401   401   401
api.detach_trip_profile            DELETE 401   401   401   401
api.docs_css                       GET    200   200   200   200
api.docs_js                        GET    200   200   200   200
api.docs_page                      GET    200   200   200   200
api.list_trip_meetings             GET    401   401   401   401
api.list_trips                     GET    401   401   401   401
api.me                             GET    401   401   401   401
api.move_meeting                   PUT    401   401   401   401
api.openapi_document               GET    200   200   200   200
api.person_schedule                GET    401   401   401   401
api.read_meeting                   GET    401   401   401   401
api.read_trip                      GET    401   401   401   401
api.read_trip_leg                  GET    401   401   401   401
api.record_meeting_outcome         PUT    401   401   401   401
api.reinstate_meeting              POST   401   401   401   401
api.reinstate_trip                 POST   401   401   401   401
api.relocate_meeting               PUT    401   401   401   401
api.remove_meeting_attendee        DELETE 401   401   401   401
api.remove_trip_leg                DELETE 401   401   401   401
api.remove_trip_member             DELETE 401   401   401   401
api.reset_member_calendar_link     POST   401   401   401   401
api.reset_my_calendar_link         POST   401   401   401   401
api.schedule_meeting               POST   401   401   401   401
api.set_trip_objectives            PUT    401   401   401   401
api.trip_calendar                  GET    401   401   401   401
api.trip_calendar_link             GET    401   401   401   401
# JSON API (issue 12, api-records): a session is no API token (401)
api.add_contact                    POST   401   401   401   401
api.add_milestone                  POST   401   401   401   401
api.complete_milestone             POST   401   401   401   401
api.read_milestone                 GET    401   401   401   401
api.add_party                      POST   401   401   401   401
api.add_signatory                  POST   401   401   401   401
api.agreements_history             GET    401   401   401   401
api.agreements_state               GET    401   401   401   401
api.change_agreement_status        POST   401   401   401   401
api.create_profile                 POST   401   401   401   401
api.draft_agreement                POST   401   401   401   401
api.list_agreements                GET    401   401   401   401
api.list_changes                   GET    401   401   401   401
api.list_profiles                  GET    401   401   401   401
api.list_trip_warnings             GET    401   401   401   401
api.meetings_history               GET    401   401   401   401
api.meetings_state                 GET    401   401   401   401
api.people_history                 GET    401   401   401   401
api.people_state                   GET    401   401   401   401
api.profiles_history               GET    401   401   401   401
api.profiles_state                 GET    401   401   401   401
api.read_agreement                 GET    401   401   401   401
api.read_contact                   GET    401   401   401   401
api.read_party                     GET    401   401   401   401
api.read_profile                   GET    401   401   401   401
api.read_signatory                 GET    401   401   401   401
api.remove_contact                 DELETE 401   401   401   401
api.remove_party                   DELETE 401   401   401   401
api.remove_signatory               DELETE 401   401   401   401
api.sign_agreement                 POST   401   401   401   401
api.trips_history                  GET    401   401   401   401
api.trips_state                    GET    401   401   401   401
api.update_agreement               PUT    401   401   401   401
api.update_profile                 PUT    401   401   401   401
# matchmaking (issue 16)
matchmaking.index                  GET    200   200   200   404
matchmaking.open                   POST   422   422   403   404
matchmaking.overview               GET    200   200   200   404
matchmaking.companies              GET    200   200   200   404
matchmaking.enrol                  POST   422   422   403   404
matchmaking.company                GET    200   200   200   404
matchmaking.save_profile           POST   422   422   403   404
matchmaking.set_preference         POST   422   422   403   404
matchmaking_pairs.suggestions      GET    200   200   200   404
matchmaking_pairs.accept           POST   422   422   403   404
matchmaking_pairs.reject           POST   422   422   403   404
matchmaking_pairs.add_pair         POST   422   422   403   404
matchmaking_floor.floor            GET    200   200   200   404
matchmaking_floor.define_slots     POST   422   422   403   404
matchmaking_floor.add_table        POST   422   422   403   404
matchmaking_floor.remove_table     POST   422   422   403   404
matchmaking_floor.block_time       POST   422   422   403   404
matchmaking_floor.unblock          POST   422   422   403   404
matchmaking_floor.add_interpreter  POST   422   422   403   404
matchmaking_floor.remove_interpreter POST   422   422   403   404
matchmaking_floor.schedule         GET    200   200   200   404
matchmaking_floor.propose          POST   422   422   403   404
matchmaking_floor.publish          POST   422   422   403   404
matchmaking_outcomes.outcomes      GET    200   200   200   404
matchmaking_outcomes.rate          POST   422   422   403   404
matchmaking_outcomes.record_stage  POST   422   422   403   404
matchmaking_outcomes.report        GET    200   200   200   404
calendar_mails.share_addresses     POST   422   403   403   404
# language switcher (issue 14)
language.choose                    POST   422   422   422   422
"""

AUDITORS = """
endpoint                           method own   plan  view  other global
auth.login                         GET    302   302   302   302   302
auth.login_post                    POST   422   422   422   422   422
auth.logout                        POST   302   302   302   302   302
auth.preferences                   GET    200   200   200   200   200
auth.preferences_post              POST   403   403   403   403   403
auth.password                      GET    200   200   200   200   200
auth.password_post                 POST   422   422   422   422   422
dashboard.index                    GET    200   200   200   200   200
schedule.mine                      GET    200   200   200   200   200
trips.index                        GET    200   200   200   200   200
trips.new                          GET    403   403   403   403   403
trips.create                       POST   403   403   403   403   403
trips.show                         GET    200   200   200   404   200
trips.edit                         GET    403   403   403   403   403
trips.update                       POST   403   403   403   403   403
trips.dates                        GET    403   403   403   403   403
trips.change_dates                 POST   403   403   403   403   403
trips.objectives                   GET    403   403   403   403   403
trips.set_objectives               POST   403   403   403   403   403
trips.status                       GET    403   403   403   403   403
trips.change_status                POST   403   403   403   403   403
trips.cancel_form                  GET    403   403   403   403   403
trips.cancel                       POST   403   403   403   403   403
trips.reinstate                    POST   403   403   403   403   403
trips.copy_form                    GET    403   403   403   403   403
trips.copy                         POST   403   403   403   403   403
delegation.new_leg                 GET    403   403   403   403   403
delegation.add_leg                 POST   403   403   403   403   403
delegation.edit_leg                GET    403   403   403   403   403
delegation.change_leg              POST   403   403   403   403   403
delegation.remove_leg              POST   403   403   403   403   403
delegation.members                 GET    403   403   403   403   403
delegation.add_member              POST   403   403   403   403   403
delegation.add_person              POST   403   403   403   403   403
delegation.change_member           POST   403   403   403   403   403
delegation.remove_member           POST   403   403   403   403   403
delegation.profiles                GET    403   403   403   403   403
delegation.attach_profile          POST   403   403   403   403   403
delegation.detach_profile          POST   403   403   403   403   403
travel.times                       GET    403   403   403   403   403
travel.set_time                    POST   403   403   403   403   403
travel.clear_time                  POST   403   403   403   403   403
meetings.new                       GET    403   403   403   403   403
meetings.schedule                  POST   403   403   403   403   403
meetings.show                      GET    200   200   200   404   200
meetings.edit                      GET    403   403   403   403   403
meetings.update                    POST   403   403   403   403   403
meetings.move_form                 GET    403   403   403   403   403
meetings.move                      POST   403   403   403   403   403
meetings.relocate_form             GET    403   403   403   403   403
meetings.relocate                  POST   403   403   403   403   403
meetings.status                    GET    403   403   403   403   403
meetings.confirm                   POST   403   403   403   403   403
meetings.cancel                    POST   403   403   403   403   403
meetings.reinstate                 POST   403   403   403   403   403
outcomes.attendees                 GET    403   403   403   403   403
outcomes.add_attendee              POST   403   403   403   403   403
outcomes.remove_attendee           POST   403   403   403   403   403
outcomes.outcome                   GET    403   403   403   403   403
outcomes.record_outcome            POST   403   403   403   403   403
outcomes.followups                 GET    403   403   403   403   403
outcomes.add_followup              POST   403   403   403   403   403
outcomes.complete_followup         POST   403   403   403   403   403
meeting_page.form                  GET    403   403   403   403   403
meeting_page.save                  POST   403   403   403   403   403
feeds.feed                         GET    404   404   404   404   404
health.health                      GET    200   200   200   200   200
feeds.trip_calendar                GET    200   200   200   404   200
feeds.meeting_calendar             GET    200   200   200   404   200
feeds.my_calendar                  GET    404   404   404   404   404
feeds.reset_mine                   POST   403   403   403   403   403
feeds.addresses                    GET    403   403   403   403   403
feeds.reset_member                 POST   403   403   403   403   403
feeds.reset_person                 POST   403   403   403   403   403
itinerary.mine                     GET    404   404   404   404   404
itinerary.member                   GET    403   403   403   403   403
itinerary.trip                     GET    200   200   200   404   200
companies.index                    GET    200   200   200   200   200
companies.new                      GET    403   403   403   403   403
companies.create                   POST   403   403   403   403   403
companies.show                     GET    200   200   200   404   200
companies.edit                     GET    403   403   403   403   403
companies.update                   POST   403   403   403   403   403
companies.contacts                 GET    403   403   403   403   403
companies.add_contact              POST   403   403   403   403   403
companies.remove_contact           POST   403   403   403   403   403
companies.history                  GET    200   200   200   404   200
companies.version                  GET    200   200   200   404   200
agreements.index                   GET    200   200   200   200   200
agreements.new                     GET    403   403   403   403   403
agreements.create                  POST   403   403   403   403   403
agreements.show                    GET    200   200   200   404   200
agreements.edit                    GET    403   403   403   403   403
agreements.update                  POST   403   403   403   403   403
agreements.sign_form               GET    403   403   403   403   403
agreements.sign                    POST   403   403   403   403   403
agreements.status                  GET    403   403   403   403   403
agreements.change_status           POST   403   403   403   403   403
agreements.milestones              GET    403   403   403   403   403
agreements.add_milestone           POST   403   403   403   403   403
agreements.complete_milestone      POST   403   403   403   403   403
agreement_parties.parties          GET    403   403   403   403   403
agreement_parties.add_party        POST   403   403   403   403   403
agreement_parties.remove_party     POST   403   403   403   403   403
agreement_parties.add_signatory    POST   403   403   403   403   403
agreement_parties.remove_signatory POST   403   403   403   403   403
people.index                       GET    200   200   200   200   200
people.new                         GET    403   403   403   403   403
people.register                    POST   403   403   403   403   403
people.show                        GET    200   200   200   404   200
people.edit                        GET    403   403   403   403   403
people.update                      POST   403   403   403   403   403
people.accounts                    GET    200   200   200   200   200
people.account_form                GET    403   403   403   403   403
people.change_role                 POST   403   403   403   403   403
people.change_active               POST   403   403   403   403   403
people.change_global_auditor       POST   403   403   403   403   403
erasure.confirm                    GET    403   403   403   403   403
erasure.erase                      POST   403   403   403   403   403
imports.upload                     GET    403   403   403   403   403
imports.receive                    POST   403   403   403   403   403
imports.preview                    GET    403   403   403   403   403
imports.run                        POST   403   403   403   403   403
audit.log                          GET    200   200   200   200   200
audit.log_csv                      GET    200   200   200   200   200
audit.integrity                    GET    200   200   200   200   200
audit.verify                       POST   303   303   303   303   303
audit.verification                 GET    200   200   200   200   200
audit.record_history               GET    200   200   200   404   200
audit.record_as_of                 GET    200   200   200   404   200
audit.itinerary                    GET    200   200   200   404   200
audit.calendar                     GET    200   200   200   404   200
signins.index                      GET    200   200   200   200   200
trips.sharing                      GET    403   403   403   403   403
trips.share                        POST   403   403   403   403   403
organisations.index                GET    200   200   200   200   200
organisations.show                 GET    200   200   200   200   200
organisations.new                  GET    403   403   403   403   403
organisations.create               POST   403   403   403   403   403
organisations.edit                 GET    403   403   403   403   403
organisations.update               POST   403   403   403   403   403
search.index                       GET    200   200   200   200   200
# invitations and mail (issue 13)
accept.follow                      GET    404   404   404   404   404
accept.set_password                POST   404   404   404   404   404
accept.forgot                      GET    200   200   200   200   200
accept.forgot_post                 POST   422   422   422   422   422
invitations.invite                 POST   403   403   403   403   403
invitations.revoke                 POST   403   403   403   403   403
mail_page.index                    GET    403   403   403   403   403
mail_page.show                     GET    403   403   403   403   403
mail_page.send_again               POST   403   403   403   403   403
# answers to meetings, calendar mail choice (issue 13, itip)
answers.mine                       POST   403   403   403   403   403
answers.link_page                  GET    404   404   404   404   404
answers.link_answer                POST   404   404   404   404   404
calendar_mails.choose              POST   403   403   403   403   403
# API tokens page (issue 12, api-core): a user's own tokens
api_tokens.index                   GET    200   200   200   200   200
api_tokens.create                  POST   403   403   403   403   403
api_tokens.revoke                  POST   403   403   403   403   403
# JSON API (issue 12, api-core): a session is no API token (401); docs are public
api.add_meeting_attendees          POST   401   401   401   401   401
api.add_meeting_followup           POST   401   401   401   401   401
api.add_trip_leg                   POST   401   401   401   401   401
api.add_trip_member                POST   401   401   401   401   401
api.attach_trip_profiles           POST   401   401   401   401   401
api.cancel_meeting                 POST   401   401   401   401   401
api.cancel_trip                    POST   401   401   401   401   401
api.change_meeting                 PATCH  401   401   401   401   401
api.change_trip                    PATCH  401   401   401   401   401
api.change_trip_dates              PUT    401   401   401   401   401
api.change_trip_leg                PUT    401   401   401   401   401
api.change_trip_member             PATCH  401   401   401   401   401
api.change_trip_status             PUT    401   401   401   401   401
api.complete_meeting_followup      POST   401   401   401   401   401
api.confirm_meeting                POST   401   401   401   401   401
api.create_trip                    POST   401   401   401   401   401
api.detach_trip_profile            DELETE 401   401   401   401   401
api.docs_css                       GET    200   200   200   200   200
api.docs_js                        GET    200   200   200   200   200
api.docs_page                      GET    200   200   200   200   200
api.list_trip_meetings             GET    401   401   401   401   401
api.list_trips                     GET    401   401   401   401   401
api.me                             GET    401   401   401   401   401
api.move_meeting                   PUT    401   401   401   401   401
api.openapi_document               GET    200   200   200   200   200
api.person_schedule                GET    401   401   401   401   401
api.read_meeting                   GET    401   401   401   401   401
api.read_trip                      GET    401   401   401   401   401
api.read_trip_leg                  GET    401   401   401   401   401
api.record_meeting_outcome         PUT    401   401   401   401   401
api.reinstate_meeting              POST   401   401   401   401   401
api.reinstate_trip                 POST   401   401   401   401   401
api.relocate_meeting               PUT    401   401   401   401   401
api.remove_meeting_attendee        DELETE 401   401   401   401   401
api.remove_trip_leg                DELETE 401   401   401   401   401
api.remove_trip_member             DELETE 401   401   401   401   401
api.reset_member_calendar_link     POST   401   401   401   401   401
api.reset_my_calendar_link         POST   401   401   401   401   401
api.schedule_meeting               POST   401   401   401   401   401
api.set_trip_objectives            PUT    401   401   401   401   401
api.trip_calendar                  GET    401   401   401   401   401
api.trip_calendar_link             GET    401   401   401   401   401
# JSON API (issue 12, api-records): a session is no API token (401)
api.add_contact                    POST   401   401   401   401   401
api.add_milestone                  POST   401   401   401   401   401
api.complete_milestone             POST   401   401   401   401   401
api.read_milestone                 GET    401   401   401   401   401
api.add_party                      POST   401   401   401   401   401
api.add_signatory                  POST   401   401   401   401   401
api.agreements_history             GET    401   401   401   401   401
api.agreements_state               GET    401   401   401   401   401
api.change_agreement_status        POST   401   401   401   401   401
api.create_profile                 POST   401   401   401   401   401
api.draft_agreement                POST   401   401   401   401   401
api.list_agreements                GET    401   401   401   401   401
api.list_changes                   GET    401   401   401   401   401
api.list_profiles                  GET    401   401   401   401   401
api.list_trip_warnings             GET    401   401   401   401   401
api.meetings_history               GET    401   401   401   401   401
api.meetings_state                 GET    401   401   401   401   401
api.people_history                 GET    401   401   401   401   401
api.people_state                   GET    401   401   401   401   401
api.profiles_history               GET    401   401   401   401   401
api.profiles_state                 GET    401   401   401   401   401
api.read_agreement                 GET    401   401   401   401   401
api.read_contact                   GET    401   401   401   401   401
api.read_party                     GET    401   401   401   401   401
api.read_profile                   GET    401   401   401   401   401
api.read_signatory                 GET    401   401   401   401   401
api.remove_contact                 DELETE 401   401   401   401   401
api.remove_party                   DELETE 401   401   401   401   401
api.remove_signatory               DELETE 401   401   401   401   401
api.sign_agreement                 POST   401   401   401   401   401
api.trips_history                  GET    401   401   401   401   401
api.trips_state                    GET    401   401   401   401   401
api.update_agreement               PUT    401   401   401   401   401
api.update_profile                 PUT    401   401   401   401   401
# matchmaking (issue 16)
matchmaking.index                  GET    200   200   200   404   200
matchmaking.open                   POST   403   403   403   403   403
matchmaking.overview               GET    200   200   200   404   200
matchmaking.companies              GET    200   200   200   404   200
matchmaking.enrol                  POST   403   403   403   403   403
matchmaking.company                GET    200   200   200   404   200
matchmaking.save_profile           POST   403   403   403   403   403
matchmaking.set_preference         POST   403   403   403   403   403
matchmaking_pairs.suggestions      GET    200   200   200   404   200
matchmaking_pairs.accept           POST   403   403   403   403   403
matchmaking_pairs.reject           POST   403   403   403   403   403
matchmaking_pairs.add_pair         POST   403   403   403   403   403
matchmaking_floor.floor            GET    200   200   200   404   200
matchmaking_floor.define_slots     POST   403   403   403   403   403
matchmaking_floor.add_table        POST   403   403   403   403   403
matchmaking_floor.remove_table     POST   403   403   403   403   403
matchmaking_floor.block_time       POST   403   403   403   403   403
matchmaking_floor.unblock          POST   403   403   403   403   403
matchmaking_floor.add_interpreter  POST   403   403   403   403   403
matchmaking_floor.remove_interpreter POST   403   403   403   403   403
matchmaking_floor.schedule         GET    200   200   200   404   200
matchmaking_floor.propose          POST   403   403   403   403   403
matchmaking_floor.publish          POST   403   403   403   403   403
matchmaking_outcomes.outcomes      GET    200   200   200   404   200
matchmaking_outcomes.rate          POST   403   403   403   403   403
matchmaking_outcomes.record_stage  POST   403   403   403   403   403
matchmaking_outcomes.report        GET    200   200   200   404   200
calendar_mails.share_addresses     POST   403   403   403   403   403
# language switcher (issue 14)
language.choose                    POST   422   422   422   422   422
"""

ADMINISTRATORS = """
endpoint                           method own   plan  view  other
auth.login                         GET    302   302   302   302
auth.login_post                    POST   422   422   422   422
auth.logout                        POST   302   302   302   302
auth.preferences                   GET    200   200   200   200
auth.preferences_post              POST   302   302   302   302
auth.password                      GET    200   200   200   200
auth.password_post                 POST   422   422   422   422
dashboard.index                    GET    200   200   200   200
schedule.mine                      GET    200   200   200   200
trips.index                        GET    200   200   200   200
trips.new                          GET    200   200   200   200
trips.create                       POST   422   422   422   422
trips.show                         GET    200   200   200   404
trips.edit                         GET    200   403   403   404
trips.update                       POST   422   403   403   404
trips.dates                        GET    200   403   403   404
trips.change_dates                 POST   422   403   403   404
trips.objectives                   GET    200   403   403   404
trips.set_objectives               POST   422   403   403   404
trips.status                       GET    200   403   403   404
trips.change_status                POST   422   403   403   404
trips.cancel_form                  GET    200   403   403   404
trips.cancel                       POST   422   403   403   404
trips.reinstate                    POST   422   403   403   404
trips.copy_form                    GET    200   200   200   404
trips.copy                         POST   422   422   422   404
delegation.new_leg                 GET    200   200   403   404
delegation.add_leg                 POST   422   422   403   404
delegation.edit_leg                GET    200   200   403   404
delegation.change_leg              POST   422   422   403   404
delegation.remove_leg              POST   422   422   403   404
delegation.members                 GET    200   200   403   404
delegation.add_member              POST   422   422   403   404
delegation.add_person              POST   422   422   403   404
delegation.change_member           POST   422   422   403   404
delegation.remove_member           POST   422   422   403   404
delegation.profiles                GET    200   403   403   404
delegation.attach_profile          POST   422   403   403   404
delegation.detach_profile          POST   422   403   403   404
travel.times                       GET    200   200   403   404
travel.set_time                    POST   422   422   403   404
travel.clear_time                  POST   422   422   403   404
meetings.new                       GET    200   200   403   404
meetings.schedule                  POST   422   422   403   404
meetings.show                      GET    200   200   200   404
meetings.edit                      GET    302   302   403   404
meetings.update                    POST   422   422   403   404
meetings.move_form                 GET    302   302   403   404
meetings.move                      POST   422   422   403   404
meetings.relocate_form             GET    302   302   403   404
meetings.relocate                  POST   422   422   403   404
meetings.status                    GET    302   302   403   404
meetings.confirm                   POST   422   422   403   404
meetings.cancel                    POST   422   422   403   404
meetings.reinstate                 POST   422   422   403   404
outcomes.attendees                 GET    302   302   403   404
outcomes.add_attendee              POST   422   422   403   404
outcomes.remove_attendee           POST   422   422   403   404
outcomes.outcome                   GET    200   200   403   404
outcomes.record_outcome            POST   422   422   403   404
outcomes.followups                 GET    200   200   403   404
outcomes.add_followup              POST   422   422   403   404
outcomes.complete_followup         POST   422   422   403   404
meeting_page.form                  GET    200   200   403   404
meeting_page.save                  POST   422   422   403   404
feeds.feed                         GET    404   404   404   404
health.health                      GET    200   200   200   200
feeds.trip_calendar                GET    200   200   200   404
feeds.meeting_calendar             GET    200   200   200   404
feeds.my_calendar                  GET    404   404   404   404
feeds.reset_mine                   POST   422   422   422   422
feeds.addresses                    GET    200   200   403   404
feeds.reset_member                 POST   422   422   403   404
feeds.reset_person                 POST   422   403   403   404
itinerary.mine                     GET    404   404   404   404
itinerary.member                   GET    200   200   403   404
itinerary.trip                     GET    200   200   200   404
companies.index                    GET    200   200   200   200
companies.new                      GET    200   200   200   200
companies.create                   POST   422   422   422   422
companies.show                     GET    200   200   200   404
companies.edit                     GET    200   403   403   404
companies.update                   POST   422   403   403   404
companies.contacts                 GET    200   403   403   404
companies.add_contact              POST   422   403   403   404
companies.remove_contact           POST   422   403   403   404
companies.history                  GET    200   200   200   404
companies.version                  GET    200   200   200   404
agreements.index                   GET    200   200   200   200
agreements.new                     GET    200   200   200   200
agreements.create                  POST   422   422   422   422
agreements.show                    GET    200   200   200   404
agreements.edit                    GET    200   403   403   404
agreements.update                  POST   422   403   403   404
agreements.sign_form               GET    200   403   403   404
agreements.sign                    POST   422   403   403   404
agreements.status                  GET    200   403   403   404
agreements.change_status           POST   422   403   403   404
agreements.milestones              GET    200   403   403   404
agreements.add_milestone           POST   422   403   403   404
agreements.complete_milestone      POST   422   403   403   404
agreement_parties.parties          GET    200   403   403   404
agreement_parties.add_party        POST   422   403   403   404
agreement_parties.remove_party     POST   422   403   403   404
agreement_parties.add_signatory    POST   422   403   403   404
agreement_parties.remove_signatory POST   422   403   403   404
people.index                       GET    200   200   200   200
people.new                         GET    200   200   200   200
people.register                    POST   422   422   422   422
people.show                        GET    200   200   200   404
people.edit                        GET    200   403   403   404
people.update                      POST   422   403   403   404
people.accounts                    GET    200   200   200   200
people.account_form                GET    200   200   200   200
people.change_role                 POST   422   422   422   422
people.change_active               POST   422   422   422   422
people.change_global_auditor       POST   422   422   422   422
erasure.confirm                    GET    200   403   403   404
erasure.erase                      POST   422   403   403   404
imports.upload                     GET    200   200   200   200
imports.receive                    POST   422   422   422   422
imports.preview                    GET    302   302   302   302
imports.run                        POST   422   422   422   422
audit.log                          GET    403   403   403   403
audit.log_csv                      GET    403   403   403   403
audit.integrity                    GET    403   403   403   403
audit.verify                       POST   403   403   403   403
audit.verification                 GET    403   403   403   403
audit.record_history               GET    200   200   200   404
audit.record_as_of                 GET    200   200   200   404
audit.itinerary                    GET    200   200   200   404
audit.calendar                     GET    200   200   200   404
signins.index                      GET    200   200   200   200
trips.sharing                      GET    200   403   403   404
trips.share                        POST   422   403   403   404
organisations.index                GET    200   200   200   200
organisations.show                 GET    200   200   200   200
organisations.new                  GET    200   200   200   200
organisations.create               POST   422   422   422   422
organisations.edit                 GET    200   200   200   200
organisations.update               POST   422   422   422   422
search.index                       GET    200   200   200   200
# invitations and mail (issue 13)
accept.follow                      GET    404   404   404   404
accept.set_password                POST   404   404   404   404
accept.forgot                      GET    200   200   200   200
accept.forgot_post                 POST   422   422   422   422
invitations.invite                 POST   422   422   403   404
invitations.revoke                 POST   422   422   403   404
mail_page.index                    GET    200   200   200   200
mail_page.show                     GET    404   404   404   404
mail_page.send_again               POST   404   404   404   404
# answers to meetings, calendar mail choice (issue 13, itip)
answers.mine                       POST   422   422   422   422
answers.link_page                  GET    404   404   404   404
answers.link_answer                POST   404   404   404   404
calendar_mails.choose              POST   422   422   422   422
# API tokens page (issue 12, api-core): a user's own tokens
api_tokens.index                   GET    200   200   200   200
api_tokens.create                  POST   422   422   422   422
api_tokens.revoke                  POST   422   422   422   422
# JSON API (issue 12, api-core): a session is no API token (401); docs are public
api.add_meeting_attendees          POST   401   401   401   401
api.add_meeting_followup           POST   401   401   401   401
api.add_trip_leg                   POST   401   401   401   401
api.add_trip_member                POST   401   401   401   401
api.attach_trip_profiles           POST   401   401   401   401
api.cancel_meeting                 POST   401   401   401   401
api.cancel_trip                    POST   401   401   401   401
api.change_meeting                 PATCH  401   401   401   401
api.change_trip                    PATCH  401   401   401   401
api.change_trip_dates              PUT    401   401   401   401
api.change_trip_leg                PUT    401   401   401   401
api.change_trip_member             PATCH  401   401   401   401
api.change_trip_status             PUT    401   401   401   401
api.complete_meeting_followup      POST   401   401   401   401
api.confirm_meeting                POST   401   401   401   401
api.create_trip                    POST   401   401   401   401
api.detach_trip_profile            DELETE 401   401   401   401
api.docs_css                       GET    200   200   200   200
api.docs_js                        GET    200   200   200   200
api.docs_page                      GET    200   200   200   200
api.list_trip_meetings             GET    401   401   401   401
api.list_trips                     GET    401   401   401   401
api.me                             GET    401   401   401   401
api.move_meeting                   PUT    401   401   401   401
api.openapi_document               GET    200   200   200   200
api.person_schedule                GET    401   401   401   401
api.read_meeting                   GET    401   401   401   401
api.read_trip                      GET    401   401   401   401
api.read_trip_leg                  GET    401   401   401   401
api.record_meeting_outcome         PUT    401   401   401   401
api.reinstate_meeting              POST   401   401   401   401
api.reinstate_trip                 POST   401   401   401   401
api.relocate_meeting               PUT    401   401   401   401
api.remove_meeting_attendee        DELETE 401   401   401   401
api.remove_trip_leg                DELETE 401   401   401   401
api.remove_trip_member             DELETE 401   401   401   401
api.reset_member_calendar_link     POST   401   401   401   401
api.reset_my_calendar_link         POST   401   401   401   401
api.schedule_meeting               POST   401   401   401   401
api.set_trip_objectives            PUT    401   401   401   401
api.trip_calendar                  GET    401   401   401   401
api.trip_calendar_link             GET    401   401   401   401
# JSON API (issue 12, api-records): a session is no API token (401)
api.add_contact                    POST   401   401   401   401
api.add_milestone                  POST   401   401   401   401
api.complete_milestone             POST   401   401   401   401
api.read_milestone                 GET    401   401   401   401
api.add_party                      POST   401   401   401   401
api.add_signatory                  POST   401   401   401   401
api.agreements_history             GET    401   401   401   401
api.agreements_state               GET    401   401   401   401
api.change_agreement_status        POST   401   401   401   401
api.create_profile                 POST   401   401   401   401
api.draft_agreement                POST   401   401   401   401
api.list_agreements                GET    401   401   401   401
api.list_changes                   GET    401   401   401   401
api.list_profiles                  GET    401   401   401   401
api.list_trip_warnings             GET    401   401   401   401
api.meetings_history               GET    401   401   401   401
api.meetings_state                 GET    401   401   401   401
api.people_history                 GET    401   401   401   401
api.people_state                   GET    401   401   401   401
api.profiles_history               GET    401   401   401   401
api.profiles_state                 GET    401   401   401   401
api.read_agreement                 GET    401   401   401   401
api.read_contact                   GET    401   401   401   401
api.read_party                     GET    401   401   401   401
api.read_profile                   GET    401   401   401   401
api.read_signatory                 GET    401   401   401   401
api.remove_contact                 DELETE 401   401   401   401
api.remove_party                   DELETE 401   401   401   401
api.remove_signatory               DELETE 401   401   401   401
api.sign_agreement                 POST   401   401   401   401
api.trips_history                  GET    401   401   401   401
api.trips_state                    GET    401   401   401   401
api.update_agreement               PUT    401   401   401   401
api.update_profile                 PUT    401   401   401   401
# matchmaking (issue 16)
matchmaking.index                  GET    200   200   200   404
matchmaking.open                   POST   422   422   403   404
matchmaking.overview               GET    200   200   200   404
matchmaking.companies              GET    200   200   200   404
matchmaking.enrol                  POST   422   422   403   404
matchmaking.company                GET    200   200   200   404
matchmaking.save_profile           POST   422   422   403   404
matchmaking.set_preference         POST   422   422   403   404
matchmaking_pairs.suggestions      GET    200   200   200   404
matchmaking_pairs.accept           POST   422   422   403   404
matchmaking_pairs.reject           POST   422   422   403   404
matchmaking_pairs.add_pair         POST   422   422   403   404
matchmaking_floor.floor            GET    200   200   200   404
matchmaking_floor.define_slots     POST   422   422   403   404
matchmaking_floor.add_table        POST   422   422   403   404
matchmaking_floor.remove_table     POST   422   422   403   404
matchmaking_floor.block_time       POST   422   422   403   404
matchmaking_floor.unblock          POST   422   422   403   404
matchmaking_floor.add_interpreter  POST   422   422   403   404
matchmaking_floor.remove_interpreter POST   422   422   403   404
matchmaking_floor.schedule         GET    200   200   200   404
matchmaking_floor.propose          POST   422   422   403   404
matchmaking_floor.publish          POST   422   422   403   404
matchmaking_outcomes.outcomes      GET    200   200   200   404
matchmaking_outcomes.rate          POST   422   422   403   404
matchmaking_outcomes.record_stage  POST   422   422   403   404
matchmaking_outcomes.report        GET    200   200   200   404
calendar_mails.share_addresses     POST   422   403   403   404
# language switcher (issue 14)
language.choose                    POST   422   422   422   422
"""


def parse(table: str, columns: tuple[str, ...]) -> dict[tuple[str, str], dict[str, int]]:
    lines = [line.split() for line in table.strip().splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    header, rows = lines[0], lines[1:]
    assert tuple(header[2:]) == columns, f"table columns must be {columns}"
    parsed: dict[tuple[str, str], dict[str, int]] = {}
    for row in rows:
        key = (row[0], row[1])
        assert key not in parsed, f"duplicate matrix row {key}"
        parsed[key] = {column: int(code) for column, code in zip(columns, row[2:], strict=True)}
    return parsed


ALL_RULES = RULES = parse(MATRIX, ROLES)
"""Other tests take their forms from RULES."""
ORGANISATION_TABLES = {"organiser": parse(ORGANISERS, TIES),
                       "auditor": parse(AUDITORS, (*TIES, "global")),
                       "administrator": parse(ADMINISTRATORS, TIES)}
SAME_ACCOUNT = {"organiser:own": "organiser", "auditor:own": "auditor"}
"""Columns of the organisation tables that are MATRIX's columns: one account, one request."""
CASES = [(endpoint, method, role, expected)
         for (endpoint, method), by_role in ALL_RULES.items()
         for role, expected in by_role.items()]
CASES += [(endpoint, method, f"{role}:{tie}", expected)
          for role, table in ORGANISATION_TABLES.items()
          for (endpoint, method), by_tie in table.items()
          for tie, expected in by_tie.items() if f"{role}:{tie}" not in SAME_ACCOUNT]


def routes(app: Flask) -> set[tuple[str, str]]:
    """Every (endpoint, method) the app serves, but static files."""
    found = set()
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static" or rule.endpoint.endswith(".static"):
            continue
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            found.add((rule.endpoint, method))
    return found


def url(app: Flask, world: World, endpoint: str) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    missing = rule.arguments - set(world.ids)
    assert not missing, f"world.ids has no value for {missing} (needed by {endpoint})"
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **{name: world.ids[name] for name in rule.arguments})


def test_every_route_has_a_row_in_the_matrix(app: Flask) -> None:
    served = routes(app)
    assert served - set(ALL_RULES) == set(), "routes without a row in the authorisation matrix"
    assert set(RULES) - served == set(), "matrix rows for routes that do not exist"


def test_the_organisation_tables_have_the_matrix_rows() -> None:
    for role, table in ORGANISATION_TABLES.items():
        assert list(table) == list(ALL_RULES), f"the {role}s' table must list MATRIX's rows"


def test_the_own_organisation_columns_are_the_matrix_columns() -> None:
    for column, role in SAME_ACCOUNT.items():
        kind, tie = column.split(":")
        differ = {key: (ALL_RULES[key][role], row[tie])
                  for key, row in ORGANISATION_TABLES[kind].items()
                  if row[tie] != ALL_RULES[key][role]}
        assert differ == {}, f"{column} must match MATRIX's {role} column"


@pytest.mark.parametrize(("endpoint", "method", "role", "expected"), CASES,
                         ids=[f"{e} {m} as {r}" for e, m, r, _ in CASES])
def test_each_account_gets_the_status_the_matrix_says(app: Flask, world: World, endpoint: str,
                                                      method: str, role: str,
                                                      expected: int) -> None:
    planner = app.extensions["planner"]
    client = signed_in(app, role)
    address = url(app, world, endpoint)
    settle_background_verifications()
    before = event_count(planner)
    if method == "GET":
        response = client.get(address)
    else:
        response = client.open(address, method=method, data={"csrf_token": client.csrf})
    assert response.status_code == expected, (
        f"{role} {method} {address}: got {response.status_code}, expected {expected}")
    if expected == 302 and role == "anonymous":
        assert "/login" in response.headers["Location"]
    if expected == 403:
        assert "Not allowed" in response.get_data(as_text=True)
    if expected == 404:
        assert TRIP_TITLE not in response.get_data(as_text=True), "a 404 names the trip"
    if expected in (403, 404, 422):
        settle_background_verifications()
        assert event_count(planner) == before, f"the refused {method} {address} wrote events"
