import os
from pathlib import Path

from conftest import ROOT, copy_project
from generator.config import load_config
from generator.loader import load_content

STORY = (ROOT / "content/stories/riverside-walks.md").read_text()


def _load(project: Path):
    return load_content(load_config(project / "site_config.yml"))


def _messages(content):
    return {(f.file, f.line, f.rule): f.message for f in content.findings}


def test_example_content_loads_cleanly():
    content = _load(ROOT)
    assert not content.findings
    assert len(content.of_kind("story")) >= 8
    assert len(content.of_kind("resource")) >= 15
    assert {doc.slug for doc in content.of_kind("page")} >= {"about", "how-we-moderate"}


def test_body_line_points_into_the_file():
    content = _load(ROOT)
    doc = next(d for d in content.documents if d.slug == "riverside-walks")
    first = doc.body.lstrip("\n").split("\n")[0]
    lines = STORY.split("\n")
    offset = len(doc.body) - len(doc.body.lstrip("\n"))
    assert lines[doc.body_line - 1 + offset] == first


def test_bad_bytes_are_reported_with_their_line(tmp_path):
    project = copy_project(tmp_path / "p", content=False)
    stories = project / "content/stories"
    stories.mkdir()
    (stories / "latin1.md").write_bytes(b"---\nid: latin1\ntitle: Caf\xe9\n---\n")
    (stories / "binary.md").write_bytes(b"---\nid: binary\n\x00\x01\x02")
    (stories / "bom-crlf.md").write_bytes(
        b"\xef\xbb\xbf"
        + STORY.replace("riverside-walks", "bom-crlf").replace("\n", "\r\n").encode()
    )
    found = _messages(_load(project))
    assert found[("content/stories/latin1.md", 3, "BT001")].startswith("not UTF-8")
    assert found[("content/stories/binary.md", 3, "BT001")] == "binary data in a text file"
    assert not any(key[0].endswith("bom-crlf.md") for key in found)


def test_symlinks_are_never_followed(tmp_path):
    project = copy_project(tmp_path / "p", content=False)
    outside = tmp_path / "secret.md"
    outside.write_text(STORY)
    stories = project / "content/stories"
    stories.mkdir()
    os.symlink(outside, stories / "linked.md")
    os.symlink(tmp_path, stories / "linked-dir")
    content = _load(project)
    found = _messages(content)
    assert found[("content/stories/linked.md", None, "BT001")] == (
        "symbolic link points outside content/"
    )
    assert ("content/stories/linked-dir", None, "BT001") in found
    assert not content.documents


def test_misplaced_files_and_bad_names(tmp_path):
    project = copy_project(tmp_path / "p", content=False)
    (project / "content/stories/deep/er").mkdir(parents=True)
    (project / "content/stories/deep/er/x.md").write_text(STORY)
    (project / "content/stories/Upper-Case.md").write_text(STORY)
    (project / "content/notes.txt").write_text("hello")
    (project / "content/resources").mkdir()
    (project / "content/resources/photo.jpg").write_bytes(b"\xff\xd8")
    found = _messages(_load(project))
    assert (
        "not where the content contract expects it"
        in found[("content/stories/deep/er/x.md", None, "BT001")]
    )
    assert "not a valid id" in found[("content/stories/Upper-Case.md", None, "BT001")]
    assert found[("content/notes.txt", None, "BT001")] == "unexpected file in content/"
    assert ("content/resources/photo.jpg", None, "BT001") in found


def test_oversized_file_is_refused(tmp_path):
    project = copy_project(tmp_path / "p", content=False)
    (project / "content/stories").mkdir()
    (project / "content/stories/huge.md").write_text(STORY + "word " * 300_000)
    found = _messages(_load(project))
    assert "the limit is" in found[("content/stories/huge.md", None, "BT001")]
