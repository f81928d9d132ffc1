"""The Jinja environment, link helper and labels that every template shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2

from generator import urls
from generator.records.meeting import Meeting
from generator.render.markup import markdown_html
from generator.site import queries as context
from generator.site.graph import Decision
from generator.site.history import when as times
from generator.site.queries import short_date, uk_date

TEMPLATES = Path(__file__).parent / "templates"

BOARD_KINDS = {
    "health-and-wellbeing-board": "Health and Wellbeing Board",
    "health-scrutiny-committee": "Health scrutiny committee",
    "safeguarding-adults-board": "Safeguarding adults board",
    "safeguarding-children-board": "Safeguarding children board",
    "partnership-board": "Partnership board",
    "committee": "Committee",
    "other": "Board",
}
ROLES = {
    "chair": "Chair",
    "vice-chair": "Vice-Chair",
    "deputy-chair": "Deputy Chair",
    "member": "Member",
    "co-opted-member": "Co-opted member",
    "substitute": "Named substitute",
    "adviser": "Adviser",
    "observer": "Observer",
}
ITEM_KINDS = {
    "decision": "For decision",
    "information": "For information",
    "verbal-update": "Verbal update",
    "procedural": "Procedural",
    "discussion": "For discussion",
}
NOTE_LABELS = {
    "source-error": "Note on the source",
    "transcription": "Transcription note",
    "missing": "Missing from the source copy",
    "context": "Context",
    "correction": "Correction",
}
POLARITY = {
    "higher-is-better": "Higher is better",
    "lower-is-better": "Lower is better",
    "no-judgement": "No judgement",
}
VALUE_TYPES = {
    "percentage": "Percentage",
    "rate": "Rate",
    "count": "Count",
    "ratio": "Ratio",
    "years": "Years",
    "pounds": "Pounds",
    "score": "Score",
    "other": "Value",
}


@dataclass
class Linker:
    """Relative links from the page at ``here`` (MkDocs leaves raw HTML links alone)."""

    here: str

    def to(self, url: str) -> str:
        """Relative link to a site URL."""
        return urls.relative(self.here, url)

    def board(self, board_id: str) -> str:
        """Link to a board."""
        return self.to(urls.board_url(board_id))

    def meeting(self, meeting: Meeting) -> str:
        """Link to a meeting."""
        return self.to(urls.meeting_url(meeting.board_id, meeting.id))

    def decision(self, decision: Decision) -> str:
        """Link to a decision."""
        return self.to(decision.url)

    def person(self, person_id: str) -> str:
        """Link to a person."""
        return self.to(urls.person_url(person_id))

    def strategy(self, strategy_id: str) -> str:
        """Link to a strategy."""
        return self.to(urls.strategy_url(strategy_id))

    def indicator(self, indicator_id: str) -> str:
        """Link to an indicator."""
        return self.to(urls.indicator_url(indicator_id))

    def document(self, document_id: str) -> str:
        """Link to a document."""
        return self.to(urls.document_url(document_id))

    def index(self, name: str) -> str:
        """Link to a generated index page."""
        return self.to(urls.index_url(name))


def format_number(value: float | None) -> str:
    """Show a number without a needless '.0'."""
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def format_due(value: date | str) -> str:
    """A due date as UK text, or the printed text such as 'TBC'."""
    return uk_date(value, weekday=False) if isinstance(value, date) else value


def make_env() -> jinja2.Environment:
    """Build the autoescaping environment: every record string renders as literal text."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates do not change during a build; skip a stat() per page
    )
    env.filters.update(uk_date=uk_date, short_date=short_date, md=markdown_html, num=format_number, due=format_due)
    env.filters.update(day=times.day, when=times.when)
    env.globals.update(
        BOARD_KINDS=BOARD_KINDS,
        ROLES=ROLES,
        ITEM_KINDS=ITEM_KINDS,
        NOTE_LABELS=NOTE_LABELS,
        POLARITY=POLARITY,
        VALUE_TYPES=VALUE_TYPES,
        name=context.display_name,
        latest=context.latest_status,
        U=urls,
    )
    return env


def tidy(body: str) -> str:
    """Drop blank lines and indentation so Markdown keeps the HTML as one raw block."""
    text = "\n".join(line.strip() for line in body.splitlines() if line.strip()) + "\n"
    # Wide tables scroll inside a focusable region instead of the whole page on a phone.
    text = text.replace(
        "<table", '<div class="mb-table-wrap" tabindex="0" role="region" aria-label="Scrollable table"><table'
    )
    return text.replace("</table>", "</table></div>")


def plain(text: str) -> str:
    """Collapse white space (for descriptions)."""
    return re.sub(r"\s+", " ", text).strip()
