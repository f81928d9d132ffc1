"""A dataset built to tempt the pages into saying more than the record (issue 17, "never invent").

Two boards added to a copy of the fixture:
- Riverton Partnership Board: a 2013 purpose and 2023 members; a co-opted member with no voting field;
  a named substitute; a member with one meeting; a one-meeting attendee; a member replaced without a named
  substitute; a person who only ever came as a substitute.
- Riverton Old Forum: its meetings stop in 2014; its last meeting was set ("scheduled") and has an agenda but
  no minutes.
"""

from __future__ import annotations

from pathlib import Path

from generator import build
from tests.conftest import TODAY, make_dataset

PEOPLE = {
    "pam-chair": "Pam Chair",
    "cole-coopted": "Cole Coopted",
    "nell-sub": "Nell Sub",
    "oli-once": "Oli Once",
    "rae-replaced": "Rae Replaced",
    "tom-temp": "Tom Temp",
    "uma-visitor": "Uma Visitor",
}

PARTNERSHIP = """\
id: riverton-pb
name: Riverton Partnership Board
short_name: Riverton PB
kind: other
authority: Riverton City Council
purpose: {text: "Joins up the work of the council and the NHS in Riverton.", date: 2013-04-01}
memberships:
  - person_id: pam-chair
    role: chair
    voting: yes
    start: 2022-05-01
  - person_id: cole-coopted
    role: co-opted-member
    seat: Riverton Voluntary Action
  - person_id: oli-once
    seat: Riverton Carers
  - person_id: rae-replaced
    seat: Riverton Hospital
    start: 2022-05-01
  - person_id: nell-sub
    role: substitute
    substitute_for_ids: [rae-replaced]
"""

MEETING = """\
id: {day}
board_id: riverton-pb
date: {day}
status: held
attendance:
{attendance}
items:
  - number: "1"
    title: Apologies for absence
    kind: procedural
    minutes: "Apologies were received."
"""

OLD_FORUM = """\
id: riverton-old
name: Riverton Old Forum
short_name: Riverton OF
kind: other
authority: Riverton City Council
"""

OLD_MEETING_HELD = """\
id: 2013-11-05
board_id: riverton-old
date: 2013-11-05
status: held
items:
  - number: "1"
    title: Welcome
    kind: procedural
    minutes: "The chair welcomed everyone."
"""

OLD_MEETING_SET = """\
id: 2014-03-04
board_id: riverton-old
date: 2014-03-04
status: scheduled
items:
  - number: "1"
    title: Apologies for absence
    kind: procedural
  - number: "2"
    title: Future of the forum
    kind: decision
"""


HERE = "present"
# Five meetings with attendance: Pam at all five (a rate), Cole (co-opted, no start) from the first, Oli at the
# last only (one meeting), Rae replaced once without a named substitute and once by Tom, Uma a guest once.
MEETINGS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "2023-01-11": ({"pam-chair": HERE, "cole-coopted": HERE, "rae-replaced": HERE}, {}),
    "2023-03-01": ({"pam-chair": HERE, "cole-coopted": HERE, "rae-replaced": HERE}, {}),
    "2023-06-07": (
        {"pam-chair": HERE, "cole-coopted": "apologies", "rae-replaced": "replaced", "uma-visitor": "guest"},
        {},
    ),
    "2023-07-12": ({"pam-chair": HERE, "rae-replaced": HERE}, {}),
    "2023-09-06": (
        {"pam-chair": HERE, "oli-once": HERE, "tom-temp": "substitute", "rae-replaced": "apologies"},
        {"tom-temp": "rae-replaced"},
    ),
}


def attendance(rows: dict[str, str], replacing: dict[str, str] | None = None) -> str:
    """YAML attendance rows: person id -> status (and whom a substitute replaced)."""
    lines = []
    for person, status in rows.items():
        lines.append(f"  - {{person_id: {person}, status: {status}")
        if person in (replacing or {}):
            lines[-1] += f", replacing_ids: [{(replacing or {})[person]}]"
        lines[-1] += "}"
    return "\n".join(lines)


def files() -> dict[str, str | bytes | None]:
    """The files added to the fixture."""
    added: dict[str, str | bytes | None] = {
        f"people/{pid}.yml": f"id: {pid}\nname: {name}\n" for pid, name in PEOPLE.items()
    }
    added["boards/riverton-pb.yml"] = PARTNERSHIP
    for day, rows in MEETINGS.items():
        added[f"meetings/riverton-pb/{day}.yml"] = MEETING.format(day=day, attendance=attendance(*rows))
    # A later meeting whose attendance is not on record: members cannot be "as of" it.
    added["meetings/riverton-pb/2023-12-06.yml"] = MEETING.format(day="2023-12-06", attendance="  []")
    added["boards/riverton-old.yml"] = OLD_FORUM
    added["meetings/riverton-old/2013-11-05.yml"] = OLD_MEETING_HELD
    added["meetings/riverton-old/2014-03-04.yml"] = OLD_MEETING_SET
    return added


def generate(tmp_path: Path) -> dict[str, str]:
    """The tempting dataset checked and generated: Markdown pages by path."""
    data = make_dataset(tmp_path, files())
    report, site = build.check(data)
    assert site is not None, report.lines()
    return {rel: text for rel, text in build.generate(site, build.Settings(TODAY)) if isinstance(text, str)}
