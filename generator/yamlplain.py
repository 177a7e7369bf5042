"""Front matter as editors write it, read without the YAML parser: `key: value` lines, nested
keys, `- item` lists, [flow, lists] and {flow: mappings} of text. Parsing a story's front matter
with libyaml and building its values cost a fifth of a story's whole check; this reads the same
lines in a third of the time. Anything else it meets (numbers, booleans, anchors, tags, block
scalars, escapes, a value over several lines, odd indentation, anything it is unsure of) makes
it give up, and the YAML parser reads the file, with its error messages: it never decides what
a file means on its own (tests/test_yamlplain.py holds it to the parser's values and lines on
every front matter in the repository and on generated ones)."""

from __future__ import annotations

import re
from typing import Any

from yaml.resolver import Resolver

Path = tuple[Any, ...]
Line = tuple[int, int, str]
"""(line number, indentation, the rest of the line)."""
_STR = "tag:yaml.org,2002:str"
_PARSERS_OWN = ("\t", "\r", "&", "*", "!", "\x85", "\u2028", "\u2029")
"""Tabs, anchors, aliases, tags, and line breaks other than \\n: the parser's to judge."""
_PRINTABLE = re.compile("[\n\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")
"""What a YAML file may hold (no control characters, no byte-order mark): else the parser says."""
_NOT_FIRST = r"""\-?:,\[\]{}#&*!|>'"%@`\s"""
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)")
_VALUE = re.compile(
    rf"""(?:(?P<plain>[^{_NOT_FIRST}](?:[^:#]|:(?=[^ ])|(?<=[^ ])\#)*?)
    |'(?P<single>(?:[^']|'')*)'|"(?P<double>[^"\\]*)")(?:\ +\#.*|\ *)$""",
    re.VERBOSE,
)
"""A value alone on its line (a comment may follow): plain text, or quoted without escapes."""
_FLOW_VALUE = re.compile(
    rf"""\ *(?:(?P<plain>[^{_NOT_FIRST}][^,\[\]{{}}:\#]*?)
    |'(?P<single>(?:[^']|'')*)'|"(?P<double>[^"\\]*)")\ *(?P<end>[,\]}}])""",
    re.VERBOSE,
)
"""A value in [a, list] or {a: mapping}, and what follows it."""
_FLOW_KEY = re.compile(r" *([A-Za-z_][A-Za-z0-9_-]*): +")
_CLOSED = re.compile(r" *(?: #.*)?$")
MAX_DEPTH = 6


class _GiveUp(Exception):
    """Not the plain subset: the YAML parser reads this text."""


def read_plain(text: str, line_offset: int = 0) -> tuple[Any, dict[Path, int]] | None:
    """(values, line of every key and list item) as generator.yamlsource builds them, or None
    when the text is not in the plain subset."""
    if any(character in text for character in _PARSERS_OWN) or not _PRINTABLE.fullmatch(text):
        return None
    lines: list[Line] = []
    for number, line in enumerate(text.split("\n"), 1 + line_offset):
        rest = line.lstrip(" ")
        if rest and not rest.startswith("#"):
            lines.append((number, len(line) - len(rest), rest))
    if not lines:
        return None  # empty: the parser says what that is
    where: dict[Path, int] = {(): lines[0][0]}
    try:
        data, at = _block(lines, 0, (), where, 0)
    except _GiveUp:
        return None
    if at != len(lines) or not isinstance(data, dict):
        return None
    return data, where


def _block(lines: list[Line], at: int, path: Path, where, depth: int) -> tuple[Any, int]:
    """The mapping or list whose lines start at ``lines[at]``."""
    if depth > MAX_DEPTH:
        raise _GiveUp
    if lines[at][2].startswith("-"):
        return _sequence(lines, at, path, where)
    return _mapping(lines, at, path, where, depth)


def _mapping(lines: list[Line], at: int, path: Path, where, depth: int) -> tuple[dict, int]:
    indent = lines[at][1]
    result: dict[str, Any] = {}
    while at < len(lines):
        number, here, rest = lines[at]
        if here < indent:
            break
        key = _KEY.match(rest)
        if here > indent or key is None:
            raise _GiveUp  # a value over several lines, or indentation the parser must judge
        name = _key_name(key.group(1), result)
        where[path + (name,)] = number
        value = rest[key.end() :]
        at += 1
        if value and not value.startswith("#"):
            result[name] = _value(value, number, path + (name,), where)
            continue
        if at == len(lines):
            raise _GiveUp  # `key:` and nothing: null, the parser's to build
        child_number, child_indent, child = lines[at]
        if child_indent < indent or (child_indent == indent and not child.startswith("- ")):
            raise _GiveUp
        if child.startswith(("{", "[")):  # a flow value on the next line
            result[name] = _value(child, child_number, path + (name,), where)
            at += 1
        else:
            result[name], at = _block(lines, at, path + (name,), where, depth + 1)
    return result, at


def _sequence(lines: list[Line], at: int, path: Path, where) -> tuple[list, int]:
    indent = lines[at][1]
    result: list[Any] = []
    while at < len(lines):
        number, here, rest = lines[at]
        if here < indent or (here == indent and not rest.startswith("-")):
            break  # the parent mapping's next key ("scope:" after "- website" lines)
        if here > indent or not rest.startswith("- "):
            raise _GiveUp
        item = rest[2:].lstrip(" ")
        if not item or item.startswith("#") or _KEY.match(item):
            raise _GiveUp  # "- key: value", a mapping in a list, which editors never write; "-"
        where[path + (len(result),)] = number
        result.append(_value(item, number, path + (len(result),), where))
        at += 1
    return result, at


def _key_name(name: str, seen: dict) -> str:
    if name in seen or _tag(name) != _STR:
        raise _GiveUp  # a duplicate, or "on:" and "null:", keys YAML reads as something else
    return name


def _value(text: str, number: int, path: Path, where) -> Any:
    """The value ``text`` holds (what follows `key: ` or `- ` on line ``number``)."""
    first = text[0]
    if first == "[" or first == "{":
        value, end = (_flow_list if first == "[" else _flow_mapping)(text, number, path, where)
        if not _CLOSED.match(text, end):
            raise _GiveUp
        return value
    match = _VALUE.match(text)
    if match is None:
        raise _GiveUp
    return _text(match)


def _text(match: re.Match[str]) -> str:
    plain, single, double = match.group("plain", "single", "double")
    if plain is not None:
        if _tag(plain) != _STR:
            raise _GiveUp  # a number, a boolean, null: the parser builds those
        return plain
    return single.replace("''", "'") if single is not None else double


def _flow_list(text: str, number: int, path: Path, where) -> tuple[list, int]:
    items: list[Any] = []
    empty = _EMPTY_LIST.match(text)
    if empty:
        return items, empty.end()
    at = 1
    while True:
        match = _FLOW_VALUE.match(text, at)
        if match is None or match.group("end") == "}":
            raise _GiveUp
        where[path + (len(items),)] = number
        items.append(_text(match))
        at = match.end()
        if match.group("end") == "]":
            return items, at


def _flow_mapping(text: str, number: int, path: Path, where) -> tuple[dict, int]:
    result: dict[str, Any] = {}
    empty = _EMPTY_MAPPING.match(text)
    if empty:
        return result, empty.end()
    at = 1
    while True:
        key = _FLOW_KEY.match(text, at)
        if key is None:
            raise _GiveUp
        name = _key_name(key.group(1), result)
        where[path + (name,)] = number
        match = _FLOW_VALUE.match(text, key.end())
        if match is None or match.group("end") == "]":
            raise _GiveUp
        result[name] = _text(match)
        at = match.end()
        if match.group("end") == "}":
            return result, at


_EMPTY_LIST = re.compile(r"\[ *\]")
_EMPTY_MAPPING = re.compile(r"\{ *\}")
RESOLVERS = {
    first: [(tag, pattern) for tag, pattern in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}
"""YAML's implicit types as the safe loader resolves them, dates kept as text (the schema,
not PyYAML, judges them): for this reader and for generator.yamlsource's loader."""
_BY_FIRST = {
    first: tuple(resolvers + RESOLVERS.get(None, []))
    for first, resolvers in RESOLVERS.items()
    if first is not None
}
_ANY_FIRST = tuple(RESOLVERS.get(None, []))
_TAGS: dict[str, str] = {}


def _tag(value: str) -> str:
    """The tag YAML gives a plain value (as the safe loader resolves it, dates kept as text)."""
    resolvers = _BY_FIRST.get(value[:1], _ANY_FIRST)
    if not resolvers:
        return _STR  # "Finding work", "ed-measure": no implicit type starts so
    known = _TAGS.get(value)
    if known is None:
        known = _STR
        for tag, pattern in resolvers:
            if pattern.match(value):
                known = tag
                break
        if len(_TAGS) < 4096 and len(value) < 40:  # keys, dates and handles recur in every file
            _TAGS[value] = known
    return known
