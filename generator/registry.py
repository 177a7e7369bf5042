"""The explicit list of moderation rules, validated when imported."""

from __future__ import annotations

from generator.rules import (
    approvals,
    consent_dates,
    consent_reference,
    consent_scope,
    file_readable,
    front_matter_schema,
    id_matches_path,
    leak_check,
    story_lapsed,
    unique_ids,
    vocabulary,
    withdrawn_register,
)
from generator.rules.base import Rule

RULES: tuple[Rule, ...] = (
    file_readable.RULE,
    front_matter_schema.RULE,
    vocabulary.RULE,
    id_matches_path.RULE,
    unique_ids.RULE,
    consent_reference.RULE,
    consent_dates.RULE,
    consent_scope.RULE,
    story_lapsed.RULE,
    withdrawn_register.RULE,
    approvals.RULE,
    leak_check.RULE,
)

RETIRED_IDS: frozenset[str] = frozenset()
"""Ids of rules that were removed; never reuse them."""

LOAD_PHASE = frozenset({"BT001", "BT002"})
"""Rules the loader applies while reading files (they have no check function)."""
OUTPUT_PHASE = frozenset({"BT801"})
"""Rules the build applies to its output before publishing it (tested end to end)."""


def _validate(rules: tuple[Rule, ...]) -> dict[str, Rule]:
    by_key: dict[str, Rule] = {}
    for rule in rules:
        for key in (rule.id, rule.name):
            if key in by_key:
                raise RuntimeError(f"duplicate rule id or name: {key}")
            by_key[key] = rule
        if rule.id in RETIRED_IDS:
            raise RuntimeError(f"rule id {rule.id} was retired and must not be reused")
        has_check = rule.check is not None or rule.check_content is not None
        if has_check == (rule.id in LOAD_PHASE | OUTPUT_PHASE):
            raise RuntimeError(f"rule {rule.id} must have exactly one way of being applied")
        if not (rule.summary and rule.rationale and rule.hint):
            raise RuntimeError(f"rule {rule.id} is not fully documented")
    return by_key


BY_KEY = _validate(RULES)


def lookup(key: str) -> Rule | None:
    """A rule by id (BT101) or name (consent-reference)."""
    return BY_KEY.get(key) or BY_KEY.get(key.upper())
