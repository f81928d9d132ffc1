"""The GitHub Actions workflow only runs make targets that exist, the ones CI runs too."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

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
