"""The page cache's read table: reused units keep their numbers; reads no longer used are dropped in one pass."""

from __future__ import annotations

from generator.incremental import PageState, UnitState, _compact


def test_compacting_drops_unused_reads_and_renumbers_units_and_kept_values() -> None:
    reads = [(("models", "meetings", k), f"print-{k}") for k in "abcdef"]
    state = PageState(
        reads=list(reads),
        units={("meetings", "x"): UnitState((5, 1), {}), ("index", "site"): UnitState((1, 3), {})},
        memos={("indicator_states", None): (b"body", (3,))},
    )
    _compact(state)
    assert state.reads == [reads[1], reads[3], reads[5]]  # b, d and f are used; their order is kept
    assert state.units[("meetings", "x")].reads == (2, 0)
    assert state.units[("index", "site")].reads == (0, 1)
    assert state.memos[("indicator_states", None)] == (b"body", (1,))
    assert state.compacted == 3
    for unit, was in ((("meetings", "x"), "fb"), (("index", "site"), "bd")):
        assert [state.reads[i][0][2] for i in state.units[unit].reads] == list(was)  # each still names its reads
