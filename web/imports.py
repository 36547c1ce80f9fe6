"""Import people or company profiles from a spreadsheet: upload, map columns, preview, import.

Between the steps the uploaded file waits in the instance folder (`imports/`) under a random
name that only this session knows (kept in the signed session cookie, one file per kind); a
new upload replaces it, an import deletes it, and files older than UPLOAD_TTL are swept at
every upload. Checking and saving are planner.imports': all valid rows in one command, or
nothing; the organiser may tick "leave out the rows with errors".
"""

from __future__ import annotations

import secrets
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from flask import (
    Blueprint,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext, lazy_gettext
from werkzeug.exceptions import RequestEntityTooLarge

from planner.commands.imports import ImportRefused
from planner.domain.errors import ValidationError
from planner.imports import service
from planner.imports.checking import CheckedRow, Preview
from planner.imports.fields import FIELDS, PEOPLE, guess
from planner.spreadsheet.reading import MAX_BYTES, MAX_ROWS, Table, read_table
from web import record_access as ra
from web.refusals import domain_message, request_translator
from web.wiring import actor, commands, queries

bp = Blueprint("imports", __name__, url_prefix="/imports")
KIND = "<any(people, profiles):import_kind>"
UPLOAD_TTL = 2 * 60 * 60  # seconds an uploaded file waits for its import
SHOWN_NEW = 50  # new rows shown in the preview (rows with errors are all shown)
NOUN = {PEOPLE: lazy_gettext("people"), "profiles": lazy_gettext("company profiles")}


def _folder() -> Path:
    folder = Path(current_app.instance_path) / "imports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _sweep(folder: Path) -> None:
    cutoff = time.time() - UPLOAD_TTL
    for old in folder.glob("*.upload"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)


def _upload(kind: str) -> dict[str, str] | None:
    """This session's uploaded file for `kind` (None: none, or it was swept)."""
    found = session.get("imports", {}).get(kind)
    if not found or not (_folder() / f"{found['token']}.upload").exists():
        return None
    return dict(found)


def _forget(kind: str) -> None:
    uploads = dict(session.get("imports", {}))
    found = uploads.pop(kind, None)
    if found:
        (_folder() / f"{found['token']}.upload").unlink(missing_ok=True)
    session["imports"] = uploads


def _table(found: dict[str, str]) -> Table:
    return read_table((_folder() / f"{found['token']}.upload").read_bytes(), found["name"])


def _upload_page(kind: str, status: int = 200, error: str = "") -> Any:
    return render_template("imports/upload.html", kind=kind, noun=NOUN[kind],
                           fields=list(FIELDS[kind]), error=error, max_rows=MAX_ROWS,
                           max_mb=MAX_BYTES // (1024 * 1024)), status


@bp.url_value_preprocessor
def _allow_big_uploads(endpoint: str | None, values: dict[str, Any] | None) -> None:
    """An upload may exceed the app's form limit. URL preprocessors run before any
    before_request hook, so this holds when the CSRF check reads the form."""
    if endpoint == "imports.receive":
        request.max_content_length = MAX_BYTES + 64 * 1024  # the form around the file


@bp.errorhandler(RequestEntityTooLarge)
def _too_large(error: RequestEntityTooLarge) -> Any:
    kind = (request.view_args or {}).get("import_kind", PEOPLE)
    return _upload_page(kind, 413, gettext("file: the file is larger than %(mb)s MB",
                                           mb=MAX_BYTES // (1024 * 1024)))


@bp.get(f"/{KIND}")
@ra.record_planner
def upload(import_kind: str) -> Any:
    return _upload_page(import_kind)


@bp.post(f"/{KIND}")
@ra.record_planner
def receive(import_kind: str) -> Any:
    file = request.files.get("file")
    if file is None or not file.filename:
        return _upload_page(import_kind, 422, gettext("file: choose a CSV or XLSX file"))
    data = file.read(MAX_BYTES + 1)
    try:
        read_table(data, file.filename)
    except ValidationError as error:
        return _upload_page(import_kind, 422, domain_message(error, with_field=True))
    _forget(import_kind)
    folder = _folder()
    _sweep(folder)
    token = secrets.token_urlsafe(24)
    (folder / f"{token}.upload").write_bytes(data)
    session["imports"] = {**session.get("imports", {}),
                          import_kind: {"token": token, "name": file.filename[-200:]}}
    return redirect(url_for("imports.preview", import_kind=import_kind))


def _given(table: Table, source: Any) -> dict[str, str] | None:
    """The mapping chosen in the form (`c0`, `c1`... by column), or None: by the names."""
    if not any(f"c{i}" in source for i in range(len(table.columns))):
        return None
    return {col: source.get(f"c{i}", "").strip() for i, col in enumerate(table.columns)}


def _preview_page(kind: str, found: dict[str, str], table: Table,
                  given: dict[str, str] | None, status: int = 200,
                  refused: str = "") -> Any:
    checked: Preview | None = None
    mapping_error = ""
    try:
        checked = service.preview(queries(), kind, table, given, g.user.viewer)
    except ValidationError as error:
        mapping_error, status = domain_message(error, with_field=True), 422
    chosen = checked.mapping if checked else (given or {c: guess(kind, c)
                                                         for c in table.columns})
    new_rows = [r for r in checked.rows if r.state == "new"][:SHOWN_NEW] if checked else []
    return render_template(
        "imports/preview.html", kind=kind, noun=NOUN[kind], file_name=found["name"],
        columns=list(enumerate(table.columns)), fields=list(FIELDS[kind]), chosen=chosen,
        preview=checked, mapping_error=mapping_error, refused=refused, new_rows=new_rows,
        refused_rows=[_in_language(r) for r in checked.rows if r.errors] if checked else [],
        shown_new=SHOWN_NEW), status


def _in_language(row: CheckedRow) -> CheckedRow:
    """A refused row whose rules read in the request's language (the fields keep their
    keys: the page maps the file's columns to fields by those keys)."""
    tr = request_translator()
    return replace(row, errors=[replace(e, rule=e.translated(tr)) for e in row.errors])


@bp.get(f"/{KIND}/preview")
@ra.record_planner
def preview(import_kind: str) -> Any:
    found = _upload(import_kind)
    if found is None:
        flash(gettext("Upload a file first (an uploaded file waits two hours for its import)."),
              "warning")
        return redirect(url_for("imports.upload", import_kind=import_kind))
    table = _table(found)
    return _preview_page(import_kind, found, table, _given(table, request.args))


@bp.post(f"/{KIND}/preview")
@ra.record_planner
def run(import_kind: str) -> Any:
    found = _upload(import_kind)
    if found is None:
        return _upload_page(import_kind, 422, gettext(
            "file: the uploaded file is gone (imported already, or older than two hours); "
            "upload it again"))
    table = _table(found)
    given = _given(table, request.form)
    drop = request.form.get("drop_refused") == "yes"
    try:
        result = service.run(commands(), queries(), import_kind, table, given, g.user.viewer,
                             actor=actor(), owner_org_id=g.user.organisation_id,
                             drop_refused=drop)
    except ImportRefused as error:
        rows = len({e.number for e in error.errors})
        return _preview_page(import_kind, found, table, given, 422,
                             gettext("Nothing was imported: %(rows)s rows have errors. Fix "
                                     "them in the file and upload it again, or leave them "
                                     "out.", rows=rows))
    except ValidationError:
        return _preview_page(import_kind, found, table, given, 422)
    _forget(import_kind)
    checked = result.preview
    message = gettext("Imported %(added)s %(noun)s; %(existing)s were there already",
                      added=len(result.added), noun=NOUN[import_kind],
                      existing=checked.count("existing"))
    if result.dropped:
        rows = ", ".join(str(n) for n in sorted({e.number for e in checked.errors}))
        message += "; " + gettext("%(dropped)s rows with errors were left out (rows %(rows)s)",
                                  dropped=result.dropped, rows=rows)
    flash(message + ".", "success")
    return redirect(url_for("people.index" if import_kind == PEOPLE else "companies.index"))
