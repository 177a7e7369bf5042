"""End to end, as an editor works: create, fail the check, fix, approve twice, build, withdraw,
build again. Plus the exact words of the errors editors meet most."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from conftest import ROOT, run_cli

STORY_TEXT = """
The first night in the hostel I did not sleep at all. A volunteer from the project sat with me in
the kitchen and we drank tea until it got light. She said the first week is the hardest and that
she would ring me every morning. She did, every single morning, for a month.
"""


def _all_output(site: Path) -> str:
    return "\n".join(
        p.read_text("utf-8", "replace")
        for p in site.rglob("*")
        if p.is_file() and p.suffix in {".html", ".json", ".xml", ".csv", ".txt"}
    )


def test_create_check_fix_approve_build_withdraw_build(project: Path):
    config = str(project / "site_config.yml")
    out = project / "site"
    created = run_cli(
        "new",
        "story",
        "--config",
        config,
        "--title",
        "Tea until it got light",
        "--pseudonym",
        "Mo",
        "--summary",
        "A first night in a hostel, and a volunteer who stayed.",
        "--topics",
        "housing,peer-mentoring",
        "--warnings",
        "",
        "--consent-reference",
        "CR-2026-120",
        "--consent-given",
        "2026-11-20",
        "--anonymised-by",
        "ed-lee",
    )
    assert created.exit_code == 0, created.output
    story = project / "content/stories/tea-until-it-got-light.md"
    text = story.read_text()
    text = text.split("---\n\n", 1)[0] + "---\n" + STORY_TEXT
    text += "Her name was Karen Whitfield and her number was 07700 900321.\n"
    story.write_text(text)

    # still a draft: it is already public in a pull request, so the identifiers are errors
    failed = run_cli("check", "--config", config)
    assert failed.exit_code == 1
    assert "BT211 personal-name: full personal name (K•••• W••••••••)" in failed.output
    assert "BT202 phone-number: phone number (0•••• 9•••••)" in failed.output
    refused = run_cli("approve", str(story), "--by", "ed-lee", "--config", config)
    assert refused.exit_code == 1
    assert "not approved: content/stories/tea-until-it-got-light.md has errors to fix first" in (
        refused.output
    )

    story.write_text(
        story.read_text().replace(
            "Her name was Karen Whitfield and her number was 07700 900321.\n",
            "I still have her number in my phone.\n",
        )
    )
    story.write_text(story.read_text().replace("status: draft", "status: published"))
    fixed = run_cli("check", "--config", config)
    assert "BT211" not in fixed.output and "BT202" not in fixed.output
    assert fixed.exit_code == 1  # approvals and the storyteller's sign-off still missing
    assert "BT111 approvals: 0 of 2 required approvals match the current text" in fixed.output
    assert "BT112 storyteller-signoff: no sign-off by the storyteller is recorded" in fixed.output

    for handle in ("ed-lee", "ed-kai"):
        approved = run_cli("approve", str(story), "--by", handle, "--config", config)
        assert approved.exit_code == 0, approved.output
    assert (
        "approved content/stories/tea-until-it-got-light.md as ed-kai (2 of 2 approvals of this "
        "text); still to do: the storyteller's sign-off of this text (`beenthere approve <file> "
        "--storyteller --by <your-handle> --how read-aloud|paper|message`)"
    ) in approved.output
    again = run_cli("approve", str(story), "--by", "ed-kai", "--config", config)
    assert again.exit_code == 0
    assert (
        "content/stories/tea-until-it-got-light.md: already approved by ed-kai; not counted "
        "again (2 of 2 approvals of this text)"
    ) in again.output
    assert story.read_text().count("{by: ed-kai,") == 1
    unsigned = run_cli("check", "--config", config)
    assert unsigned.exit_code == 1 and "BT112" in unsigned.output and "BT111" not in unsigned.output

    signed = run_cli(
        "approve",
        str(story),
        "--storyteller",
        "--by",
        "ed-lee",
        "--how",
        "read-aloud",
        "--date",
        "2026-11-26",
        "--config",
        config,
    )
    assert signed.exit_code == 0, signed.output
    assert (
        "recorded the storyteller's sign-off of content/stories/tea-until-it-got-light.md "
        "(read-aloud, 2026-11-26, recorded by ed-lee)"
    ) in signed.output
    assert run_cli("check", "--config", config).exit_code == 0

    built = run_cli("build", "--config", config, "--out", str(out))
    assert built.exit_code == 0, built.output
    page = (out / "stories/tea-until-it-got-light/index.html").read_text()
    assert "Tea until it got light" in page and "drank tea until it got light" in page
    assert "tea-until-it-got-light" in (out / "sitemap.xml").read_text()
    everything = _all_output(out)
    fingerprint = re.search(r"storyteller:.*\n.*fingerprint: '(sha256:(\w+))'", story.read_text())
    assert fingerprint is not None
    for internal in ("ed-lee", "ed-kai", "CR-2026-120", *fingerprint.groups()):
        assert internal not in everything, internal

    # an edit after sign-off unbinds it (and the approvals): the build refuses the story
    story.write_text(story.read_text().replace("for a month", "for six weeks"))
    edited = run_cli("check", "--config", config)
    assert edited.exit_code == 1
    assert (
        "BT112 storyteller-signoff: the text changed after the storyteller signed it off on "
        "2026-11-26 (recorded by ed-lee)"
    ) in edited.output
    assert "changed since approved by ed-kai, ed-lee" in edited.output
    assert run_cli("build", "--config", config, "--out", str(out)).exit_code == 1
    assert (
        "drank tea until it got light"
        in (out / "stories/tea-until-it-got-light/index.html").read_text()
    )

    withdrawn = run_cli("withdraw", "tea-until-it-got-light", "--by", "ed-kai", "--config", config)
    assert withdrawn.exit_code == 0, withdrawn.output
    assert "content/stories/tea-until-it-got-light.md" in withdrawn.output
    assert (
        "git filter-repo --invert-paths --path content/stories/tea-until-it-got-light.md"
        in withdrawn.output
    )
    assert "partner site" in withdrawn.output
    assert not story.exists()
    register = yaml.safe_load((project / "content/withdrawn.yml").read_text())
    assert {"id": "tea-until-it-got-light", "date": "2026-11-27", "by": "ed-kai"} in [
        {k: str(v) for k, v in entry.items() if k in ("id", "date", "by")} for entry in register
    ]
    assert len(register[-1]["shingles"].split()) >= 1024  # hashes that keep quotations out

    rebuilt = run_cli("build", "--config", config, "--out", str(out))
    assert rebuilt.exit_code == 0, rebuilt.output
    everything = _all_output(out)
    for gone in (
        "Tea until it got light",
        "drank tea until it got light",
        "A first night in a hostel",
        "ed-kai",
        "ed-lee",
        "CR-2026-120",
    ):
        assert gone not in everything, gone
    tombstone = (out / "stories/tea-until-it-got-light/index.html").read_text()
    assert "This story has been removed" in tombstone
    assert "tea-until-it-got-light" not in (out / "sitemap.xml").read_text()

    story.write_text(text)  # the file comes back, e.g. through a careless merge
    back = run_cli("check", "--config", config)
    assert back.exit_code == 1
    assert (
        "BT105 withdrawn-register: 'tea-until-it-got-light' was withdrawn on 2026-11-27 and "
        "must never be published again"
    ) in back.output


def test_withdraw_a_folder_story_removes_its_images(project: Path):
    folder = project / "content/stories/bench-photo"
    folder.mkdir()
    (folder / "index.md").write_text(
        (project / "content/stories/riverside-walks.md")
        .read_text()
        .replace("id: riverside-walks", "id: bench-photo")
    )
    (folder / "bench.jpg").write_bytes(b"\xff\xd8\xff")
    result = run_cli(
        "withdraw", "bench-photo", "--by", "ed-lee", "--config", str(project / "site_config.yml")
    )
    assert result.exit_code == 0 and not folder.exists()
    assert "--path content/stories/bench-photo" in result.output


def test_withdraw_refuses_unknown_ids_and_path_tricks(project: Path):
    config = str(project / "site_config.yml")
    for bad in ("no-such-story", "../site_config", "Riverside-Walks"):
        result = run_cli("withdraw", bad, "--by", "ed-lee", "--config", config)
        assert result.exit_code == 2, bad
    assert (project / "site_config.yml").exists()


def _check_text(project: Path) -> str:
    return run_cli("check", "--config", str(project / "site_config.yml")).output


def _edit(project: Path, old: str, new: str, story: str = "keys-to-my-own-door") -> None:
    path = project / f"content/stories/{story}.md"
    path.write_text(path.read_text().replace(old, new, 1))


def test_exact_words_of_common_errors(project: Path):
    _edit(project, "title: Keys to my own door", "title: Keys: my own door")
    _edit(project, "pseudonym: Dee\n", "", story="riverside-walks")
    _edit(
        project,
        "  given: 2026-03-15",
        "  given: 2026-03-15\n  withdrawl: 2026-05-01",
        story="the-credibility-thing",
    )
    _edit(
        project,
        "topics: [family, prison]",
        "topics: [family, prisons]",
        story="dad-on-a-video-call",
    )
    output = _check_text(project)
    expected = [
        "content/stories/keys-to-my-own-door.md\n"
        "        3  error    BT001 file-readable: malformed YAML: a value contains ': ' (colon "
        "and space)\n"
        '           fix: put the whole value in double quotes, e.g. title: "Walking: again"',
        "        2  error    BT002 front-matter-schema: pseudonym: required field is missing\n"
        "           fix: add `pseudonym:` to the front matter",
        "       13  error    BT002 front-matter-schema: consent.withdrawl: unknown field "
        "'withdrawl'\n"
        "           fix: did you mean 'withdrawn'?",
        "        6  error    BT003 known-vocabulary: topics: unknown id 'prisons'\n"
        "           fix: did you mean 'prison'?",
    ]
    for text in expected:
        assert text in output, f"missing:\n{text}\n--- in ---\n{output}"


def test_github_format_writes_every_finding_to_the_job_summary(project: Path, tmp_path: Path):
    for i in range(12):
        _edit(project, "When I came out", f"Call 07700 9001{i:02d}. When I came out")
    summary = tmp_path / "summary.md"
    result = run_cli(
        "check",
        "--config",
        str(project / "site_config.yml"),
        "--format",
        "github",
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.exit_code == 1
    # twelve numbers, and the approvals and the storyteller's sign-off of the old text
    assert result.output.count("::error file=content/stories/keys-to-my-own-door.md") == 14
    table = summary.read_text()
    assert table.startswith("## Been There checklist: 14 errors")
    assert table.count("| `content/stories/keys-to-my-own-door.md:") == 14
    assert "07700 9001" not in table  # masked here too


def test_ci_and_pre_commit_files_are_valid():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hooks[0]["id"] == "beenthere-check" and hooks[0]["entry"] == "beenthere check"
    check = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text())
    assert "content/**" in check[True]["pull_request"]["paths"]  # YAML 1.1 reads `on` as True
    steps = " ".join(str(s.get("run", "")) for s in check["jobs"]["check"]["steps"])
    assert "check --format github" in steps
    build = yaml.safe_load((ROOT / ".github/workflows/build.yml").read_text())
    assert build[True]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "") for s in build["jobs"]["build"]["steps"]]
    assert any(u.startswith("actions/upload-artifact") for u in uses)
    template = (ROOT / ".github/pull_request_template.md").read_text()
    for point in (
        "read the final text",
        "recognised",
        "ongoing legal case",
        "withdraw",
        "consent record",
    ):
        assert point in template


def test_editors_guide_is_in_the_repository_and_on_the_site(project: Path, tmp_path: Path):
    shutil_copy = (ROOT / "EDITORS.md").read_text()
    (project / "EDITORS.md").write_text(shutil_copy)
    out = tmp_path / "site"
    assert (
        run_cli("build", "--config", str(project / "site_config.yml"), "--out", str(out)).exit_code
        == 0
    )
    guide = (out / "how-we-moderate/editors-guide/index.html").read_text()
    assert "When a storyteller withdraws" in guide and 'href="../rules/"' in guide
