"""Documents: data/documents/<id>.yml, the published papers records cite."""

from __future__ import annotations

from typing import Annotated, ClassVar

from generator.records.common import F, TopLevel
from generator.records.fields import Count, IsoDate, OneOf, Text, Url, YesNo

DOC_KINDS = (
    ("agenda-pack", "the agenda with its reports, as one published file"),
    ("agenda", "the agenda alone"),
    ("minutes", "minutes of a meeting"),
    ("report", "a report to a meeting, or a report the papers refer to"),
    ("strategy", "a strategy"),
    ("plan", "a plan or action plan"),
    ("presentation", "slides presented at a meeting"),
    ("other", "any other paper (say what it is in its title)"),
)
DOC_STATUS = (
    ("draft", "the document calls itself draft (never set it because minutes await approval)"),
    ("approved", "the document says it was approved"),
    ("final", "the document calls itself final"),
)


class Document(TopLevel):
    """A published paper: data/documents/<id>.yml."""

    shown: ClassVar[str] = "document page"

    title: Text = F("Title as published.", "Agenda pack, 16 October 2017")
    kind: Annotated[str, OneOf(*DOC_KINDS)] = F("What the document is.", "agenda-pack")
    meeting_id: Text | None = F(
        "Meeting it was published for, as <board>/<date>.", "coventry-hwb/2017-10-16", default=None
    )
    url: Url | None = F("Where the authority publishes it.", default=None)
    file: Text | None = F("File name of the plain-text copy in shared/seeds.", "004_c33d4171ba8912a9.txt", default=None)
    page_count: Count | None = F("Number of pages.", "196", default=None)
    published: IsoDate | None = F("Date of publication, where printed as such.", "2013-09-18", default=None)
    dated: IsoDate | None = F(
        "The date printed on the paper itself ('Date of paper 14/11/14'), which is not its publication date.",
        "2014-11-14",
        default=None,
    )
    in_pack: YesNo | None = F(
        "no for a paper the record refers to but the pack does not contain (the page says so).", "no", default=None
    )
    status: Annotated[str, OneOf(*DOC_STATUS)] | None = F(
        "What the document says of itself: only when it says draft, approved or final.", "draft", default=None
    )
