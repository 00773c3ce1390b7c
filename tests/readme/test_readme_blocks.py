"""How README code blocks are read: the shell's comment rule, sections, and the example syntax."""

from __future__ import annotations

import pytest
from readme_blocks import alternatives, command_words, instantiate, options, sh_blocks, split_comment

SAMPLE = """# Title

```sh
make run    # starts it
```

## Other

```text
not a command
```

```sh
ocop demo-data [--scale N]   # N dossiers
                             # a comment line continuing the one above
echo 'a # b' "c # d"  # quoted hashes are text

ocop x#y
```
"""


def test_blocks_keep_sections_and_drop_comments():
    """Only ```sh blocks count; each line loses its comment, comment-only and empty lines vanish, and each
    command knows the heading it sits under."""
    blocks = sh_blocks(SAMPLE)
    assert [b.section for b in blocks] == ["", "Other"]
    assert [c.text for c in blocks[0].commands] == ["make run"]
    assert [(c.text, c.comment) for c in blocks[1].commands] == [
        ("ocop demo-data [--scale N]", "N dossiers"),
        ("echo 'a # b' \"c # d\"", "quoted hashes are text"),
        ("ocop x#y", ""),
    ]


def test_unclosed_block_is_an_error():
    """A README whose ```sh block never closes is reported rather than read as ending at the file's end."""
    with pytest.raises(ValueError, match="never closed"):
        sh_blocks("## A\n```sh\nmake run\n")


def test_comment_starts_a_word_outside_quotes():
    """`#` starts a comment only at the start of a word and outside quotes, as in bash."""
    assert split_comment("a#b # c") == ("a#b", "c")
    assert split_comment("x '#' y") == ("x '#' y", "")
    assert split_comment("# only") == ("", "only")


def test_alternatives_replace_the_last_word():
    """`ocop db upgrade | info` stands for two commands."""
    assert alternatives("ocop db upgrade | info") == ["ocop db upgrade", "ocop db info"]
    assert alternatives("make bench") == ["make bench"]


def test_instantiate_fills_placeholders_and_optional_parts():
    """A placeholder takes its value; an optional part stays only when its placeholders have values; a
    placeholder outside brackets without a value is an error."""
    template = "ocop criteria export FILE [--code CODE]"
    assert instantiate(template, {"FILE": "a.json"}) == "ocop criteria export a.json"
    assert instantiate(template, {"FILE": "a.json", "CODE": "X"}) == "ocop criteria export a.json --code X"
    assert instantiate("ocop-server create-admin [--username admin]", {}) == \
        "ocop-server create-admin --username admin"
    with pytest.raises(KeyError, match="FILE"):
        instantiate(template, {})


def test_options_and_command_words():
    """An example's long options and its program with sub-commands (what --help is asked of)."""
    template = "ocop sync --server http://HOST:8765 --username U"
    assert options(template) == ["--server", "--username"]
    assert command_words(template) == ["ocop", "sync"]
    assert command_words("ocop-server [--database-url URL] [--port 8765]") == ["ocop-server"]
