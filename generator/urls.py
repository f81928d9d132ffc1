"""The only place that knows a record's URL and the file it is written to.

URLs derive from ids only, never from titles, so a title can change without
breaking a link. Every URL is site-relative, with a trailing slash; the page
for URL ``a/b/`` is the Markdown file ``a/b.md`` (MkDocs' directory URLs).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.records.fields import slug
from generator.records.registry import KIND, KINDS, Handlers, Kind

# The longest path a build writes inside site/ is a decision's history page,
# decisions/<board>/<meeting>/<minute>-<suffix>/history/index.html: 212 characters with the longest
# ids, meeting ids, minute numbers and suffixes fields.py allows (100, 40, 32 and 8), and no file or
# folder name is over 105 bytes (file systems allow 255). Inside a sharded build's working folder
# (site.shards/shard-N/site/) that leaves 22 characters for the folder the project sits in under
# Windows' classic 260-character limit. tests/unit/test_limits.py builds such a record and checks.
LONGEST_PATH = 212
LONGEST_NAME = 105

INDEXES = {
    "home": "",
    "boards": "boards/",
    "organisations": "organisations/",
    "meetings": "meetings/",
    "decisions": "decisions/",
    "people": "people/",
    "strategies": "strategies/",
    "indicators": "indicators/",
    "plans": "plans/",
    "recommendations": "recommendations/",
    "governance": "governance/",
    "reference": "reference/data-format/",
    "changes": "changes/",
    "follow": "follow/",
}


# The URL of a record's page, by kind: generic '<kind>/<key>/' ('meetings/<board>/<id>/': a key holds its
# parent's id), unless a kind registers its own. Kinds have distinct folders, so no two kinds' URLs meet.
PAGE_URLS: Handlers[Callable[[str], str]] = Handlers("urls", lambda kind: lambda key: f"{kind.name}/{key}/")


def page_url(kind: str, key: str) -> str:
    """URL of the page of the record of ``kind`` with ``key``."""
    return PAGE_URLS.of(KIND[kind])(key)


def schema_url(singular: str) -> str:
    """URL of the JSON Schema of a kind, named by its singular noun: 'schemas/board.schema.json'."""
    return f"schemas/{singular}.schema.json"


def board_url(board_id: str) -> str:
    """URL of a board page."""
    return f"boards/{board_id}/"


def board_indicators_url(board_id: str) -> str:
    """URL of a board's indicator overview."""
    return f"boards/{board_id}/indicators/"


def follow_url(board_id: str | None = None) -> str:
    """URL of the page on how to follow every board (feeds, calendar, email), or one board.

    A board's is two segments under boards/, like its indicator overview, so no board id can take it.
    """
    return index_url("follow") if board_id is None else f"boards/{board_id}/follow/"


def board_governance_url(board_id: str) -> str:
    """URL of the page of how a board is run: its agenda notice, minutes, quorum, attendance and follow-up."""
    return f"boards/{board_id}/governance/"


def governance_methods_url() -> str:
    """URL of the methods page of the governance figures (one segment under governance/, never a board's)."""
    return "governance/methods/"


def meeting_url(board_id: str, meeting_id: str) -> str:
    """URL of a meeting page; ``meeting_id`` is the date, with -2 for a second that day."""
    return f"meetings/{board_id}/{meeting_id}/"


def decision_key(board_id: str, meeting_id: str, minute: str, suffix: str | None = None) -> str:
    """The permanent key of a decision: <board>/<meeting>/<minute-slug>."""
    tail = slug(minute) + (f"-{suffix}" if suffix else "")
    return f"{board_id}/{meeting_id}/{tail}"


def decision_url(key: str) -> str:
    """URL of a decision page from its key."""
    return f"decisions/{key}/"


def board_decisions_url(board_id: str) -> str:
    """URL of a board's decisions register: its years, with counts.

    One segment under decisions/, where every decision has three (<board>/<meeting>/<minute>),
    so it cannot be the URL of a decision; its file decisions/<board>.md sits beside the folder.
    """
    return f"decisions/{board_id}/"


def decisions_year_url(board_id: str, year: int) -> str:
    """URL of the register of a board's decisions in one year.

    Two segments under decisions/ (a decision has three), so it cannot clash with a decision page
    even when a meeting id is a bare year; the file is decisions/<board>/<year>.md.
    """
    return f"decisions/{board_id}/{year:04d}/"


def recommendation_key(board_id: str, meeting_id: str, item: str, n: str) -> str:
    """The permanent key of a recommendation: <board>/<meeting>/<item>/<n>, from the slugs of printed numbers.

    ``item`` is the item's minute or number as printed (or 'item-<position>' for an unnumbered item), ``n``
    the recommendation's number as printed (or its position).
    """
    return f"{board_id}/{meeting_id}/{slug(item)}/{slug(n)}"


def recommendation_url(key: str) -> str:
    """URL of a recommendation's page: four segments under recommendations/, so no index can take it."""
    return f"recommendations/{key}/"


def recommendations_feed_url(board_id: str) -> str:
    """URL of the Atom feed of one board's recommendations and the responses to them."""
    return f"{FEEDS}recommendations/{board_id}.xml"


def board_meetings_url(board_id: str) -> str:
    """URL of a board's meetings by year (a meeting page has two segments under meetings/)."""
    return f"meetings/{board_id}/"


PEOPLE_LETTERS = "people/a-z/"
OTHER_LETTER = "other"


def people_letter_url(letter: str) -> str:
    """URL of the people whose surnames start with ``letter`` ('a' to 'z', or 'other').

    Two segments under people/, where a person page has one, so no person id can take it.
    """
    return f"{PEOPLE_LETTERS}{letter}/"


def person_url(person_id: str) -> str:
    """URL of a person page."""
    return f"people/{person_id}/"


def strategy_url(strategy_id: str) -> str:
    """URL of a strategy page."""
    return f"strategies/{strategy_id}/"


def indicator_url(indicator_id: str) -> str:
    """URL of an indicator page."""
    return f"indicators/{indicator_id}/"


def indicator_csv_url(indicator_id: str) -> str:
    """URL of the CSV download of an indicator's values, beside its page."""
    return f"indicators/{indicator_id}.csv"


def indicator_csv_path(indicator_id: str) -> str:
    """The file (relative to docs_dir) that serves an indicator's CSV download."""
    return indicator_csv_url(indicator_id)


# Pages about indicators that are not one indicator's. An indicator whose id were 'methods' or
# 'compare' would take these addresses, so those ids are refused (records/indicator.py).
INDICATOR_PAGES = ("methods", "compare")


def indicator_methods_url() -> str:
    """URL of the page that explains every method the indicator pages use."""
    return "indicators/methods/"


def indicator_compare_url(code: str) -> str:
    """URL of the page comparing the boards' areas on one national code ('NI 64' -> indicators/compare/ni-64/)."""
    return f"indicators/compare/{slug(code)}/"


def document_url(document_id: str) -> str:
    """URL of a document's page."""
    return f"documents/{document_id}/"


def index_url(name: str) -> str:
    """URL of a generated index page."""
    return INDEXES[name]


def page_path(url: str) -> str:
    """The Markdown file (relative to docs_dir) that serves ``url``."""
    if url == "":
        return "index.md"
    if url.count("/") == 1 and url.rstrip("/") in INDEXES:
        return url + "index.md"
    return url.rstrip("/") + ".md"


def relative(from_url: str, to_url: str) -> str:
    """A relative link from the page at ``from_url`` to ``to_url`` (both site-relative)."""
    depth = from_url.count("/")
    return "../" * depth + to_url if depth else (to_url or "./")


def url_of_path(rel: str) -> str:
    """The absolute site URL ('/boards/x/') served by a file relative to docs_dir."""
    if not rel.endswith(".md"):
        return "/" + rel
    stem = rel[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return "/" + stem
    return "/" + stem + "/"


def url_of_file(rel: str) -> str:
    """The site-relative URL ('boards/x/', 'feeds/a.xml') served by a file relative to docs_dir."""
    return url_of_path(rel)[1:]


# --- machine-readable exports (generator/exports) ---------------------------

DATA = "data/"
FEEDS = "feeds/"
CALENDARS = "calendars/"


def json_url(page: str) -> str:
    """The JSON twin of the record page at ``page``: 'boards/x/' -> 'boards/x.json'."""
    return page.rstrip("/") + ".json"


def csv_url(table: str) -> str:
    """URL of one bulk CSV table of the data package."""
    return f"{DATA}{table}.csv"


def datapackage_url() -> str:
    """URL of the Frictionless Data Package descriptor."""
    return f"{DATA}datapackage.json"


def data_zip_url() -> str:
    """URL of the zip of the whole data package."""
    return f"{DATA}minutebook-data.zip"


def popolo_url() -> str:
    """URL of the Popolo JSON export (people, organizations, memberships, events)."""
    return f"{DATA}popolo.json"


def decisions_feed_url(board_id: str | None = None) -> str:
    """URL of the Atom feed of decisions: all boards, or one board."""
    return f"{FEEDS}decisions.xml" if board_id is None else f"{FEEDS}decisions/{board_id}.xml"


def meetings_feed_url(board_id: str) -> str:
    """URL of the Atom feed of one board's meetings."""
    return f"{FEEDS}meetings/{board_id}.xml"


def upcoming_feed_url() -> str:
    """URL of the Atom feed of upcoming meetings of every board."""
    return f"{FEEDS}upcoming.xml"


def calendar_url(board_id: str | None = None) -> str:
    """URL of the iCalendar file of meetings: all boards, or one board."""
    return f"{CALENDARS}meetings.ics" if board_id is None else f"{CALENDARS}{board_id}.ics"


# Ids whose page or file the site itself uses, by kind: what a record with that id would collide with.
RESERVED_IDS: dict[str, dict[str, str]] = {
    "boards": {
        calendar_url()[len(CALENDARS) : -len(".ics")]: f"{calendar_url()} is the calendar of every board's meetings"
    },
}


def sitemap_url() -> str:
    """URL of the site's one sitemap (or, past 50,000 pages, its sitemap index); MkDocs' own is switched off."""
    return "sitemap.xml"


def sitemap_part_url(number: int) -> str:
    """URL of one part of a sitemap index, numbered from 1 (only sites over 50,000 pages have parts)."""
    return f"sitemaps/sitemap-{number}.xml"


def robots_url() -> str:
    """URL of robots.txt, which names the sitemap."""
    return "robots.txt"


def history_url(page: str) -> str:
    """URL of the history of the record whose page is at ``page``: 'decisions/b/m/5/' -> 'decisions/b/m/5/history/'.

    One segment deeper than the record's page, named 'history', which no id of a record under that
    page can be (a board's other pages are 'indicators', 'meetings' and 'decisions' registers, under
    other folders).
    """
    return page + "history/"


def changes_url() -> str:
    """URL of the site-wide list of changes, newest first."""
    return INDEXES["changes"]


def changes_feed_url() -> str:
    """URL of the Atom feed of changes to every record."""
    return f"{FEEDS}changes.xml"


# --- sharding (generator/publish/shard.py) ----------------------------------

BOARD_FOLDERS = ("boards/", "meetings/", "decisions/", "recommendations/")


def board_of_path(rel: str) -> str | None:
    """The board whose shard builds the file ``rel`` (relative to docs_dir), or None if site-wide.

    A board's own page and indicator overview, its meetings and its decisions (with the
    registers of each and their JSON twins) belong to it; indexes, people, strategies,
    indicators, feeds and the data package are site-wide.
    """
    for folder in BOARD_FOLDERS:
        if rel.startswith(folder) and rel.count("/") >= 1 and not rel.endswith("/index.md"):
            head = rel[len(folder) :].split("/", 1)[0]
            return head.removesuffix(".md").removesuffix(".json") or None
    return None


# --- the URLs of one record, as patterns (generator/site/redirects.py) -------


# Each field of a pattern is the id of a record of that kind (a decision's is its minute slug,
# with any suffix), or a year. KEY_FIELDS is the key of a record: its own id after its parents'.
def _key_fields(kind: Kind) -> tuple[str, ...]:
    return (*(_key_fields(KIND[kind.parent]) if kind.parent else ()), kind.name)


def _tree() -> dict[str, tuple[str, ...]]:
    """KEY_FIELDS of every kind, each followed by the kinds under it (a decision is under its meeting)."""
    found: dict[str, tuple[str, ...]] = {}

    def add(name: str, fields: tuple[str, ...]) -> None:
        found[name] = fields
        for child in KINDS:
            if child.parent == name:
                add(child.name, (*fields, child.name))
        if name == "meetings":
            found["decisions"] = (*fields, "decisions")
            found["recommendations"] = (*fields, "items", "recommendations")

    for kind in KINDS:
        if kind.parent is None:
            add(kind.name, _key_fields(kind))
    return found


KEY_FIELDS = _tree()
# What each field of a pattern is called when an address is shown with placeholders ('/boards/<board>/').
PLACEHOLDERS = {kind.name: kind.singular for kind in KINDS} | {
    "decisions": "minute",
    "items": "item",
    "recommendations": "n",
    "year": "year",
}
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_FIELD = re.compile(r"\{([a-z]+(?:-[a-z]+)*)\}")  # a kind's name, which may hold hyphens ('work-programmes')


@dataclass(frozen=True)
class Pattern:
    """A URL shape that belongs to one record: ``kind`` names the record, ``role`` what the URL serves."""

    kind: str
    role: str
    template: str

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields of the template, in order."""
        return tuple(_FIELD.findall(self.template))

    @property
    def own(self) -> bool:
        """True when the URL needs nothing but the record's key (no year, no child)."""
        return self.fields == KEY_FIELDS[self.kind]

    @property
    def is_page(self) -> bool:
        """True for an HTML page (a URL ending in '/'); False for a file (feed, JSON, CSV, calendar)."""
        return self.template.endswith("/")

    def fill(self, values: dict[str, str]) -> str:
        """The URL with each field replaced by its value."""
        return _FIELD.sub(lambda found: values[found.group(1)], self.template)


def _extra_shapes(kind: str) -> list[tuple[str, str]]:
    """The (role, template) of the URLs that hang under a record of ``kind`` besides its page."""
    b, m, d = "{boards}", "{meetings}", "{decisions}"
    if kind == "boards":
        return [
            ("indicators", board_indicators_url(b)),
            ("follow", follow_url(b)),
            ("governance", board_governance_url(b)),
            ("meetings", board_meetings_url(b)),
            ("decisions", board_decisions_url(b)),
            ("decisions-year", board_decisions_url(b) + "{year}/"),
            ("decisions-feed", decisions_feed_url(b)),
            ("meetings-feed", meetings_feed_url(b)),
            ("calendar", calendar_url(b)),
            ("recommendations-feed", recommendations_feed_url(b)),
        ]
    if kind == "indicators":
        return [("csv", indicator_csv_url("{indicators}"))]
    if kind == "decisions":
        return [("page", decision_url(f"{b}/{m}/{d}"))]
    if kind == "recommendations":
        return [("page", recommendation_url(f"{b}/{m}/{{items}}/{{recommendations}}"))]
    return []


def _patterns() -> tuple[Pattern, ...]:
    """Every URL shape that hangs under a record, built from the functions above so they cannot drift.

    Per kind: its page (and its JSON twin, exports/records_json), then what else hangs under it.
    """
    shapes = []
    for kind, fields in KEY_FIELDS.items():
        if kind in KIND:
            shapes.append((kind, "page", page_url(kind, "/".join(f"{{{name}}}" for name in fields))))
        shapes += [(kind, role, template) for role, template in _extra_shapes(kind)]
    twins = [(kind, "json", json_url(url)) for kind, role, url in shapes if role == "page"]  # records_json
    histories = [(kind, "history", history_url(url)) for kind, role, url in shapes if role == "page"]  # history pages
    return tuple(Pattern(kind, role, template) for kind, role, template in shapes + twins + histories)


PATTERNS = _patterns()


def _regex(pattern: Pattern) -> re.Pattern[str]:
    def part(text: str) -> str:
        if not text.startswith("{"):
            return re.escape(text)
        name = text[1:-1]
        group = name.replace("-", "_")  # a regex group's name cannot hold a hyphen
        return rf"(?P<{group}>\d{{4}})" if name == "year" else rf"(?P<{group}>{_ID})"

    return re.compile("".join(part(text) for text in re.split(r"(\{[a-z]+(?:-[a-z]+)*\})", pattern.template)))


_MATCHERS = [(pattern, _regex(pattern)) for pattern in PATTERNS]


def match(url: str) -> tuple[Pattern, dict[str, str]] | None:
    """The record pattern a site-relative URL has, with its field values, or None."""
    for pattern, regex in _MATCHERS:
        found = regex.fullmatch(url)
        if found:
            return pattern, {name: found.group(name.replace("-", "_")) for name in pattern.fields}
    return None


def pattern_of(kind: str, role: str) -> Pattern | None:
    """The pattern of ``kind`` that serves ``role``, if that kind has one."""
    return next((p for p in PATTERNS if p.kind == kind and p.role == role), None)
