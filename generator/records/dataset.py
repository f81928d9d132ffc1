"""Every valid record, by kind and key, as validation hands them to the site."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from generator.records.common import Located, TopLevel
from generator.records.governance import Reference
from generator.records.registry import KINDS, Kind


class Models(Mapping[str, dict[str, TopLevel]]):
    """Records by kind then key (``models['meetings']['<board>/<id>']``), one entry per registered kind.

    Each record knows where it was read (``record.origin``). Besides the records: the rows of
    each kind's CSV companions, by the id of the record they belong to, and the files with
    errors, so a reference to a record in one says where it is instead of calling it unknown.
    """

    def __init__(self, kinds: tuple[Kind, ...] = KINDS) -> None:
        self.records: dict[str, dict[str, TopLevel]] = {kind.name: {} for kind in kinds}
        self.rows: dict[str, dict[str, list[Located]]] = {kind.name: {} for kind in kinds if kind.rows}
        # Files with errors by (kind, key), or (the rows' name, id) for a CSV companion, with the file's path.
        self.broken: dict[tuple[str, str], str] = {}
        self.reference = Reference(None, [])  # data/reference/ (ingest/reference.py), set by build.check

    def __getitem__(self, kind: str) -> dict[str, TopLevel]:
        return self.records[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self.records)

    def __len__(self) -> int:
        return len(self.records)
