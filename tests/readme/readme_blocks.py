"""README.md's ```sh code blocks read as command lines, and the example syntax ([optional], a | b, PLACEHOLDER)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"

_FENCE = re.compile(r"^```(\S*)\s*$")
_PLACEHOLDER = re.compile(r"\b[A-Z][A-Z_]*\b")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True)
class Command:
    """One command line of a block: what a person types, without the comment beside it."""

    text: str
    comment: str
    section: str  # the `## ` heading the block sits under


@dataclass(frozen=True)
class Block:
    section: str
    commands: tuple[Command, ...]


def split_comment(line: str) -> tuple[str, str]:
    """Split a shell line at its comment: a `#` that starts a word outside quotes, as the shell reads it."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].strip(), line[i + 1:].strip()
    return line.strip(), ""


def sh_blocks(text: str) -> list[Block]:
    """Every ```sh block in document order; lines that are only a comment continue the one above."""
    blocks: list[Block] = []
    section = ""
    lines: list[Command] | None = None
    for raw in text.splitlines():
        fence = _FENCE.match(raw.strip())
        if lines is None:
            if raw.startswith("## "):
                section = raw[3:].strip()
            elif fence and fence.group(1) == "sh":
                lines = []
            continue
        if fence:
            blocks.append(Block(section, tuple(lines)))
            lines = None
            continue
        command, comment = split_comment(raw)
        if command:
            lines.append(Command(command, comment, section))
    if lines is not None:
        raise ValueError(f"README: the ```sh block under '{section}' is never closed")
    return blocks


def readme_blocks() -> list[Block]:
    return sh_blocks(README.read_text(encoding="utf-8"))


def all_commands() -> list[Command]:
    return [command for block in readme_blocks() for command in block.commands]


def section_block(title: str) -> Block:
    """The one ```sh block under the section whose heading starts with `title`."""
    found = [block for block in readme_blocks() if block.section.lower().startswith(title.lower())]
    if len(found) != 1:
        raise LookupError(f"README.md has {len(found)} ```sh blocks under a '{title}' heading, expected 1")
    return found[0]


def alternatives(template: str) -> list[str]:
    """`ocop db upgrade | info` is two commands: each alternative replaces the last word before the first `|`."""
    head, *others = [part.strip() for part in template.split(" | ")]
    prefix = head.rsplit(" ", 1)[0]
    return [head, *(f"{prefix} {other}" for other in others)]


def instantiate(template: str, values: dict[str, str]) -> str:
    """A concrete command from one alternative of an example: each placeholder (FILE, N) takes its value; an
    [optional part] is kept when every placeholder in it has a value and dropped otherwise."""
    def optional(match: re.Match[str]) -> str:
        inner = match.group(1)
        return inner if all(name in values for name in _PLACEHOLDER.findall(inner)) else ""

    text = _OPTIONAL.sub(optional, template)
    missing = [name for name in _PLACEHOLDER.findall(text) if name not in values]
    if missing:
        raise KeyError(f"{template!r}: no value for {missing}")
    text = _PLACEHOLDER.sub(lambda m: values[m.group(0)], text)
    return " ".join(text.split())


def options(template: str) -> list[str]:
    """The long options an example names (`--scale`, `--port`), in order."""
    return list(dict.fromkeys(re.findall(r"(?<![\w-])--[a-z][a-z-]*", template)))


def command_words(template: str) -> list[str]:
    """The program and its sub-commands: the words before the first option, placeholder or [optional part]."""
    words = []
    for word in template.split():
        if word.startswith(("-", "[", "|")) or _PLACEHOLDER.fullmatch(word):
            break
        words.append(word)
    return words
