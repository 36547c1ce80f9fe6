"""The Flask adapter: parse a request, make one call to the planner, render or redirect.

`create_app` wires one Planner per app. Every module in this package that defines a
`bp` Blueprint is registered automatically, so a new feature is one new module (see
`FEATURE_ORDER` for the few whose order matters). Every view must carry an access decorator
from `web.access`; the app refuses to start if one does not.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from flask import Blueprint, Flask

from planner.bootstrap import Planner, build
from planner.instance import instance_secret
from planner.settings import Settings, load_settings

SECRET_FILE = "secret_key"


def create_app(settings: Settings | None = None, planner: Planner | None = None) -> Flask:
    """Build the web application; `planner` lets tests and servers share one wired Planner."""
    settings = settings or (planner.settings if planner else load_settings())
    planner = planner or build(settings)
    if getattr(planner, "queries", None) is None:
        raise RuntimeError("the web UI needs SQL storage with read models "
                           "(a SQLite file or PostgreSQL), not in-memory storage")
    app = Flask(__name__, instance_path=str(Path(settings.instance_path).resolve()))
    app.config.update(
        SECRET_KEY=secret_key(Path(app.instance_path)),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.session_cookie_secure,
        SESSION_COOKIE_NAME="planner_session",
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        TEMPLATES_AUTO_RELOAD=False,
        PLANNER_LANGUAGE=settings.language,  # [planner] language: web.i18n's last resort
    )
    app.extensions["planner"] = planner
    from web import (
        access,
        csrf,
        errors,
        filters,
        headers,
        i18n,
        layout,
        links,
        logmask,
        throttle,
        words,
    )

    errors.register(app)  # first: every later failure has a request id
    links.register(app, settings)
    logmask.register(app)
    headers.register(app)
    i18n.register(app)
    filters.register(app)
    words.register(app)
    layout.register(app)
    access.register(app)
    csrf.register(app)
    throttle.register(app)
    for blueprint in feature_blueprints():
        app.register_blueprint(blueprint)
    access.check_every_view_is_guarded(app)
    return app


def secret_key(instance: Path) -> bytes:
    """The session signing key: generated once into the instance folder, never in the repo."""
    return instance_secret(instance, SECRET_FILE)


FEATURE_ORDER = ("auth", "dashboard", "trips")


def feature_blueprints() -> list[Blueprint]:
    """Every `bp` defined by a module of this package, the core features first."""
    names = [m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")]
    names.sort(key=lambda n: (FEATURE_ORDER.index(n) if n in FEATURE_ORDER else 99, n))
    found = []
    for name in names:
        module = importlib.import_module(f"{__name__}.{name}")
        blueprint = getattr(module, "bp", None)
        if isinstance(blueprint, Blueprint):
            found.append(blueprint)
    return found
