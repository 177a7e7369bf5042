import pytest

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
