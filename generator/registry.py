"""The explicit list of moderation rules, validated when imported."""

from __future__ import annotations

from generator.rules import (
    approvals,
    case_reference,
    consent_dates,
    consent_reference,
    consent_renewal,
    consent_scope,
    content_warnings,
    date_of_birth,
    email_address,
    exact_date,
    file_readable,
    front_matter_schema,
    id_matches_path,
    images,
    jigsaw,
    leak_check,
    named_victim,
    nhs_number,
    ni_number,
    ongoing_proceedings,
    personal_name,
    phone_number,
    placeholder_text,
    postcode,
    prison_number,
    pseudonym,
    resource_stale,
    sensitive_terms,
    sexual_offence_victim,
    social_media,
    stigmatising_language,
    story_lapsed,
    storyteller_signoff,
    street_address,
    unique_ids,
    unsafe_markup,
    vehicle_registration,
    vocabulary,
    waivers,
    withdrawn_register,
)
from generator.rules.base import Rule

RULES: tuple[Rule, ...] = (
    # reading files and their shape
    file_readable.RULE,
    front_matter_schema.RULE,
    vocabulary.RULE,
    id_matches_path.RULE,
    unique_ids.RULE,
    placeholder_text.RULE,
    # consent and lifecycle
    consent_reference.RULE,
    consent_dates.RULE,
    consent_scope.RULE,
    story_lapsed.RULE,
    withdrawn_register.RULE,
    resource_stale.RULE,
    # review and the storyteller's sign-off, bound to the exact text
    approvals.RULE,
    storyteller_signoff.RULE,
    # once published: consent that needs renewing
    consent_renewal.RULE,
    # anonymisation
    email_address.RULE,
    phone_number.RULE,
    postcode.RULE,
    street_address.RULE,
    prison_number.RULE,
    ni_number.RULE,
    nhs_number.RULE,
    date_of_birth.RULE,
    vehicle_registration.RULE,
    social_media.RULE,
    personal_name.RULE,
    pseudonym.RULE,
    named_victim.RULE,
    sensitive_terms.RULE,
    case_reference.RULE,
    jigsaw.RULE,
    # legal risk
    ongoing_proceedings.RULE,
    sexual_offence_victim.RULE,
    exact_date.RULE,
    # readers
    content_warnings.RULE,
    stigmatising_language.EDITORIAL,
    stigmatising_language.STORY_VOICE,
    unsafe_markup.RULE,
    images.EXISTS,
    images.METADATA,
    images.ALT,
    # applied outside the checks
    leak_check.RULE,
    waivers.UNUSED,
    waivers.NOT_WAIVABLE,
)

RETIRED_IDS: frozenset[str] = frozenset()
"""Ids of rules that were removed; never reuse them."""


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
        if has_check != (rule.phase == "check"):
            raise RuntimeError(f"rule {rule.id}: checks, and only checks, have a function")
        if not (rule.summary and rule.rationale and rule.hint):
            raise RuntimeError(f"rule {rule.id} is not fully documented")
    return by_key


BY_KEY = _validate(RULES)


def lookup(key: str) -> Rule | None:
    """A rule by id (BT101) or name (consent-reference)."""
    return BY_KEY.get(key) or BY_KEY.get(key.upper())
