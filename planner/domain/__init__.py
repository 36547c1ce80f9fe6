"""The domain model: one aggregate per module.

Module and class names here are permanent once released: events are stored by their class path.
"""
