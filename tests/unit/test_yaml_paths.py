"""The libyaml fast path and the pure-Python checked path must read every file the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.ingest.yamlpos import _load_checked, _load_fast, load_yaml

ROOT = Path(__file__).resolve().parents[2]
YAML_FILES = sorted([*(ROOT / "data").rglob("*.yml"), *(ROOT / "tests/fixtures/data").rglob("*.yml")])


def test_every_published_and_fixture_file_reads_the_same_on_both_paths() -> None:
    assert len(YAML_FILES) > 100
    for path in YAML_FILES:
        text = path.read_text(encoding="utf-8")
        fast = _load_fast(text)
        assert fast is not None, f"{path} fell back to the slow path"
        assert fast == _load_checked(text), path


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # alias
        "a: !!python/object:os.system ls\n",  # tag
        "a: 1\na: 2\n",  # duplicate key
        "a: 1\n---\nb: 2\n",  # two documents
        "a: [1\n",  # syntax error
        "a: b\x07\n",  # control character
        "",  # empty
        "[" * 150 + "]" * 150,  # nesting deeper than the limit
        "? [a]\n: 1\n",  # a key that is not plain text
        "title: A\tB\n",  # tabs: libyaml accepts some that PyYAML refuses
        "aliases: [B M?mber]\n",  # '?' in a flow collection
        "a: |#\nb\n",  # '#' after a block-scalar indicator
        "items:\n  - n: 1\n\ufeff   k: x\n",  # a byte-order mark inside the text
    ],
    ids=[
        "alias",
        "tag",
        "duplicate",
        "two-docs",
        "syntax",
        "control",
        "empty",
        "deep",
        "complex-key",
        "tab",
        "flow-question",
        "block-hash",
        "inner-bom",
    ],
)
def test_unusual_files_are_left_to_the_checked_path(text: str) -> None:
    assert _load_fast(text) is None


@pytest.mark.parametrize("text", ["title: A\tB\n", "title:\tA\n", "aliases: [B M?mber]\n", "a: |#\n"])
def test_what_libyaml_would_accept_is_still_refused(text: str) -> None:
    """Each of these is a syntax error for the checked path, and load_yaml must say so."""
    with pytest.raises(Exception, match="YAML syntax error"):
        load_yaml(text)


def test_the_checked_path_still_words_the_error() -> None:
    with pytest.raises(Exception, match=r"YAML aliases \('\*x'\) are not allowed"):
        load_yaml("a: &x 1\nb: *x\n")


scalars = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=20),
    st.integers(),
    st.booleans(),
    st.none(),
)
documents = st.dictionaries(
    st.text(alphabet="abcdefgh_-", min_size=1, max_size=6),
    st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text("xyz", min_size=1, max_size=3), inner),
        max_leaves=12,
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from([False, True]))
def test_generated_documents_read_the_same_on_both_paths(doc: dict, flow: bool) -> None:
    text = yaml.safe_dump(doc, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    fast = _load_fast(text)  # None: left to the checked path, which is always allowed
    assert fast is None or fast == _load_checked(text)
