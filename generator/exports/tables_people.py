"""Tables of people's dated posts: who held which job in which organisation, and when."""

from __future__ import annotations

from generator.exports.columns import Table, derived, fields, key_column, rows_of
from generator.records.person import Post
from generator.site.graph import Site


def posts_table(site: Site) -> Table:
    """Posts: (person, n, post) for the n-th post in the person's file."""
    cols = [
        key_column("<person>/<n>: the n-th post in the person's file.", lambda s: f"{s[0].id}/{s[1]}"),
        derived("person_id", "The person.", lambda s: s[0].id),
        *fields(Post, "title", "organisation_id", "organisation", "start", "end", of=lambda s: s[2]),
    ]
    posts = [
        (p, n, post)
        for p in sorted(site.people.values(), key=lambda p: p.id)
        if not p.withdrawn
        for n, post in enumerate(p.posts, start=1)
    ]
    fks = [("person_id", "people"), ("organisation_id", "organisations")]
    return Table("posts", "Posts", cols, rows_of(cols, posts), ["id"], fks)
