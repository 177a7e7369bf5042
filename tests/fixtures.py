"""Rule fixtures are data: content trees whose offending lines carry ⟦RULE⟧ markers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.config import load_config
from generator.fingerprint import story_fingerprint
from generator.loader import load_content

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
MARKER = re.compile(r"\s*⟦(BT\d{3})⟧")
FINGERPRINT = "{{fingerprint}}"


def expected_findings(tree: Path) -> set[tuple[str, int, str]]:
    """(file relative to content/, line, rule) for every marker in the tree."""
    expected = set()
    for path in sorted(tree.rglob("*")):
        if not path.is_file() or path.suffix not in {".md", ".yml"}:
            continue
        for number, line in enumerate(path.read_text("utf-8").split("\n"), start=1):
            for match in MARKER.finditer(line):
                expected.add((path.relative_to(tree).as_posix(), number, match.group(1)))
    return expected


def install_tree(tree: Path, project: Path) -> None:
    """Copy a fixture tree into ``project/content`` with its markers removed, and fill in
    ``{{fingerprint}}`` placeholders with each story's real fingerprint."""
    content = project / "content"
    shutil.copytree(tree, content, dirs_exist_ok=True, symlinks=True)
    for path in content.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.suffix in {".md", ".yml"}:
            text = path.read_text("utf-8")
            path.write_text(MARKER.sub("", text), "utf-8")
    if any(FINGERPRINT in p.read_text("utf-8") for p in content.rglob("*.md")):
        loaded = load_content(load_config(project / "site_config.yml"))
        for doc in loaded.documents:
            text = doc.path.read_text("utf-8")
            if FINGERPRINT in text and doc.meta is not None:
                doc.path.write_text(text.replace(FINGERPRINT, story_fingerprint(doc)), "utf-8")


def fixture_cases() -> list[tuple[str, str]]:
    return sorted(
        (rule.name, case.name)
        for rule in FIXTURES.iterdir()
        if rule.is_dir()
        for case in rule.iterdir()
        if case.is_dir()
    )
