"""A person's itinerary as they read it: what is next, trip by trip, and the printed pack (PDF)."""
