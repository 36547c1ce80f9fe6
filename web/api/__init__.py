"""The JSON API under /api/v1/, with an OpenAPI 3.1 document generated from its code.

Why SpecTree (with pydantic models): the web UI is a plain Flask app with its own HTML error
pages, CSRF protection and access decorators. APIFlask and flask-openapi3 each want to *be*
the app (their blueprints only document themselves on their own app class, and APIFlask
turns error pages into JSON app-wide); SpecTree plugs into an existing Flask app, documents
only the views it decorates (mode "strict"), and takes plain pydantic models, which also do
the parsing. Its request validation is not used (web.api.operation says why).

Adding an operation is a module of this package (every module here is imported): routes on
`web.api.blueprint.bp`, an access decorator from web.access (the same rules as the web UI:
the token's account is `g.user`), then `web.api.operation.operation(...)`. Errors: raise
domain errors or `web.api.problems.Problem`; web.api.problems maps them in one place.
"""

from __future__ import annotations

import importlib
import pkgutil

from web.api.blueprint import bp

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["bp"]
