"""Given names and surnames from Faker's maintained locale lists (UK, Irish, US, South Asian,
New Zealand), loaded once."""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path

LOCALES = ("en_GB", "en_IE", "en_US", "en_IN", "en_NZ", "en_PK", "en", "ga_IE")
DATA = Path(__file__).with_name("data")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    names: set[str] = set()
    for provider in _providers():
        for attribute in ("first_names", "first_names_male", "first_names_female"):
            names.update(getattr(provider, attribute, ()))
    return frozenset(name for name in names if name.isalpha() and len(name) > 1)


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    names: set[str] = set()
    for provider in _providers():
        names.update(getattr(provider, "last_names", ()))
    return frozenset(name for name in names if len(name) > 1)


@lru_cache(maxsize=1)
def common_word_names() -> frozenset[str]:
    words = set()
    for line in (DATA / "common_word_names.txt").read_text("utf-8").splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


def _providers():
    for locale in LOCALES:
        try:
            module = importlib.import_module(f"faker.providers.person.{locale}")
        except ImportError:  # a locale dropped by a future Faker: the others still load
            continue
        yield module.Provider


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """About a thousand everyday English words (Faker's lorem list): not surnames."""
    from faker.providers.lorem.en_US import Provider

    return frozenset(Provider.word_list)


def looks_like_full_name(
    words: list[str], sentence_start: bool = False, strict: bool = True
) -> bool:
    """First name then surname. A surname missing from the lists still counts when the first
    name is unambiguous and the second word is no everyday word (``strict`` off for titles,
    which capitalise every word)."""
    if len(words) < 2:
        return False
    first, last = words[0], words[-1]
    if first not in given_names():
        return False
    ambiguous = first.lower() in common_word_names()
    if last in surnames():
        # "Hope Green said" is a name; "Hope Green" opening a sentence is more often two words
        return not (sentence_start and ambiguous)
    return (
        strict
        and not ambiguous
        and last.lower() not in common_words()
        and not last.endswith(("ing", "ed", "s", "ly"))
    )


def warm_up() -> None:
    """Load every list now (Faker's import alone takes about 0.1 s), so that forked workers
    share one copy instead of each loading its own."""
    given_names(), surnames(), common_word_names(), common_words()
