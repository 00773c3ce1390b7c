"""What only provincial admins do: publish criteria-set versions, create accounts."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field

from ocop_core.domain.criteria_loader import CriteriaSetError
from ocop_core.protocol import PublishRequest, Row
from ocop_server import accounts, publishing
from ocop_server.deps import Caller, GzipRoute, require_admin
from ocop_server.errors import ApiError

router = APIRouter(prefix="/admin", tags=["admin"], route_class=GzipRoute)


class NewUser(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._@-]+$")
    password: str = Field(min_length=8, max_length=256)
    role: str = Field(max_length=24)
    full_name: str = Field(default="", max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")
    commune_codes: list[str] = Field(default=[], max_length=100)


class UserCreated(BaseModel):
    id: str
    username: str
    role: str


@router.post("/criteria-sets", response_model=Row)
def publish(body: PublishRequest, request: Request, caller: Caller = Depends(require_admin)) -> Row:
    """Validates a criteria-set version with the domain loader and makes it immutable; every device
    gets it on its next pull."""
    with request.app.state.write_sessions() as session:
        try:
            row = publishing.publish(session, body.canonical_json)
        except CriteriaSetError as exc:
            raise ApiError(422, "criteria_invalid", "The criteria set has problems.",
                           [str(p) for p in exc.problems[:200]]) from exc
        except publishing.Immutable as exc:
            raise ApiError(409, "criteria_immutable", str(exc)) from exc
        session.commit()
        return row


@router.post("/users", response_model=UserCreated)
def create_user(body: NewUser, request: Request, caller: Caller = Depends(require_admin)) -> UserCreated:
    with request.app.state.write_sessions() as session:
        try:
            user = accounts.create_user(session, username=body.username, password=body.password, role=body.role,
                                        full_name=body.full_name, commune_codes=body.commune_codes)
        except ValueError as exc:
            raise ApiError(422, "invalid_user", str(exc)) from exc
        session.commit()
        request.app.state.callers.clear()
        return UserCreated(id=user.id, username=user.username, role=user.role)
