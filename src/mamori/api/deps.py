"""Dependencies every route shares: the database, the acting person, the reader's language."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Path, Query, Request

from mamori.errors import AuthenticationError
from mamori.i18n import Lang, preferred_lang
from mamori.services.registry import identity
from mamori.services.registry.access import Actor
from mamori.services.registry.common import DEFAULT_PAGE, MAX_ID, MAX_PAGE, Database


def get_db(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


def get_lang(
    accept_language: Annotated[str | None, Header(include_in_schema=False)] = None,
    lang: Annotated[
        Lang | None, Query(description="ja | en (default: Accept-Language, else ja)")
    ] = None,
) -> Lang:
    return lang or preferred_lang(accept_language)


def get_actor(
    db: Annotated[Database, Depends(get_db)],
    authorization: Annotated[str | None, Header(description="Bearer TOKEN")] = None,
) -> Actor:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError()
    return identity.authenticate(db, token.strip())


DB = Annotated[Database, Depends(get_db)]
CurrentActor = Annotated[Actor, Depends(get_actor)]
Language = Annotated[Lang, Depends(get_lang)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_ID, description="Rows to skip")]
# Ids are refused beyond what the database can hold (422), rather than failing inside the query.
ObjectId = Annotated[int, Path(ge=1, le=MAX_ID)]
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID)]
DEFAULT_LIMIT = DEFAULT_PAGE
