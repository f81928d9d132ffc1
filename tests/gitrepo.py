"""A small git repository of the fixture data with scripted commits, for the history tests.

Every commit has a fixed author, committer and time, so the repository (and its commit ids) is
the same on every run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import FIXTURE

MEETING = "meetings/riverton-hwb/2024-03-14.yml"
ITEM_5 = """  - number: "5"
    minute: "5/24"
    title: Better Care Fund plan
    kind: decision
    minutes: The Board considered the plan.
    resolutions:
      - parts:
          - label: "(1)"
            text: The plan be approved.
          - label: "(2)"
            text: The Director of Public Health be asked to report on delayed discharges in the autumn.
        outcome: approved
"""
ITEM_6 = """  - number: "6"
    minute: "6/24"
    title: Pharmaceutical Needs Assessment
    kind: decision
    resolutions:
      - parts: [{text: The assessment be published.}]
        outcome: approved
"""


def git(repo: Path, *args: str, when: str = "2024-01-01T00:00:00Z") -> str:
    """Run git in ``repo`` with a fixed identity and time, and no user or system configuration."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Clerk",
        "GIT_AUTHOR_EMAIL": "clerk@riverton.example",
        "GIT_COMMITTER_NAME": "Clerk",
        "GIT_COMMITTER_EMAIL": "clerk@riverton.example",
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
    }
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return result.stdout


@dataclass
class Repo:
    """A repository whose data/ folder holds the records, and the ids of its scripted commits by name."""

    root: Path
    commits: dict[str, str] = field(default_factory=dict)

    @property
    def data(self) -> Path:
        """The data folder."""
        return self.root / "data"

    def edit(self, rel: str, change: Callable[[str], str]) -> None:
        """Rewrite one file of data/."""
        path = self.data / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    def commit(self, name: str, message: str, when: str) -> str:
        """Commit everything under data/; remember the commit's id under ``name``."""
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "--no-gpg-sign", "-m", message, when=when)
        self.commits[name] = git(self.root, "rev-parse", "HEAD").strip()
        return self.commits[name]

    def checkout(self, name: str) -> None:
        """Put the working tree at the commit named ``name``."""
        git(self.root, "checkout", "-q", self.commits[name])


def start(root: Path) -> Repo:
    """A new repository holding a copy of the fixture data, not yet committed."""
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    shutil.copytree(FIXTURE, root / "data")
    return Repo(root)


def scripted(root: Path) -> Repo:
    """The fixture (with a second decision and a typo), then the typo fixed, an attendee moved, a part reworded,
    a decision added, a document withdrawn, a member joining and a meeting moved, one commit each."""
    repo = start(root)
    repo.edit(MEETING, lambda text: _append_item(text, ITEM_5).replace("the draft strategy", "the draft stratgey"))
    repo.commit("publish", "Publish the Riverton records", "2024-03-20T10:00:00Z")
    repo.edit(MEETING, lambda text: text.replace("considered the draft stratgey", "considered the draft strategy"))
    repo.commit("typo", "Correct a typo in minute 4/24", "2024-04-02T09:30:00Z")
    repo.edit(
        MEETING,
        lambda text: text.replace(
            "person_id: bob-member\n    status: apologies", "person_id: bob-member\n    status: present"
        ),
    )
    repo.commit("attendee", "Dr Member was present, not absent with apologies", "2024-04-16T15:00:00Z")
    repo.edit(
        MEETING,
        lambda text: text.replace(
            "report on delayed discharges in the autumn", "report on delayed discharges in October"
        ),
    )
    repo.commit("reword", "Minute 5/24 (2) as approved on 20 June", "2024-06-21T11:00:00Z")
    repo.edit(MEETING, lambda text: _append_item(text, ITEM_6))
    repo.commit("decision", "Add the Pharmaceutical Needs Assessment decision", "2024-06-25T12:00:00Z")
    repo.edit(
        "documents/riverton-hwb-2024-06-20-pack.yml",
        lambda text: text + "withdrawn:\n  date: 2024-07-01\n  reason: Published in error.\n",
    )
    repo.commit("withdraw", "Withdraw the pack published in error", "2024-07-01T08:00:00Z")
    repo.edit(
        "boards/riverton-hwb.yml",
        lambda text: text.replace(
            "  - vacant: yes", "  - person_id: dee-sub\n    seat: Riverton CCG\n    start: 2024-07-01\n  - vacant: yes"
        ),
    )
    repo.commit("member", "Dee Sub joins the Board", "2024-07-08T16:20:00Z")
    move_meeting(repo)
    repo.commit("move", "Move the January 2030 meeting to 22 January, 10:00", "2024-07-10T09:00:00Z")
    return repo


def move_meeting(repo: Repo) -> None:
    """Re-date the meeting of 15 January 2030 to the 22nd at 10:00 (its file is renamed; its old id is kept)."""
    old = repo.data / "meetings/riverton-hwb/2030-01-15.yml"
    text = old.read_text(encoding="utf-8")
    text = text.replace("id: 2030-01-15", "id: 2030-01-22\nformer_ids: [2030-01-15]")
    text = text.replace("date: 2030-01-15", "date: 2030-01-22").replace('start_time: "14:00"', 'start_time: "10:00"')
    old.unlink()
    (old.parent / "2030-01-22.yml").write_text(text, encoding="utf-8")


TAIL = "# At the end of the file"  # top-level fields the fixture meeting keeps after its items


def _append_item(text: str, item: str) -> str:
    """Add an agenda item after the meeting's last one (the items end where the fixture's tail begins)."""
    items, tail = text.split(TAIL, 1) if TAIL in text else (text, None)
    added = items.rstrip("\n") + "\n" + item
    return added if tail is None else added.rstrip("\n") + "\n" + TAIL + tail
