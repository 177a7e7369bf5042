"""One parametrised test reads every rule's good and bad fixtures."""

from __future__ import annotations

import pytest

from conftest import TODAY, copy_project
from fixtures import FIXTURES, expected_findings, fixture_cases, install_tree
from generator.config import load_config
from generator.loader import load_content
from generator.moderate import moderate
from generator.registry import RULES

SENSITIVE = ("Harrowby", "Big Tel")
"""Stands in for an editor's private list of identifying terms."""


@pytest.mark.parametrize(("rule_id", "case"), fixture_cases())
def test_rule_fixture(rule_id, case, tmp_path):
    tree = FIXTURES / rule_id / case
    project = copy_project(tmp_path / "p", content=False)
    install_tree(tree, project)
    loaded = load_content(load_config(project / "site_config.yml"))
    verdict = moderate(loaded, load_config(project / "site_config.yml"), TODAY, SENSITIVE)
    found = {
        (f.file.removeprefix("content/"), f.line, f.rule)
        for f in verdict.findings
        if f.rule == rule_id and f.waived_by is None
    }
    expected = expected_findings(tree)
    if case.startswith("good"):
        assert not found, f"{rule_id} should accept {case}: {found}"
    else:
        assert expected, "a bad fixture must mark at least one finding"
        assert found == expected


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_has_good_and_bad_fixtures(rule):
    if rule.phase == "output":
        pytest.skip("applied to built output: see test_build.py::test_leak_check_*")
    folder = FIXTURES / rule.id
    cases = {p.name.split("-")[0] for p in folder.iterdir()} if folder.is_dir() else set()
    assert {"good", "bad"} <= cases, f"{rule.id} needs fixtures/rules/{rule.id}/good and bad"
