"""Mail: the outbox derived from events, its sender, and the messages (invitations, iTIP)."""
