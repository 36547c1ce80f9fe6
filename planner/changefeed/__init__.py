"""The change feed and the history and as-of reads an integration (the JSON API) follows."""
