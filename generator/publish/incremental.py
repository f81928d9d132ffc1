"""``mkdocs build``, rendering only the pages that can have changed; the rest is the previous site's files.

MkDocs 1.6 has no incremental build (``--dirty`` compares file times and still lists and wraps
every file). This module drives MkDocs' own functions in-process (``_populate_page`` and
``_build_page`` from mkdocs/commands/build.py, the theme's environment, the nav) on the pages that
need it, and hard-links every other file from the published site into the new one:

- A page is rendered again when its Markdown's digest changed, when it is in the nav (the nav's
  pages are always read, so every page's nav shows their titles as a full build would), when any
  name its links looked up now exists or not as it did, when its previous HTML is missing or not
  as written, or when anything in the context key changed (code and pins, mkdocs.yml, overrides).
- Links to anchors are checked as MkDocs checks them, against each page's anchors: fresh for the
  pages rendered, kept from their last render for the others.
- Static files are linked when the source has the digest of what the published site holds;
  404.html is reused while the context key holds, sitemap.xml while the set of pages and the
  build date do (else it is rendered from every page, as MkDocs does).
- Anything this cannot follow (plugins, hooks, extra templates, no nav, a README beside an index,
  a template using the list of every page) falls back to rendering every page, still in-process.

The state (cache folder, ``site.pickle``, output/store.py) holds what it needs of each page and the
digest, size and time of every file of the published site, so a corrupted or replaced site file
is rendered or copied again, never linked. ``tests/site/test_incremental.py`` compares every byte
with a clean ``mkdocs build``.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mkdocs
from mkdocs import utils as mkutils
from mkdocs.commands import build as mk
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import (
    Link,
    Navigation,
    _add_parent_links,
    _add_previous_and_next_links,
    _data_to_navigation,
)
from mkdocs.structure.nav import _get_by_type as by_type
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, get_build_date

from generator.output import store
from generator.publish import publish, search
from generator.publish.listing import Guard, LazyFiles, ListingNeededError, included, is_page, walk
from generator.publish.search import Indexed, SearchState

log = logging.getLogger("mkdocs.structure.pages")  # anchor warnings as MkDocs words and counts them
Stat = tuple[int, int]


@dataclass
class PageRecord:
    """What a later build needs of a rendered page."""

    source: str  # digest of its Markdown
    dest: str  # its HTML, relative to the site
    anchors: frozenset[str]
    links: dict[str, dict[str, str]]  # target page -> {anchor: link as written}
    lookups: dict[str, bool]  # every name its links looked up -> whether it was there


@dataclass
class SiteState:
    """The published site as the last incremental build left it."""

    outputs: dict[str, tuple[str, Stat]] = field(default_factory=dict)  # site path -> (digest, size and time)
    sources: dict[str, tuple[str, Stat]] = field(default_factory=dict)  # docs path -> (digest, size and time)
    listing: dict[str, tuple[str, bool]] = field(default_factory=dict)  # docs path -> (site path, included)
    pages: dict[str, PageRecord] = field(default_factory=dict)
    templates: dict[str, str] = field(default_factory=dict)  # theme template -> the key it was built for
    search: SearchState = field(default_factory=SearchState)


@dataclass
class Built:
    """What one build did."""

    rendered: int = 0
    linked: int = 0
    copied: int = 0
    full: str = ""  # why every page was rendered, if it was
    key: str = ""  # the context key the state is saved under
    state: SiteState = field(default_factory=SiteState)
    previous: SiteState = field(default_factory=SiteState)  # the state it started from
    search: Indexed = field(default_factory=Indexed)
    seconds: dict[str, float] = field(default_factory=dict)


class CannotReuseError(Exception):
    """This build cannot be incremental: render every page."""


def state_path(cache: Path) -> Path:
    """The file of the site state."""
    return cache / "site.pickle"


def digest_file(path: str) -> str:
    """SHA-256 of a file's bytes."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def stat_of(path: str) -> Stat:
    """(size, mtime_ns), or (-1, -1) when missing."""
    try:
        info = os.stat(path)
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


def context_key(config_path: Path, config: MkDocsConfig, version: str) -> str:
    """A digest of everything every page's HTML depends on besides its own Markdown and links.

    ``version`` covers the code and the pinned requirements (so the installed theme); the
    configuration file and the project's theme folders (overrides) are read here.
    """
    digest = hashlib.sha256(version.encode() + b"\0" + config_path.read_bytes())
    installed = os.path.dirname(os.path.dirname(mkdocs.__file__))  # site-packages: pinned, in ``version``
    for folder in config.theme.dirs:
        if not folder.startswith(installed):
            for path in sorted(Path(folder).rglob("*")):
                if path.is_file():
                    digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(str(sorted(config.theme.static_templates)).encode())
    return digest.hexdigest()


def load_state(cache: Path, key: str) -> tuple[SiteState, str]:
    """The saved state for ``key``, or an empty one and why."""
    value, why = store.load(state_path(cache), key)
    return (value, "") if isinstance(value, SiteState) else (SiteState(), why)


def build(config_path: Path, out: Path, fresh: Path, cache: Path, version: str) -> tuple[int, Built]:
    """Build into ``fresh`` reusing ``out``; return the status (0: built) and what was done."""
    config = load_config(str(config_path), site_dir=str(fresh))
    key = context_key(config_path, config, version)
    old, why = load_state(cache, key)
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    try:
        try:
            built = _build(config, out, fresh, old, key, full=False)
        except (CannotReuseError, ListingNeededError) as exc:
            _empty(fresh)
            built = _build(config, out, fresh, SiteState(), key, full=True)
            built.full = str(exc)
        if why and why != "none yet" and not built.full:
            built.full = f"site cache {why}"
        counts = counter.get_counts()
        built.key, built.previous = key, old
    finally:
        logging.getLogger("mkdocs").removeHandler(counter)
    if counts and config.strict:
        message = ", ".join(f"{v} {k.lower()}s" for k, v in counts)
        print(f"Aborted with {message} in strict mode!")
        return 1, built
    return 0, built


def _empty(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)


def _build(config: MkDocsConfig, out: Path, fresh: Path, old: SiteState, key: str, full: bool) -> Built:
    """One build; ``full`` renders every page and links nothing."""
    if config.plugins or config.get("hooks") or config.extra_templates or config.nav is None:
        raise CannotReuseError("the configuration has plugins, hooks, extra templates or no nav")
    docs = config.docs_dir
    uris = walk(docs)
    if any(uri.rsplit("/", 1)[-1].lower() == "readme.md" for uri in uris):
        raise CannotReuseError("a README.md page (MkDocs may drop it for an index.md)")
    built = Built(state=SiteState(templates=dict(old.templates)))
    new = built.state
    new.sources = {uri: _source(docs, uri, old) for uri in uris}
    files = LazyFiles(uris, config)
    for uri in uris:
        new.listing[uri] = old.listing.get(uri) or _listed(files, uri)
    env = config.theme.get_env()
    nav = navigation(files, config)
    reuse = _Reuse(out, fresh, old, new, full)
    _statics(config, env, files, uris, reuse, built)
    _templates(config, env, files, uris, nav, reuse, key, built)
    dirty = _pages(config, env, files, uris, nav, reuse, built)
    _check_anchors(config, uris, dirty, new, files)
    return built


def _source(docs: str, uri: str, old: SiteState) -> tuple[str, Stat]:
    """The digest of a docs file, from the last build while its size and time are unchanged."""
    path = os.path.join(docs, uri)
    now = stat_of(path)
    known = old.sources.get(uri)
    if known is not None and known[1] == now:
        return known
    return digest_file(path), now


def _listed(files: LazyFiles, uri: str) -> tuple[str, bool]:
    file = files.get_file_from_path(uri)
    assert file is not None
    return file.dest_uri, included(file)


def navigation(files: LazyFiles, config: MkDocsConfig) -> Navigation:
    """``mkdocs.structure.nav.get_navigation`` for a configured nav of pages, without listing every page.

    What it leaves out only logs: pages missing from the nav (at ``validation.nav.omitted_files``,
    info here) and links in the nav; a configuration where either could warn is built in full.
    """
    if config.validation.nav.omitted_files > logging.INFO:
        raise CannotReuseError("validation.nav.omitted_files warns: every page must be listed")
    items = _data_to_navigation(config.nav, files, config)
    if not isinstance(items, list):
        items = [items]
    if by_type(items, Link):
        raise CannotReuseError("the nav has links")
    pages = by_type(items, Page)
    _add_previous_and_next_links(pages)
    _add_parent_links(items)
    return Navigation(items, pages)


class _Reuse:
    """Puts files into the new site: linked from the published one when it holds the same bytes, else new."""

    def __init__(self, out: Path, fresh: Path, old: SiteState, new: SiteState, full: bool) -> None:
        self.out, self.fresh, self.old, self.new, self.full = str(out), str(fresh), old, new, full
        self.folders: set[str] = set()  # the new site's folders known to exist

    def reusable(self, dest: str, digest: str) -> bool:
        """Whether the published site holds ``dest`` with ``digest``, as the last build wrote it."""
        if self.full:
            return False
        known = self.old.outputs.get(dest)
        return known is not None and known[0] == digest and stat_of(os.path.join(self.out, dest)) == known[1]

    def link(self, dest: str) -> None:
        """Hard-link ``dest`` from the published site (the site is never written in place: a link is safe)."""
        target = os.path.join(self.fresh, dest)
        self._folder(os.path.dirname(target))
        try:
            os.link(os.path.join(self.out, dest), target)
        except FileExistsError:  # written before by a file of lower precedence: this one replaces it
            os.unlink(target)
            os.link(os.path.join(self.out, dest), target)
        self.new.outputs[dest] = self.old.outputs[dest]

    def _folder(self, folder: str) -> None:
        """Make ``folder`` in the new site: one mkdir a folder, none a file, no test of what is known to exist."""
        if folder in self.folders:
            return
        parent = os.path.dirname(folder)
        if parent != folder and len(parent) >= len(self.fresh):
            self._folder(parent)
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder)
        self.folders.add(folder)

    def wrote(self, dest: str, digest: str | None = None) -> None:
        """Note a file this build wrote."""
        path = os.path.join(self.fresh, dest)
        self.new.outputs[dest] = (digest or digest_file(path), stat_of(path))


def _statics(config: MkDocsConfig, env: Any, files: LazyFiles, uris: list[str], reuse: _Reuse, built: Built) -> None:
    """Copy or link every file that is not a page: the docs folder's, then the theme's."""
    new = built.state
    for uri in uris:
        dest, keep = new.listing[uri]
        if is_page(uri) or not keep:
            continue
        digest = new.sources[uri][0]
        if reuse.reusable(dest, digest):
            reuse.link(dest)
            built.linked += 1
        else:
            file = files.get_file_from_path(uri)
            assert file is not None
            file.copy_file()
            reuse.wrote(dest, digest)
            built.copied += 1
    theme = Files([])
    theme.add_files_from_theme(env, config)
    for file in theme:
        if file.src_uri in files.names:
            continue  # the docs folder's file wins, as in MkDocs
        assert file.abs_src_path is not None
        digest = digest_file(file.abs_src_path)
        if reuse.reusable(file.dest_uri, digest):
            reuse.link(file.dest_uri)
            built.linked += 1
        else:
            file.copy_file()
            reuse.wrote(file.dest_uri, digest)
            built.copied += 1


def _templates(
    config: MkDocsConfig,
    env: Any,
    files: LazyFiles,
    uris: list[str],
    nav: Navigation,
    reuse: _Reuse,
    key: str,
    built: Built,
) -> None:
    """The theme's static templates (404.html, sitemap.xml): reused while what they show is unchanged.

    What each wrote is kept with its key (``templates``: name -> key, then the files it wrote), so a
    template that rendered empty (this project's sitemap.xml: the generator writes the sitemap) is not
    rendered again, which for the sitemap meant making a Page of every page.
    """
    pages = [uri for uri in uris if is_page(uri) and built.state.listing[uri][1]]
    for name in sorted(config.theme.static_templates):
        outputs = [name, name + ".gz"] if name == "sitemap.xml" else [name]
        wanted = key if name != "sitemap.xml" else _digest(key, get_build_date(), *pages)
        kept = built.state.templates.get(name, "").split("\0")
        if kept[0] == wanted and all(
            dest in reuse.old.outputs and reuse.reusable(dest, reuse.old.outputs[dest][0]) for dest in kept[1:]
        ):
            for dest in kept[1:]:
                reuse.link(dest)
            continue
        template = env.get_template(name)
        listed = _every_page(files, pages, config) if name == "sitemap.xml" else Guard()
        output = mk._build_template(name, template, listed, config, nav)  # type: ignore[arg-type]
        wrote = []
        if output.strip():  # MkDocs writes nothing for an empty output
            if isinstance(listed, Files):  # sitemap.xml, with its .gz, as MkDocs writes them
                mk._build_theme_template(name, env, listed, config, nav)
            else:
                mkutils.write_file(output.encode("utf-8"), os.path.join(config.site_dir, name))
            wrote = [dest for dest in outputs if os.path.exists(os.path.join(config.site_dir, dest))]
        for dest in wrote:
            reuse.wrote(dest)
        built.state.templates[name] = "\0".join([wanted, *wrote])


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _every_page(files: LazyFiles, pages: list[str], config: MkDocsConfig) -> Files:
    """Every page's File with its Page, as MkDocs has them when it renders the sitemap."""
    every = []
    for uri in pages:
        file = files.get_file_from_path(uri)
        assert file is not None
        if file.page is None:
            Page(None, file, config)
        every.append(file)
    return Files(every)


def _pages(
    config: MkDocsConfig, env: Any, files: LazyFiles, uris: list[str], nav: Navigation, reuse: _Reuse, built: Built
) -> set[str]:
    """Render the pages that need it (read all first, then build, as MkDocs does); link the others."""
    new, old = built.state, reuse.old
    in_nav = {page.file.src_uri for page in nav.pages}
    dirty: list[Page] = []
    for uri in uris:
        dest, keep = new.listing[uri]
        if not is_page(uri) or not keep:
            continue
        record = old.pages.get(uri)
        if uri not in in_nav and record is not None and _still(record, new.sources[uri][0], files, reuse):
            reuse.link(dest)
            new.pages[uri] = record
            built.linked += 1
            continue
        file = files.get_file_from_path(uri)
        assert file is not None
        dirty.append(file.page if file.page is not None else Page(None, file, config))
    looked: dict[str, dict[str, bool]] = {}
    for page in sorted(dirty, key=lambda p: p.file.src_uri not in in_nav):  # the nav's pages first
        files.lookups = looked[page.file.src_uri] = {}
        mk._populate_page(page, config, files)
    files.lookups = None
    for page in dirty:
        mk._build_page(page, config, Guard(), nav, env)
        uri = page.file.src_uri
        links = {f.src_uri: dict(anchors) for f, anchors in (page.links_to_anchors or {}).items()}
        anchors = frozenset(page.present_anchor_ids or ())
        new.pages[uri] = PageRecord(new.sources[uri][0], page.file.dest_uri, anchors, links, looked[uri])
        reuse.wrote(page.file.dest_uri)
        built.rendered += 1
    return {page.file.src_uri for page in dirty}


def _still(record: PageRecord, source: str, files: LazyFiles, reuse: _Reuse) -> bool:
    """Whether the page would render as before: same Markdown, links resolving alike, HTML intact."""
    if record.source != source:
        return False
    if any((name in files.names) != found for name, found in record.lookups.items()):
        return False
    known = reuse.old.outputs.get(record.dest)
    return known is not None and reuse.reusable(record.dest, known[0])


def _check_anchors(config: MkDocsConfig, uris: list[str], dirty: set[str], state: SiteState, files: LazyFiles) -> None:
    """Check links to anchors as ``Page.validate_anchor_links`` does, for every page that could be affected.

    A page rendered now is checked in full; a page reused is checked again when a page it links
    to was rendered now (its anchors may have changed). The anchors of a page not rendered now
    are those it had when it was.
    """
    level = config.validation.links.anchors
    for uri in uris:
        record = state.pages.get(uri)
        if record is None or not record.links:
            continue
        if uri not in dirty and dirty.isdisjoint(record.links):
            continue
        for target, links in record.links.items():
            present = state.pages[target].anchors if target in state.pages else None
            if present is None:
                continue  # not a page that was rendered: MkDocs skips it too
            for anchor, original in links.items():
                if anchor in present:
                    continue
                if target == uri:
                    problem = "there is no such anchor on this page"
                    footnote = anchor.startswith("fnref:")
                    context = " This seems to be a footnote that is never referenced." if footnote else ""
                else:
                    problem, context = f"the doc '{target}' does not contain an anchor '#{anchor}'", ""
                log.log(level, f"Doc file '{uri}' contains a link '{original}', but {problem}.{context}")


def publish_cached(config_path: Path, out: Path, cache: Path, version: str) -> int:
    """Build incrementally into a working folder beside ``out``, index search, swap it in; save the state."""
    publish.remove_stale(out)
    fresh = publish.scratch(out, "new")
    clock = time.perf_counter()
    try:
        status, built = build(config_path, out, fresh, cache, version)
        built.seconds["mkdocs"], clock = time.perf_counter() - clock, time.perf_counter()
        if status:
            print(f"error: mkdocs build failed; the previous {out}/ was left as it was.", file=sys.stderr)
            return 1
        try:
            _search(built, out, fresh)
        except (search.SearchError, OSError) as exc:
            print(f"{exc}\nerror: search indexing (Pagefind) failed; the previous {out}/ was left as it was.")
            return 1
        built.seconds["search"], clock = time.perf_counter() - clock, time.perf_counter()
        publish.swap(fresh, out, remove_later)
        built.seconds["swap"] = time.perf_counter() - clock
        store.save(state_path(cache), built.key, built.state)  # saved only once the site it describes is live
        LAST[:] = [built]
        return 0
    finally:
        if fresh.exists() and fresh.name not in REMOVING:
            shutil.rmtree(fresh, ignore_errors=True)


REMOVING: set[str] = set()  # old sites being removed by a process of their own
REMOVERS: list[subprocess.Popen[bytes]] = []


def remove_later(old: Path) -> None:
    """Remove the previous site (tens of thousands of files at 20,000 pages) in a process of its own, once the
    new site is live, so that the build need not wait for it; a build that finds it left over removes it
    (publish.remove_stale: its name holds this build's process id)."""
    REMOVING.add(old.name)
    code = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"
    quiet = subprocess.DEVNULL
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(old)], stdin=quiet, stdout=quiet, stderr=quiet, start_new_session=True
    )
    REMOVERS.append(process)  # kept, so that it is not reaped (and warned about) while it runs


def _search(built: Built, out: Path, fresh: Path) -> None:
    """Index search (publish/search.py), linking what it keeps of the published index; note its files."""
    old, new = built.previous, built.state
    pages = {dest: digest for dest, (digest, _) in new.outputs.items() if dest.endswith(".html")}

    def reusable(path: str) -> bool:
        known = old.outputs.get(path)
        if built.full or known is None or stat_of(os.path.join(out, path)) != known[1]:
            return False
        target = fresh / path
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(out / path, target)
        new.outputs[path] = known
        return True

    new.search, built.search = search.index(fresh, pages, old.search, reusable)
    for path in (fresh / search.BUNDLE).rglob("*"):
        rel = path.relative_to(fresh).as_posix()
        if path.is_file() and rel not in new.outputs:
            new.outputs[rel] = (digest_file(str(path)), stat_of(str(path)))


LAST: list[Built] = []  # the last build in this process (benchmarks read it)
