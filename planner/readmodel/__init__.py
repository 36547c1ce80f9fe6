"""Read models: SQL tables kept current from the event log by a projector, and the queries
that every page, calendar and report reads from. Disposable: rebuildable from the log."""

from planner.readmodel.projector import Projector
from planner.readmodel.queries import Queries
from planner.readmodel.tables import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Projector", "Queries"]
