"""The preview server's built site, kept in memory: MkDocs' files, nav and theme from one full build.

After an edit, ``LiveSite.update`` renders or copies just the docs files named, with MkDocs' own
``_populate_page`` and ``_build_page`` (mkdocs/commands/build.py), as a dirty rebuild does, but
without listing the docs folder or making a page object for every page first. Other pages keep
their navigation (the nav lists only hand-written and index pages) and the sitemap is not
refreshed. ``tests/site/test_live_site.py`` compares an updated site with a fresh build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from mkdocs.commands import build as mk
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

SHOWN = InclusionLevel.is_in_serve  # what `mkdocs serve` builds (drafts included)


class _Keep(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Hands MkDocs' files, nav and environment of a full build to the live site."""

    def __init__(self, live: LiveSite) -> None:
        self.live = live

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.live.files, self.live.nav = files, nav
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.live.env = env
        return env


class LiveSite:
    """The preview's built site and what MkDocs knew when it built it."""

    def __init__(self, config: MkDocsConfig) -> None:
        self.config = config
        self.files = Files([])
        self.nav: Navigation | None = None
        self.env: Any = None
        config.plugins["minutebook-preview"] = _Keep(self)

    def build(self) -> None:
        """Build every page, as `mkdocs serve` does; keep the files, nav and environment."""
        mk.build(self.config, serve_url=self.config.site_url)
        nav_pages = {id(page) for page in self.nav.pages} if self.nav else set()
        for file in self.files.documentation_pages():
            if file.page is not None and id(file.page) not in nav_pages:
                file.page.markdown = file.page.content = None  # the HTML is written; keep memory flat

    def update(self, changed: Iterable[str], removed: Iterable[str] = ()) -> int:
        """Render or copy the docs files in ``changed``, drop those in ``removed``; return the pages rendered."""
        assert self.nav is not None
        config, files = self.config, self.files
        for uri in removed:
            file = files.get_file_from_path(uri)
            if file is not None:
                files.remove(file)
                if os.path.isfile(file.abs_dest_path):
                    os.remove(file.abs_dest_path)
        pages: list[Page] = []
        for uri in sorted(set(changed)):
            file = files.get_file_from_path(uri) or self._add(uri)
            if file is None or not SHOWN(file.inclusion):  # type: ignore[no-untyped-call]
                continue
            if file.is_documentation_page():
                pages.append(file.page if file.page is not None else Page(None, file, config))
            else:
                file.copy_file()
        for page in pages:
            mk._populate_page(page, config, files)
        shown = files.documentation_pages(inclusion=SHOWN)
        for page in pages:
            mk._build_page(page, config, shown, self.nav, self.env)
        for page in pages:
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        return len(pages)

    def _add(self, uri: str) -> File | None:
        """A file new to the docs folder, added to MkDocs' listing."""
        if not os.path.isfile(os.path.join(self.config.docs_dir, uri)):
            return None
        file = File(uri, self.config.docs_dir, self.config.site_dir, self.config.use_directory_urls)
        set_exclusions([file], self.config)
        self.files.append(file)
        return file
