"""The payload corpus (tests/fixtures/payloads.txt) in every kind of field: inert everywhere, or refused."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import pytest

from generator.exports.cells import FORMULA_STARTS
from generator.records.fields import MAX_LINE, MAX_PROSE
from tests.conftest import ROOT, build_site, check_lines, fixture_text, make_dataset
from tests.site.test_injection import Scanner

CORPUS = ROOT / "tests" / "fixtures" / "payloads.txt"
MARKER = "1337"  # 7*191: a template that was evaluated would print this
BOARD = "boards/riverton-hwb.yml"
NEW_MEETING = "meetings/riverton-hwb/2024-09-19.yml"


def load_payloads() -> list[str]:
    """The corpus, escapes decoded, plus over-long strings."""
    payloads = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("# "):
            continue
        line = re.sub(r"\\u([0-9a-f]{4})", lambda m: chr(int(m.group(1), 16)), line)
        payloads.append(line.replace("\\r", "\r").replace("\\n", "\n"))
    payloads.append("A" * 20_000 + "<script>alert('long1')</script>")
    payloads.append(("<b>" * 2_000) + "unclosed")
    payloads.append("\u202e" * 500 + "x" + "\u200b" * 500)
    return payloads


PAYLOADS = load_payloads()
SHORT = [p for p in PAYLOADS if len(p) < 1_000]
SAFE_URL = next(p for p in PAYLOADS if p.startswith("https://example.org/?q={{"))  # valid, yet full of syntax


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON is YAML)."""
    return json.dumps(text)


def fit(text: str, limit: int = MAX_LINE) -> str:
    """The end of ``text`` within a field's length limit (longer is refused): a long payload ends in its active part."""
    return text if len(text) <= limit else text[-limit:]


def people_files() -> dict[str, str]:
    """One person per payload: name, job title, organisation and aliases."""
    return {
        f"people/p-{i}.yml": f"id: p-{i}\nname: {q(fit('P ' + p))}\njob_title: {q(fit(p))}\norganisation: {q(fit(p))}\n"
        f"aliases: [{q(fit(p))}, {q(fit('alias ' + p))}]\n"
        for i, p in enumerate(PAYLOADS)
    }


def meeting_file() -> str:
    """A held meeting with one item, resolution and action per payload, and guests named by payloads."""
    lines = [
        "id: 2024-09-19", "board_id: riverton-hwb", "date: 2024-09-19", "status: held",
        f"title: {q(fit(' '.join(SHORT[:20])))}", f"venue: {q(fit(SHORT[0] + ' ' + SHORT[-1]))}",
        f"webcast: {q(SAFE_URL)}", "attendance:", "  - person_id: ann-chair", "    status: present",
    ]
    for i in range(0, len(PAYLOADS), 7):
        lines += [f"  - person_id: p-{i}", "    status: guest", f"    capacity: {q(fit(PAYLOADS[i]))}"]
    lines.append("items:")
    for i, p in enumerate(PAYLOADS):
        lines += [
            f'  - number: "{i + 1}"', f'    minute: "{i + 1}/24"', f"    title: {q(fit(p))}", "    kind: decision",
            f"    summary: {q(p)}", f"    minutes: {q(p)}",
            "    resolutions:", f"      - preamble: {q(fit(p, MAX_PROSE))}", "        outcome: approved",
            f"        parts: [{{label: {q(p[:40])}, text: {q(fit(p, MAX_PROSE))}}}]",
            "    actions:", f"      - id: a{i}", f"        text: {q(fit(p, MAX_PROSE))}", f"        owner: {q(fit(p))}",
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
    """At least fifty payloads, covering each family the issue names."""
    assert len(PAYLOADS) >= 50
    text = "\n".join(PAYLOADS).lower()
    for needle in ("<script", "onerror=", "javascript:", "data:", "](", "&lt;", "{{", "{%", "\u202e", "\u200b", "=cmd"):
        assert needle in text, needle
    assert max(len(p) for p in PAYLOADS) >= 20_000


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
        f"indicators/riverton-smoking.yml:12: source.document_id: {has_errors}",
    ]
