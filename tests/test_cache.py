"""The check cache: the same findings warm as cold, and nothing stale after any edit."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli


def _findings(project: Path, *extra: str) -> list[dict]:
    result = run_cli(
        "check", "--config", str(project / "site_config.yml"), "--format", "json", *extra
    )
    return json.loads(result.output)["findings"]


def test_warm_check_equals_cold_check_after_edits(project: Path):
    cold = _findings(project, "--no-cache")
    assert _findings(project) == cold  # first run fills the cache
    assert (project / ".beenthere-cache/check.pickle").is_file()
    assert _findings(project) == cold  # second run reads it

    story = project / "content/stories/riverside-walks.md"
    story.write_text(story.read_text() + "\nCall me on 07700 900123.\n")
    warm = _findings(project)
    assert warm == _findings(project, "--no-cache")
    assert any(f["rule"] == "BT202" and f["file"].endswith("riverside-walks.md") for f in warm)

    config = project / "site_config.yml"
    config.write_text(config.read_text().replace("required_approvals: 2", "required_approvals: 3"))
    assert _findings(project) == _findings(project, "--no-cache")
    assert sum(f["rule"] == "BT111" for f in _findings(project)) == 8


def test_cross_file_rules_always_run(project: Path):
    _findings(project)
    copy = project / "content/stories/riverside-walks-copy.md"
    copy.write_text((project / "content/stories/riverside-walks.md").read_text())
    found = _findings(project)
    assert any(f["rule"] == "BT005" for f in found) or any(f["rule"] == "BT004" for f in found)
    copy.unlink()
    register = project / "content/withdrawn.yml"
    register.write_text(register.read_text() + "- id: riverside-walks\n  date: 2026-11-01\n")
    assert any(f["rule"] == "BT105" for f in _findings(project))


def test_a_corrupt_cache_is_ignored(project: Path):
    expected = _findings(project)
    (project / ".beenthere-cache/check.pickle").write_bytes(b"not a pickle")
    assert _findings(project) == expected


def test_build_reads_but_does_not_check_again_what_check_has_checked(project: Path, monkeypatch):
    import generator.moderate as moderate_module
    from conftest import TODAY
    from generator.checklist import check

    config = project / "site_config.yml"
    _, _, cold = check(config, TODAY, use_cache=False)
    check(config, TODAY, text=False)  # `beenthere check`: fills the cache
    checked: list[str] = []
    real = moderate_module.review_document

    def counting(doc, **bound):
        checked.append(doc.rel)
        return real(doc, **bound)

    monkeypatch.setattr(moderate_module, "review_document", counting)
    _, content, warm = check(config, TODAY)  # as `beenthere build` does: keeps the text
    assert checked == []
    assert warm.findings == cold.findings
    assert all(doc.body for doc in warm.publish)  # the text is there to render

    story = project / "content/stories/riverside-walks.md"
    story.write_text(story.read_text() + "\nCall me on 07700 900123.\n")
    _, _, edited = check(config, TODAY)
    assert checked == ["content/stories/riverside-walks.md"]
    assert any(f.rule == "BT202" and f.file.endswith("riverside-walks.md") for f in edited.findings)
