"""Cross-record rules of a board's dated parts: their sources exist, and its printed schedule names its meetings."""

from __future__ import annotations

from generator.records.board import Board
from generator.records.suggest import did_you_mean
from generator.site.graph import Checker, Site


def check_board_parts(site: Site, check: Checker, board: Board) -> None:
    """Check the sources of a board's names, texts, quorum, frequency and contacts, and its schedule."""
    for i, name in enumerate(board.names):
        check.source(board, ("names", i), name.source)
    for field in ("purpose", "terms_of_reference", "taking_part", "quorum", "frequency"):
        part = getattr(board, field)
        if part is not None:
            check.source(board, (field,), part.source)
    for i, contact in enumerate(board.contacts):
        check.source(board, ("contacts", i), contact.source)
    if board.schedule is None:
        return
    meetings = site.models["meetings"]
    own = sorted(key.split("/", 1)[1] for key in meetings if key.startswith(board.id + "/"))
    for i, entry in enumerate(board.schedule.dates):
        loc = ("schedule", "dates", i)
        check.source(board, loc, entry.source)
        key = f"{board.id}/{entry.meeting_id}"
        if entry.meeting_id and key not in meetings and not check.broken(board, (*loc, "meeting_id"), "meetings", key):
            hint = did_you_mean(entry.meeting_id, own) or " (leave meeting_id out when there is no meeting record)"
            check.at(board, (*loc, "meeting_id"), f"no meeting '{entry.meeting_id}' of {board.id} is on record{hint}")
