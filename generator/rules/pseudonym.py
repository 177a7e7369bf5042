"""BT212: the pseudonym must not look like a full legal name."""

from __future__ import annotations

from collections.abc import Iterator

from generator.findings import Finding, Severity
from generator.model import Document, StoryMeta
from generator.names import (
    folded_given_names,
    given_names,
    looks_like_full_name,
    not_people,
    surname_shaped,
    surnames,
    written_in_one_case,
)
from generator.rules.base import Context, Rule
from generator.rules.personal_name import VIET_LETTER


def check(doc: Document, ctx: Context) -> Iterator[Finding]:
    meta = doc.meta
    if not isinstance(meta, StoryMeta):
        return
    if _full_name(meta.pseudonym):
        line = doc.line_of("pseudonym")
        yield RULE.finding(doc, "pseudonym looks like a full name", line, match=meta.pseudonym)


FAMILY_NAMES = frozenset({"kaur", "singh", "begum", "bibi", "khatun", "devi"})
"""Names that Sikh, Muslim and Hindu families give as a surname or before one: a pseudonym
with one after a first name is a full name (Manjit Kaur, Harjit Singh Gill)."""
PARTICLES = frozenset({"ap", "ab", "ní", "nic", "ó", "o", "uí", "ua", "bin", "ibn", "bint"})
"""Between a given name and a surname (Dafydd ap Gwilym, Siobhán Ní Bhriain)."""


def _full_name(pseudonym: str) -> bool:
    """Whether the pseudonym reads as a full name in any case or order: "Karen Whitfield",
    "darren mcallister", "SMITH, JOHN", "Smith, John", "Gurpreet Kaur Sandhu"."""
    if pseudonym in not_people():
        return False
    words = [w for w in pseudonym.replace(".", " ").replace(",", " , ").split()]
    if "," in words:  # surname first
        at = words.index(",")
        words = words[at + 1 :] + words[:at]
    if _joined_by_particle([w for w in words if w != ","]):
        return True
    words = [w for w in words if w != "," and w.lower() not in PARTICLES]
    if len(words) == 2 and len(words[0]) == 1 and _surname_only(words[1]):
        return True  # "D. Whitfield": a surname with an initial is someone's name
    if any(VIET_LETTER.search(w) for w in words) and len(words) >= 2:
        return any(w in given_names() or w in surnames() for w in words)  # Nguyễn Văn Thắng
    words = [w for w in words if len(w) > 1]  # initials: "Karen W." is a first name
    if len(words) >= 2 and (
        any(w.lower() in FAMILY_NAMES for w in words[1:])  # Manjit Kaur Rehal
        or any(surname_shaped(w) for w in words)  # Vaidotas Kriaučiūnas
    ):
        return True
    if len(words) >= 2 and words[0].isupper() and not words[-1].isupper():
        words = [words[-1], words[0].lower()]  # MCALLISTER Darren: surname first, in capitals
        return written_in_one_case(words[0].lower(), words[1]) and words[0] in given_names()
    return len(words) >= 2 and looks_like_full_name([words[0], words[-1]])


def _joined_by_particle(words: list[str]) -> bool:
    """A given name, a particle and a name: "Gethin ap Rhys", "Síofra Ní Dhubhghaill",
    "Ahmed bin Rashid" (ap and bin join a father's given name: the surname lists miss it)."""
    return any(
        words[at].lower() in PARTICLES - {"o"}
        and words[at - 1].lower() in folded_given_names()
        and len(words[at + 1]) >= 3
        and words[at + 1][0].isupper() == words[at - 1][0].isupper()
        for at in range(1, len(words) - 1)
    )


def _surname_only(word: str) -> bool:
    return word[:1].isupper() and word in surnames() and word not in given_names()


RULE = Rule(
    id="BT212",
    name="pseudonym-full-name",
    severity=Severity.ERROR,
    summary="The pseudonym is not a full name: a first name and a surname, in any case or "
    "order ('Karen Whitfield', 'darren mcallister', 'SMITH, JOHN', 'Nguyễn Văn Thắng'), nor "
    "an initial and a surname ('D. Whitfield').",
    rationale="A pseudonym that reads like a full legal name may be the storyteller's real "
    "one, or someone else's.",
    hint="use one first name, initials or a nickname the storyteller chose ('Dee', 'J.', 'Big Al')",
    masks=True,
    waivable=True,
    check=check,
    examples=("pseudonym: Karen Whitfield", "pseudonym: Kaz"),
)
