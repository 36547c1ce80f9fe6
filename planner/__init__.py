"""Delegation Planner: an event-sourced planner for economic-delegation trips."""
