"""The whole site as one object: records by id, references resolved and checked.

Back-references (a person's meetings, a strategy's decisions) are computed
here and never stored in data/.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar, cast

from generator import urls
from generator.records.board import Board, Membership
from generator.records.common import Located, Source, TopLevel
from generator.records.governance import Reference
from generator.records.dataset import Models
from generator.records.diagnostics import Report, format_loc
from generator.records.document import Document
from generator.records.indicator import Indicator, IndicatorValue
from generator.records.meeting import Item, Meeting, Resolution
from generator.records.organisation import Organisation
from generator.records.person import Person
from generator.records.plan import Plan
from generator.records.registry import KIND, kind_of_singular
from generator.records.strategy import Strategy
from generator.records.work_programme import WorkProgramme
from generator.records.suggest import did_you_mean
from generator.site.history.record import History
from generator.site.tracked import Made, Tracked


@dataclass
class Decision:
    """A resolution with everything needed to give it its own page."""

    key: str
    board: Board
    meeting: Meeting
    item: Item
    resolution: Resolution
    minute: str

    @property
    def url(self) -> str:
        """Permanent URL of the decision page."""
        return urls.decision_url(self.key)


Pairs = Callable[["Site"], Iterable[tuple[str, Any]]]
T = TypeVar("T")

# Named lookups (key -> records), registered where they are defined, so that any build can make one by name.
GROUPINGS: dict[str, Pairs] = {}


def grouping(name: str) -> Callable[[Pairs], Pairs]:
    """Register ``pairs`` as the lookup ``name`` that ``Site.grouped(name)`` builds."""

    def register(pairs: Pairs) -> Pairs:
        GROUPINGS[name] = pairs
        return pairs

    return register


@dataclass
class Site:
    """Every valid record plus computed back-references."""

    models: Models
    decisions: dict[str, Decision] = field(default_factory=dict)
    meetings_by_board: dict[str, list[Meeting]] = field(default_factory=lambda: defaultdict(list))
    memberships_of: dict[str, list[tuple[Board, Membership]]] = field(default_factory=lambda: defaultdict(list))
    reports_from: dict[str, list[Board]] = field(default_factory=lambda: defaultdict(list))
    decisions_citing: dict[str, list[Decision]] = field(default_factory=lambda: defaultdict(list))
    actions: list[Tracked] = field(default_factory=list)  # every action, wherever it is kept (site/tracked.py)
    recommendations: dict[str, Made] = field(default_factory=dict)  # by key <board>/<meeting>/<item>/<n>
    lookups: dict[str, dict[Any, Any]] = field(default_factory=dict)  # per-build lookups (grouped, caches)
    renames: Any = None  # redirects.Renames: what records say they used to be (set by checks.build_site)
    history: History = field(default_factory=History)  # from git (site/history/read.py); unavailable until read

    def grouped(self, name: str, pairs: Pairs | None = None) -> dict[str, list[Any]]:
        """A lookup from key to records, built on first use from ``pairs`` (so pages need not scan everything).

        ``pairs`` defaults to the function registered under ``name`` with ``grouping``; a lookup
        registered so can be rebuilt by name, which a later build needs to tell whether a page
        that used it must be rendered again (site/tracking.py).
        """
        if name not in self.lookups:
            make = pairs if pairs is not None else GROUPINGS[name]
            found: dict[str, list[Any]] = defaultdict(list)
            for key, value in make(self):
                found[key].append(value)
            self.lookups[name] = found
        return self.lookups[name]

    def memo(self, name: str, key: Any, compute: Callable[[], T]) -> T:
        """``compute()``, once per build for each (``name``, ``key``): a value several pages share.

        Use this, not ``lookups``, for a value computed from the site: a tracked build
        (site/tracking.py) then knows what each page that uses it read.
        """
        table = self.lookups.setdefault("memo:" + name, {})
        if key not in table:
            table[key] = compute()
        return cast("T", table[key])

    def attended(self, person_id: str) -> list[Meeting]:
        """Meetings whose attendance names ``person_id``, in record order."""
        return self.grouped("attended").get(person_id, [])

    def records(self, kind: str) -> dict[str, TopLevel]:
        """Records of ``kind`` by key."""
        return self.models[kind]

    @property
    def organisations(self) -> dict[str, Organisation]:
        """Organisations by id."""
        return cast("dict[str, Organisation]", self.models["organisations"])

    @property
    def boards(self) -> dict[str, Board]:
        """Boards by id."""
        return cast("dict[str, Board]", self.models["boards"])

    @property
    def people(self) -> dict[str, Person]:
        """People by id."""
        return cast("dict[str, Person]", self.models["people"])

    @property
    def meetings(self) -> dict[str, Meeting]:
        """Meetings by <board>/<id>."""
        return cast("dict[str, Meeting]", self.models["meetings"])

    @property
    def strategies(self) -> dict[str, Strategy]:
        """Strategies by id."""
        return cast("dict[str, Strategy]", self.models["strategies"])

    @property
    def plans(self) -> dict[str, Plan]:
        """Plans by id."""
        return cast("dict[str, Plan]", self.models["plans"])

    @property
    def work_programmes(self) -> dict[str, WorkProgramme]:
        """Work programmes by id."""
        return cast("dict[str, WorkProgramme]", self.models["work-programmes"])

    @property
    def indicators(self) -> dict[str, Indicator]:
        """Indicators by id."""
        return cast("dict[str, Indicator]", self.models["indicators"])

    @property
    def documents(self) -> dict[str, Document]:
        """Documents by id."""
        return cast("dict[str, Document]", self.models["documents"])

    @property
    def reference(self) -> Reference:
        """The rules the governance figures are measured against (data/reference/)."""
        return self.models.reference

    def values(self, indicator_id: str) -> list[IndicatorValue]:
        """Values of one indicator, in file order."""
        return cast("list[IndicatorValue]", self.models.rows["indicators"].get(indicator_id, []))

    def members_on(self, board_id: str, day: date) -> list[Membership]:
        """Memberships of a board that cover ``day``."""
        board = self.boards.get(board_id)
        if board is None:
            return []
        return [m for m in board.memberships if covers(m, day)]

    def meeting_key(self, meeting: Meeting) -> str:
        """The <board>/<id> key of a meeting."""
        return f"{meeting.board_id}/{meeting.id}"


def covers(membership: Membership, day: date) -> bool:
    """True when the membership is in force on ``day``."""
    return (membership.start is None or membership.start <= day) and (membership.end is None or day <= membership.end)


class Checker:
    """Reports problems at a place inside a record, and resolves references."""

    def __init__(self, models: Models, report: Report) -> None:
        self.models = models
        self.report = report
        self.noted: set[tuple[str, str, str]] = set()

    def at(self, model: Located, loc: tuple[str | int, ...], message: str, warn: bool = False) -> None:
        """Report a problem at ``loc`` inside the record ``model``."""
        origin = model.origin
        emit = self.report.warning if warn else self.report.error
        emit(origin.path, origin.line(loc), format_loc(loc), message)

    def ref(self, model: Located, loc: tuple[str | int, ...], value: str | None, kind: str) -> bool:
        """Check that ``value`` names a record of ``kind``; report it if not."""
        if value is None:
            return True
        known = self.models[kind]
        if value in known:
            return True
        if not self.broken(model, loc, kind, value):
            self.at(model, loc, f"unknown {KIND[kind].singular} '{value}'{did_you_mean(value, known)}")
        return False

    def broken(self, model: Located, loc: tuple[str | int, ...], kind: str, value: str) -> bool:
        """True when the record ``value`` of ``kind`` is in a file with errors; say so where it is referred to.

        Said once per referring file and record: one mistake in a person's file should not add
        a line for every mention of them in a meeting.
        """
        note = broken_note(self.models, kind, value)
        if note is None:
            return False
        seen = (model.origin.path, kind, value)
        if seen not in self.noted:
            self.noted.add(seen)
            self.at(model, loc, note)
        return True

    def refs(self, model: Located, loc: tuple[str | int, ...], values: list[str], kind: str) -> None:
        """Check every id in a list field."""
        for i, value in enumerate(values):
            self.ref(model, (*loc, i), value, kind)

    def source(self, model: Located, loc: tuple[str | int, ...], source: Source | None) -> None:
        """Check that the document a source names exists."""
        if source is not None:
            self.ref(model, (*loc, "source", "document_id"), source.document_id, "documents")

    def references(self, records: dict[str, TopLevel]) -> None:
        """The rules every kind gets: its source exists, and each top-level field named after a kind
        ('board_id', 'indicator_ids') names records of that kind."""
        for record in by_key(records):
            self.source(record, (), record.source)
            for name in type(record).model_fields:
                target = referred_kind(name)
                value = getattr(record, name)
                if target is not None and isinstance(value, list):
                    self.refs(record, (name,), value, target)
                elif target is not None:
                    self.ref(record, (name,), value, target)


def referred_kind(field: str) -> str | None:
    """The kind a field refers to by its name: 'board_id' and 'board_ids' to boards; None for other names."""
    stem = field.removesuffix("_ids") if field.endswith("_ids") else field.removesuffix("_id")
    kind = kind_of_singular(stem) if stem != field else None
    return kind.name if kind else None


def by_key(records: dict[str, Any]) -> list[Any]:
    """The records in the order of their keys."""
    return [records[k] for k in sorted(records)]


def broken_note(models: Models, kind: str, value: str) -> str | None:
    """Say where the record ``value`` of ``kind`` is defined when its file has errors; None if it has none."""
    path = models.broken.get((kind, value))
    if path is None:
        return None
    return f"{KIND[kind].singular} '{value}' is defined in {path}, which has errors (fix them first)"


@grouping("attended")
def _attended(site: Site) -> Iterable[tuple[str, Meeting]]:
    return ((pid, m) for m in site.meetings.values() for pid in dict.fromkeys(a.person_id for a in m.attendance))
