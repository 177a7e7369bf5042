from __future__ import annotations

import pytest

from browser.site import chromium, serve
from conftest import copy_project, run_cli


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("browser") / "project")
    out = project / "site"
    result = run_cli("build", "--config", str(project / "site_config.yml"), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def site_url(site_dir):
    with serve(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with chromium() as launched:
        yield launched
