"""Record text full of HTML, Markdown and URL payloads renders inert on every page."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import TODAY, build_site, fixture_text, make_dataset, make_project, run_cli

PAYLOADS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![img](javascript:alert(1))",
    "</title><script>alert(2)</script>",
    "&lt;script&gt;alert(3)&lt;/script&gt;",
    "{{ config }} {% raw %}",
    '"><svg onload=alert(4)>',
    "\u200fevil\u200b\u200d\U0001f600",  # kept invisible characters (bidi overrides are refused at load)
    "{:onclick=alert(5)} {#x .y onmouseover=alert(6)} **b** _e_ [a][1]",  # attr_list and Markdown syntax
]
PAYLOAD = " ".join(PAYLOADS)


class Scanner(HTMLParser):
    """Collects anything that could run: scripts, event handlers, unsafe URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.in_jsonld = False
        self.in_script = False
        self.jsonld: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Flag dangerous tags and attributes."""
        values = dict(attrs)
        if tag == "script":
            self.in_script = True
            self.in_jsonld = values.get("type") == "application/ld+json"
            src = values.get("src") or ""
            if src and "assets/" not in src:
                self.problems.append(f"script from {src}")
        if tag in ("svg", "img", "iframe", "object", "embed") and any(k.startswith("on") for k in values):
            self.problems.append(f"{tag} handler")
        for key, value in attrs:
            if key.startswith("on"):
                self.problems.append(f"{tag} {key}")
            if key in ("href", "src") and value and value.strip().lower().startswith(("javascript:", "data:")):
                self.problems.append(f"{tag} {key}={value}")

    def handle_endtag(self, tag: str) -> None:
        """Leave a JSON-LD block."""
        if tag == "script":
            self.in_jsonld = self.in_script = False

    def handle_data(self, data: str) -> None:
        """Keep JSON-LD text to check it parses; inline theme scripts must carry no record text."""
        if self.in_jsonld:
            self.jsonld.append(data)
        elif self.in_script and "alert(" in data:
            self.problems.append(f"record text inside a script: {data[:80]}")


def hostile_dataset(tmp_path: Path) -> Path:
    """The fixture dataset with payloads in names, titles, verbatim text and Markdown fields."""
    person = fixture_text("people/ann-chair.yml").replace("name: Ann Chair", f"name: {json.dumps('Ann ' + PAYLOAD)}")
    person = person.replace("aliases: [Cllr Chair, A Chair]", f"aliases: [{json.dumps(PAYLOAD)}]")
    meeting = fixture_text("meetings/riverton-hwb/2024-03-14.yml")
    meeting = meeting.replace("title: Joint Health and Wellbeing Strategy 2024-2027", f"title: {json.dumps(PAYLOAD)}")
    meeting = meeting.replace(
        "text: Progress be reported to the Board every six months.", f"text: {json.dumps(PAYLOAD)}"
    )
    meeting = meeting.replace(
        "The Board considered the draft strategy.", PAYLOAD.replace("{%", "").replace("%}", "")
    )
    meeting = meeting.replace("venue: Committee Room 1, Council House, Riverton", f"venue: {json.dumps(PAYLOAD)}")
    board = fixture_text("boards/riverton-hwb.yml").replace(
        "  Brings together the council", "  " + PAYLOAD.replace("{%", "").replace("%}", "") + " Brings together"
    )
    return make_dataset(
        tmp_path,
        {"people/ann-chair.yml": person, "meetings/riverton-hwb/2024-03-14.yml": meeting, "boards/riverton-hwb.yml": board},
    )


@pytest.mark.site
def test_payloads_are_inert_on_every_page(tmp_path: Path) -> None:
    """No page of the built site contains an active payload; JSON-LD still parses."""
    site = build_site(tmp_path, hostile_dataset(tmp_path))
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    shown = 0
    for page in pages:
        text = page.read_text(encoding="utf-8")
        scanner = Scanner()
        scanner.feed(text)
        assert scanner.problems == [], f"{page}: {scanner.problems}"
        for block in scanner.jsonld:
            json.loads(block)
        assert "<script>alert" not in text, page
        shown += "&lt;script&gt;alert(&#39;x&#39;)" in text or "&lt;script&gt;alert('x')" in text
    assert shown >= 3, "the payload text should be shown literally on the pages that carry it"


# Issue 13, broken case 1: a C1 control character made YAML refuse the page's front matter, MkDocs
# dropped it silently, and the JSON line, record HTML and all, was rendered as page text.
STORED = "<img src=x onerror=alert(13)>"


@pytest.mark.site
def test_c1_control_characters_never_reach_a_page(tmp_path: Path) -> None:
    """A U+0080 from a YAML escape or a CSV cell stops the build with its line; no page shows the HTML."""
    person = fixture_text("people/ann-chair.yml").replace("name: Ann Chair", f'name: "Ann \\x80 {STORED}"')
    table = fixture_text("indicators/riverton-smoking.csv").replace("16.0,,\n", f"16.0,\x80 {STORED},\n", 1)
    data = make_dataset(tmp_path, {"people/ann-chair.yml": person, "indicators/riverton-smoking.csv": table})
    project = make_project(tmp_path)
    result = run_cli(
        "--data", str(data), "site", "--docs", str(project / "content"), "--config", str(project / "mkdocs.yml"),
        "--out", str(project / "site"), "--today", TODAY.isoformat(),
    )
    pasted = "delete it; text pasted from a PDF or Word often brings invisible characters"
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{data}/people/ann-chair.yml:2: name: U+0080 (a control character) at character 5 is not allowed in record text ({pasted})" in result.stdout
    assert f"{data}/indicators/riverton-smoking.csv:4: note: U+0080 (a control character) at character 1 is not allowed in record text ({pasted})" in result.stdout
    assert not (project / "site").exists()
