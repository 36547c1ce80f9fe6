"""Languages of the interface: Flask-Babel, and which language a request is answered in.

The language comes from the session's choice (the switcher, or the account's preference copied
there at sign-in), else the browser's Accept-Language, else `[planner] language` in config.toml.
Catalogues live in `web/translations/<lang>/LC_MESSAGES/messages.po` (English is the source
language and has none); the compiled `.mo` files are never committed: `make` compiles them at
install, and `compile_catalogues` here compiles any that are missing or older than their `.po`
when the app starts (tests and servers started without make).
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, request, session
from flask_babel import Babel, get_locale

from planner.i18n import LANGUAGES as SETTING_LANGUAGES

LANGUAGES: tuple[str, ...] = SETTING_LANGUAGES
DEFAULT_LANGUAGE = "en"
SESSION_KEY = "language"
TRANSLATIONS = Path(__file__).parent / "translations"
log = logging.getLogger(__name__)


def select_locale() -> str:
    chosen = session.get(SESSION_KEY)
    if chosen in LANGUAGES:
        return str(chosen)
    best = request.accept_languages.best_match(LANGUAGES)
    if best:
        return str(best)
    return str(current_app.config.get("PLANNER_LANGUAGE", DEFAULT_LANGUAGE))


def current_language() -> str:
    return str(get_locale() or DEFAULT_LANGUAGE).split("_")[0]


def language_names() -> list[tuple[str, str]]:
    """(code, the language's own name) for the switcher: 'Deutsch', 'English', '中文'."""
    return [(code, _own_name(code)) for code in LANGUAGES]


def _own_name(code: str) -> str:
    return "中文" if code == "zh" else Locale.parse(code).get_display_name(code).capitalize()


def compile_catalogues(folder: Path = TRANSLATIONS) -> list[Path]:
    """Compile every messages.po whose .mo is missing or older; returns the .mo files written.

    Written to a temporary file and renamed, so parallel test workers never read half a file;
    a read-only installation (already compiled by make) is left as it is.
    """
    written = []
    for po in sorted(folder.glob("*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        try:
            with po.open("rb") as source:
                catalog = read_po(source, locale=po.parent.parent.name)
            fd, tmp = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
            with os.fdopen(fd, "wb") as target:
                write_mo(target, catalog)
            os.replace(tmp, mo)
            written.append(mo)
        except OSError as error:
            log.warning("cannot compile %s: %s", po, error)
    return written


def register(app: Flask) -> None:
    compile_catalogues()
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS))
    planner = app.extensions.get("planner")
    language = getattr(getattr(planner, "settings", None), "language", DEFAULT_LANGUAGE)
    app.config.setdefault("PLANNER_LANGUAGE", language)
    Babel(app, locale_selector=select_locale)
    app.jinja_env.globals.update(language_names=language_names,
                                 current_language=current_language)
