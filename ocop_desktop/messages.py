"""What the command line prints for a code: the interface's one wording (ocop_desktop.words), in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from ocop_core.domain.problems import Problem
from ocop_desktop.words import code_text, error_texts


def problem_text(problem: Problem) -> str:
    """One line per problem of a criteria file: where, what, and the figures behind it."""
    detail = ", ".join(f"{k}={v}" for k, v in problem.params.items())
    return f"{problem.path}: {code_text(problem.code)}" + (f" ({detail})" if detail else "")


class _Wordings(Mapping[str, str]):
    """Some codes' wordings, read from ocop_desktop.words at each look-up (so in the language installed by then)."""

    def __init__(self, codes: tuple[str, ...]):
        self._codes = codes

    def __getitem__(self, code: str) -> str:
        if code not in self._codes:
            raise KeyError(code)
        return error_texts()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


# Why a database file is refused ({path}, {detail}); app.py still reads it here, the command line uses words.
DATABASE_TEXT: Mapping[str, str] = _Wordings(("not_a_database", "corrupt", "unreadable", "too_new", "needs_upgrade"))
