"""The corpus of whole stories written as storytellers write (tests/corpus/real/: helpers
wrote them from a description of people and situations, without reading the rules): planted
identifiers and faults caught, clean stories published with no finding at all."""

from conftest import ROOT, TODAY
from generator.measure import labelled_table, measure_labelled

CORPUS = ROOT / "tests" / "corpus" / "real"


def test_real_writing_is_checked_as_a_moderator_would(tmp_path):
    result = measure_labelled(ROOT, CORPUS, tmp_path, TODAY)
    print("\n" + labelled_table(result))
    planted = sum(total for _, total in result.caught.values())
    caught = sum(found for found, _ in result.caught.values())
    assert planted >= 60 and result.clean >= 40
    assert not result.clean_flagged, result.clean_flagged
    assert caught >= 0.95 * planted, result.missed
