"""Without Chromium (or Playwright) the browser tests are skipped with one line that says how
to install it, instead of one traceback per test; where they must run (CI sets CI, .ci/run sets
BEENTHERE_REQUIRE_BROWSER) the run fails, once, with the same line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from browser.site import chromium, missing_browser, serve

HERE = Path(__file__).resolve().parent
MISSING = missing_browser()
REQUIRED = bool(os.environ.get("CI") or os.environ.get("BEENTHERE_REQUIRE_BROWSER"))
_skipped: list[str] = []


def pytest_collection_modifyitems(config, items):
    if MISSING is None:
        return
    skip = pytest.mark.skip(reason=MISSING)
    for item in items:
        if Path(str(item.path)).resolve().is_relative_to(HERE):
            item.add_marker(skip)
            _skipped.append(item.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if _skipped and REQUIRED and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _skipped:
        outcome = "FAILED" if REQUIRED else "SKIPPED"
        terminalreporter.write_line(f"{outcome} {len(_skipped)} browser tests: {MISSING}")


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with chromium() as launched:
        yield launched
