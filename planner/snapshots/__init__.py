"""Snapshots: taken from the saved aggregate, sealed with a keyed digest, checked on load.

Modules:
  seal        the seal table and the keyed digest (HMAC-SHA256, key in the instance folder)
  repository  the repository that loads from a sealed snapshot and drops a broken one
  verify      re-derives every stored snapshot from the events (`planner log verify`)
"""
