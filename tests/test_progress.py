"""Long builds say what they are doing: the phase, and a count where there is one."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, TODAY
from generator.progress import Printer

PHASES = [
    "checking",
    "rendering",
    "building",
    "leak check",
    "indexing",
    "leak check of the search index",
    "publishing",
]


def test_a_log_gets_one_line_per_phase_and_per_tenth_of_a_count():
    log = io.StringIO()  # not a terminal: no carriage returns
    printer = Printer(log)
    printer("checking", 0, 0)
    for done in range(0, 1001, 50):
        printer("building", done, 1000)
    printer("indexing", 0, 0)
    printer.close()
    lines = [line.split(" (")[0] for line in log.getvalue().splitlines()]
    tenths = [f"» building {n:,}/1,000" for n in range(0, 1001, 100)]
    assert lines == ["» checking", *tenths, "» indexing"]
    assert "\r" not in log.getvalue()


def test_a_terminal_gets_a_counter_updated_in_place():
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    printer = Printer(screen)
    for done in (0, 500, 1000):
        printer("building", done, 1000)
    printer("indexing", 0, 0)
    printer.close()
    assert screen.getvalue().count("\r» building") == 3
    assert screen.getvalue().splitlines()[-1].startswith("» indexing")


def test_build_reports_every_phase_in_order(project: Path):
    env = {**os.environ, "BEENTHERE_TODAY": TODAY.isoformat(), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "build", "--config", str(project / "site_config.yml")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    shown = [
        line[2:].split(" (")[0] for line in result.stderr.splitlines() if line.startswith("» ")
    ]
    phases = [phase.rstrip("0123456789/, ") for phase in shown]
    assert [p for p in PHASES if p in phases] == PHASES
    assert sorted(phases, key=PHASES.index) == phases  # in this order, none repeated out of turn
    assert any(line.startswith("building 0/") for line in shown)  # with the count of pages
