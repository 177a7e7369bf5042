from conftest import ROOT
from generator.registry import RULES
from generator.rules_doc import render_rules_reference


def test_rules_md_is_generated_from_the_registry_and_current():
    committed = (ROOT / "RULES.md").read_text("utf-8")
    assert committed == render_rules_reference(), (
        "RULES.md is stale: run `python3 -m generator rules-doc --write RULES.md`"
    )


def test_every_rule_is_documented_once():
    text = render_rules_reference()
    for rule in RULES:
        assert text.count(f"\n## {rule.id} {rule.name}\n") == 1
        assert rule.rationale in text
