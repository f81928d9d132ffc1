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
SEATS = ("Cabinet Member for Health", "Director of Public Health", "Director of Adult Services",
         "Director of Children's Services", "CCG Chief Officer", "Healthwatch", "NHS England", "Police")
TOPICS = ("Better Care Fund plan", "Joint Strategic Needs Assessment", "Mental health update",
          "Pharmaceutical Needs Assessment", "Winter pressures", "Childhood obesity", "Air quality",
          "Suicide prevention", "Drug and alcohol strategy", "Healthy ageing")
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
        dump(out / "people" / f"{pid}.yml", {
            "id": pid, "name": name, "honorific": "Councillor" if k % 3 == 0 else None,
            "organisation": f"{PLACES[n % len(PLACES)]} Council", "job_title": SEATS[k % len(SEATS)],
        } | ({} if k % 3 else {"honorific": "Councillor"}))


def write_board(out: Path, n: int, size: Size) -> None:
    """Write board ``n`` with its memberships (two officers are not members)."""
    bid, place = board_id(n), f"{PLACES[n % len(PLACES)]} {n}"
    members = person_ids(n, size)[:-2]
    dump(out / "boards" / f"{bid}.yml", {
        "id": bid, "name": f"{place} Health and Wellbeing Board", "short_name": f"{place} HWB",
        "kind": KINDS[n % 2], "authority": f"{place} Council", "area": place,
        "purpose": "Brings together the council, the NHS and **Healthwatch** to improve health.",
        "memberships": [
            {"person_id": pid, "role": "chair" if k == 0 else "member", "seat": SEATS[k % len(SEATS)],
             "start": "2010-01-01"} for k, pid in enumerate(members)
        ] + [{"vacant": "yes", "seat": "Voluntary sector"}],
    })


def write_indicators(out: Path, n: int, size: Size, rng: random.Random) -> list[str]:
    """Write board ``n``'s indicators with CSV values; return their ids."""
    bid, place = board_id(n), f"{PLACES[n % len(PLACES)]} {n}"
    areas = [place, "England"] + [f"Region {a}" for a in range(size.areas - 2)]
    ids = []
    for k in range(size.indicators):
        iid = f"{bid}-ind-{k}"
        ids.append(iid)
        dump(out / "indicators" / f"{iid}.yml", {
            "id": iid, "title": f"{TOPICS[k % len(TOPICS)]} indicator {k}", "unit": "%",
            "value_type": "percentage", "polarity": "lower-is-better", "board_ids": [bid], "area": place,
        })
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["period", "area", "area_code", "value", "lower_ci", "upper_ci", "note"])
        for p in range(size.periods):
            for a, area in enumerate(areas):
                value = round(rng.uniform(5, 40), 1)
                writer.writerow([str(2010 + p), area, f"E{n:04d}{a:04d}", value, value - 1, value + 1, ""])
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
    dump(out / "strategies" / f"{sid}.yml", {
        "id": sid, "title": f"{PLACES[n % len(PLACES)]} {n} Joint Health and Wellbeing Strategy",
        "board_ids": [bid], "status": "adopted", "adopted_by": f"{bid}/{first.isoformat()}/1-{first:%y}",
        "summary": "Three priorities for a healthier area.",
        "priorities": [{"id": f"pr{k}", "title": f"Priority {k}", "indicator_ids": indicators[k::3]} for k in range(3)],
    })
    return sid
