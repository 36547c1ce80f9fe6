"""Languages of the interface: Flask-Babel, and which language a request is answered in.

The language comes from the session's choice (the switcher, or the account's preference copied
there at sign-in), else the browser's Accept-Language, else `[planner] language` in config.toml.
Catalogues live in `web/translations/<lang>/LC_MESSAGES/messages.po`.
"""

from __future__ import annotations

from flask import Flask, current_app, request, session
from flask_babel import Babel

LANGUAGES: tuple[str, ...] = ("de", "en", "zh")
DEFAULT_LANGUAGE = "en"
SESSION_KEY = "language"


def select_locale() -> str:
    chosen = session.get(SESSION_KEY)
    if chosen in LANGUAGES:
        return str(chosen)
    best = request.accept_languages.best_match(LANGUAGES)
    if best:
        return str(best)
    return str(current_app.config.get("PLANNER_LANGUAGE", DEFAULT_LANGUAGE))


def register(app: Flask) -> None:
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", "translations")
    app.config.setdefault("PLANNER_LANGUAGE", DEFAULT_LANGUAGE)
    Babel(app, locale_selector=select_locale)
