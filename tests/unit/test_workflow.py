"""The GitHub Actions workflow only runs make targets that exist, the ones CI runs too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.publish import publish
from tests.conftest import FIXTURE, ROOT, make_project, run_cli

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def _steps() -> list[dict[str, str]]:
    """Every step of every job of the workflow."""
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return [step for job in jobs.values() for step in job["steps"]]


def test_workflow_make_targets_exist_in_the_makefile() -> None:
    """Each `make X` in the workflow is a target of the Makefile."""
    targets = set(re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    used = {t for step in _steps() for t in re.findall(r"\bmake ([a-z-]+)", step.get("run", ""))}
    assert used >= {"check", "test", "site"}
    assert used <= targets


def test_workflow_publishes_site_and_reports_data_errors_on_pull_requests() -> None:
    """The publish job uploads site/ to Pages; a pull request gets the check report as a comment."""
    text = WORKFLOW.read_text(encoding="utf-8")
    steps = _steps()
    assert any(step.get("with", {}).get("path") == "site/" for step in steps)
    assert any("deploy-pages" in step.get("uses", "") for step in steps)
    assert any("gh pr comment" in step.get("run", "") for step in steps)
    assert "GITHUB_STEP_SUMMARY" in text


def test_jobs_that_build_pages_check_out_the_whole_history() -> None:
    """History pages, last-changed dates and the sitemap's lastmod need every commit: a shallow clone has none."""
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    for name in ("test", "publish"):
        checkout = next(step for step in jobs[name]["steps"] if step.get("uses", "").startswith("actions/checkout"))
        assert checkout.get("with", {}).get("fetch-depth") == 0, name


EXAMPLE = (
    "mkdocs.yml: site_url: 'https://minutebook.example.org/' is an example address, and every canonical link, "
    "citation and feed of the site points at it (set site_url in mkdocs.yml to the address the site is published "
    "at, such as its GitHub Pages address https://<owner>.github.io/<repository>/)"
)


def test_the_publish_job_checks_the_site_address_before_building() -> None:
    """Publishing fails while the site's address is the example one: the check runs before the build."""
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    runs = [step.get("run", "") for step in jobs["publish"]["steps"]]
    assert "make check-address" in runs
    assert runs.index("make check-address") < runs.index("make site")


def test_check_address_fails_on_the_example_address(tmp_path: Path) -> None:
    """`python -m generator check-address` exits 1 naming the fix, and 0 once a real address is set."""
    result = run_cli("check-address", "--config", str(ROOT / "mkdocs.yml"))
    assert (result.returncode, result.stderr) == (1, f"error: {EXAMPLE}\n")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Minutebook\nsite_url: https://minutes.riverton.gov.uk/\n", encoding="utf-8")
    result = run_cli("check-address", "--config", str(config))
    assert (result.returncode, result.stdout) == (0, "site address: https://minutes.riverton.gov.uk/\n")


@pytest.mark.parametrize(
    "url",
    ["https://example.org/", "http://www.example.com/x/", "https://minutebook.example.net/", "https://a.example/"],
)
def test_every_reserved_example_domain_is_an_example_address(url: str) -> None:
    """The reserved example domains (RFC 2606) are never a real site's address."""
    assert publish.example_address(url)
    assert not publish.example_address("https://examples.org.uk/") and not publish.example_address(
        "https://x.github.io/r/"
    )


@pytest.mark.site
def test_a_site_build_warns_while_the_address_is_the_example_one(tmp_path: Path) -> None:
    """`make site` says so after every build, and publishes the site all the same (locally)."""
    project = make_project(tmp_path)
    result = run_cli(
        "--data", str(FIXTURE), "site", "--docs", str(project / "content"), "--config", str(project / "mkdocs.yml"),
        "--out", str(project / "site"), "--today", "2026-11-23",
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.endswith(f"warning: {EXAMPLE}\n")
    assert (project / "site" / "index.html").exists()
