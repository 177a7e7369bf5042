"""The labelled corpus: every planted identifier caught, clean text left alone."""

from conftest import ROOT, TODAY
from generator.measure import measure, table

CORPUS = ROOT / "tests" / "corpus"


def test_every_planted_identifier_is_caught_and_clean_text_passes(tmp_path):
    result = measure(ROOT, CORPUS, tmp_path, TODAY)
    print("\n" + table(result))
    assert not result.missed, f"missed: {result.missed}"
    assert not result.clean_errors, result.clean_errors
    assert not result.clean_warnings, result.clean_warnings
    assert sum(total for _, total in result.caught.values()) >= 90
