"""BT401's severities: a clear description is an error, a single cue a warning to read, a
cue with its confirming words or beside another cue an error; other senses need nothing."""

import pytest

from conftest import ROOT, TODAY, copy_project
from fixtures import FIXTURES
from generator.config import load_config
from generator.loader import load_content
from generator.rules import content_warnings
from generator.rules.base import Context

HEAD = (FIXTURES / "BT401" / "good" / "stories" / "plain.md").read_text("utf-8").split("\n")[:20]


def _severities(tmp_path, body: str) -> list[tuple[str, str]]:
    project = copy_project(tmp_path / "p", content=False)
    stories = project / "content" / "stories"
    stories.mkdir()
    (stories / "plain.md").write_text("\n".join(HEAD) + "\n\n" + body + "\n", "utf-8")
    config = load_config(project / "site_config.yml")
    (doc,) = load_content(config).documents
    found = content_warnings.check(doc, Context(config.config, TODAY))
    return [(f.match or "", f.severity.value) for f in found]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("He stabbed me.", [("stabbed", "error")]),
        ("I haven't used heroin in three years.", [("used heroin", "error")]),
        ("My dad died that winter.", [("died", "info")]),  # bereavement is advisory
        ("I relapsed in the spring.", [("relapsed", "info")]),  # a lone cue is a note
        ("I started cutting myself at fourteen.", [("cutting myself", "error")]),
        ("I stabbed myself with the needle twenty times.", []),  # sewing
        ("I found needles. Then I relapsed.", [("needles", "error"), ("relapsed", "error")]),
        ("My phone died. The battery died too.", []),
        ("I could murder a bacon roll.", []),
        ("I could've murdered a sausage roll.", []),
        ("At the quiz the choir team murdered them all, eighteen points clear.", []),
    ],
)
def test_severity_follows_how_clear_the_description_is(tmp_path, body, expected):
    assert _severities(tmp_path, body) == expected


def test_is_waivable():
    assert content_warnings.RULE.waivable


def test_the_example_lexicon_is_tried_only_where_a_phrase_can_start():
    """Its phrases are tried at their first letters, found in the shared scan: past 256 of
    them the finder once gave up in silence and BT401 scanned every character of every
    story with all of them, a third of the whole check's time."""
    config = load_config(ROOT / "site_config.yml")
    lexicon = content_warnings.lexicon_of(Context(config.config, TODAY))
    assert lexicon.starts is not None
    assert len(lexicon.starts.heads) > 50
