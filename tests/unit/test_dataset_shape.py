"""The published dataset (data/) still holds everything transcribed from the four packs.

The numbers below were counted against the agenda packs in shared/seeds (see
data/README.md). A later edit that loses a meeting, an item, a resolution, a
member or an indicator fails here; a deliberate change must update the number
and say why in data/README.md.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from generator import build
from generator.records.diagnostics import Report
from generator.records.meeting import Meeting
from generator.records.plan import Plan
from generator.site.graph import Site
from tests.conftest import ROOT

DATA = ROOT / "data"
# The packs' plain-text copies sit beside the project (shared/seeds); a worktree elsewhere names them.
SEEDS = Path(os.environ.get("MINUTEBOOK_SEEDS", ROOT.parent / "shared" / "seeds"))
HWBS = ("dudley-hwb", "warwickshire-hwb", "coventry-hwb")
PANEL = "southampton-health-overview-and-scrutiny-panel"
BOARDS_IN_FULL = (*HWBS, PANEL)  # the boards whose pack was transcribed whole
# The plain-text copy of each pack (data/documents: file) -> the pack's name below.
PACKS = {
    "000_a692564f8e25a2aa.txt": "dudley",
    "001_7976878203b5d6a9.txt": "warwickshire",
    "003_3c20bf6dc00c9d98.txt": "southampton",
    "004_c33d4171ba8912a9.txt": "coventry",
}

# board -> meeting id -> (status, items, resolutions, attendance rows, declarations)
MEETINGS: dict[str, dict[str, tuple[str, int, int, int, int]]] = {
    "dudley-hwb": {
        "2013-04-29": ("held", 0, 0, 0, 0),
        "2013-06-26": ("held", 8, 5, 22, 0),
        "2013-09-26": ("scheduled", 14, 0, 0, 0),
        "2014-01-28": ("scheduled", 0, 0, 0, 0),
        "2014-03-26": ("scheduled", 0, 0, 0, 0),
    },
    "warwickshire-hwb": {
        "2013-07-17": ("held", 0, 0, 0, 0),
        "2013-09-25": ("held", 13, 9, 24, 3),
        "2013-10-30": ("held", 0, 0, 0, 0),
        "2013-11-20": ("scheduled", 13, 0, 0, 0),
        "2013-11-26": ("scheduled", 0, 0, 0, 0),
    },
    "coventry-hwb": {
        "2017-04-10": ("held", 1, 0, 0, 0),
        "2017-07-10": ("held", 12, 8, 27, 0),
        "2017-09-04": ("scheduled", 0, 0, 0, 0),
        "2017-10-16": ("scheduled", 19, 0, 0, 0),
    },
    PANEL: {
        "2014-07-24": ("held", 0, 0, 0, 0),
        "2014-09-25": ("held", 8, 7, 9, 2),
        "2014-10-30": ("held", 2, 1, 10, 0),
        "2014-11-27": ("scheduled", 11, 0, 0, 0),
        "2015-01-29": ("scheduled", 0, 0, 0, 0),
    },
}

# The three agenda meetings: item numbers exactly as printed on the agenda.
AGENDA_ITEMS: dict[str, list[str]] = {
    "dudley-hwb/2013-09-26": [str(n) for n in range(1, 15)],
    "warwickshire-hwb/2013-11-20": [
        "1(1)",
        "1(2)",
        "1(3)",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8(a)",
        "8(b)",
        "9",
        "10",
    ],
    "coventry-hwb/2017-10-16": [
        "1",
        "2",
        "3",
        "3(a)",
        "3(b)",
        "4",
        "5",
        "5(a)",
        "5(b)",
        "5(c)",
        "5(d)",
        "5(e)",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
    ],
    f"{PANEL}/2014-11-27": [str(n) for n in range(1, 12)],
}

# The three minuted meetings: minute numbers that carry a resolution.
RESOLVED_MINUTES: dict[str, list[str]] = {
    "dudley-hwb/2013-06-26": ["1", "2", "6", "7", "8"],
    "warwickshire-hwb/2013-09-25": ["2", "3", "4", "5", "6(i)", "6(ii)", "7", "8", "9"],
    "coventry-hwb/2017-07-10": ["3", "4", "5", "6", "7", "8", "9", "11"],
    f"{PANEL}/2014-09-25": ["10", "12", "13", "14", "15", "16", "17"],
    f"{PANEL}/2014-10-30": ["19"],
}
# The minuted meetings: resolution parts (each numbered paragraph of a resolution is one part).
RESOLUTION_PARTS = {
    "dudley-hwb/2013-06-26": 6,
    "warwickshire-hwb/2013-09-25": 10,
    "coventry-hwb/2017-07-10": 13,
    f"{PANEL}/2014-09-25": 7,
    f"{PANEL}/2014-10-30": 2,
}
# Recommendations the panel made to other bodies (their keys), and its referrals: (meeting, minute, to).
RECOMMENDATIONS = [f"{PANEL}/2014-10-30/19/ii"]
REFERRALS = [("2014-09-25", "13", "southampton-city-council-cabinet")]

# board -> (memberships, distinct people, vacant seats)
MEMBERSHIPS = {
    "dudley-hwb": (16, 15, 1),
    "warwickshire-hwb": (17, 17, 0),
    "coventry-hwb": (25, 25, 0),
    PANEL: (9, 9, 0),
}

# board -> (indicators it watches, values in their CSV files). Issue 18 added, each citing its pack line: Dudley
# 12 (Appendix 5's 17.4% for NI 65, the expected consultation rate, the 10 suppressed branch surgeries);
# Warwickshire 3 (the BME share of the 0-17 population, 104 autism training places, July 2012 JSA rate);
# Coventry 5 (England's 34% and 42-45% and Coventry's ranges for CP plan categories, March 2017 days delayed).
INDICATORS = {"dudley-hwb": (76, 677), "warwickshire-hwb": (65, 495), "coventry-hwb": (79, 364), PANEL: (7, 36)}

# board -> (the report's own ratings, targets with their status, breakdown rows, qualified values), issue 18
PRINTED = {
    "dudley-hwb": (42, 0, 384, 14),
    "warwickshire-hwb": (31, 6, 269, 1),
    "coventry-hwb": (19, 3, 4, 4),
    PANEL: (0, 5, 31, 1),
}

# pack prefix -> (boards, strategies, priority->indicator links)
PER_PACK = {"dudley": (4, 5, 72), "warwickshire": (6, 9, 31), "coventry": (10, 8, 63), "southampton": (1, 0, 0)}

PEOPLE = 263

# pack prefix -> (actions kept by meetings, actions kept by plans, plans). The action plans the packs print
# are plan records, put to the agenda item that received them (issue 16), not actions of those meetings.
ACTIONS = {"dudley": (0, 159, 3), "warwickshire": (7, 99, 2), "coventry": (52, 0, 0), "southampton": (1, 119, 2)}
# plan -> the agenda item it was put to
RECEIVED = {
    "dudley-group-keogh-action-plan-2013": "dudley-hwb/2013-09-26 6",
    "dudley-safeguarding-adults-board-business-plan-2013-2014": "dudley-hwb/2013-09-26 8",
    "dudley-safeguarding-children-board-business-plan-2013-2015": "dudley-hwb/2013-09-26 9",
    "warwickshire-smoking-in-pregnancy-action-plan": "warwickshire-hwb/2013-11-20 4",
    "warwickshire-safeguarding-children-board-business-plan-2013-2014": "warwickshire-hwb/2013-11-20 9",
    "southampton-ofsted-action-plan-2014": f"{PANEL}/2014-11-27 10",
    "south-west-hampshire-urgent-care-wsap-2014-15": f"{PANEL}/2014-11-27 11",
}

# First names or initials of children and service users in the packs' case studies.
PRIVATE = ("Leanne", "Caitlin", "AH")


@pytest.fixture(scope="module")
def checked() -> tuple[Report, Site | None]:
    """The real dataset, checked once for the whole module."""
    return build.check(DATA)


@pytest.fixture(scope="module")
def site(checked: tuple[Report, Site | None]) -> Site:
    """The checked site of the real dataset."""
    report, result = checked
    assert result is not None, "\n".join(report.lines())
    return result


def test_dataset_is_clean(checked: tuple[Report, Site | None]) -> None:
    """Check the real dataset without a single error or warning."""
    report, _ = checked
    assert report.lines() == []


@pytest.mark.parametrize("board_id", BOARDS_IN_FULL)
def test_meetings_items_resolutions_attendance(site: Site, board_id: str) -> None:
    """Keep every meeting of each board with its items, resolutions, attendance and declarations."""
    found = {
        m.id: (m.status, len(m.items), sum(len(i.resolutions) for i in m.items), len(m.attendance), len(m.declarations))
        for m in site.meetings_by_board[board_id]
    }
    assert found == MEETINGS[board_id]


@pytest.mark.parametrize("key", sorted(AGENDA_ITEMS))
def test_every_agenda_item_is_present(site: Site, key: str) -> None:
    """Keep every agenda item of the three agenda meetings, in printed order."""
    assert [item.number for item in site.meetings[key].items] == AGENDA_ITEMS[key]


@pytest.mark.parametrize("key", sorted(AGENDA_ITEMS))
def test_report_items_cite_their_pages_and_presenters(site: Site, key: str) -> None:
    """Give every item a source in the pack, and every report its presenter."""
    for item in site.meetings[key].items:
        assert item.source is not None, item.number
        reports = [d for d in item.document_ids if site.documents[d].kind != "minutes"]
        if reports:
            assert item.presenter_ids or item.presenter or item.presenters, item.number


@pytest.mark.parametrize("key", sorted(RESOLVED_MINUTES))
def test_every_resolution_has_a_decision(site: Site, key: str) -> None:
    """Give each resolution of the three minuted meetings its own decision page."""
    meeting = site.meetings[key]
    resolved = [item.minute for item in meeting.items for _ in item.resolutions]
    assert resolved == RESOLVED_MINUTES[key]
    decided = [d for d in site.decisions.values() if site.meeting_key(d.meeting) == key]
    assert len(decided) == len(resolved)
    assert {id(d.resolution) for d in decided} == {id(r) for i in meeting.items for r in i.resolutions}


def _plain(text: str) -> str:
    """Collapse whitespace, curly quotes and conversion mark-up so wording can be compared."""
    text = text.replace("**", "").replace("\\pounds ", "£")
    text = text.translate(str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'}))
    return " ".join(text.split())


# A name withheld from quoted text (a member of the public): '[a member of the public]' (content/guide/meetings.md).
REDACTION = re.compile(r"\[[^\[\]]*\]")


def _printed(site: Site, key: str) -> str:
    """The text of the pack a meeting's minutes are printed in (the test skips without it)."""
    meeting = site.meetings[key]
    assert meeting.source is not None, key
    seed = SEEDS / (site.documents[meeting.source.document_id].file or "")
    if not seed.is_file():
        pytest.skip(f"source pack {seed} is not available (set MINUTEBOOK_SEEDS to the folder of the packs)")
    return seed.read_text(encoding="utf-8")


def _withheld(text: str, printed: str) -> list[str] | None:
    """What each bracketed redaction in text stands for in printed, or None if text is not printed there.

    Text without a redaction may run over lines (a page break); a redaction stands for words within one
    printed paragraph (one line of the text copy), never across a full stop.
    """
    pieces = REDACTION.split(_plain(text))
    if len(pieces) == 1:
        return [] if pieces[0] in _plain(printed) else None
    pattern = re.compile("([^\\[\\].;:]+?)".join(re.escape(piece) for piece in pieces))
    found = (pattern.search(_plain(line)) for line in printed.splitlines())
    return next((list(f.groups()) for f in found if f), None)


def _public_names(site: Site) -> re.Pattern[str]:
    """Every name and alias of a person on record in a public role, as a pattern of whole words."""
    names = {n for p in site.people.values() for n in (p.name, *p.aliases)}
    return re.compile(
        r"\b(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b", re.IGNORECASE
    )


@pytest.mark.parametrize("key", sorted(RESOLVED_MINUTES))
def test_resolutions_are_verbatim(site: Site, key: str) -> None:
    """Quote every resolution part word for word from the pack it cites; a redaction hides no public-role name."""
    printed = _printed(site, key)
    meeting = site.meetings[key]
    parts = [p.text for item in meeting.items for r in item.resolutions for p in r.parts]
    assert len(parts) == RESOLUTION_PARTS[key]
    assert [text for text in parts if _withheld(text, printed) is None] == []
    public = _public_names(site)
    hidden = [w for text in parts for w in _withheld(text, printed) or [] if public.search(w)]
    assert hidden == []


def test_a_redaction_matches_a_name_and_never_a_public_role() -> None:
    """Treat a bracketed redaction as any words, and report what it stands for."""
    printed = "The Panel met.\nAnn Example, Councillor Lloyd and Bob Sample were in attendance."
    quoted = "[a member of the public], Councillor Lloyd and [a member of the public] were in attendance."
    assert _withheld(quoted, printed) == ["Ann Example", "Bob Sample"]
    assert _withheld(quoted.replace("Lloyd", "Smith"), printed) is None
    assert _withheld("[a member of the public] were in attendance.", printed) == [
        "Ann Example, Councillor Lloyd and Bob Sample"
    ]


@pytest.mark.parametrize("key", [f"{PANEL}/2014-09-25", f"{PANEL}/2014-10-30"])
def test_panel_minutes_are_verbatim_and_name_no_member_of_the_public(site: Site, key: str) -> None:
    """Quote each paragraph of the panel's minutes word for word; each speaker's name is withheld."""
    printed = _printed(site, key)
    public = _public_names(site)
    for item in site.meetings[key].items:
        paragraphs = [p.removeprefix("- ") for block in (item.minutes or "").split("\n\n") for p in block.split("\n")]
        withheld = [_withheld(p, printed) for p in paragraphs if p.strip()]
        assert None not in withheld, item.minute
        spans = [w for found in withheld for w in found or []]
        assert [w for w in spans if public.search(w)] == [], item.minute
        speakers = sum(s.count or 0 for s in item.public_speakers)
        assert (item.minutes or "").count("[a member of the public]") == len(spans) == speakers, item.minute


def test_panel_decisions_and_recommendations_cite_their_pages(site: Site) -> None:
    """Give every resolution of the panel, its recommendation and its referral the agenda pages they are on."""
    resolutions = [
        r for key in RESOLUTION_PARTS if key.startswith(PANEL) for i in site.meetings[key].items for r in i.resolutions
    ]
    assert [r.source.pages if r.source else None for r in resolutions] == ["1-8"] * 8
    made = [key for key in site.recommendations if key.startswith(PANEL)]
    assert made == RECOMMENDATIONS
    assert [site.recommendations[k].rec.source.pages for k in made if site.recommendations[k].rec.source] == ["1-8"]
    referrals = [
        (m.id, i.minute, r.to.organisation_id if r.to else None, r.source.pages if r.source else None)
        for m in site.meetings_by_board[PANEL]
        for i in m.items
        for r in i.referrals
    ]
    assert referrals == [(*ref, "1-8") for ref in REFERRALS]


def test_resolutions_cite_the_pack(site: Site) -> None:
    """Cite a source document for every resolution."""
    for decision in site.decisions.values():
        source = decision.resolution.source or decision.item.source or decision.meeting.source
        assert source is not None, decision.key


@pytest.mark.parametrize("board_id", BOARDS_IN_FULL)
def test_memberships(site: Site, board_id: str) -> None:
    """Keep every seat printed in the pack, vacancies included."""
    seats = site.boards[board_id].memberships
    people = {m.person_id for m in seats if m.person_id}
    assert (len(seats), len(people), sum(m.vacant for m in seats)) == MEMBERSHIPS[board_id]


@pytest.mark.parametrize("board_id", BOARDS_IN_FULL)
def test_indicators_and_values(site: Site, board_id: str) -> None:
    """Keep every indicator a board watches and every value the packs give."""
    watched = [i for i in site.indicators.values() if board_id in i.board_ids]
    assert (len(watched), sum(len(site.values(i.id)) for i in watched)) == INDICATORS[board_id]


@pytest.mark.parametrize("board_id", sorted(PRINTED))
def test_ratings_targets_breakdowns_and_qualifiers(site: Site, board_id: str) -> None:
    """Keep every rating, target, breakdown row and qualified value transcribed from the packs (issue 18)."""
    watched = [i for i in site.indicators.values() if board_id in i.board_ids]
    rows = [v for i in watched for v in site.values(i.id)]
    found = (
        sum(len(i.ratings) for i in watched),
        sum(len(i.targets) for i in watched),
        sum(1 for v in rows if v.category),
        sum(1 for v in rows if v.qualifier),
    )
    assert found == PRINTED[board_id]


def test_every_indicator_has_a_value(site: Site) -> None:
    """Give every indicator at least one value with a number or a reason."""
    assert len(site.indicators) >= 40
    empty = [i for i in site.indicators if not site.values(i)]
    assert empty == []


def test_boards_strategies_links_and_people(site: Site) -> None:
    """Keep the boards, strategies and strategy-indicator links of each pack."""
    boards = Counter(b.split("-")[0] for b in site.boards)
    strategies = Counter(s.split("-")[0] for s in site.strategies)
    links: Counter[str] = Counter()
    for strategy in site.strategies.values():
        links[strategy.id.split("-")[0]] += sum(len(p.indicator_ids) for p in strategy.priorities)
    found = {pack: (boards[pack], strategies[pack], links[pack]) for pack in PER_PACK}
    assert found == PER_PACK
    assert len(site.people) == PEOPLE


def _pack(site: Site, record: Meeting | Plan) -> str:
    """The pack a meeting or plan was transcribed from (by the plain-text copy its source cites)."""
    assert record.source is not None, record.id
    return PACKS[site.documents[record.source.document_id].file or ""]


def test_actions_and_the_plans_that_hold_them(site: Site) -> None:
    """Keep every action, each with the meeting or plan that holds it, and each plan put to its agenda item."""
    found: dict[str, list[int]] = {pack: [0, 0, 0] for pack in ACTIONS}
    for tracked in site.actions:
        if tracked.meeting:
            found[_pack(site, tracked.meeting)][0] += 1
        else:
            found[_pack(site, site.plans[tracked.holder.id])][1] += 1
    for plan in site.plans.values():
        found[_pack(site, plan)][2] += 1
    assert {pack: tuple(counts) for pack, counts in found.items()} == ACTIONS
    assert {p.id: " ".join(f"{r.meeting} {r.item}" for r in p.received_at) for p in site.plans.values()} == RECEIVED
    in_plans = [t for t in site.actions if t.plan]
    assert all(t.origin == "plan" for t in in_plans)


def test_no_private_individual_in_data() -> None:
    """Keep case-study children and service users out of every file in data/."""
    pattern = re.compile(r"\b(" + "|".join(PRIVATE) + r")\b")
    leaks = [
        f"{path.relative_to(DATA)}: {match.group(0)}"
        for path in sorted(DATA.rglob("*"))
        if path.is_file() and path.suffix in {".yml", ".csv", ".md"}
        for match in pattern.finditer(path.read_text(encoding="utf-8"))
    ]
    assert leaks == []
