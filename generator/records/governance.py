"""Rules the governance figures are measured against: data/reference/governance.yml and bank-holidays.csv.

They are reference data, not records of a board: how clear days are counted, which notice period applies to
which kind of body, and the statutory periods for a response to a scrutiny recommendation. They live in data
(never in code) so a reader can check them, and a change of law or of reading is a change of data.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar

from pydantic import model_validator

from generator.records.board import BOARD_KINDS
from generator.records.common import F, Record
from generator.records.fields import Count, IsoDate, LongText, OneOf, Text, Url, YesNo, fail, fail_at
from generator.records.organisation import ORGANISATION_KINDS

VERIFIED = (
    ("quoted", "the words quoted were read in the legislation at the address given"),
    ("not-verified", "the text could not be read in the legislation itself; the page says so"),
)


class LegalSource(Record):
    """A law, case or guidance a rule rests on, with what it says where its text was read."""

    shown: ClassVar[str] = "the governance methods page"

    title: Text = F("The law or document, as it is cited.", "Local Government Act 1972, section 100B")
    url: Url | None = F("Where it can be read.", "https://www.legislation.gov.uk/ukpga/1972/70/section/100B")
    quote: LongText | None = F("Its words, verbatim, where they were read.", default=None)
    verified: Annotated[str, OneOf(*VERIFIED)] = F("Whether the quoted words were read at the address.", "quoted")


class ClearDays(Record):
    """How clear days are counted between an agenda's date and its meeting."""

    shown: ClassVar[str] = "the governance methods page, and beside each agenda's notice"

    rule: LongText = F("The counting rule in words, as the methods page shows it.")
    exclude_weekends: YesNo = F("Whether Saturdays and Sundays are left out of the count.", "yes")
    exclude_bank_holidays: YesNo = F("Whether bank holidays (bank-holidays.csv) are left out of the count.", "yes")
    sources: list[LegalSource] = F("Case law and guidance on the counting.", default=[])


class NoticeRule(Record):
    """The notice an agenda needs for one kind of body (first matching rule wins)."""

    shown: ClassVar[str] = "the board's governance section and the methods page"

    board_kinds: list[Annotated[str, OneOf(*BOARD_KINDS)]] = F("Kinds of board it applies to.", min_length=1)
    organisation_kinds: list[Annotated[str, OneOf(*ORGANISATION_KINDS)]] = F(
        "Only when the board belongs to an organisation of one of these kinds (empty: any).", default=[]
    )
    applies: YesNo = F("no when no statutory notice period applies to such a body ('not applicable').", "yes")
    days: Count | None = F("Clear days the rule asks for.", "5", default=None)
    law: Text = F("The rule, as the page cites it.", "Local Government Act 1972, Part VA (section 100B)")
    why: LongText | None = F("Why the rule applies, or does not, to such a body.", default=None)
    sources: list[LegalSource] = F("The law the rule rests on.", default=[])

    @model_validator(mode="after")
    def _check(self) -> NoticeRule:
        if self.applies and self.days is None:
            raise fail_at("days", "a rule that applies needs its number of clear days")
        if not self.applies and self.days is not None:
            raise fail_at("days", "a rule that does not apply has no days (leave them out)")
        return self


class ResponsePeriod(Record):
    """The period within which an addressee must respond to a scrutiny recommendation."""

    shown: ClassVar[str] = "the board's governance section (scrutiny) and the methods page"

    addressee_kinds: list[Annotated[str, OneOf(*ORGANISATION_KINDS)]] = F(
        "Kinds of organisation the period binds.", min_length=1
    )
    days: Count | None = F("The period in days.", "28", default=None)
    months: Count | None = F("The period in calendar months.", "2", default=None)
    law: Text = F("The provision, as the page cites it.")
    sources: list[LegalSource] = F("The law the period rests on.", default=[])

    @model_validator(mode="after")
    def _check(self) -> ResponsePeriod:
        if (self.days is None) == (self.months is None):
            raise fail("give the period in days or in months (one of them)")
        return self

    @property
    def words(self) -> str:
        """The period as pages say it: '28 days', '2 months'."""
        if self.days is not None:
            return f"{self.days} days"
        return f"{self.months} month{'s' if self.months != 1 else ''}"


class BankHolidays(Record):
    """Where the table of bank holidays comes from."""

    shown: ClassVar[str] = "the governance methods page"

    division: Text = F("The part of the UK the holidays are for.", "England and Wales")
    sources: list[LegalSource] = F("Where the dates were read.", min_length=1)


class GovernanceRules(Record):
    """data/reference/governance.yml."""

    shown: ClassVar[str] = "the governance pages"

    clear_days: ClearDays = F("How clear days are counted.")
    notice_rules: list[NoticeRule] = F("Notice rules by kind of body, first match wins.", min_length=1)
    response_periods: list[ResponsePeriod] = F("Statutory response periods for scrutiny recommendations.")
    bank_holidays: BankHolidays = F("Where bank-holidays.csv comes from.")


class BankHoliday(Record):
    """One row of data/reference/bank-holidays.csv."""

    shown: ClassVar[str] = "the governance methods page"

    date: IsoDate = F("The bank holiday.", "2013-12-25")
    name: Text = F("Its name.", "Christmas Day")


class Reference:
    """The rules and the bank holidays, as read (None where the files are absent: figures then say so)."""

    def __init__(self, rules: GovernanceRules | None, holidays: list[BankHoliday]) -> None:
        self.rules = rules
        self.holidays = holidays
        self.holiday_dates: frozenset[date] = frozenset(h.date for h in holidays)
