"""Matchmaking for B2B conferences: the NACE classification, suggestions and the CP-SAT schedule
(pure: no Flask, no database, no domain records)."""
