"""Storage: the event recorder whose transaction also writes what the events change."""
