"""Warnings kept in the read model: after a batch, those of every trip whose plan changed."""

from __future__ import annotations

from planner.readmodel.handlers.batch import Batch


def refresh_warnings(batch: Batch) -> None:
    return None
