"""The storyteller's part and the approval record: sign-off bound to the text, revoking an
approval, consent renewal (BT106 and `beenthere consent`), and consent.scope channels in every
output they govern."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import feedparser

from conftest import run_cli
from generator.config import load_config
from generator.leakcheck import internal_terms
from generator.loader import load_content

RIVERSIDE = "content/stories/riverside-walks.md"
KEYS = "content/stories/keys-to-my-own-door.md"


def _edit(project: Path, rel: str, old: str, new: str) -> Path:
    path = project / rel
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))
    return path


def _config(project: Path) -> str:
    return str(project / "site_config.yml")


# -- approvals -----------------------------------------------------------------------------


def test_approving_twice_counts_once_and_leaves_the_file_alone(project: Path):
    story = project / RIVERSIDE
    before = story.read_bytes()
    again = run_cli("approve", str(story), "--by", "ed-sam", "--config", _config(project))
    assert again.exit_code == 0
    assert again.output.strip() == (
        "content/stories/riverside-walks.md: already approved by ed-sam; not counted again "
        "(2 of 2 approvals of this text)"
    )
    assert story.read_bytes() == before


def test_revoke_removes_one_editors_approval_cleanly(project: Path):
    config = _config(project)
    story = project / RIVERSIDE
    revoked = run_cli("approve", str(story), "--by", "ed-sam", "--revoke", "--config", config)
    assert revoked.exit_code == 0, revoked.output
    assert revoked.output.strip() == (
        "revoked ed-sam's approval of content/stories/riverside-walks.md "
        "(1 of 2 approvals of this text)"
    )
    text = story.read_text()
    assert "ed-sam" not in text
    assert "approved_by: [ed-priya]" in text
    assert "  approvals:  # written by `beenthere approve`; do not edit by hand" in text
    check = run_cli("check", "--config", config)
    assert check.exit_code == 1
    assert "BT111 approvals: 1 of 2 required approvals match the current text" in check.output
    assert "listed without" not in check.output  # nothing left half-removed

    nothing = run_cli("approve", str(story), "--by", "ed-sam", "--revoke", "--config", config)
    assert nothing.exit_code == 1
    assert (
        "content/stories/riverside-walks.md: ed-sam has not approved this story; nothing to revoke"
    ) in nothing.output
    assert run_cli("approve", str(story), "--by", "ed-sam", "--config", config).exit_code == 0
    assert run_cli("check", "--config", config).exit_code == 0


# -- the storyteller's sign-off ------------------------------------------------------------


def test_sign_off_is_recorded_bound_to_the_text_and_unbound_by_an_edit(project: Path):
    config = _config(project)
    story = project / RIVERSIDE
    story.write_text(re.sub(r"  storyteller:.*\n.*\n", "", story.read_text()))
    missing = run_cli("check", "--config", config)
    assert missing.exit_code == 1
    assert "BT112 storyteller-signoff: no sign-off by the storyteller is recorded" in (
        missing.output
    )

    signed = run_cli(
        "approve",
        str(story),
        "--storyteller",
        "--by",
        "ed-amira",
        "--how",
        "paper",
        "--date",
        "2026-11-25",
        "--config",
        config,
    )
    assert signed.exit_code == 0, signed.output
    assert signed.output.strip() == (
        "recorded the storyteller's sign-off of content/stories/riverside-walks.md "
        "(paper, 2026-11-25, recorded by ed-amira)"
    )
    assert re.search(
        r"\n  storyteller:  # written by `beenthere approve --storyteller`; do not edit\n"
        r"    \{by: ed-amira, how: paper, fingerprint: 'sha256:\w+', date: 2026-11-25\}\n---",
        story.read_text(),
    )
    assert run_cli("check", "--config", config).exit_code == 0
    same = run_cli("approve", str(story), "--storyteller", "--by", "ed-tom", "--config", config)
    assert "the storyteller already signed off this text (paper, 2026-11-25, recorded by " in (
        same.output
    )
    assert "ed-tom" not in story.read_text()

    # a waiver is part of what is published, like the words
    _edit(project, RIVERSIDE, "review:", "waivers: []\nreview:")
    _edit(project, RIVERSIDE, "walked for an hour", "walked for two hours")
    stale = run_cli("check", "--config", config)
    assert stale.exit_code == 1
    assert (
        "BT112 storyteller-signoff: the text changed after the storyteller signed it off on "
        "2026-11-25 (recorded by ed-amira)"
    ) in stale.output

    removed = run_cli(
        "approve", str(story), "--storyteller", "--revoke", "--by", "ed-amira", "--config", config
    )
    assert removed.exit_code == 0
    assert "removed the storyteller's sign-off of content/stories/riverside-walks.md" in (
        removed.output
    )
    assert "storyteller:" not in story.read_text()


def test_sign_off_options_are_checked(project: Path):
    config = _config(project)
    story = str(project / RIVERSIDE)
    stray = run_cli("approve", story, "--by", "ed-lee", "--how", "paper", "--config", config)
    assert stray.exit_code == 2
    assert "--how and --date describe the storyteller's sign-off: add --storyteller" in (
        stray.output
    )
    future = run_cli(
        "approve",
        story,
        "--storyteller",
        "--by",
        "ed-lee",
        "--date",
        "2026-12-25",
        "--config",
        config,
    )
    assert future.exit_code == 2
    assert "--date 2026-12-25 is in the future; give the day they agreed" in future.output
    how = run_cli("approve", story, "--storyteller", "--by", "ed-lee", "--how", "phone")
    assert how.exit_code == 2 and "read-aloud" in how.output


def test_sign_off_can_be_turned_off_and_the_setting_is_typed(project: Path):
    config = _config(project)
    _edit(project, RIVERSIDE, "walked for an hour", "walked for two hours")
    for handle in ("ed-lee", "ed-kai"):
        run_cli("approve", str(project / RIVERSIDE), "--by", handle, "--config", config)
    assert "BT112" in run_cli("check", "--config", config).output
    _edit(project, "site_config.yml", "storyteller_signoff: required", "storyteller_signoff: off")
    assert run_cli("check", "--config", config).exit_code == 0
    _edit(project, "site_config.yml", "storyteller_signoff: off", "storyteller_signoff: maybe")
    bad = run_cli("check", "--config", config)
    assert bad.exit_code == 2
    assert "moderation.storyteller_signoff" in bad.output and "'required' or 'off'" in bad.output


def test_the_leak_check_knows_the_sign_off(project: Path):
    config = _config(project)
    story = project / RIVERSIDE
    story.write_text(re.sub(r"  storyteller:.*\n.*\n", "", story.read_text()))
    run_cli("approve", str(story), "--storyteller", "--by", "ed-zed-unique", "--config", config)
    loaded = load_content(load_config(project / "site_config.yml"))
    terms = internal_terms(loaded.documents)
    fingerprint = re.search(r"storyteller:.*\n.*fingerprint: '(sha256:(\w+))'", story.read_text())
    assert fingerprint is not None
    for term in ("ed-zed-unique", *fingerprint.groups()):
        assert term in terms and RIVERSIDE in terms[term], term

    # shown on a page, the recorder's handle blocks the build
    _edit(project, "content/pages/about.md", "\n\n", "\n\nThanks to ed-zed-unique.\n\n")
    blocked = run_cli("build", "--config", config, "--out", str(project / "site"))
    assert blocked.exit_code == 1
    assert "BT801 leak-check" in blocked.output
    assert "the editor handle (storyteller sign-off) of content/stories/riverside-walks.md" in (
        blocked.output
    )
    assert not (project / "site").exists()


# -- consent renewal -----------------------------------------------------------------------


def test_consent_expiring_soon_is_a_warning_with_the_date_and_days(project: Path):
    config = _config(project)
    _edit(project, RIVERSIDE, "expires: 2028-01-20", "expires: 2027-01-20")
    result = run_cli("check", "--config", config, env={"BEENTHERE_TODAY": "2026-12-01"})
    assert result.exit_code == 0  # a warning: the story is still published
    assert (
        "       14  warning  BT106 consent-renewal: consent for this story expires on 2027-01-20, "
        "in 50 days: ask the storyteller whether to renew"
    ) in result.output
    first = run_cli("check", "--config", config, env={"BEENTHERE_TODAY": "2026-11-21"})
    assert "expires on 2027-01-20, in 60 days" in first.output  # the first day of notice
    early = run_cli("check", "--config", config, env={"BEENTHERE_TODAY": "2026-11-20"})
    assert "BT106" not in early.output
    _edit(project, "site_config.yml", "renewal_notice_days: 60", "renewal_notice_days: 30")
    quiet = run_cli("check", "--config", config, env={"BEENTHERE_TODAY": "2026-12-01"})
    assert "BT106" not in quiet.output


def test_consent_lists_every_story_by_state(project: Path):
    config = _config(project)
    _edit(project, RIVERSIDE, "expires: 2028-01-20", "expires: 2027-01-20")
    env = {"BEENTHERE_TODAY": "2026-12-01"}
    text = run_cli("consent", "--config", config, env=env)
    assert text.exit_code == 0, text.output
    out = text.output
    assert out.startswith(
        "Consent of 12 stories on 2026-12-01 (renewal notice 60 days before expiry)\n"
    )
    order = [
        out.index("Expiring soon (1): ask the storyteller whether to renew"),
        out.index("Expired (1): left out of the site"),
        out.index("Withdrawn (2): never published again"),
        out.index("No expiry (8)"),
    ]
    assert order == sorted(order)
    assert (
        "  riverside-walks: given 2026-01-20, expires 2027-01-20, in 50 days\n"
        "      Dee, consent record CR-2026-014; content/stories/riverside-walks.md"
    ) in out
    assert "  the-consent-ran-out: given 2024-12-01, expired 2026-06-01, 183 days ago" in out
    assert "  the-old-bakery-shift: withdrawn 2026-04-03 (removed; in content/withdrawn.yml)" in out
    assert "  the-draft-about-the-allotment (draft): given 2026-10-20, no expiry" in out

    data = json.loads(run_cli("consent", "--config", config, "--format", "json", env=env).output)
    assert data["today"] == "2026-12-01" and data["renewal_notice_days"] == 60
    rows = {row["id"]: row for row in data["stories"]}
    assert rows["riverside-walks"] == {
        "id": "riverside-walks",
        "state": "expiring soon",
        "file": "content/stories/riverside-walks.md",
        "pseudonym": "Dee",
        "reference": "CR-2026-014",
        "draft": False,
        "given": "2026-01-20",
        "expires": "2027-01-20",
        "withdrawn": None,
        "days": 50,
    }
    assert rows["the-consent-ran-out"]["state"] == "expired"
    assert rows["the-consent-ran-out"]["days"] == -183
    assert rows["a-story-taken-back"]["state"] == "withdrawn"
    assert rows["the-old-bakery-shift"]["file"] is None
    assert rows["keys-to-my-own-door"]["state"] == "no expiry"
    assert [row["state"] for row in data["stories"]] == sorted(
        (row["state"] for row in data["stories"]), key=data["states"].index
    )


# -- consent.scope channels ----------------------------------------------------------------


def _index_urls_and_words(site: Path) -> tuple[set[str], set[str]]:
    index = site / "search-index"
    urls = {json.loads(p.read_text())["url"] for p in (index / "pages").glob("*.json")}
    words: set[str] = set()
    for chunk in (index / "words").glob("*.json"):
        words |= set(json.loads(chunk.read_text()))
    return urls, words


def _feed_urls(site: Path) -> tuple[set[str], set[str]]:
    atom = feedparser.parse((site / "feed.xml").read_bytes())
    assert not atom.bozo, atom.get("bozo_exception")
    items = json.loads((site / "feed.json").read_text())["items"]
    return {urlsplit(entry.link).path for entry in atom.entries}, {
        urlsplit(item["url"]).path for item in items
    }


def test_each_channel_left_out_of_consent_is_left_out_of_what_it_governs(project: Path):
    config = _config(project)
    # riverside: website and search, not feeds; keys: website and feeds, not search
    _edit(project, RIVERSIDE, "scope: [website]", "scope: [website, search]")
    _edit(project, KEYS, "scope: [website, newsletter]", "scope: [website, feeds, newsletter]")
    out = project / "site"
    built = run_cli("build", "--config", config, "--out", str(out))
    assert built.exit_code == 0, built.output
    riverside, keys = "/stories/riverside-walks/", "/stories/keys-to-my-own-door/"

    atom, jsonfeed = _feed_urls(out)
    assert riverside not in atom and riverside not in jsonfeed
    assert keys in atom and keys in jsonfeed
    assert "Riverside walks" not in (out / "feed.xml").read_text()
    assert "Riverside walks" not in (out / "feed.json").read_text()

    urls, words = _index_urls_and_words(out)
    assert "stories/keys-to-my-own-door/" not in urls
    assert "temperamental" not in words  # a word only its body uses
    texts = [p.read_text() for p in (out / "search-index/pages").glob("*.json")]
    for shown in ("Keys to my own door", "Seven moves in two years"):  # title, summary
        assert not any(shown in text for text in texts), shown
    assert "stories/riverside-walks/" in urls and "gritted" in words

    # listings and the sitemap follow `website`: both stay
    sitemap = (out / "sitemap.xml").read_text()
    listing = (out / "stories/index.html").read_text()
    for story in ("riverside-walks", "keys-to-my-own-door"):
        assert f"/stories/{story}/</loc>" in sitemap
        assert f"stories/{story}/" in listing
        assert (out / f"stories/{story}/index.html").is_file()


def test_website_alone_is_every_channel(built_site: Path):
    base = "/stories/riverside-walks/"
    atom, jsonfeed = _feed_urls(built_site)
    assert base in atom and base in jsonfeed
    urls, words = _index_urls_and_words(built_site)
    assert "stories/riverside-walks/" in urls and "gritted" in words
