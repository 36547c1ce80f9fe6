"""Who is out of date: when each personal calendar feed was last fetched, and by what client."""
