"""A build cache file gives its value only when its format, code version and checksum all agree."""

from __future__ import annotations

from pathlib import Path

from generator.output import store


def test_a_saved_value_reads_back_for_the_same_code(tmp_path: Path) -> None:
    store.save(tmp_path / "c.pickle", "v1", {"a": [1, 2]})
    assert store.load(tmp_path / "c.pickle", "v1") == ({"a": [1, 2]}, "")


def test_a_missing_file_reads_as_nothing_yet(tmp_path: Path) -> None:
    assert store.load(tmp_path / "c.pickle", "v1") == (None, "none yet")


def test_a_file_from_other_code_is_stale(tmp_path: Path) -> None:
    store.save(tmp_path / "c.pickle", "v1", {"a": 1})
    assert store.load(tmp_path / "c.pickle", "v2") == (None, "stale (written by other code or settings)")


def test_a_flipped_or_missing_byte_is_corruption(tmp_path: Path) -> None:
    path = tmp_path / "c.pickle"
    store.save(path, "v1", list(range(100)))
    data = bytearray(path.read_bytes())
    data[-3] ^= 0x01
    path.write_bytes(bytes(data))
    assert store.load(path, "v1") == (None, "corrupted (its checksum does not match)")
    path.write_bytes(bytes(data[:-10]))
    assert store.load(path, "v1") == (None, "corrupted (its checksum does not match)")


def test_a_file_without_a_header_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "c.pickle").write_bytes(b"\x80\x05garbage")
    value, why = store.load(tmp_path / "c.pickle", "v1")
    assert value is None and why.startswith("unreadable")
