"""Invitation and password-reset links: signing them, reading them, expiring the old ones."""
