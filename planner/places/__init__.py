"""Places: countries by name or code, and the time zones a country uses (from tzdata's tables)."""
