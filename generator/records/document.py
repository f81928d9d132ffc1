"""Documents: data/documents/<id>.yml, the published papers records cite."""

from __future__ import annotations

from typing import Annotated

from generator.records.common import F, TopLevel
from generator.records.fields import Count, IsoDate, OneOf, Text, Url

DOC_KINDS = ("agenda-pack", "agenda", "minutes", "report", "strategy", "plan", "presentation", "other")


class Document(TopLevel):
    """A published paper: data/documents/<id>.yml."""

    title: Text = F("Title as published.", "Agenda pack, 16 October 2017")
    kind: Annotated[str, OneOf(*DOC_KINDS)] = F("What the document is.", "agenda-pack")
    meeting_id: Text | None = F(
        "Meeting it was published for, as <board>/<date>.", "coventry-hwb/2017-10-16", default=None
    )
    url: Url | None = F("Where the authority publishes it.", default=None)
    file: Text | None = F("File name of the plain-text copy in shared/seeds.", "004_c33d4171ba8912a9.txt", default=None)
    page_count: Count | None = F("Number of pages.", "196", default=None)
    published: IsoDate | None = F("Date of publication.", "2013-09-18", default=None)
    status: Annotated[str, OneOf("draft", "approved", "final")] | None = F(
        "For minutes: draft or approved.", "draft", default=None
    )
