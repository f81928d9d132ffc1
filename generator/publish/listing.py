"""The docs folder as MkDocs lists it, without making a File object for every file on every build.

``mkdocs build`` makes a ``File`` for each of the docs folder's files (40,000 at 20,000 pages) and
decides each one's inclusion from the config's patterns: about two seconds before it renders a
page. An incremental build (publish/incremental.py) needs only the names, in MkDocs' order, plus
the ``File`` of each page it renders and of each file those pages link to. ``walk`` lists the
names as ``get_files`` does; ``LazyFiles`` is a ``Files`` collection that knows every name and
makes a ``File`` on first use, noting every lookup (which names a page's links tried, and
whether each was there) so a later build can tell when a page's links would resolve differently.
Anything that needs the whole collection (iterating it) raises ``ListingNeededError``: the caller then
makes every ``File``, as MkDocs would.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, _file_sort_key, set_exclusions
from mkdocs.utils import is_markdown_file


class ListingNeededError(Exception):
    """Raised when code needs every File of the docs folder (a full listing), not one by name."""


def walk(docs: str) -> list[str]:
    """Every file of ``docs`` as a POSIX path relative to it, in the order ``mkdocs.structure.files.get_files``
    lists them (sorted folders, files sorted with index and README first)."""
    found: list[str] = []
    for folder, dirnames, filenames in os.walk(docs, followlinks=True):
        relative = os.path.relpath(folder, docs)
        dirnames.sort()
        filenames.sort(key=_file_sort_key)
        prefix = "" if relative == "." else relative.replace(os.sep, "/") + "/"
        found += [prefix + name for name in filenames]
    return found


def make_file(uri: str, config: MkDocsConfig) -> File:
    """The File MkDocs makes for ``uri``, with its inclusion decided from the config's patterns."""
    file = File(uri, config["docs_dir"], config["site_dir"], config["use_directory_urls"])
    set_exclusions([file], config)
    return file


class LazyFiles(Files):
    """A ``Files`` collection that knows every name of the docs folder and makes each File on first use."""

    def __init__(self, uris: list[str], config: MkDocsConfig) -> None:
        super().__init__([])
        self.names = set(uris)
        self.config = config
        self.lookups: dict[str, bool] | None = None  # while a page renders: every name it tried -> found

    def get_file_from_path(self, path: str) -> File | None:
        """The File of ``path``, made now if it exists and was not needed before."""
        uri = PurePath(path).as_posix()
        file = self._src_uris.get(uri)
        if file is None and uri in self.names:
            file = self._src_uris[uri] = make_file(uri, self.config)
        if self.lookups is not None:
            self.lookups[uri] = file is not None
        return file

    def __iter__(self) -> Iterator[File]:
        raise ListingNeededError("the whole docs folder was needed")

    def __len__(self) -> int:
        raise ListingNeededError("the whole docs folder was needed")

    def __contains__(self, path: Any) -> bool:
        return self.get_file_from_path(str(path)) is not None


class Guard(list[Any]):
    """A template context value that stands for every page: any use of it needs the full listing."""

    def __iter__(self) -> Iterator[Any]:
        raise ListingNeededError("a template used the list of every page")

    def __len__(self) -> int:
        raise ListingNeededError("a template used the list of every page")

    def __bool__(self) -> bool:
        raise ListingNeededError("a template used the list of every page")


def is_page(uri: str) -> bool:
    """Whether MkDocs treats the file as a page (Markdown), as ``File.is_documentation_page`` does."""
    return is_markdown_file(uri)


def included(file: File) -> bool:
    """Whether the file is part of the built site (not excluded, not a draft)."""
    return bool(file.inclusion.is_included())  # type: ignore[no-untyped-call]
