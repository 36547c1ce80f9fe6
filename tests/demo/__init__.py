"""Tests of issue 2, item 7: the demo data set; and password hashing."""
