"""Organisations, ownership and sharing: who owns a record and who else may see or plan it."""
