"""The pages of follow-up: plans, work programmes, each recommendation, and the indexes of plans and
open recommendations."""

from __future__ import annotations

from collections.abc import Iterator

from generator import urls
from generator.records.fields import slug
from generator.records.plan import Plan, PlanGroup
from generator.records.work_programme import PlannedItem, WorkProgramme
from generator.render.pages import PAGES, Page, PageMaker, Renderer, findable, listing
from generator.site import followup
from generator.site.queries import counted
from generator.site.tracked import Made, Tracked


def plan_page(r: Renderer, plan: Plan) -> Page:
    """The page of one plan: its facts, its groups and actions, and the meetings it was put to."""
    tracked = followup.held_by(r.site, plan)
    by_group: dict[str | None, list[Tracked]] = {}
    for t in tracked:
        by_group.setdefault(t.action.group, []).append(t)
    children: dict[str | None, list[PlanGroup]] = {}
    for group in plan.groups:
        children.setdefault(group.parent, []).append(group)
    received = [(rec, r.site.meetings.get(rec.meeting)) for rec in plan.received_at]
    refs = {a.id: a.ref for a in plan.actions if a.ref}  # readers know an action by its printed reference
    description = f"{plan.title}: {counted(len(plan.actions), 'action')}, with their status as printed."
    page = r.page(
        urls.page_url("plans", plan.id),
        "plan.j2",
        plan.title,
        description,
        p=plan,
        received=received,
        top_groups=children.get(None, []),
        children=lambda gid: children.get(gid, []),
        actions_in=lambda gid: by_group.get(gid, []),
        anchor=lambda group: slug(group.id),
        ref_list=lambda ids: _and([refs.get(i, i) for i in ids]),
    )
    return findable(page, "Plan", r.board_names(plan.board_ids))


def _and(words: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def work_programme_page(r: Renderer, programme: WorkProgramme) -> Page:
    """The page of one work programme: every planned item, and where each was heard."""
    rows = followup.planned_in(r.site, programme)

    def origin_meeting(item: PlannedItem) -> object:
        meeting = item.origin.meeting if item.origin else None
        return r.site.meetings.get(f"{programme.board_id}/{meeting}") if meeting else None

    page = r.page(
        urls.page_url("work-programmes", programme.id),
        "work-programme.j2",
        programme.title,
        f"{programme.title}: what the board plans to take at future meetings, and when each item was heard.",
        w=programme,
        rows=rows,
        heard=sum(1 for p in rows if p.heard),
        origin_meeting=origin_meeting,
    )
    return findable(page, "Work programme", r.board_names([programme.board_id]))


def recommendation_page(r: Renderer, made: Made) -> Page:
    """The permanent page of one recommendation: its words, addressees, responses and progress."""
    actions = followup.actions_of(r.site, made)
    title = f"Recommendation {made.label} of {made.board.short_name}, {followup.uk(made.meeting.date)}"
    description = f"{made.board.name}, {followup.uk(made.meeting.date)}: {made.rec.text}"[:300]
    page = r.page(
        made.url,
        "recommendation.j2",
        title,
        description,
        r=made,
        state=followup.response_state(made, r.today),
        actions=actions,
    )
    return findable(page, "Recommendation", [made.board.name], made.meeting.date.year)


def follow_indexes(r: Renderer) -> Iterator[Page]:
    """``/plans/`` (every plan, by title) and ``/recommendations/`` (the open ones, by board)."""
    plans = sorted(r.site.plans.values(), key=lambda p: (p.title.lower(), p.id))
    yield listing(
        r.page(
            urls.index_url("plans"),
            "plans_index.j2",
            "Plans",
            "Action plans, business plans and trackers.",
            plans=plans,
        )
    )
    boards = sorted(r.site.boards.values(), key=lambda b: b.name)
    rows = [(b, followup.recommendations_of(r.site, b.id)) for b in boards]
    rows = [(b, made) for b, made in rows if made]
    yield listing(
        r.page(
            urls.index_url("recommendations"),
            "recommendations_index.j2",
            "Open recommendations",
            "Recommendations boards made to other bodies that are still open: awaiting a response, or accepted "
            "and not yet done.",
            rows=[(b, [x for x in made if followup.is_open(x, r.today)], len(made)) for b, made in rows],
            state=lambda made: followup.response_state(made, r.today),
        )
    )


PAGES.register("plans", PageMaker("plan.j2", lambda r, plan: [plan_page(r, plan)]))
PAGES.register("work-programmes", PageMaker("work-programme.j2", lambda r, wp: [work_programme_page(r, wp)]))
