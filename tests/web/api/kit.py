"""The API test client: every response it gets is checked against the generated document.

`ApiClient(app, token)` sends `Authorization: Bearer <token>` and, for each response, finds
the operation in the app's own /api/v1/openapi.json (validated once per app with
openapi-spec-validator) and checks that the status is documented for it, that the media type
is one the document names, that the body validates against the documented schema (JSON
Schema 2020-12, the document's components resolving its $refs), and that a documented ETag
or Location header is there. A test that uses this client cannot get an undocumented answer
through.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate as validate_document

DOCUMENT = "/api/v1/openapi.json"
NOT_OPERATIONS = ("/api/v1/openapi.json", "/api/v1/docs")
_documents: dict[int, dict[str, Any]] = {}


def document_of(app: Flask) -> dict[str, Any]:
    """The app's OpenAPI document, validated (once per app)."""
    key = id(app)
    if key not in _documents:
        response = app.test_client().get(DOCUMENT)
        assert response.status_code == 200, response.get_data(as_text=True)
        doc = response.get_json()
        validate_document(doc)
        _documents[key] = doc
    return _documents[key]


@lru_cache(maxsize=512)
def _template(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path)) + "$")


def operation_for(doc: dict[str, Any], path: str) -> tuple[str, dict[str, Any]] | None:
    """The documented path (template) and its operations for a request path."""
    if path in doc["paths"]:
        return path, doc["paths"][path]
    for template, operations in doc["paths"].items():
        if _template(template).match(path):
            return template, operations
    return None


def _schema(doc: dict[str, Any], schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator({**schema, "components": doc["components"]})


def check_response(doc: dict[str, Any], method: str, path: str, response: Any) -> None:
    """Fail unless the response is what the document says this operation answers."""
    path = path.split("?")[0]
    if path.startswith(NOT_OPERATIONS):
        return
    found = operation_for(doc, path)
    problem = {"$ref": "#/components/schemas/ProblemDoc"}
    if found is None or method.lower() not in found[1]:
        assert response.status_code in (404, 405), f"{method} {path} is not documented"
        assert response.mimetype == "application/problem+json"
        _schema(doc, problem).validate(response.get_json())
        return
    op = found[1][method.lower()]
    responses = op["responses"]
    code = str(response.status_code)
    assert code in responses, (f"{method} {found[0]} answered {code}, which the document does "
                               f"not list ({sorted(responses)}): {response.get_data(as_text=True)}")
    documented = responses[code]
    content = documented.get("content", {})
    body = response.get_data()
    if not content:
        assert not body, f"{method} {found[0]} {code}: the document says no body"
        return
    assert response.mimetype in content, (
        f"{method} {found[0]} {code}: media type {response.mimetype}, the document says "
        f"{sorted(content)}")
    if response.mimetype.endswith("json"):
        errors = sorted(_schema(doc, content[response.mimetype]["schema"]).iter_errors(
            json.loads(body)), key=str)
        assert not errors, f"{method} {found[0]} {code}: {errors[0]}"
    for header in documented.get("headers", {}):
        assert header in response.headers, f"{method} {found[0]} {code}: no {header} header"


class ApiClient:
    """A test client speaking to /api/v1/ with a token; every response is checked."""

    def __init__(self, app: Flask, token: str | None = None) -> None:
        self.app, self.token = app, token
        self.client: FlaskClient = app.test_client()
        self.doc = document_of(app)

    def open(self, method: str, path: str, *, headers: dict[str, str] | None = None,
             **kwargs: Any) -> Any:
        sent = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        sent.update(headers or {})
        address = path if path.startswith("/") else f"/api/v1/{path}"
        response = self.client.open(address, method=method, headers=sent, **kwargs)
        check_response(self.doc, method, address, response)
        return response

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.open("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Any:
        return self.open("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> Any:
        return self.open("PATCH", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Any:
        return self.open("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Any:
        return self.open("DELETE", path, **kwargs)
