"""The one root of every exception the project raises: a code and structured parameters, never display text."""

from __future__ import annotations

from typing import Any


class OcopError(Exception):
    """``code`` names what went wrong and ``params`` carries the figures a person needs (a size, a limit,
    a status), so whoever shows the error words it from the code and never parses a message.

    Extra positional arguments are the developer's explanation for logs and tracebacks (``str(error)``),
    kept as each subclass always wrote it; without one, the code and parameters are the explanation.
    """

    def __init__(self, code: str, /, *explanation: object, **params: Any) -> None:
        self.code = code
        self.params = params
        if not explanation:
            explanation = (f"{code} {params}" if params else code,)
        super().__init__(*explanation)
