"""Tests of issue 2 (event-sourced core): domain."""
