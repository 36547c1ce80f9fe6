"""Web UI tests: Flask test client against a real SQLite database."""
