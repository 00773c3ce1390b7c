"""Vietnamese text: folding to a search form and dictionary ordering."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ocop_core.domain.text import collation_key, collation_ranks, fold, fold_table, search_tokens

DICTIONARY = ["an", "ăn", "ân", "ba", "bà", "bả", "bã", "bá", "bạ", "da", "đa", "e", "ê"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nước mắm Phú Khương", "nuoc mam phu khuong"),
        ("Đ", "d"),
        ("đ", "d"),
        ("Bánh đa vừng Nguyên Lâm", "banh da vung nguyen lam"),
        ("  Mật   ong\tCường Nga ", "mat ong cuong nga"),
        ("ẮẰẲẴẶ ỨỪỬỮỰ", "aaaaa uuuuu"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    """fold lower-cases, strips diacritics, maps đ/Đ to d and collapses whitespace."""
    assert fold(text) == expected


@pytest.mark.parametrize("text", ["Nước mắm Phú Khương", "Trầm Hương Tâm Thiên Hương", "Đặc sản Hà Tĩnh"])
def test_fold_nfd_same_as_nfc(text: str) -> None:
    """Decomposed (NFD) input folds to the same text as precomposed (NFC)."""
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != unicodedata.normalize("NFC", text)
    assert fold(decomposed) == fold(text)


def test_search_tokens_split_on_punctuation() -> None:
    """Punctuation separates search words, which are folded."""
    assert search_tokens("Nước-mắm, Phú.Khương!") == ["nuoc", "mam", "phu", "khuong"]


@given(st.permutations(DICTIONARY))
def test_collation_dictionary_order(words: list[str]) -> None:
    """Any shuffle sorts to a < ă < â < b ... d < đ < e < ê, tones ngang < huyền < hỏi < ngã < sắc < nặng."""
    assert sorted(words, key=collation_key) == DICTIONARY


def test_base_letters_follow_the_vietnamese_alphabet() -> None:
    """The 29 letters of the Vietnamese alphabet, capital or not, sort in the order schoolchildren recite."""
    alphabet = list("aăâbcdđeêghiklmnoôơpqrstuưvxy")
    assert sorted(reversed(alphabet), key=collation_key) == alphabet
    capitals = [letter.upper() for letter in alphabet]
    assert sorted(reversed(capitals), key=collation_key) == capitals


def test_d_with_stroke_is_its_own_letter_after_d() -> None:
    """"Đ" is not "D": every word in D comes before any word in Đ, whatever follows."""
    assert sorted(["Đa", "Dzung", "Đông", "Dương", "Da"], key=collation_key) == ["Da", "Dương", "Dzung", "Đa",
                                                                                  "Đông"]


@pytest.mark.parametrize("base", ["ma", "me", "mu", "mô", "mơ", "mư"])
def test_tone_order_for_equal_letters(base: str) -> None:
    """For equal letters the tones order ngang, huyền, hỏi, ngã, sắc, nặng."""
    toned = [unicodedata.normalize("NFC", base + mark) for mark in ("", "\u0300", "\u0309", "\u0303", "\u0301",
                                                                   "\u0323")]
    assert sorted(reversed(toned), key=collation_key) == toned


def test_letters_before_tones() -> None:
    """A letter difference outranks a tone difference: "bà" < "bac" < "bạc" < "bă"."""
    assert sorted(["bă", "bạc", "bà", "bac"], key=collation_key) == ["bà", "bac", "bạc", "bă"]


def test_case_only_breaks_ties_lower_first() -> None:
    """Case is the third level: it never outranks a letter or a tone, and lower case comes first."""
    assert sorted(["Àn", "an", "àn", "Ba", "An", "ăn"], key=collation_key) == ["an", "An", "àn", "Àn", "ăn", "Ba"]
    assert sorted(["Đà Nẵng", "đà nẵng", "Đa"], key=collation_key) == ["Đa", "đà nẵng", "Đà Nẵng"]


def test_digits_before_letters_and_spaces_before_both() -> None:
    """Digits sort before any letter; a space ends a word, so "Chè" < "Chè 2" < "Chè A" < "Chèo"."""
    assert sorted(["Chèo", "Chè A", "b", "Chè", "Chè 2", "9", "A1"], key=collation_key) == [
        "9", "A1", "b", "Chè", "Chè 2", "Chè A", "Chèo"]


def test_collation_nfd_orders_like_nfc() -> None:
    """Decomposed words sort in the same order as their precomposed forms, and tie with none of them."""
    decomposed = [unicodedata.normalize("NFD", w) for w in DICTIONARY]
    assert [unicodedata.normalize("NFC", w) for w in sorted(reversed(decomposed), key=collation_key)] == DICTIONARY
    assert all(collation_key(d) == collation_key(w) for d, w in zip(decomposed, DICTIONARY, strict=True))


@given(st.lists(st.text(), min_size=2, max_size=6))
def test_collation_is_a_total_order(words: list[str]) -> None:
    """Two texts share a key only when they are the same text (after NFC), so a sort never depends on the
    order the rows came in; a NUL inside a name does not confuse the levels."""
    keys = {collation_key(w): unicodedata.normalize("NFC", w) for w in words}
    assert len(keys) == len({unicodedata.normalize("NFC", w) for w in words})
    assert sorted(["a\0b", "a", "ab"], key=collation_key) == ["a", "a\0b", "ab"]


def test_fold_table_is_only_a_shortcut() -> None:
    """The translate table covers a few blocks (built in 1 ms at start-up instead of 6); every character
    folds exactly as it did with the full table."""
    # every block the table once covered, and the combining marks for symbols
    full = fold_table(((0x00C0, 0x2000), (0x20D0, 0x2100)))
    differ = [hex(code) for code in range(0x20, 0x3400) if fold(f"a{chr(code)}b") != fold(f"a{chr(code)}b", full)]
    assert differ == []


def test_collation_orders_names_as_a_reader_expects():
    """Product and place names: capitals, tones, đ, digits and other scripts together."""
    words = ["Đà Nẵng", "Dương", "Da", "Ăn", "Âm", "An", "Anh", "á", "à", "A", "Ạ", "Bưởi", "Bánh", "Ba", "Nước mắm",
             "Nuôi", "Ơ", "Ô", "O", "Ư", "U", "đường", "HS-2025-1", "HS-2025-10", "Chè 2", "Chè", "  ", "Ñu", "東"]
    assert sorted(words, key=collation_key) == [
        "  ", "A", "à", "á", "Ạ", "An", "Anh", "Ăn", "Âm", "Ba", "Bánh", "Bưởi", "Chè", "Chè 2", "Da", "Dương",
        "Đà Nẵng", "đường", "HS-2025-1", "HS-2025-10", "Ñu", "Nuôi", "Nước mắm", "O", "Ô", "Ơ", "U", "Ư", "東"]


def test_collation_ranks_share_equal_values():
    """Equal names get one rank, so a sort keeps their earlier order; ranks follow Vietnamese order."""
    assert collation_ranks(["Đồng", "Dừa", "Đồng", "Ăn"]) == [2, 1, 2, 0]
