"""The corpus of whole stories written as storytellers write (tests/corpus/real/: helpers
wrote them from a description of people and situations, without reading the rules): planted
identifiers and faults caught, clean stories published with no finding at all."""

import pytest

from conftest import ROOT, TODAY
from generator.measure import labelled_table, measure_labelled

CORPORA = {  # corpus → planted faults and clean stories it holds at least, share to catch,
    # clean stories that may still have a finding
    "real": (70, 30, 0.95, 0),
    # written later, by a helper who had not seen the rules, and first measured as it came
    # (then 28 of 40 caught: 20 of 25 identifiers, 3 of 10 combinations, 4 of 5 faults; 9 of
    # 10 clean stories with no finding): the honest test of generality
    "fresh": (40, 10, 0.95, 0),
    # a second blind batch, measured as it came after the first was worked through: 27 of
    # 30 caught (19 of 20 identifiers, 7 of 8 combinations), 17 of 18 clean
    "fresh2": (30, 18, 0.95, 0),
    # a third, measured as it came after the second: 22 of 30 (16 of 20 identifiers, 3 of 6
    # combinations, 3 of 4 faults), 10 of 10 clean
    "fresh3": (30, 10, 0.95, 0),
    # a fourth, of names above all, measured as it came after the third: 5 of 12 names (and
    # 6 of 6 other identifiers), 11 of 12 clean
    "fresh4": (18, 12, 0.95, 0),
    # a fifth, of names, measured as it came after the fourth: 5 of 12 names, 5 of 8 clean
    # (the last two: two small towns on a day out; two streets and a city's college)
    "fresh5": (12, 8, 0.95, 0),
    # a sixth, of every family, measured as it came after the fifth: 20 of 30 (15 of 20
    # identifiers, 2 of 6 names; 3 of 5 combinations; 2 of 5 faults), 7 of 10 clean
    "fresh6": (30, 10, 0.95, 0),
    # a seventh, measured as it came after the sixth: 26 of 30 (19 of 20 identifiers, 5 of 6
    # names; 2 of 5 combinations; 5 of 5 faults), 9 of 10 clean
    "fresh7": (30, 10, 0.95, 0),
    # an eighth, its clean stories the hardest part, measured as it came after the seventh:
    # 23 of 28 (15 of 18 identifiers; 4 of 5 combinations; 4 of 5 faults), 5 of 12 clean; one
    # clean story still has a quiz team called "Les Quizerables" read as a name
    "fresh8": (28, 12, 0.95, 1),
    # a ninth, measured as it came after the eighth: 23 of 26 (16 of 18 identifiers, 6 of 6
    # names; 4 of 4 combinations; 3 of 4 faults), 11 of 14 clean
    "fresh9": (26, 14, 0.95, 0),
    # a tenth, cut short at 8 stories, measured as it came after the ninth: 5 of 6 (a
    # lower-case Irish name with ó and an unlisted given name missed), 1 of 2 clean (Aston Villa)
    "fresh10": (6, 2, 0.95, 0),
    # an eleventh, measured as it came after the tenth: 21 of 26 (15 of 18 identifiers: a
    # house number in words in lower case, HMRC's QQ 12 34 56 C, "Gethin ap Rhys" as the
    # pseudonym; 4 of 6 combinations: a shop named alone in its own sentence, across two
    # stories; 2 of 2 faults), 11 of 14 clean ("saint andrew", Seamus Heaney, Malorie Blackman)
    "fresh11": (26, 14, 0.95, 0),
    # a twelfth, measured as it came after the eleventh: 20 of 26 (17 of 18 identifiers: a
    # house number in words before a Terrace; 0 of 5 combinations: a town no list holds, a
    # child "in Year 3", a parish clerk, "Mine was Pigeon", "what I did was armed robbery";
    # 3 of 3 faults), 10 of 14 clean (Ken Bruce, Monty Don, Louis Sachar, Monte Cristo,
    # "Auntie Parveen", "that ending murdered me", a chef's cut finger)
    "fresh12": (26, 14, 0.95, 0),
    # a thirteenth, of combinations above all, measured as it came after the twelfth: 10 of
    # 22 (4 of 6 identifiers: "flat 2, 17 albany rd", "His name is Rhodri"; 4 of 16
    # combinations: a county title, a pub and the local paper, a care home, a class and a
    # village school, an island, a church's tower captain, twins born on Christmas Day, "X's
    # not big", a hold-up of a bookies, a dinner lady in a village), 5 of 8 clean (Barry
    # Island, "the real Manchester. Maine Road", Truro)
    "fresh13": (22, 8, 0.95, 0),
    # a fourteenth, measured as it came after the thirteenth: 16 of 22 (11 of 12
    # identifiers: "Dear Shannon, ... I hurt you"; 4 of 8 combinations: an estate known by
    # name alone and "calls us Tapper", a neck tattoo and a three-legged greyhound with the
    # town, "Pennock Bridge" and "Hexley Moor"; 2 of 3 faults: injecting described without
    # its warning), 5 of 8 clean (Ruth Jones, Kevin McCloud, Kevin Sinfield, Rob Burrow)
    "fresh14": (22, 8, 0.95, 0),
    # a fifteenth, of names above all, measured as it came after the fourteenth: 15 of 22
    # (14 of 18 identifiers: "'Emyr ap Dafydd,' he says", "OSEI-BONSU, Kwabena", an NI
    # number with its letters apart, a prison number read out; 1 of 4 combinations: "every
    # kid in Maryport knew my van", a painted van, a taxi firm and the local Telegraph, "I've
    # been called Gloves", a pub's Sunday side), 2 of 8 clean (Nigel Slater, Gerry Cinnamon,
    # Clare Wood, Sharon Watts, Tony Adams, Bishop Auckland); one clean story keeps BT501's
    # 'getting clean' in its editor-written summary, which the language guide asks editors
    # to put another way
    "fresh15": (22, 8, 0.95, 1),
    # a sixteenth, of every family, measured as it came after the fifteenth: 11 of 20 (7 of
    # 10 identifiers: "im on tiktok, sparrowstitches_brum", "bernadette “bernie” mcalister"
    # after "ma PO", "flat 2, 41 harebell walk"; 0 of 6 combinations: a bakery's only fella
    # with knuckle tattoos, a child taken to nursery and a church's stay-and-play, a junior
    # team and "only two women on the rota", a town known by its name's ending; 4 of 4
    # faults), 8 of 10 clean (a fox "being murdered", Phil Mitchell)
    "fresh16": (20, 10, 0.95, 0),
    # a seventeenth, of every family, measured as it came after the sixteenth: 12 of 21 (9 of
    # 12 identifiers: a prison number in the phonetic alphabet, "(jaspreet kaur sandhu," as a
    # signature, "this is for Bogdan" heading a poem to the man robbed; 1 of 6 combinations:
    # "has called us Tins", the Wheatsheaf's quiz and "in the Echo", "INAYA across my
    # knuckles" with a boxing club in Ashington, "the only chippy in the village" with
    # Cemaes; 2 of 3 faults: an appeal "listed for a hearing"), 7 of 9 clean (St Pauls
    # Carnival, Beres Hammond, "hit me wi a tea towel")
    "fresh17": (21, 9, 0.95, 0),
    # an eighteenth, of identifiers and clean stories in the held-out corpus's proportions,
    # measured as it came after the seventeenth: 17 of 19 (14 of 15 identifiers: "a room, 41b
    # alderbrook rd,"; 3 of 4 faults: "still waiting to be sentenced"), 9 of 11 clean ("I
    # murdered Calon Lân at the rugby club quiz night", "On the 3rd of March, a Tuesday")
    "fresh18": (19, 11, 0.95, 0),
    # a nineteenth, of names and hard clean stories, measured as it came after the
    # eighteenth: 12 of 18 (8 of 14 identifiers: "KOWALCZYK, Agnieszka" on a form, "Alasdair
    # “Wee Ally” MacPhail" and "Hyacinth Beckford" (names no list held), "I'm on as
    # geordie_gaz_sober", "the lad I hit was called Callum"; 4 of 4 faults), 9 of 12 clean
    # (Jess Ennis-Hill, Ted Lasso, Winston Smith). Still missed: a mobile number read out with
    # an aside in the middle of it ("nine hundred — and then, wait for it — four one two")
    "fresh19": (18, 12, 0.94, 0),
}


@pytest.mark.parametrize("name", CORPORA)
def test_real_writing_is_checked_as_a_moderator_would(tmp_path, name):
    result = measure_labelled(ROOT, ROOT / "tests" / "corpus" / name, tmp_path, TODAY)
    print("\n" + labelled_table(result))
    planted = sum(total for _, total in result.caught.values())
    caught = sum(found for found, _ in result.caught.values())
    least_planted, least_clean, share, flagged = CORPORA[name]
    assert planted >= least_planted and result.clean >= least_clean
    # The goal is every fault caught and no finding on any clean story; these floors are where
    # the checklist stands today (see the table), so that it can only get better
    assert caught >= share * planted, result.missed
    assert len(result.clean_flagged) <= flagged, result.clean_flagged
