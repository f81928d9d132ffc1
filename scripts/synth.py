"""Synthesise a realistic Minutebook dataset of a chosen size, deterministically (seeded).

Usage: python scripts/synth.py OUT [--boards N] [--years N] [--meetings N] [--items N]
       [--resolutions N] [--people N] [--indicators N] [--periods N] [--areas N] [--seed N]

The shape follows data/ and tests/fixtures/data: boards with memberships, people, meetings
with attendance, items with multi-part resolutions and actions, agenda packs, strategies with
priorities, and indicators with CSV values for the board's area and comparators. About
(1 + resolutions) * meetings * years + people + indicators + 4 pages per board.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import shutil
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import yaml

PLACES = ("Ashford", "Brampton", "Carlow", "Denby", "Elmsworth", "Fairley", "Glenrock", "Hartwell")
SURNAMES = ("Adams", "Baker", "Clarke", "Dawson", "Ellis", "Foster", "Grant", "Hughes", "Irwin", "Jones")
FORENAMES = ("Alex", "Bea", "Chris", "Dana", "Eli", "Fran", "Gita", "Hal", "Ira", "Jo", "Kit", "Lee")
SEATS = (
    "Cabinet Member for Health",
    "Director of Public Health",
    "Director of Adult Services",
    "Director of Children's Services",
    "CCG Chief Officer",
    "Healthwatch",
    "NHS England",
    "Police",
)
TOPICS = (
    "Better Care Fund plan",
    "Joint Strategic Needs Assessment",
    "Mental health update",
    "Pharmaceutical Needs Assessment",
    "Winter pressures",
    "Childhood obesity",
    "Air quality",
    "Suicide prevention",
    "Drug and alcohol strategy",
    "Healthy ageing",
)
OUTCOMES = ("approved", "noted", "agreed", "endorsed", "requested")
KINDS = ("health-and-wellbeing-board", "health-scrutiny-committee")


@dataclass
class Size:
    """How much to generate."""

    boards: int = 3
    years: int = 10
    meetings: int = 6
    items: int = 8
    resolutions: int = 3
    people: int = 14
    indicators: int = 6
    periods: int = 10
    areas: int = 3
    seed: int = 1


def dump(path: Path, data: dict) -> None:
    """Write ``data`` as YAML to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def board_id(n: int) -> str:
    """Id of board ``n``."""
    place = PLACES[n % len(PLACES)].lower()
    return f"{place}-{n}-{'hwb' if n % 2 == 0 else 'hsc'}"


def person_ids(n: int, size: Size) -> list[str]:
    """Ids of the people who sit on board ``n`` (the last two are officers)."""
    return [f"p{n}-{k}" for k in range(size.people)]


def write_people(out: Path, n: int, size: Size, rng: random.Random) -> None:
    """Write the people of board ``n``."""
    for k, pid in enumerate(person_ids(n, size)):
        name = f"{rng.choice(FORENAMES)} {rng.choice(SURNAMES)}-{n}-{k}"
        record = {
            "id": pid,
            "name": name,
            "posts": [{"title": SEATS[k % len(SEATS)], "organisation": f"{PLACES[n % len(PLACES)]} Council"}],
        }
        dump(out / "people" / f"{pid}.yml", record | ({} if k % 3 else {"honorific": "Councillor"}))


def write_board(out: Path, n: int, size: Size) -> None:
    """Write board ``n`` with its memberships (two officers are not members)."""
    bid, place = board_id(n), f"{PLACES[n % len(PLACES)]} {n}"
    members = person_ids(n, size)[:-2]
    dump(
        out / "boards" / f"{bid}.yml",
        {
            "id": bid,
            "name": f"{place} Health and Wellbeing Board",
            "short_name": f"{place} HWB",
            "kind": KINDS[n % 2],
            "authority": f"{place} Council",
            "area": place,
            "purpose": {"text": "Brings together the council, the NHS and **Healthwatch** to improve health."},
            "memberships": [
                {
                    "person_id": pid,
                    "role": "chair" if k == 0 else "member",
                    "seat": SEATS[k % len(SEATS)],
                    "start": "2010-01-01",
                }
                for k, pid in enumerate(members)
            ]
            + [{"vacant": "yes", "seat": "Voluntary sector"}],
        },
    )


def write_indicators(out: Path, n: int, size: Size, rng: random.Random) -> list[str]:
    """Write board ``n``'s indicators with CSV values; return their ids."""
    bid, place = board_id(n), f"{PLACES[n % len(PLACES)]} {n}"
    areas = [place, "England"] + [f"Region {a}" for a in range(size.areas - 2)]
    ids = []
    for k in range(size.indicators):
        iid = f"{bid}-ind-{k}"
        ids.append(iid)
        dump(
            out / "indicators" / f"{iid}.yml",
            {
                "id": iid,
                "title": f"{TOPICS[k % len(TOPICS)]} indicator {k}",
                "unit": "%",
                "value_type": "percentage",
                "polarity": "lower-is-better",
                "board_ids": [bid],
                "area": place,
            },
        )
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["period", "area", "area_code", "value", "lower_ci", "upper_ci", "ci_level", "note"])
        for p in range(size.periods):
            for a, area in enumerate(areas):
                value = round(rng.uniform(5, 40), 1)
                writer.writerow([str(2010 + p), area, f"E{n:04d}{a:04d}", value, value - 1, value + 1, "95", ""])
        (out / "indicators" / f"{iid}.csv").write_text(buf.getvalue(), encoding="utf-8")
    return ids


def meeting_dates(size: Size) -> list[date]:
    """Dates of each board's meetings: evenly spread over each year."""
    step = 360 // size.meetings
    return [date(2014 + y, 1, 10) + timedelta(days=step * m) for y in range(size.years) for m in range(size.meetings)]


def write_strategy(out: Path, n: int, indicators: list[str], first: date) -> str:
    """Write board ``n``'s strategy, adopted at its first meeting; return its id."""
    bid = board_id(n)
    sid = f"{bid}-jhws"
    dump(
        out / "strategies" / f"{sid}.yml",
        {
            "id": sid,
            "title": f"{PLACES[n % len(PLACES)]} {n} Joint Health and Wellbeing Strategy",
            "board_ids": [bid],
            "status": "adopted",
            "adopted_by": f"{bid}/{first.isoformat()}/1-{first:%y}",
            "summary": "Three priorities for a healthier area.",
            "priorities": [
                {"id": f"pr{k}", "title": f"Priority {k}", "indicator_ids": indicators[k::3]} for k in range(3)
            ],
        },
    )
    return sid


def attendance(n: int, size: Size, rng: random.Random) -> list[dict]:
    """Attendance at one meeting: members present or sending apologies, officers in attendance."""
    people = person_ids(n, size)
    rows = [{"person_id": pid, "status": "apologies" if rng.random() < 0.15 else "present"} for pid in people[:-2]]
    rows += [{"person_id": pid, "status": "officer", "capacity": "Governance Services"} for pid in people[-2:]]
    return rows


def decision_item(n: int, k: int, when: date, ctx: dict, rng: random.Random) -> dict:
    """A decision item: recommendations, minute text, a multi-part resolution and an action."""
    minute = f"{k + 1}/{when:%y}"
    topic = rng.choice(TOPICS)
    people = person_ids(n, ctx["size"])
    resolution = {
        "preamble": "RESOLVED that:",
        "parts": [
            {"label": f"({p + 1})", "text": f"The {topic.lower()} report be {w}."}
            for p, w in enumerate(("received", "approved", "reviewed in six months")[: rng.randint(1, 3)])
        ],
        "outcome": rng.choice(OUTCOMES),
        "strategy_ids": [ctx["strategy"]],
        "indicator_ids": [rng.choice(ctx["indicators"])],
    }
    return {
        "number": str(k + 1),
        "minute": minute,
        "title": f"{topic} {when.year}",
        "section": "Public Business",
        "presenter_ids": [people[1]],
        "pages": f"{k * 5 + 1}-{k * 5 + 4}",
        "kind": "decision",
        "recommendations": [{"label": "(1)", "text": f"That the Board approves the {topic.lower()}."}],
        "minutes": f"The Board considered the {topic.lower()}. Members asked about *waiting times* "
        f"and the <b>budget</b> & reserves.",
        "resolutions": [resolution],
        "actions": [
            {
                "id": f"a{k}",
                "text": f"Report back on the {topic.lower()}.",
                "owners": [{"person_id": people[1]}],
                "due": (when + timedelta(days=90)).isoformat(),
                "resolution": minute,
                "priority_ids": [f"{ctx['strategy']}/pr{k % 3}"],
            }
        ],
        "document_ids": [ctx["pack"]],
    }


def meeting(n: int, when: date, ctx: dict, rng: random.Random) -> dict:
    """One held meeting with procedural, information and decision items."""
    size: Size = ctx["size"]
    items = [
        {
            "number": "0",
            "minute": f"0/{when:%y}",
            "title": "Apologies for absence",
            "kind": "procedural",
            "minutes": "Apologies were received.",
        }
    ]
    for k in range(size.items - 1):
        if k < size.resolutions:
            items.append(decision_item(n, k, when, ctx, rng))
        else:
            items.append(
                {
                    "number": str(k + 1),
                    "title": f"{rng.choice(TOPICS)} briefing",
                    "kind": "information",
                    "summary": "A briefing for information; no decision was sought.",
                }
            )
    return {
        "id": when.isoformat(),
        "board_id": board_id(n),
        "date": when.isoformat(),
        "start_time": "14:00",
        "end_time": "16:00",
        "venue": "Committee Room 1, Council House",
        "status": "held",
        "attendance": attendance(n, size, rng),
        "items": items,
    }


def write_meetings(out: Path, n: int, size: Size, ctx: dict, rng: random.Random) -> None:
    """Write every meeting of board ``n`` and its agenda pack."""
    bid = board_id(n)
    for when in meeting_dates(size):
        pack = f"{bid}-{when.isoformat()}-pack"
        dump(
            out / "documents" / f"{pack}.yml",
            {
                "id": pack,
                "title": f"Agenda pack, {when:%d %B %Y}",
                "kind": "agenda-pack",
                "meeting_id": f"{bid}/{when.isoformat()}",
                "url": f"https://example.org/{bid}/{when}.pdf",
                "published": (when - timedelta(days=7)).isoformat(),
            },
        )
        record = meeting(n, when, ctx | {"pack": pack}, rng)
        dump(out / "meetings" / bid / f"{when.isoformat()}.yml", record)


def synthesise(out: Path, size: Size) -> None:
    """Write a whole dataset of ``size`` into ``out`` (replacing it)."""
    shutil.rmtree(out, ignore_errors=True)
    rng = random.Random(size.seed)
    dates = meeting_dates(size)
    for n in range(size.boards):
        write_people(out, n, size, rng)
        write_board(out, n, size)
        indicators = write_indicators(out, n, size, rng)
        strategy = write_strategy(out, n, indicators, dates[0])
        write_meetings(out, n, size, {"size": size, "strategy": strategy, "indicators": indicators}, rng)


def pages_per_board(size: Size) -> int:
    """Roughly how many Markdown pages one board produces."""
    meetings = size.years * size.meetings
    return meetings * (2 + size.resolutions) + size.people + size.indicators + 2


def parse(argv: list[str] | None = None) -> tuple[Path, Size]:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    for name, default in vars(Size()).items():
        parser.add_argument(f"--{name}", type=int, default=default)
    args = vars(parser.parse_args(argv))
    out = args.pop("out")
    return out, Size(**args)


if __name__ == "__main__":
    folder, wanted = parse()
    synthesise(folder, wanted)
    print(f"wrote {folder}: {wanted.boards} boards, about {wanted.boards * pages_per_board(wanted)} pages")
