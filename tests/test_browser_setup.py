"""Without Chromium the browser tests say so in one line (issue 16, defect 9): skipped on an
editor's machine, failed where they must run (CI), never one traceback per test."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT

LINE = (
    "browser tests: the browser tests need Chromium at {path}: install it with "
    "`apt-get install chromium` (or set BEENTHERE_CHROMIUM to its path)"
)


def _run_browser_tests(tmp_path, **env):
    missing = tmp_path / "no-chromium"
    clean = {k: v for k, v in os.environ.items() if k not in {"CI", "BEENTHERE_REQUIRE_BROWSER"}}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests/browser", "-q", "-p", "no:cacheprovider"],
        cwd=ROOT,
        env={**clean, "BEENTHERE_CHROMIUM": str(missing), **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result, LINE.format(path=missing)


def test_without_chromium_the_browser_tests_are_skipped_with_one_line(tmp_path):
    result, line = _run_browser_tests(tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert output.count("apt-get install chromium") == 1, output
    assert re.search(r"^SKIPPED \d{2,} " + re.escape(line) + "$", output, re.MULTILINE), output
    assert "Traceback" not in output and "Error" not in output


def test_where_the_browser_tests_must_run_a_missing_chromium_fails_once(tmp_path):
    result, line = _run_browser_tests(tmp_path, BEENTHERE_REQUIRE_BROWSER="1")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert output.count("apt-get install chromium") == 1, output
    assert re.search(r"^FAILED \d{2,} " + re.escape(line) + "$", output, re.MULTILINE), output
    assert "Traceback" not in output
