"""The plain front matter reader (generator.yamlplain) gives what the YAML parser gives, values
and lines, or gives up: on every front matter in the repository and on generated ones."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from generator.loader import _HANDLER
from generator.yamlplain import read_plain
from generator.yamlsource import YamlProblem, parse_yaml_fully


def _front_matters() -> list[str]:
    found = []
    for path in sorted(ROOT.rglob("*.md")):
        if ".git" in path.parts or "node_modules" in path.parts:
            continue
        try:
            text = path.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        if _HANDLER.detect(text):
            try:
                found.append(_HANDLER.split(text)[0])
            except ValueError:
                continue
    return found


def _agrees(text: str, offset: int = 0) -> bool:
    """Whether the reader gave up or gave what the parser gives; True when it read it."""
    plain = read_plain(text, offset)
    if plain is None:
        return False
    try:
        parsed = parse_yaml_fully(text, offset)
    except YamlProblem as problem:
        raise AssertionError(f"the parser refuses what the plain reader read: {problem}") from None
    assert plain[0] == parsed.data and type(plain[0]) is type(parsed.data), text
    assert plain[1] == parsed.lines, text
    return True


def test_reads_the_repositorys_front_matter_as_the_parser_does():
    front_matters = _front_matters()
    assert len(front_matters) > 500
    read = sum(_agrees(text, 1) for text in front_matters)
    assert read > len(front_matters) * 0.8, "most front matter is plain: the fast path is used"


STORY = """id: walking-again
title: "Walking: again"
pseudonym: Dee
summary: It's about the bench by the river, and sha256:abc and C# and 50% off.
topics: [housing, probation]
content_warnings: []
published: 2026-08-08
status: published
consent:
  reference: CR-2026-00007
  given: 2026-01-01
  scope: [website]
review:
  anonymised_by: ed-bench
  approved_by: [ed-bench, 'ed-second']
  approvals:  # written by `beenthere approve`; do not edit by hand
    - {by: ed-bench, fingerprint: 'sha256:86c4''90', date: 2026-11-27}
    - {by: ed-second, fingerprint: 'sha256:86c490f9', date: 2026-11-27}
  storyteller:
    {by: ed-bench, fingerprint: 'sha256:86c490f9', date: 2026-11-27}
waivers:
- {rule: BT211, text: 'Grace Darling', reason: a lifeboat, by: ed-bench}
"""


def test_reads_a_whole_story_front_matter():
    assert _agrees(STORY, 1)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\n", "a: yes\n", "a: on\n", "on: x\n", "a: null\n", "a: ~\n", "a:\n", "a: 1:30\n",
        "a: 0x1f\n", "a: .5\n", "a: b: c\n", "a: b:\n", "a: |\n  x\n", "a: >\n  x\n",
        "a: x\n  y\n", 'a: "x\\ty"\n', "a: 'x\n  y'\n", "a: &x y\n", "a: *x\n", "a: !!str 1\n",
        "a: [1, 2]\n", "a: {b: 1}\n", "a: [x, [y]]\n", "a: x\na: y\n", "- a\n- b\n",
        "a:\n  - b: c\n", "a: x\tb\n", "a: x\u2028y\n", "a: \ufeffx\n", "a: x # c\n  b: d\n",
        "<<: x\n", "a: [x\n", "a: {b: c\n", "a: x#y\n", "a: - x\n", "a:\n- x\n -y\n",
        "'a': b\n", "a: b\n c: d\n", "  a: b\nc: d\n", "a: @x\n", "a: `x`\n", "a: %x\n",
        "a: {b: c, b: d}\n", "a: [x, ]\n", "a: x\x07\n", "a: \x85\n",
    ],
)  # fmt: skip
def test_gives_up_or_agrees_on_what_editors_rarely_write(text):
    _agrees(text)  # never a different value, whether or not it reads it


def test_leaves_numbers_and_booleans_to_the_parser():
    for text in ("a: 1\n", "a: yes\n", "on: x\n", "a: null\n", "a:\n", "a: x\n  y\n"):
        assert read_plain(text) is None, text


_WORDS = st.sampled_from(
    ["x", "Dee", "yes", "no", "on", "1", "2026-01-01", "1:30", "0x1F", "a:b", "a: b", "#c",
     " #c", "C#", "50%", "'q'", '"q"', "it's", "~", "null", "-", "- x", "[a]", "{a: b}", ",",
     "é", "\u00a0", "x ", " ", "''", "<<", "=", "?", "@x", "&a", "*a", "!t"]
)  # fmt: skip
_VALUE = st.lists(_WORDS, min_size=1, max_size=4).map("".join)
_KEYS = st.sampled_from(["id", "title", "on", "a", "b", "scope", "x-y", "null"])


def _line(indent: int):
    return st.one_of(
        st.tuples(_KEYS, _VALUE).map(lambda kv: " " * indent + f"{kv[0]}: {kv[1]}"),
        st.tuples(_KEYS, st.lists(_VALUE, max_size=3)).map(
            lambda kv: " " * indent + f"{kv[0]}: [{', '.join(kv[1])}]"
        ),
        st.tuples(_KEYS, _VALUE, _VALUE).map(
            lambda kv: " " * indent + f"{kv[0]}: {{by: {kv[1]}, date: {kv[2]}}}"
        ),
        _KEYS.map(lambda k: " " * indent + f"{k}:"),
        _VALUE.map(lambda v: " " * indent + f"- {v}"),
        st.just(" " * indent + "# a comment"),
        st.just(""),
    )


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.integers(0, 3).flatmap(lambda n: _line(n * 2)), min_size=1, max_size=8))
@example(["a: x", "b:", "  c: y", "  d: [p, q]", "e:", "- f", "- {by: g, date: h}"])
def test_gives_up_or_agrees_on_generated_front_matter(lines):
    _agrees("\n".join(lines) + "\n", 3)
