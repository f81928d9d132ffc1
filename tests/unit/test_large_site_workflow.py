"""The large-site workflow runs the sharded build's make targets, and only those, each one in the Makefile."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from generator.publish import stages
from tests.conftest import ROOT, run_cli

WORKFLOW = ROOT / ".github" / "workflows" / "large-site.yml"
# The make targets the workflow runs, in order: its whole project work.
TARGETS = ["check-address", "shard-plan", "shard-build", "shard-combine"]


def problems(workflow: str, makefile: str) -> list[str]:
    """What is wrong with ``workflow``'s project work: a step that is not a make target, or a missing target."""
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.M))
    jobs = yaml.safe_load(workflow)["jobs"]
    found, used = [], []
    for name, job in jobs.items():
        for step in job["steps"]:
            if "run" not in step:
                continue
            command = step["run"].strip()
            if not re.fullmatch(
                r"make [a-z-]+( [A-Z_]+=(\$\{\{ [a-z.]+ \}\}|\S+))*( \| tee -a \"\$GITHUB_STEP_SUMMARY\")?", command
            ):
                found.append(f"{name}: '{command}' is not one make target")
            used += re.findall(r"\bmake ([a-z-]+)", command)
    found += [f"make {target}: no such target in the Makefile" for target in used if target not in targets]
    if used != TARGETS:
        found.append(f"the workflow runs {used}, not {TARGETS}")
    return found


def test_the_workflow_runs_exactly_the_declared_targets_each_in_the_makefile() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert problems(WORKFLOW.read_text(encoding="utf-8"), makefile) == []


def test_a_renamed_target_or_a_step_that_is_not_make_is_found() -> None:
    workflow = WORKFLOW.read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    renamed = makefile.replace("shard-build:", "shard-make:")
    assert problems(workflow, renamed) == ["make shard-build: no such target in the Makefile"]
    scripted = workflow.replace("run: make shard-combine", "run: python -m generator shard-combine")
    assert problems(scripted, makefile) == [
        "publish: 'python -m generator shard-combine | tee -a \"$GITHUB_STEP_SUMMARY\"' is not one make target",
        f"the workflow runs {TARGETS[:3]}, not {TARGETS}",
    ]


def test_the_matrix_has_one_job_per_shard_and_the_jobs_hand_on_their_outputs() -> None:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    jobs = data["jobs"]
    assert jobs["shard"]["strategy"]["matrix"]["shard"] == list(range(data["env"]["SHARDS"]))
    assert data["defaults"]["run"]["shell"] == "bash"  # with pipefail: `make ... | tee` fails when make does
    assert (jobs["shard"]["needs"], jobs["publish"]["needs"]) == ("plan", "shard")
    uploads = [s["with"] for job in jobs.values() for s in job["steps"] if "upload-artifact" in s.get("uses", "")]
    assert [u["name"] for u in uploads] == ["plan", "shard-${{ matrix.shard }}"]
    assert uploads[1]["path"] == "shards/shard-${{ matrix.shard }}/"
    publish = [s.get("uses", "") for s in jobs["publish"]["steps"]]
    assert "actions/upload-pages-artifact@v3" in publish and "actions/deploy-pages@v4" in publish
    caches = [s for job in jobs.values() for s in job["steps"] if s.get("uses", "").startswith("actions/cache@")]
    assert [c["with"]["path"] for c in caches] == [".minutebook-cache"]


def test_a_step_run_out_of_order_says_what_to_run_first(tmp_path: Path) -> None:
    work = tmp_path / "shards"
    result = run_cli("shard-build", "--shard", "0", "--work", str(work), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        f"error: {work}/plan.json: no shard plan here (run make shard-plan SHARDS=N first)\n",
    )
    plan = {"shards": [{"number": 0, "boards": [], "files": ["index.md"]}, {"number": 1, "boards": ["a"], "files": []}]}
    work.mkdir()
    (work / stages.PLAN).write_text(json.dumps(plan), encoding="utf-8")
    result = run_cli("shard-build", "--shard", "2", "--work", str(work), cwd=tmp_path)
    assert result.stderr == f"error: {work}/plan.json: shard 2 is not in the plan (its shards: 0, 1)\n"
    digest = stages.read_plan(work)[1]
    (work / "shard-0").mkdir()
    (work / "shard-0" / stages.BUILT).write_text(json.dumps({"plan": digest}), encoding="utf-8")
    (work / "shard-1").mkdir()
    (work / "shard-1" / stages.BUILT).write_text(json.dumps({"plan": "an older plan"}), encoding="utf-8")
    result = run_cli("shard-combine", "--work", str(work), "--docs", str(tmp_path / "docs"), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        f"error: {work}/shard-1: not built for this plan (run make shard-build SHARD=1)\n",
    )
    result = run_cli("shard-plan", "--shards", "0", cwd=tmp_path)
    assert result.returncode == 2 and result.stderr.endswith("error: shard-plan: --shards must be 1 or more\n")
