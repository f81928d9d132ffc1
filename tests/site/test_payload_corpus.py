"""The payload corpus (tests/fixtures/payloads.txt) in every kind of field: inert everywhere, or refused."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import icalendar
import pytest

from generator.exports.cells import FORMULA_STARTS, neutralise
from generator.records.fields import MAX_LINE, MAX_PROSE
from generator.ingest.load_csv import MAX_CELL
from generator.records.mdlimits import MAX_BLOCK_CHARS, markdown_problem
from tests.conftest import ROOT, build_site, check_lines, fixture_text, make_dataset
from tests.site.test_injection import Scanner

CORPUS = ROOT / "tests" / "fixtures" / "payloads.txt"
MARKER = "1337"  # 7*191: a template that was evaluated would print this
BOARD = "boards/riverton-hwb.yml"
NEW_MEETING = "meetings/riverton-hwb/2024-09-19.yml"


ESCAPES = {"r": "\r", "n": "\n", "t": "\t"}
# The classes generator/charset.py refuses, written out again here so the test does not trust it.
REFUSED_RANGES = [
    (0x00, 0x08), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F), (0x2028, 0x2029), (0xD800, 0xDFFF),
    (0x202A, 0x202E), (0x2066, 0x2069), (0xFEFF, 0xFEFF), (0xFDD0, 0xFDEF),
    *((plane * 0x10000 + 0xFFFE, plane * 0x10000 + 0xFFFF) for plane in range(17)),
]


def first_refused(text: str) -> int | None:
    """Index of the first character of a refused class, or None."""
    return next((i for i, ch in enumerate(text) if any(lo <= ord(ch) <= hi for lo, hi in REFUSED_RANGES)), None)


def load_payloads() -> list[str]:
    """The corpus, escapes decoded, plus over-long strings."""
    payloads = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("# "):
            continue
        line = re.sub(
            r"\\(u[0-9a-f]{4}|U[0-9a-f]{8}|[rnt])",
            lambda m: ESCAPES.get(m.group(1)) or chr(int(m.group(1)[1:], 16)),
            line,
        )
        payloads.append(line)
    payloads.append("A" * 20_000 + "<script>alert('long1')</script>")
    payloads.append(("<b>" * 2_000) + "unclosed")
    payloads.append("\u200f" * 500 + "x" + "\u200b" * 500)
    payloads.append("\u202e" * 500 + "x" + "\u200b" * 500)
    return payloads


ALL = load_payloads()
PAYLOADS = [p for p in ALL if first_refused(p) is None]  # kept: shown literally everywhere
REFUSED = [p for p in ALL if first_refused(p) is not None]  # refused at load with their message
SHORT = [p for p in PAYLOADS if len(p) < 1_000]
SAFE_URL = next(p for p in PAYLOADS if p.startswith("https://example.org/?q={{"))  # valid, yet full of syntax
def fit(text: str, limit: int = MAX_LINE) -> str:
    """The end of ``text`` within a field's length limit (longer is refused): a long payload ends in its active part."""
    return text if len(text) <= limit else text[-limit:]


MEETING_TITLE = fit(" ".join(SHORT[:20] + [p for p in SHORT if not p.isascii()]))  # shown in calendars too
MEETING_VENUE = fit(SHORT[0] + " " + SHORT[-1])


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON is YAML)."""
    return json.dumps(text)


def people_files() -> dict[str, str]:
    """One person per payload: name, job title, organisation and aliases."""
    return {
        f"people/p-{i}.yml": f"id: p-{i}\nname: {q(fit('P ' + p))}\nposts: [{{title: {q(fit(p))}, organisation: {q(fit(p))}}}]\n"
        f"aliases: [{q(fit(p))}, {q(fit('alias ' + p))}]\n"
        for i, p in enumerate(PAYLOADS)
    }


def within_bounds(text: str) -> str:
    """The payload, cut to fit a Markdown field's bounds when it is longer (tests/unit/test_markdown_limits.py)."""
    return text if markdown_problem(text) is None else text[: MAX_BLOCK_CHARS // 2]


def meeting_file() -> str:
    """A held meeting with one item, resolution and action per payload, and guests named by payloads."""
    lines = [
        "id: 2024-09-19", "board_id: riverton-hwb", "date: 2024-09-19", "status: held",
        f"title: {q(MEETING_TITLE)}", f"venue: {q(MEETING_VENUE)}",
        f"webcast: {q(SAFE_URL)}", "attendance:", "  - person_id: ann-chair", "    status: present",
    ]
    for i in range(0, len(PAYLOADS), 7):
        lines += [f"  - person_id: p-{i}", "    status: guest", f"    capacity: {q(fit(PAYLOADS[i]))}"]
    lines.append("items:")
    for i, p in enumerate(PAYLOADS):
        lines += [
            f'  - number: "{i + 1}"', f'    minute: "{i + 1}/24"', f"    title: {q(fit(p))}", "    kind: decision",
            f"    summary: {q(within_bounds(p))}", f"    minutes: {q(within_bounds(p))}",
            "    resolutions:", f"      - preamble: {q(fit(p, MAX_PROSE))}", "        outcome: approved",
            f"        parts: [{{label: {q(p[:40])}, text: {q(fit(p, MAX_PROSE))}}}]",
            "    actions:", f"      - id: a{i}", f"        text: {q(fit(p, MAX_PROSE))}", f"        owners_printed: {q(fit(p))}",
            "        due: TBC",
        ]
    return "\n".join(lines) + "\n"


def hostile_dataset(tmp_path: Path) -> Path:
    """The fixture dataset with the corpus in every kind of text field."""
    every = "\n\n".join(SHORT)
    board = fixture_text(BOARD).replace("website: https://riverton.example/hwb", f"website: {q(SAFE_URL)}")
    board = board.replace("name: Sam Clerk, Governance Services", f"name: {q(fit(every))}")
    board = board.replace("seat: Healthwatch Riverton", f"seat: {q(fit(every))}")
    board = re.sub(r"purpose: \|\n(  .*\n)+", lambda _m: f"purpose: {q(every)}\n", board)
    board = re.sub(r"terms_of_reference: \|\n(  .*\n)+", lambda _m: f"terms_of_reference: {q(every)}\n", board)
    strategy = fixture_text("strategies/riverton-jhws.yml").replace(
        "title: A good start in life", f"title: {q(fit(every))}"
    ).replace("summary: Three priorities for a healthier Riverton.", f"summary: {q(every)}")
    indicator = fixture_text("indicators/riverton-smoking.yml").replace(
        "definition: Percentage of adults aged 18 and over who smoke.", f"definition: {q(every)}"
    ).replace("framework: Public Health Outcomes Framework", f"framework: {q(SHORT[1])}")
    document = fixture_text("documents/riverton-hwb-2024-06-20-pack.yml").replace(
        "title: Riverton HWB agenda pack, 20 June 2024", f"title: {q(fit(SHORT[2] + ' ' + SHORT[-3]))}"
    )
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for i, p in enumerate(SHORT):
        writer.writerow(["2024", fit(f"{i} {p}"), "", f"{i}.5", "", "", "", p])
    files: dict[str, str | bytes] = {
        BOARD: board, NEW_MEETING: meeting_file(), "strategies/riverton-jhws.yml": strategy,
        "indicators/riverton-smoking.yml": indicator, "documents/riverton-hwb-2024-06-20-pack.yml": document,
        "indicators/riverton-smoking.csv": fixture_text("indicators/riverton-smoking.csv") + out.getvalue(),
    }
    return make_dataset(tmp_path, files | people_files())


def test_corpus_is_large_and_varied() -> None:
    """At least fifty kept payloads, covering each family the issue names, and a refused one of every class."""
    assert len(PAYLOADS) >= 50
    text = "\n".join(PAYLOADS).lower()
    needles = ("<script", "onerror=", "javascript:", "data:", "](", "&lt;", "{{", "{%", "\u200b", "=cmd")
    needles += ("{: onclick", "{#", "# heading", "**bold**", "_em_", "[1]: javascript:", "\u200e", "\u200d", "\u2060")
    for needle in needles:
        assert needle in text, needle
    assert max(len(p) for p in PAYLOADS) >= 20_000
    refused = {ord(ch) for p in REFUSED for ch in p}
    for low, high in REFUSED_RANGES[:10]:
        assert any(low <= code <= high for code in refused), hex(low)
    assert any(code > 0xFFFF for code in refused)  # a noncharacter beyond the first plane


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile dataset built once (one mkdocs build)."""
    tmp = tmp_path_factory.mktemp("corpus")
    return build_site(tmp, hostile_dataset(tmp))


URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "background", "poster", "data", "srcset"}


class StrictScanner(Scanner):
    """Also flags refresh, form and base tags that point at script."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Flag script URLs in any attribute, besides what Scanner flags."""
        super().handle_starttag(tag, attrs)
        values = dict(attrs)
        refresh = tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh"
        for key, value in attrs:
            is_url = key in URL_ATTRS or (refresh and key == "content")
            if is_url and value and re.search(r"(javascript|vbscript|data):", value, re.I):
                self.problems.append(f"{tag} {key}={value[:60]}")


def scan_html(text: str, where: str) -> None:
    """Fail if HTML text holds anything that could run; JSON-LD must still parse."""
    scanner = StrictScanner()
    scanner.feed(text)
    assert scanner.problems == [], f"{where}: {scanner.problems[:5]}"
    for block in scanner.jsonld:
        json.loads(block)
        assert not re.search("[<>&]", block), f"{where}: JSON-LD holds raw markup: {block[:80]}"
    # A page whose front matter MkDocs dropped shows it as text: its 'feeds' key would be on the page.
    assert '"feeds"' not in text and "&#34;feeds&#34;" not in text and "&quot;feeds&quot;" not in text, where
    lowered = text.lower()
    for active in ("<script>alert", "<svg onload", "<img src=x onerror", "<iframe", "<object", "<base "):
        assert active not in lowered, f"{where}: {active}"
    assert MARKER not in text, f"{where}: a template was evaluated"


@pytest.mark.site
def test_every_page_is_inert(hostile_site: Path) -> None:
    """No built page holds an active payload, and the payload text is shown literally."""
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 2 * len(PAYLOADS)
    for page in pages:
        scan_html(page.read_text(encoding="utf-8"), str(page.relative_to(hostile_site)))
    decision = (hostile_site / "decisions/riverton-hwb/2024-09-19/1-24/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in decision and "s1" in decision


@pytest.mark.site
def test_feeds_and_sitemaps_are_inert(hostile_site: Path) -> None:
    """Every XML export parses, carries text (never HTML) content, and links only to the site."""
    files = [p for p in hostile_site.rglob("*.xml")] + [p for p in hostile_site.rglob("*.atom")]
    assert any("feeds" in p.parts for p in files)
    for path in files:
        root = ET.parse(path).getroot()
        for node in root.iter():
            assert node.get("type") in (None, "text", "application/atom+xml", "text/html"), f"{path}: {node.tag}"
            href = node.get("href") or (node.text if node.tag.endswith("}loc") else None)
            if href:
                assert href.startswith("https://minutebook.example.org/"), f"{path}: {href[:80]}"
        assert MARKER not in path.read_text(encoding="utf-8"), path


@pytest.mark.site
def test_calendars_are_inert(hostile_site: Path) -> None:
    """Line breaks in record text cannot add events, alarms or properties to a calendar."""
    calendars = sorted(hostile_site.rglob("*.ics"))
    assert calendars
    for path in calendars:
        cal = icalendar.Calendar.from_ical(path.read_bytes())
        events = list(cal.walk("VEVENT"))
        assert not list(cal.walk("VALARM")), path
        assert all(str(e.get("SUMMARY")) != "injected" for e in events), path
        assert all(str(e.get("DTSTART").dt.year) != "1970" for e in events), path
        uids = [str(e.get("UID")) for e in events]
        assert len(uids) == len(set(uids)), path
    board = icalendar.Calendar.from_ical((hostile_site / "calendars/riverton-hwb.ics").read_bytes())
    assert len(list(board.walk("VEVENT"))) == 4


@pytest.mark.site
def test_json_exports_parse_and_keep_text(hostile_site: Path) -> None:
    """Every JSON export parses, and the payload text survives unchanged (it is data, not markup)."""
    files = sorted(hostile_site.rglob("*.json"))
    assert files
    texts = [path.read_text(encoding="utf-8") for path in files]
    for path, text in zip(files, texts, strict=True):
        json.loads(text)
        assert MARKER not in text, path
    assert any(PAYLOADS[0] in json.dumps(json.loads(t), ensure_ascii=False) for t in texts)


@pytest.mark.site
def test_csv_exports_neutralise_formulas(hostile_site: Path) -> None:
    """No CSV cell can be read as a spreadsheet formula; numbers are the only cells that start with '-'."""
    files = sorted(hostile_site.rglob("*.csv"))
    assert len(files) > 3
    seen = False
    for path in files:
        for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))):
            for value in row:
                seen |= value.startswith("'=cmd")
                if value.startswith(FORMULA_STARTS):
                    assert re.fullmatch(r"-\d+(\.\d+)?", value), f"{path}: {value[:60]!r}"
    assert seen, "the formula payloads should appear, neutralised"


def test_ids_refuse_every_payload(tmp_path: Path) -> None:
    """A payload used as an id is refused with its message, in every file that carries one."""
    files = {f"people/x-{i}.yml": f"id: {q(p)}\nname: A\n" for i, p in enumerate(SHORT)}
    lines = check_lines(make_dataset(tmp_path, files))
    assert len(lines) == len(SHORT)
    for line in lines:
        assert re.fullmatch(r"people/x-\d+\.yml:1: id: '.*' is not a valid id \(use lowercase .*\)", line), line


@pytest.mark.parametrize("payload", [p for p in SHORT if re.match(r"\s*(javascript|data|vbscript|jav)", p, re.I)])
def test_url_fields_refuse_unsafe_schemes(tmp_path: Path, payload: str) -> None:
    """A web-address field refuses javascript:, data: and vbscript: addresses with one message."""
    board = fixture_text(BOARD).replace("website: https://riverton.example/hwb", f"website: {q(payload)}")
    lines = check_lines(make_dataset(tmp_path, {BOARD: board}))
    own = [line for line in lines if line.startswith(f"{BOARD}:")]
    assert len(own) == 1
    assert own[0].startswith(f"{BOARD}:18: website: '")
    assert own[0].endswith("' is not a web address (it must start with https:// or http://)")
    # The other lines are where the board is referred to, each saying its file has errors.
    assert all(line.endswith(f"is defined in {BOARD}, which has errors (fix them first)") for line in lines if line not in own)


def test_url_with_quotes_is_refused(tmp_path: Path) -> None:
    """An address that would break out of an HTML attribute is refused."""
    payload = "https://example.org/\"><script>alert('u6')</script>"
    document = fixture_text("documents/riverton-hwb-2024-06-20-pack.yml").replace(
        "url: https://riverton.example/papers/2024-06-20.pdf", f"url: {q(payload)}"
    )
    has_errors = (
        "document 'riverton-hwb-2024-06-20-pack' is defined in documents/riverton-hwb-2024-06-20-pack.yml, "
        "which has errors (fix them first)"
    )
    assert check_lines(make_dataset(tmp_path, {"documents/riverton-hwb-2024-06-20-pack.yml": document})) == [
        f"{BOARD}:33: source.document_id: {has_errors}",
        f"documents/riverton-hwb-2024-06-20-pack.yml:5: url: '{payload}' is not a web address "
        "(it must start with https:// or http://)",
        *[
            f"indicators/riverton-{name}.yml:{line}: source.document_id: {has_errors}"
            for name, line in (("feel-safe", 12), ("mash-costs", 10), ("sab-feel-safe", 11), ("screening", 13), ("smoking", 12))
        ],
    ]


def raw_q(text: str) -> str:
    """A YAML double-quoted scalar holding every character raw but the quote, backslash and line breaks."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def expected_refusal(where: str, text: str, at: str) -> re.Pattern[str]:
    """The message for the first refused character of ``text``: its code point, then what to do."""
    index = first_refused(text)
    assert index is not None
    return re.compile(
        rf"{re.escape(where)}: U\+{ord(text[index]):04X} \([^()]+\) {at.format(index + 1)}"
        r"is not allowed in record text \([^()]+\)"
    )


def test_refused_payloads_are_refused_as_yaml_escapes(tmp_path: Path) -> None:
    """Every refused payload written with YAML escapes (as JSON writes it) is refused, naming its character."""
    files = {f"people/r-{i}.yml": f"id: r-{i}\nname: R\nhonorific: {q(p)}\n" for i, p in enumerate(REFUSED)}
    lines = check_lines(make_dataset(tmp_path, files))
    assert len(lines) == len(REFUSED), lines
    for i, p in enumerate(REFUSED):
        pattern = expected_refusal(f"people/r-{i}.yml:3: honorific", p, "at character {} ")
        assert any(pattern.fullmatch(line) for line in lines), (p[:40], pattern.pattern)


def test_refused_payloads_are_refused_raw_in_yaml(tmp_path: Path) -> None:
    """Every refused payload typed into a YAML file (raw) is refused at its line and column."""
    typed = [p for p in REFUSED if not any("\ud800" <= ch <= "\udfff" for ch in p)]  # UTF-8 cannot hold a half pair
    files = {f"people/r-{i}.yml": f"id: r-{i}\nname: R\nhonorific: {raw_q(p)}\n" for i, p in enumerate(typed)}
    lines = check_lines(make_dataset(tmp_path, files))
    assert len(lines) == len(typed), lines
    for i, p in enumerate(typed):
        column = first_refused(f"honorific: {raw_q(p)}") + 1  # type: ignore[operator]
        pattern = expected_refusal(f"people/r-{i}.yml:3:{column}", p, "")
        assert any(pattern.fullmatch(line) for line in lines), (p[:40], pattern.pattern)


def test_refused_payloads_are_refused_in_csv_cells(tmp_path: Path) -> None:
    """Every refused payload in a CSV cell is refused at the line where its row ends, naming the column."""
    # Each payload cut to a cell's length limit (a longer cell is refused for its length first).
    typed = [fit(p, MAX_CELL) for p in REFUSED if not any("\ud800" <= ch <= "\udfff" for ch in p)]
    out = io.StringIO()
    rows = [["2030", f"r{i}", "", "1.5", "", "", "", "", p, ""] for i, p in enumerate(typed)]  # the note is column 9
    csv.writer(out, lineterminator="\n").writerows(rows)
    text = fixture_text("indicators/riverton-smoking.csv") + out.getvalue()
    lines = check_lines(make_dataset(tmp_path, {"indicators/riverton-smoking.csv": text}))
    assert len(lines) == len(typed), lines
    rows = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")))
    ends = [rows.line_num for _ in rows][-len(typed) :]
    for line, p in zip(ends, typed, strict=True):
        pattern = expected_refusal(f"indicators/riverton-smoking.csv:{line}: note", p, "at character {} ")
        assert any(pattern.fullmatch(got) for got in lines), (p[:40], pattern.pattern)


class TextOf(HTMLParser):
    """The text a reader sees: character references decoded, scripts and styles left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.heading: list[str] = []  # the text of the page's <h1>, markup inside it included
        self.hidden = 0
        self.in_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter a script or style; note any element inside the heading."""
        self.hidden += tag in ("script", "style")
        if self.in_h1:
            self.heading.append(f"<{tag}>")
        self.in_h1 |= tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        """Leave a script, style or the heading."""
        self.hidden -= tag in ("script", "style")
        self.in_h1 &= tag != "h1"

    def handle_data(self, data: str) -> None:
        """Keep visible text."""
        if not self.hidden:
            self.parts.append(data)
        if self.in_h1:
            self.heading.append(data)


def norm(text: str) -> str:
    """Text as a browser shows it outside <pre>: every run of white space is one space."""
    return " ".join(text.split())


def page_text(path: Path) -> tuple[str, str]:
    """What a reader sees of an HTML page, and of its heading, white space collapsed."""
    parser = TextOf()
    parser.feed(path.read_text(encoding="utf-8"))
    return norm("".join(parser.parts)), norm("".join(parser.heading))


def csv_rows(path: Path) -> dict[str, dict[str, str]]:
    """A CSV export's rows by id, read as a spreadsheet would (line breaks in cells kept)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["id"]: row for row in csv.DictReader(handle)}


@pytest.mark.site
def test_kept_payloads_are_literal_on_pages_feeds_and_exports(hostile_site: Path) -> None:
    """Every kept payload in a plain-text field reads exactly as typed: on its pages, in the feed, JSON and CSV."""
    posts, items = csv_rows(hostile_site / "data/posts.csv"), csv_rows(hostile_site / "data/agenda_items.csv")
    feed = norm(" ".join(ET.parse(hostile_site / "feeds/decisions.xml").getroot().itertext()))
    for i, payload in enumerate(PAYLOADS):
        # Each field holds the payload cut to its length limit, as the dataset above writes it.
        line, prose = fit(payload), fit(payload, MAX_PROSE)
        typed, shown = line.strip(), norm(line)
        text, heading = page_text(hostile_site / f"people/p-{i}/index.html")
        assert heading == norm(fit("P " + payload)) and shown in text, (i, payload[:60])
        twin = json.loads((hostile_site / f"people/p-{i}.json").read_text(encoding="utf-8"))
        assert twin["posts"][0]["title"] == typed
        assert posts[f"p-{i}/1"]["title"] == neutralise(typed), (i, payload[:60])
        decision = hostile_site / f"decisions/riverton-hwb/2024-09-19/{i + 1}-24"
        text, heading = page_text(decision / "index.html")
        assert heading == shown and shown in text, (i, payload[:60])
        assert json.loads(decision.with_suffix(".json").read_text(encoding="utf-8"))["preamble"] == prose.strip()
        assert items[f"riverton-hwb/2024-09-19/{i + 1}"]["title"] == neutralise(typed), (i, payload[:60])
        assert norm(prose) in feed, (i, payload[:60])


@pytest.mark.site
def test_kept_payloads_are_literal_in_calendars(hostile_site: Path) -> None:
    """The meeting's title and venue, built from payloads, read as typed in its calendar event."""
    cal = icalendar.Calendar.from_ical((hostile_site / "calendars/riverton-hwb.ics").read_bytes())
    event = next(e for e in cal.walk("VEVENT") if e.get("DTSTART").dt.isoformat() == "2024-09-19")
    assert norm(MEETING_TITLE) in norm(str(event.get("SUMMARY")))
    assert norm(str(event.get("LOCATION"))) == norm(MEETING_VENUE)
