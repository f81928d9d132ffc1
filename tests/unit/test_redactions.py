"""The redaction list: text removed for privacy never comes back through history, feeds or citations."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import build
from generator.records.diagnostics import Report
from tests.conftest import TODAY, run_cli
from tests.gitrepo import Repo, start

MEETING = "meetings/riverton-hwb/2024-03-14.yml"
SECRETS = ("Secretname", "Hidden Street")
LINK = "https://github.com/example/minutes/commit/{commit}"


def secret_repo(root: Path) -> Repo:
    """Published, then a guest's safeguarding details added (text and commit message), then removed."""
    repo = start(root)
    repo.commit("publish", "Publish", "2024-03-20T10:00:00Z")
    repo.edit(
        MEETING,
        lambda text: (
            text.replace(
                "    capacity: Democratic Services Officer\n",
                "    capacity: Democratic Services Officer\n  - person_id: cy-member\n    status: guest\n"
                "    capacity: Parent of the child at 4 Hidden Street\n",
            )
            .replace(
                "Apologies were received from Dr Member.",
                "Apologies were received from Dr Member. Jane Secretname attended.",
            )
            .replace("*smoking* rates.", "*smoking* rates. Jane Secretname spoke.")
        ),
    )
    repo.commit("leak", "Add Jane Secretname, of 4 Hidden Street, as a guest", "2024-03-21T10:00:00Z")
    repo.edit(
        MEETING,
        lambda text: (
            text.replace("    capacity: Parent of the child at 4 Hidden Street\n", "")
            .replace(" Jane Secretname attended.", "")
            .replace(" Jane Secretname spoke.", "")
        ),
    )
    repo.commit("remove", "Remove details published in error", "2024-03-22T10:00:00Z")
    return repo


def redactions(repo: Repo, *entries: tuple[str, str]) -> str:
    """A redaction list withholding the leaking commit's version of each (record, field)."""
    return "".join(
        f"- record: {record}\n  field: {field}\n  commits: [{repo.commits['leak'][:7]}]\n  reason: Safeguarding\n"
        for record, field in entries
    )


def everything(repo: Repo) -> dict[str, str | bytes]:
    """Every generated file, commits linked to the repository, and the report."""
    settings = build.Settings(TODAY, commit_url=LINK)
    report, site = build.check(repo.data)
    assert site is not None, report.lines()
    build.add_history(repo.data, site, settings, report)
    assert report.lines() == []
    return dict(build.generate(site, settings))


def leaks(files: dict[str, str | bytes]) -> list[str]:
    """The files that hold any of the secrets."""
    return sorted(
        rel
        for rel, content in files.items()
        for secret in SECRETS
        if secret.encode() in (content if isinstance(content, bytes) else content.encode())
    )


@pytest.fixture
def repo(tmp_path: Path) -> Repo:
    """A repository whose history holds the secrets."""
    return secret_repo(tmp_path / "repo")


def test_without_a_redaction_the_removed_text_is_in_the_history(repo: Repo) -> None:
    found = set(leaks(everything(repo)))
    assert found == {"meetings/riverton-hwb/2024-03-14/history.md", "decisions/riverton-hwb/2024-03-14/4-24/history.md"}


def test_redacted_text_never_comes_back(repo: Repo) -> None:
    meeting, decision = "/meetings/riverton-hwb/2024-03-14/", "/decisions/riverton-hwb/2024-03-14/4-24/"
    entries = ((meeting, "attendance.capacity"), (meeting, "items.minutes"), (decision, "item.minutes"))
    (repo.data / "redactions.yml").write_text(redactions(repo, *entries))
    repo.commit("list", "Withhold the details removed on 22 March", "2024-03-22T11:00:00Z")
    files = everything(repo)
    assert leaks(files) == []
    history = str(files["meetings/riverton-hwb/2024-03-14/history.md"])
    assert "<li>attendance: details withheld (Safeguarding)</li>" in history
    assert "<li>items: details withheld (Safeguarding)</li>" in history
    assert "(message withheld: it concerns text that has been redacted)" in history
    for name in ("leak", "remove"):  # git would show the text: neither commit is linked
        assert LINK.format(commit=repo.commits[name]) not in history
    assert LINK.format(commit=repo.commits["publish"]) in history
    cited = str(files["decisions/riverton-hwb/2024-03-14/4-24.md"])  # the citation names the version, unlinked
    assert f"version of 22 March 2024, data commit <code>{repo.commits['remove'][:7]}</code>;" in cited
    assert LINK.format(commit=repo.commits["remove"]) not in cited


def test_the_redaction_list_is_checked_line_by_line(repo: Repo) -> None:
    leak = repo.commits["leak"][:7]
    (repo.data / "redactions.yml").write_text(
        f"- record: /meetings/riverton-hwb/2024-03-15/\n  field: attendance\n  commits: [{leak}]\n  reason: Safeguarding\n"
        f"- record: /meetings/riverton-hwb/2024-03-14/\n  field: atendance\n  commits: [{leak}]\n  reason: Safeguarding\n"
        f"- record: /meetings/riverton-hwb/2024-03-14/\n  field: attendance\n  commits: [abcdef0]\n  reason: Safeguarding\n"
        f"- record: /people/cy-member/\n  field: name\n  commits: [{repo.commits['publish'][:7]}]\n  reason: Legal\n"
        "- record: people/x\n  commits: [xyz]\n  reason: ''\n"
    )
    report, site = build.check(repo.data)
    assert site is not None
    build.add_history(repo.data, site, build.Settings(TODAY), report)
    shown = str(repo.data / "redactions.yml")
    assert [line.replace(shown, "redactions.yml") for line in report.lines()] == [
        "redactions.yml:1: [0].record: no record has the address '/meetings/riverton-hwb/2024-03-15/' "
        "(did you mean 'meetings/riverton-hwb/2024-03-14/'?)",
        "redactions.yml:6: [1].field: 'atendance' is not a field of /meetings/riverton-hwb/2024-03-14/ "
        "(did you mean 'attendance'?)",
        "redactions.yml:11: [2].commits[0]: 'abcdef0' is not a commit that changed data/",
        f"redactions.yml:15: [3].commits[0]: /people/cy-member/ still holds the text of commit "
        f"{repo.commits['publish'][:7]} in name (remove it from the record and commit that; keep this entry so "
        "history withholds it)",
        "redactions.yml:17: [4].field: required field is missing",
        "redactions.yml:18: [4].commits[0]: 'xyz' is not a commit id (copy the 7-character id shown on the "
        "record's history page)",
        "redactions.yml:19: [4].reason: must not be empty",
    ]


def test_a_redaction_list_that_is_not_a_list_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "redactions.yml").write_text("record: /people/x/\n")
    report = Report()
    from generator.ingest.redactions import load_redactions

    assert load_redactions(data, report) == []
    assert [line.replace(str(data) + "/", "") for line in report.lines()] == [
        "redactions.yml:1: expected a list of redactions, one starting with '- ' each "
        "(- record: /people/jane-doe/ (then field, commits and reason))"
    ]


def test_make_check_reports_the_redaction_list_against_history(repo: Repo) -> None:
    """`generator check` reads history, so a redaction naming a commit that does not exist fails the check."""
    (repo.data / "redactions.yml").write_text(
        "- record: /people/cy-member/\n  field: name\n  commits: [abcdef0]\n  reason: Legal\n"
    )
    result = run_cli("--data", str(repo.data), "check")
    assert result.returncode == 1
    assert (
        f"{repo.data}/redactions.yml:3: [0].commits[0]: 'abcdef0' is not a commit that changed data/" in result.stdout
    )
    assert run_cli("--data", str(repo.data), "--no-history", "check").returncode == 0  # without history: unchecked
