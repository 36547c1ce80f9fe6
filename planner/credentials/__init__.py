"""Secrets (password hashes, feed-token hashes) kept beside the event log, never in it."""
