"""Pages on how to follow the boards: feed and calendar addresses to copy, and how to use them (issue 17).

Every "follow" link of the site leads here rather than to a feed file, which a browser shows as raw
XML: one page for every board at once, and one per board. The addresses are written in full (the
site's address and the file's), for a reader to copy into a feed reader, calendar app or
feed-to-email service.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator import urls
from generator.records.board import Board
from generator.render.pages import Page, Renderer, findable
from generator.site import followup


@dataclass(frozen=True)
class Address:
    """One address to follow: what it is, what it brings, its site URL, and its media type."""

    key: str  # the anchor of its row ('decisions-feed')
    name: str
    what: str
    url: str
    media: str


def site_addresses() -> list[Address]:
    """The feeds and calendar of every board at once."""
    return [
        Address("decisions-feed", "Decisions of every board", "An Atom feed: each new decision, newest first",
                urls.decisions_feed_url(), "application/atom+xml"),
        Address("upcoming-feed", "Upcoming meetings of every board", "An Atom feed: meetings still to come",
                urls.upcoming_feed_url(), "application/atom+xml"),
        Address("calendar", "Meetings of every board", "A calendar (iCalendar): every meeting, cancelled ones marked",
                urls.calendar_url(), "text/calendar"),
        Address("changes-feed", "What changed", "An Atom feed: every correction and addition, newest first",
                urls.changes_feed_url(), "application/atom+xml"),
    ]  # fmt: skip


def board_addresses(board: Board, recommends: bool = False) -> list[Address]:
    """The feeds and calendar of one board (with its recommendations' feed if it ``recommends``)."""
    made = [
        Address("recommendations-feed", "Recommendations feed",
                "An Atom feed: recommendations this board made to other bodies, and the responses",
                urls.recommendations_feed_url(board.id), "application/atom+xml"),
    ]  # fmt: skip
    return [
        Address("decisions-feed", "Decisions feed", "An Atom feed: each new decision of this board, newest first",
                urls.decisions_feed_url(board.id), "application/atom+xml"),
        Address("meetings-feed", "Meetings feed", "An Atom feed: new, changed and cancelled meetings",
                urls.meetings_feed_url(board.id), "application/atom+xml"),
        Address("calendar", "Meetings calendar", "A calendar (iCalendar): every meeting, cancelled ones marked",
                urls.calendar_url(board.id), "text/calendar"),
    ] + (made if recommends else [])  # fmt: skip


def follow_page(r: Renderer, board: Board | None = None) -> Page:
    """The page on how to follow every board, or ``board``."""
    url = urls.follow_url(board.id if board else None)
    boards = sorted(r.site.boards.values(), key=lambda b: b.name)
    title = f"Follow {board.name}" if board else "Follow the boards"
    what = board.name if board else "every board"
    page = r.page(
        url,
        "follow_page.j2",
        title,
        f"New decisions and meetings of {what} in a feed reader, a calendar app or by email: the addresses to copy.",
        b=board,
        boards=[] if board else boards,
        addresses=board_addresses(board, bool(followup.recommendations_of(r.site, board.id)))
        if board
        else site_addresses(),
        absolute=lambda site_url: r.site_url.rstrip("/") + "/" + site_url,
    )
    if board is None:
        return findable(page, "How to follow")
    if board is not None:  # one page per board, alike but for the board: the site-wide one stands for them in search
        page.meta["search"] = {"exclude": True}
        page.feeds = [
            (f"Decisions of {board.name}", urls.decisions_feed_url(board.id)),
            (f"Meetings of {board.name}", urls.meetings_feed_url(board.id)),
        ]
    return page
