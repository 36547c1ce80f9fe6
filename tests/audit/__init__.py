"""Tests of issue 6 (audit): history, as-of, the hash chain, export/import, audit screens."""
