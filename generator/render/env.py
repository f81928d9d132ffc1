"""The Jinja environment, link helper and labels that every template shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jinja2

from generator import urls
from generator.records.fields import slug
from generator.records.meeting import Meeting
from generator.render.markup import markdown_html
from generator.site import followup
from generator.site import queries as context
from generator.site.graph import Decision
from generator.site.history import when as times
from generator.site.queries import short_date, uk_date
from generator.site.thresholds import RATE_REASON
from generator.site.tracked import ORIGINS, Made

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
ORGANISATION_KINDS = {
    "council": "Council",
    "council-executive": "Council executive",
    "nhs-trust": "NHS trust",
    "nhs-foundation-trust": "NHS foundation trust",
    "clinical-commissioning-group": "Clinical commissioning group",
    "integrated-care-board": "Integrated care board",
    "nhs-england": "NHS England",
    "government-agency": "Government agency",
    "government-department": "Government department",
    "regulator": "Regulator",
    "healthwatch": "Healthwatch",
    "police": "Police",
    "fire": "Fire and rescue service",
    "voluntary": "Voluntary sector body",
    "university": "University",
    "company": "Company",
    "partnership": "Partnership",
    "other": "Organisation",
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
DECLARATION_KINDS = {
    "disclosable-pecuniary": "Disclosable pecuniary interest",
    "other-registrable": "Other registrable interest",
    "non-registrable": "Non-registrable interest",
    "personal": "Personal interest",
    "prejudicial": "Prejudicial interest",
    "scrutiny-interest": "Scrutiny interest",
    "party-whip": "Party whip",
    "other": "Other declaration",
}
REFERRAL_KINDS = {"referral": "Referral", "call-in": "Call-in"}
PLAN_KINDS = {
    "action-plan": "Action plan",
    "business-plan": "Business plan",
    "improvement-plan": "Improvement plan",
    "tracker": "Tracker",
    "other": "Plan",
}
# How a response or referral outcome reads in a sentence ("accepted", "partly accepted").
OUTCOME_WORDS = {
    "accepted": "accepted",
    "partly-accepted": "partly accepted",
    "rejected": "rejected",
    "noted": "noted",
    "other": "other (see the words as printed)",
    "upheld": "upheld",
    "referred-back": "referred back",
    "no-further-action": "no further action",
    "pending": "pending when printed",
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

    def organisation(self, organisation_id: str) -> str:
        """Link to an organisation."""
        return self.to(urls.page_url("organisations", organisation_id))

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

    def plan(self, plan_id: str) -> str:
        """Link to a plan."""
        return self.to(urls.page_url("plans", plan_id))

    def work_programme(self, programme_id: str) -> str:
        """Link to a work programme."""
        return self.to(urls.page_url("work-programmes", programme_id))

    def recommendation(self, made: Made) -> str:
        """Link to a recommendation's page."""
        return self.to(made.url)

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


def format_month(value: str) -> str:
    """A month written YYYY-MM as 'January 2015'."""
    year, month = (int(part) for part in value.split("-"))
    return f"{date(year, month, 1):%B} {year}"


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
    env.filters.update(
        uk_date=uk_date,
        short_date=short_date,
        md=markdown_html,
        num=format_number,
        due=format_due,
        slug=slug,
        month=format_month,
        day=times.day,
        when=times.when,
    )
    env.globals.update(
        BOARD_KINDS=BOARD_KINDS,
        ORGANISATION_KINDS=ORGANISATION_KINDS,
        ROLES=ROLES,
        RATE_REASON=RATE_REASON,
        ITEM_KINDS=ITEM_KINDS,
        NOTE_LABELS=NOTE_LABELS,
        POLARITY=POLARITY,
        VALUE_TYPES=VALUE_TYPES,
        name=context.display_name,
        latest=followup.latest_status,
        status_text=followup.describe_status,
        item_anchor=followup.item_anchor,
        ORIGINS=ORIGINS,
        DECLARATION_KINDS=DECLARATION_KINDS,
        REFERRAL_KINDS=REFERRAL_KINDS,
        PLAN_KINDS=PLAN_KINDS,
        OUTCOME_WORDS=OUTCOME_WORDS,
        U=urls,
    )
    return env


def plain(text: str) -> str:
    """Collapse white space (for descriptions)."""
    return re.sub(r"\s+", " ", text).strip()
