"""Parse YAML safely and remember the line of every key, so errors can point at it."""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.yamlplain import RESOLVERS, read_plain

MAX_DEPTH = 24
"""Front matter and config are shallow; anything deeper is a mistake or an attack."""

Path = tuple[Any, ...]


@dataclass
class YamlProblem(Exception):
    """The YAML cannot be used; ``line`` is 1-based within the whole file."""

    message: str
    line: int | None = None
    column: int | None = None
    hint: str = ""


@dataclass
class ParsedYaml:
    data: Any
    lines: dict[Path, int]
    """Line of each key (and each list item) by its path, e.g. ``("consent", "given")``."""

    def line_of(self, path: Path) -> int | None:
        """The line of ``path``, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


# libyaml's C parser when PyYAML was built with it (ten times faster); pure Python otherwise.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loading, with dates kept as text so that the schema, not PyYAML, judges them
    (and can say on which line)."""


_Loader.yaml_implicit_resolvers = RESOLVERS


_MAYBE_TAG = re.compile(r"(?:^|[\s\[{,])!", re.MULTILINE)
"""Where an explicit tag (!!binary, !tag) could start: before a value or a key."""
_CORE_TAG = "tag:yaml.org,2002:"


def _tag_as_written(tag: str) -> str:
    return "!!" + tag.removeprefix(_CORE_TAG) if tag.startswith(_CORE_TAG) else tag


def _refuse_anchors(text: str) -> None:
    """Anchors and aliases are never needed here, and allow exponential 'billion laughs'
    documents; explicit tags (!!binary, !!timestamp, !anything) hide the text that will be
    published from whoever reviews the change: refuse both before anything is composed."""
    where: list[list[Any]] = []  # per open mapping or list: [is mapping, key or index, at key]
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            where.pop()
            _advance(where)
            continue
        tag = getattr(event, "tag", None)
        if tag is not None:
            at_key = bool(where) and where[-1][0] and where[-1][2]
            field = ".".join(str(step[1]) for step in where if step[1] is not None)
            written = _tag_as_written(tag)
            raise YamlProblem(
                (f"{field}: " if field else "")
                + f"the explicit YAML tag '{written}' is not allowed"
                + (" on a key" if at_key else ""),
                event.start_mark.line + 1,
                event.start_mark.column + 1,
                "a reviewer of the diff must see the text that will be published: "
                f"remove '{written}' and write the value plainly",
            )
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(
                "YAML aliases (*name) are not allowed",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
                "write the value out in full instead of referring to an anchor",
            )
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(
                f"YAML anchors (&{anchor}) are not allowed",
                event.start_mark.line + 1,
                event.start_mark.column + 1,
                "remove the anchor and write each value out in full",
            )
        if isinstance(event, yaml.ScalarEvent):
            if where and where[-1][0] and where[-1][2]:
                where[-1][1] = event.value  # the key whose value comes next
                where[-1][2] = False
            else:
                _advance(where)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            mapping = isinstance(event, yaml.MappingStartEvent)
            where.append([True, None, True] if mapping else [False, -1, False])
            if not mapping:
                where[-1][1] = 0


def _advance(where: list[list[Any]]) -> None:
    """A value has ended: the enclosing mapping waits for a key, a list for its next item."""
    if not where:
        return
    if where[-1][0]:
        where[-1][2] = True
    else:
        where[-1][1] += 1


def parse_yaml(text: str, line_offset: int = 0) -> ParsedYaml:
    """Parse one YAML document. ``line_offset`` is added to every line (for front matter)."""
    plain = read_plain(text, line_offset)  # what editors write, without the parser
    if plain is not None:
        return ParsedYaml(*plain)
    return parse_yaml_fully(text, line_offset)


def parse_yaml_fully(text: str, line_offset: int = 0) -> ParsedYaml:
    """parse_yaml with the YAML parser, whatever the text."""
    loader = None
    try:
        # no anchor, alias or tag without these characters: skip a parse
        if "&" in text or "*" in text or ("!" in text and _MAYBE_TAG.search(text)):
            _refuse_anchors(text)
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml({}, {})
        lines: dict[Path, int] = {(): node.start_mark.line + 1 + line_offset}
        data = _Builder(loader, lines, line_offset).build(node, (), 0)
    except YamlProblem as problem:
        if problem.line is not None:
            problem.line += line_offset
        raise
    except yaml.MarkedYAMLError as exc:
        # a missing ':' is noticed a line late; the context mark is the line at fault
        missing_colon = "could not find expected ':'" in str(exc.problem)
        mark = (exc.context_mark if missing_colon else None) or exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        what = " ".join(part for part in (exc.context, exc.problem) if part)
        message, hint = _plain_words(what)
        raise YamlProblem(message, line, column, hint) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        column = exc.position - text.rfind("\n", 0, exc.position)
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "a character"
        raise YamlProblem(
            f"an invisible control character ({code}) that text cannot contain",
            line + line_offset,
            column,
            "delete it (it is often left by copying from another program), and save the file "
            "as plain UTF-8 text",
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"malformed YAML: {exc}", hint="fix the YAML syntax") from None
    except (RecursionError, ValueError, TypeError, OverflowError) as exc:
        raise YamlProblem(f"YAML value cannot be read: {exc}", hint="simplify the value") from None
    finally:
        if loader is not None:
            loader.dispose()
    return ParsedYaml(data, lines)


# The YAML parser's words, and what they mean to an editor.
_PLAIN = (
    (
        "mapping values are not allowed",
        "a value contains ': ' (colon and space)",
        'put the whole value in double quotes, e.g. title: "Walking: again"',
    ),
    (
        "could not find expected ':'",
        "a line is neither `key: value` nor a list item",
        "add the missing ':' after the key, or indent the line if it continues the one above",
    ),
    (
        "found character that cannot start any token",
        "a character that cannot start a value here (often a tab, or @ or ` at the start)",
        "indent with spaces only, and put values that start with a symbol in quotes",
    ),
    (
        "did not find expected ',' or ']'",
        "a [list] is not closed, or its items are not separated by commas",
        "close the list with ] on the same line, with commas between items",
    ),
    (
        "did not find expected ',' or '}'",
        "a {mapping} is not closed, or its items are not separated by commas",
        "close it with } on the same line, with commas between items",
    ),
    (
        "did not find expected key",
        "the indentation does not line up",
        "indent sub-keys by two spaces under their parent, and nothing else",
    ),
    (
        "found unexpected end of stream",
        "a quote or bracket is opened but never closed",
        'close the quote (") or bracket (] or }) on this line',
    ),
    (
        "expected <block end>, but found",
        "the indentation does not line up",
        "indent sub-keys by two spaces under their parent, and nothing else",
    ),
)


def _plain_words(what: str) -> tuple[str, str]:
    for parser_words, message, hint in _PLAIN:
        if parser_words in what:
            return f"malformed YAML: {message}", hint
    return (
        f"malformed YAML: {what}",
        "check indentation, colons and quotes on this line; text containing ': ' or starting "
        "with a symbol needs quotes",
    )


_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_MERGING = {"tag:yaml.org,2002:merge", "tag:yaml.org,2002:value"}
"""Keys (<< and =) that PyYAML's constructor rewrites before it builds a mapping."""


@dataclass
class _Builder:
    """The document's values and the line of every key, in one walk over the nodes. Text,
    lists and plain mappings are built here, 2.5 times faster than PyYAML's constructor;
    every other node (numbers, booleans, null, merge keys, explicit tags) goes to that
    constructor, so the values are the ones PyYAML's safe loader gives."""

    loader: Any
    lines: dict[Path, int]
    offset: int

    def build(self, node: Node, path: Path, depth: int) -> Any:
        _refuse_depth(node, depth)
        tag = node.tag
        if tag == _STR and isinstance(node, ScalarNode):
            return node.value
        if tag == _SEQ and isinstance(node, SequenceNode):
            items = []
            for index, item in enumerate(node.value):
                self.lines[path + (index,)] = item.start_mark.line + 1 + self.offset
                items.append(self.build(item, path + (index,), depth + 1))
            return items
        if (
            tag == _MAP
            and isinstance(node, MappingNode)
            and all(key.tag not in _MERGING for key, _ in node.value)
        ):
            built: dict[Any, Any] = {}
            for key_node, value_node, key in _keys(node, path, self.lines, self.offset):
                constructed = self._key(node, key_node)
                built[constructed] = self.build(value_node, path + (key,), depth + 1)
            return built
        # anything else: record its lines, and let PyYAML construct it
        _walk(node, path, self.lines, self.offset, depth)
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, OverflowError) as exc:  # e.g. a number of 5,000 digits
            field = ".".join(str(step) for step in path)
            digits = sum(c.isdigit() for c in node.value) if isinstance(node.value, str) else 0
            what = f"a number of {digits:,} digits is too long" if digits > 100 else str(exc)
            raise YamlProblem(
                f"{field}: {what}" if field else what,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                "write a short whole number, or put the value in quotes if it is text",
            ) from None

    def _key(self, mapping: MappingNode, node: Node) -> Any:
        key = node.value if node.tag == _STR and isinstance(node, ScalarNode) else None
        if key is None:
            key = self.loader.construct_object(node, deep=True)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping",
                mapping.start_mark,
                "found unhashable key",
                node.start_mark,
            )
        return key


def _walk(node: Node, path: Path, lines: dict[Path, int], offset: int, depth: int) -> None:
    """Record the line of every key and item under ``node``."""
    _refuse_depth(node, depth)
    if isinstance(node, MappingNode):
        for _, value_node, key in _keys(node, path, lines, offset):
            _walk(value_node, path + (key,), lines, offset, depth + 1)
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1 + offset
            _walk(item, path + (index,), lines, offset, depth + 1)


def _refuse_depth(node: Node, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise YamlProblem(
            f"YAML nested more than {MAX_DEPTH} levels deep",
            node.start_mark.line + 1,
            node.start_mark.column + 1,
            "front matter is flat: keys, short lists and one level of sub-keys",
        )


def _keys(node: MappingNode, path: Path, lines: dict[Path, int], offset: int) -> list:
    """(key node, value node, key as written) of each entry, with the key's line recorded;
    a key given twice is refused (YAML would silently keep the last)."""
    entries = []
    seen: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, ScalarNode) else repr(key_node)
        line = key_node.start_mark.line + 1
        if key in seen:
            raise YamlProblem(
                f"duplicate key '{key}' (first on line {seen[key] + offset})",
                line,
                key_node.start_mark.column + 1,
                "keep one of them; YAML would silently use the last",
            )
        seen[key] = line
        lines[path + (key,)] = line + offset
        entries.append((key_node, value_node, key))
    return entries
