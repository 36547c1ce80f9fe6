"""The application's commands, grouped by aggregate; PlannerApplication mixes them together."""
