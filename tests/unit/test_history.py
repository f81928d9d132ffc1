"""History from git: each record's own fields compared commit by commit, worded for readers, on its pages."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from generator import build
from generator.site.graph import Site
from generator.site.history.changes import change_lines
from tests.conftest import TODAY
from tests.gitrepo import Repo, git, scripted, start

DECISION_4 = "decisions/riverton-hwb/2024-03-14/4-24/"
DECISION_5 = "decisions/riverton-hwb/2024-03-14/5-24/"
DECISION_6 = "decisions/riverton-hwb/2024-03-14/6-24/"
MEETING = "meetings/riverton-hwb/2024-03-14/"
MOVED = "meetings/riverton-hwb/2030-01-22/"


def read(repo_data: Path, settings: build.Settings | None = None) -> Site:
    """Check the data and read its history, failing on any problem."""
    report, site = build.check(repo_data)
    assert site is not None, report.lines()
    build.add_history(repo_data, site, settings or build.Settings(TODAY), report)
    assert report.lines() == []
    return site


def generated(site: Site, settings: build.Settings | None = None) -> dict[str, str | bytes]:
    """Every generated file, by path."""
    return dict(build.generate(site, settings or build.Settings(TODAY)))


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """The scripted repository (never checked out elsewhere: tests that need another commit clone it)."""
    return scripted(tmp_path_factory.mktemp("history") / "repo")


@pytest.fixture(scope="module")
def site(repo: Repo) -> Site:
    """The scripted repository's site at its newest commit, with history."""
    return read(repo.data)


@pytest.fixture(scope="module")
def files(site: Site) -> dict[str, str | bytes]:
    """Every generated file of the scripted repository at its newest commit."""
    return generated(site)


def subjects(site: Site, url: str) -> list[str]:
    """The subject line of the commit of each change of a unit, oldest first."""
    track = site.history.track(url)
    assert track is not None, url
    return [change.commit.subject for change in track.changes]


def test_a_typo_fixed_in_one_minute_redates_only_that_decision(site: Site, repo: Repo) -> None:
    history = site.history
    assert subjects(site, DECISION_4) == ["Publish the Riverton records", "Correct a typo in minute 4/24"]
    assert subjects(site, DECISION_5) == ["Publish the Riverton records", "Minute 5/24 (2) as approved on 20 June"]
    assert history.last(DECISION_4).sha == repo.commits["typo"]
    assert history.last(DECISION_5).sha == repo.commits["reword"]  # not re-dated by the typo, nor by the attendee
    assert history.first(DECISION_6).sha == repo.commits["decision"]
    assert history.last(MEETING).sha == repo.commits["decision"]  # the meeting's file holds every minute


def test_each_change_is_summarised_field_by_field(site: Site) -> None:
    lines = {c.commit.subject: c.lines for c in site.history.track(MEETING).changes}
    assert lines == {
        "Publish the Riverton records": ["first published"],
        "Correct a typo in minute 4/24": ["item 4 minutes reworded"],
        "Dr Member was present, not absent with apologies": [
            "attendance: Dr Bob Member moved from apologies to present"
        ],
        "Minute 5/24 (2) as approved on 20 June": ["item 5 resolution 1 part (2) reworded"],
        "Add the Pharmaceutical Needs Assessment decision": ["item 6 added"],
    }
    assert [c.lines for c in site.history.track(DECISION_5).changes][-1] == ["resolution part (2) reworded"]
    assert [c.lines for c in site.history.track("boards/riverton-hwb/").changes][-1] == [
        "membership: Dee Sub joined as member"
    ]
    document = site.history.track("documents/riverton-hwb-2024-06-20-pack/")
    assert document.changes[-1].lines == ["withdrawn on 1 July 2024: Published in error."]


def test_a_moved_meeting_keeps_its_history_under_its_new_address(site: Site) -> None:
    track = site.history.track(MOVED)
    assert [c.what for c in track.changes] == ["created", "renamed"]
    assert track.changes[-1].lines == [
        "moved from /meetings/riverton-hwb/2030-01-15/",
        "date changed from 15 January 2030 to 22 January 2030",
        "former ids added: 15 January 2030",
        "start time changed from 14:00 to 10:00",
    ]
    assert site.history.track("meetings/riverton-hwb/2030-01-15/") is None


def test_reworded_text_is_shown_old_beside_new_with_the_changed_words_marked(site: Site) -> None:
    (text,) = site.history.track(DECISION_5).changes[-1].texts
    assert text.label == "resolution part (2)"
    assert "".join(s.text for s in text.old).endswith("in the autumn.")
    assert [s.text for s in text.old if s.marked] == ["the autumn."]
    assert [s.text for s in text.new if s.marked] == ["October."]


def test_the_history_page_lists_each_change_newest_first(files: dict[str, str | bytes]) -> None:
    page = str(files[DECISION_4.rstrip("/") + "/history.md"])
    assert page.index("2 April 2024, 10:30") < page.index("20 March 2024, 10:00")  # London time, newest first
    assert "<code>" in page and "Correct a typo in minute 4/24" in page
    assert "<li>item minutes reworded</li>" in page
    assert "<del>stratgey.</del>" in page and "<ins>strategy.</ins>" in page
    assert "<dt>First published</dt>\n<dd>20 March 2024</dd>" in page
    assert 'href="https://' not in page  # no commit links unless the repository's address is configured


def test_commits_link_to_the_repository_when_its_address_is_configured(site: Site) -> None:
    settings = build.Settings(TODAY, commit_url="https://github.com/example/minutes/commit/{commit}")
    report, linked = build.check(site_data(site))
    assert linked is not None
    build.add_history(site_data(site), linked, settings, report)
    page = str(generated(linked, settings)[DECISION_4.rstrip("/") + "/history.md"])
    sha = linked.history.last(DECISION_4).sha
    assert f'<a href="https://github.com/example/minutes/commit/{sha}"><code>{sha[:7]}</code></a>' in page


def site_data(site: Site) -> Path:
    """The data folder a site was read from."""
    any_record = next(iter(site.boards.values()))
    return Path(any_record.origin.path).parents[1]


def test_every_record_page_says_when_it_last_changed_and_links_its_history(
    site: Site, files: dict[str, str | bytes]
) -> None:
    typo = site.history.last(DECISION_4)
    decision = str(files[DECISION_4.rstrip("/") + ".md"])
    assert (
        f'Last changed 2 April 2024 (version {typo.short}). <a href="history/">History of this record</a>' in decision
    )
    assert f"version of 2 April 2024, data commit <code>{typo.short}</code>" in decision  # the citation
    for url in site.history.tracks:
        if site.history.tracks[url].live:
            page = str(files[url.rstrip("/") + ".md"])
            assert '<p class="mb-changed">Last changed ' in page and '<a href="history/">' in page, url


def test_the_list_of_changes_reads_one_line_per_change_newest_first(site: Site) -> None:
    lines = [line.text for line in change_lines(site)][:8]
    assert lines == [
        "Moved: Riverton HWB, 22 January 2030 (moved from /meetings/riverton-hwb/2030-01-15/; date changed from "
        "15 January 2030 to 22 January 2030; former ids added: 15 January 2030; start time changed from 14:00 to 10:00)",
        "Membership change: Riverton Health and Wellbeing Board (membership: Dee Sub joined as member)",
        "Withdrawn: Riverton HWB agenda pack, 20 June 2024 (withdrawn on 1 July 2024: Published in error.)",
        "New decision: Pharmaceutical Needs Assessment (Riverton HWB, 14 March 2024)",
        "Changed: Better Care Fund plan (Riverton HWB, 14 March 2024) (resolution part (2) reworded)",
        "Changed: Riverton HWB, 14 March 2024 (attendance: Dr Bob Member moved from apologies to present)",
        "Changed: Joint Health and Wellbeing Strategy 2024-2027 (Riverton HWB, 14 March 2024) (item minutes reworded)",
        "New board: Riverton Health Overview and Scrutiny Panel",
    ]  # the meeting's own lines for the typo, the part reworded and the new decision repeat its decisions': left out


def test_the_changes_page_groups_changes_by_week(files: dict[str, str | bytes]) -> None:
    page = str(files["changes/index.md"])
    weeks = [line for line in page.splitlines() if line.startswith('<h2 id="week-')]
    assert weeks[:3] == [
        '<h2 id="week-2024-07-08">Week of Monday 8 July 2024</h2>',
        '<h2 id="week-2024-07-01">Week of Monday 1 July 2024</h2>',
        '<h2 id="week-2024-06-24">Week of Monday 24 June 2024</h2>',
    ]
    assert 'href="../decisions/riverton-hwb/2024-03-14/4-24/history/#change-' in page


def test_history_is_read_in_one_pass_whatever_the_number_of_files(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two rev-parse calls, one git log and one git cat-file for the whole history: never a process per file."""
    calls: list[list[str]] = []
    real_popen = subprocess.Popen

    class Popen(real_popen):  # type: ignore[misc,valid-type]  # subprocess.run starts its process through Popen too
        def __init__(self, args: list[str], *rest: object, **kwargs: object) -> None:
            calls.append(list(args))
            super().__init__(args, *rest, **kwargs)

    monkeypatch.setattr(subprocess, "Popen", Popen)
    read(repo.data)
    commands = [
        next(a for a in call[1:] if not a.startswith("-") and "=" not in a) for call in calls if call[0] == "git"
    ]
    assert sorted(commands) == ["cat-file", "log", "rev-parse", "rev-parse"]


def test_a_version_that_cannot_be_read_is_skipped_with_a_note(tmp_path: Path) -> None:
    repo = start(tmp_path / "repo")
    repo.commit("publish", "Publish", "2024-03-20T10:00:00Z")
    person = "people/dee-sub.yml"
    repo.edit(person, lambda text: text.replace("name: Dee Sub", "name: Dee Sub\nname: Dee Sub"))
    repo.commit("broken", "A duplicated line", "2024-03-21T10:00:00Z")
    repo.edit(
        person,
        lambda text: text.replace("name: Dee Sub\nname: Dee Sub", "name: Dee Sub").replace(
            "title: Deputy Chief Officer", "title: Chief Officer"
        ),
    )
    repo.commit("fixed", "Fixed, with the new job title", "2024-03-22T10:00:00Z")
    track = read(repo.data).history.track("people/dee-sub/")
    assert [(c.what, c.lines) for c in track.changes] == [
        ("created", ["first published"]),
        ("unreadable", ["the version in this commit could not be read (the file had an error), so it is left out"]),
        ("changed", ["post 1 title changed from “Deputy Chief Officer” to “Chief Officer”"]),
    ]
    assert track.last.sha == repo.commits["fixed"]


def test_uncommitted_edits_are_said_to_be_uncommitted(tmp_path: Path) -> None:
    repo = start(tmp_path / "repo")
    repo.commit("publish", "Publish", "2024-03-20T10:00:00Z")
    repo.edit("people/dee-sub.yml", lambda text: text + "honorific: Ms\n")
    site = read(repo.data)
    assert site.history.pending == {"people/dee-sub/"}
    page = str(generated(site)["people/dee-sub.md"])
    assert "Last changed 20 March 2024 (version " in page and "; this copy has changes not yet committed." in page


def test_without_git_pages_say_history_is_not_available_and_the_build_warns_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "data"
    subprocess.run(["cp", "-r", str(Path(__file__).parents[1] / "fixtures" / "data"), str(data)], check=True)
    site = read(data)
    warnings = [r.getMessage() for r in caplog.records if "history not available" in r.getMessage()]
    assert warnings == [
        f"warning: history not available: {data} is not in a git repository (an exported copy?); pages say so, "
        "and sitemap dates are left out"
    ]
    files = generated(site)
    assert "Last changed: not available (this copy of the site was built without its history)." in str(
        files["people/dee-sub.md"]
    )
    assert (
        "History not available: this copy of the site was built from a copy of the data that is not a git repository."
        in str(files["people/dee-sub/history.md"])
    )
    assert b"<lastmod>" not in files["sitemap.xml"]  # type: ignore[operator]


def test_a_shallow_clone_has_no_history(repo: Repo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    site = read(clone / "data")
    assert not site.history.available
    assert (
        site.history.reason
        == "this copy of the site was built from a shallow clone, which holds only the newest commits"
    )


def test_builds_of_the_same_commit_give_the_same_bytes(repo: Repo, files: dict[str, str | bytes]) -> None:
    again = generated(read(repo.data))
    assert again == files
    later = generated(read(repo.data, build.Settings(date(2031, 5, 6))), build.Settings(date(2031, 5, 6)))
    dated = [rel for rel in files if rel.endswith(("history.md", ".xml", ".ics")) or rel.startswith("changes/")]
    assert [rel for rel in dated if files[rel] != later.get(rel)] == ["feeds/upcoming.xml"]  # no date from the clock


def test_many_records_first_published_together_read_as_one_line(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("generator.site.history.changes.BULK", 4)
    lines = [line.text for line in change_lines(site) if line.commit.subject == "Publish the Riverton records"]
    assert "11 new people: first published together" in lines
    assert "New decision: Joint Health and Wellbeing Strategy 2024-2027 (Riverton HWB, 14 March 2024)" in lines
