"""The large-site workflow runs the sharded build's make targets, and only those, each one in the Makefile."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
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


def write_plan(work: Path, shards: list[dict[str, object]]) -> str:
    """Write a plan of ``shards`` into ``work``; its digest."""
    work.mkdir(parents=True, exist_ok=True)
    (work / stages.PLAN).write_text(json.dumps({"shards": shards}), encoding="utf-8")
    return stages.read_plan(work)[1]


def test_a_plan_naming_a_file_outside_the_docs_folder_or_of_another_shape_is_refused(tmp_path: Path) -> None:
    """A plan travels between CI jobs as an artifact: a path out of the docs folder never reaches a link or a copy."""
    work = tmp_path / "shards"
    for files, why in (
        (["../../victim.txt"], "'../../victim.txt' is not a file of the docs folder"),
        (["/etc/passwd"], "'/etc/passwd' is not a file of the docs folder"),
        (["a/.hidden/x.md"], "'a/.hidden/x.md' is not a file of the docs folder"),
        ([3], "a shard's number must be a whole number and its boards and files text"),
    ):
        (work / "x").mkdir(parents=True, exist_ok=True)
        (work / stages.PLAN).write_text(json.dumps({"shards": [{"number": 0, "boards": [], "files": files}]}))
        with pytest.raises(stages.StageError) as raised:
            stages.read_plan(work)
        assert str(raised.value) == f"{work}/plan.json: not a shard plan ({why}) (run make shard-plan SHARDS=N again)"
    (work / stages.PLAN).write_text('{"shards": [{"number": 0', encoding="utf-8")  # cut short
    result = run_cli("shard-build", "--shard", "0", "--work", str(work), cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith(f"error: {work}/plan.json: not a shard plan (")


def test_a_plan_made_for_other_pages_is_refused(tmp_path: Path) -> None:
    """A page added since the plan would be missing from the site, one removed would fail the build: both refused."""
    docs, work = tmp_path / "docs", tmp_path / "shards"
    docs.mkdir()
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    write_plan(work, [{"number": 0, "boards": [], "files": ["index.md"]}])
    (docs / "extra.md").write_text("# Extra\n", encoding="utf-8")
    result = run_cli("shard-build", "--shard", "0", "--work", str(work), "--docs", str(docs), cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        1,
        f"error: {work}/plan.json: the pages changed since the plan was made (1 added, 0 gone, such as extra.md) "
        "(run make shard-plan SHARDS=N again)\n",
    )


def test_a_second_combine_asks_for_the_shards_to_be_built_again(tmp_path: Path) -> None:
    """Combining moves each shard's output into the site: combining again must not publish emptied shards."""
    work, out = tmp_path / "shards", tmp_path / "site"
    digest = write_plan(work, [{"number": 0, "boards": [], "files": ["index.md"]}])
    built = work / "shard-0" / "site"
    (built / "pagefind").mkdir(parents=True)
    (built / "pagefind" / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    (built / "index.html").write_text("<p>home</p>", encoding="utf-8")
    done = {"plan": digest, "pages": 1, "mkdocs": 1.0, "pagefind": 0.5}
    (work / "shard-0" / stages.BUILT).write_text(json.dumps(done), encoding="utf-8")
    assert stages.combine_all(work, out) == 0
    assert (out / "index.html").read_text(encoding="utf-8") == "<p>home</p>"
    with pytest.raises(stages.StageError) as raised:
        stages.combine_all(work, out)
    assert str(raised.value) == f"{work}/shard-0: not built for this plan (run make shard-build SHARD=0)"
    assert (out / "index.html").read_text(encoding="utf-8") == "<p>home</p>"  # the published site is untouched
