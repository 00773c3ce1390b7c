"""Every error leaves the server as a Problem body with a code and a sentence, never as a stack trace."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ocop_core.errors import OcopError


class ApiError(OcopError):
    def __init__(self, status: int, code: str, message: str, detail=None):
        super().__init__(code, message, status=status, detail=detail)
        self.status, self.message, self.detail = status, message, detail


def problem(status: int, code: str, message: str, detail=None) -> JSONResponse:
    return JSONResponse({"code": code, "message": message, "detail": detail}, status_code=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return problem(exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        errors = [{"loc": [str(x) for x in e.get("loc", [])], "msg": str(e.get("msg", ""))[:200]}
                  for e in exc.errors()[:20]]
        return problem(422, "invalid_request", "The request does not have the expected shape.", errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return problem(exc.status_code, "http_error", str(exc.detail))
