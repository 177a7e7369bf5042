import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.yamlsource import YamlProblem, parse_yaml


def test_lines_of_nested_keys_and_list_items():
    parsed = parse_yaml("id: a\nconsent:\n  given: 2026-01-01\ntopics:\n  - x\n  - y\n", 1)
    assert parsed.line_of(("consent", "given")) == 4
    assert parsed.line_of(("topics", 1)) == 7
    assert parsed.line_of(("consent", "missing")) == 3  # falls back to the parent


def test_dates_stay_text_for_the_schema_to_judge():
    assert parse_yaml("d: 2026-01-01").data == {"d": "2026-01-01"}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\na: 2\n", 2, "duplicate key 'a'"),
        ("a: &x [1]\nb: *x\n", 1, "anchors"),
        ("title: Walking: again\n", 1, "malformed YAML"),
        ("a:\n  - [\n", 3, "malformed YAML"),
        ("a: " + "[" * 40 + "]" * 40 + "\n", 1, "nested"),
        ("a: 1\n? [b]\n: 2\n", 2, "unhashable key"),
    ],
)
def test_problems_carry_a_line(text, line, words):
    with pytest.raises(YamlProblem) as raised:
        parse_yaml(text)
    assert words in raised.value.message
    assert raised.value.line == line
    assert raised.value.hint


def test_line_offset_is_applied_to_problems():
    with pytest.raises(YamlProblem) as raised:
        parse_yaml("a: 1\na: 2\n", line_offset=1)
    assert raised.value.line == 3


class _NoDates(yaml.SafeLoader):
    """PyYAML's own safe loader, with dates kept as text as parse_yaml keeps them."""


_NoDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
SCALARS = [
    "yes", "No", "on", "~", "null", "", "012", "0o12", "0x1F", "1_000", "1:20", ".inf", "-.5",
    "1e3", "3.", "+1", "True", "'yes'", '"012"', "2026-01-01", "[a, 1, [no]]", "{a: 1, b: [2]}",
    "=", "Wow!", "'!!str'", "a !b",
]  # fmt: skip


def _read_as_pyyaml_reads(text: str) -> None:
    """parse_yaml gives what PyYAML's safe loader gives, or refuses what it refuses."""
    try:
        expected = yaml.load(text, Loader=_NoDates)
    except yaml.YAMLError:
        with pytest.raises(YamlProblem):
            parse_yaml(text)
    else:
        assert parse_yaml(text).data == expected


@pytest.mark.parametrize("scalar", SCALARS)
def test_values_are_what_pyyaml_gives(scalar):
    """Text, lists and mappings are built by parse_yaml itself; other values by PyYAML."""
    _read_as_pyyaml_reads(f"a: {scalar}\nb:\n  - {scalar}\n  - c: {scalar}\n")


@pytest.mark.parametrize(
    "text",
    [
        "<<: {a: 1}\nb: 2\n",
        "=: x\n",
        "? [a]\n: 1\n",
        "1: one\n2: [x]\n",
        "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
    ],
)
def test_keys_and_blocks_are_what_pyyaml_gives(text):
    _read_as_pyyaml_reads(text)


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=12),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
        max_leaves=12,
    )
)
def test_generated_documents_read_as_pyyaml_reads_them(value):
    _read_as_pyyaml_reads(yaml.safe_dump({"value": value}, allow_unicode=True))
