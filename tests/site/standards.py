"""Validators from the standards' own schemas (stored in tests/standards/, see its README): Atom, sitemaps,
Popolo, schema.org. Each returns a list of problems, empty when the file passes."""

from __future__ import annotations

import csv
import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from jsonschema import Draft3Validator
from lxml import etree
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

STANDARDS = Path(__file__).resolve().parents[1] / "standards"
ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA_ORG = "https://schema.org/"
OFFSET = re.compile(r"T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)$")


@functools.cache
def atom_schema() -> etree.RelaxNG:
    """RFC 4287's RELAX NG schema."""
    return etree.RelaxNG(etree.parse(str(STANDARDS / "atom" / "atom.rng")))


def atom_problems(path: Path) -> list[str]:
    """RELAX NG errors, and the two Schematron rules of RFC 4287 that RELAX NG leaves to annotations."""
    document = etree.parse(str(path))
    schema = atom_schema()
    problems = [] if schema.validate(document) else [f"{path.name}: {e.message} (line {e.line})" for e in schema.error_log]
    feed = document.getroot()
    has_author = feed.find(f"{ATOM}author") is not None
    for entry in feed.iter(f"{ATOM}entry"):
        if not has_author and entry.find(f"{ATOM}author") is None:
            problems.append(f"{path.name}: an entry has no author, and neither has the feed")
        links = [link for link in entry.iter(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        if not links and entry.find(f"{ATOM}content") is None:
            problems.append(f"{path.name}: an entry has neither an alternate link nor content")
    return problems


@functools.cache
def sitemap_schema(kind: str) -> etree.XMLSchema:
    """The sitemaps.org XSD of a sitemap ('sitemap') or an index ('siteindex')."""
    return etree.XMLSchema(etree.parse(str(STANDARDS / "sitemaps" / f"{kind}.xsd")))


def sitemap_problems(path: Path) -> list[str]:
    """Errors of a sitemap or sitemap index against the sitemaps.org XSD."""
    document = etree.parse(str(path))
    schema = sitemap_schema("siteindex" if document.getroot().tag.endswith("sitemapindex") else "sitemap")
    return [] if schema.validate(document) else [f"{path.name}: {e.message} (line {e.line})" for e in schema.error_log]


@functools.cache
def popolo_registry() -> Registry:
    """Every Popolo schema, by its id, so $refs resolve offline."""
    resources = []
    for path in sorted((STANDARDS / "popolo").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"].rstrip("#"), Resource(contents=schema, specification=DRAFT3)))
    return Registry().with_resources(resources)


POPOLO = {"persons": "person", "organizations": "organization", "memberships": "membership", "events": "event"}


def popolo_problems(document: dict[str, Any]) -> list[str]:
    """Every person, organization, membership and event that fails its Popolo schema."""
    problems = []
    for key, name in POPOLO.items():
        schema = popolo_registry().contents(f"http://www.popoloproject.com/schemas/{name}.json")
        validator = Draft3Validator(schema, registry=popolo_registry(), format_checker=Draft3Validator.FORMAT_CHECKER)
        for item in document.get(key, []):
            problems += [f"{key} {item.get('id')}: {error.message}" for error in validator.iter_errors(item)]
    return problems


@functools.cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """schema.org: each type's supertypes (itself included), and each property's domain."""
    parents: dict[str, set[str]] = {}
    with (STANDARDS / "schemaorg" / "schemaorg-current-https-types.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            parents[row["id"]] = {p.strip() for p in (row["subTypeOf"] + "," + row["enumerationtype"]).split(",") if p.strip()}
    domains: dict[str, set[str]] = {}
    with (STANDARDS / "schemaorg" / "schemaorg-current-https-properties.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            domains[row["id"]] = {d.strip() for d in row["domainIncludes"].split(",") if d.strip()}
    return parents, domains


def ancestors(type_id: str) -> set[str]:
    """A schema.org type and every type above it."""
    parents, _ = vocabulary()
    found, todo = set(), [type_id]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo += parents.get(current, set())
    return found


def jsonld_problems(node: Any, where: str, via: str | None = None) -> list[str]:
    """Every @type and property of a JSON-LD node that schema.org does not define (or not for that type)."""
    if isinstance(node, list):
        return [p for item in node for p in jsonld_problems(item, where, via)]
    if not isinstance(node, dict):
        return _enumeration_problem(node, where)
    parents, domains = vocabulary()
    kind = SCHEMA_ORG + str(node.get("@type", "Thing"))
    if kind not in parents:
        return [f"{where}: unknown type {node.get('@type')}"]
    problems = []
    for key, value in node.items():
        if key.startswith("@"):
            continue
        prop = SCHEMA_ORG + key
        role = SCHEMA_ORG + "Role" in ancestors(kind) and key == via  # schema.org's Role pattern
        if prop not in domains:
            problems.append(f"{where}: unknown property {key}")
        elif not role and not (domains[prop] & ancestors(kind)):
            problems.append(f"{where}: {key} is not a property of {node['@type']}")
        problems += jsonld_problems(value, where, key)
    return problems


def _enumeration_problem(value: Any, where: str) -> list[str]:
    """A schema.org URL used as a value must name a type or enumeration member."""
    if isinstance(value, str) and value.startswith(SCHEMA_ORG) and value not in vocabulary()[0]:
        return [f"{where}: unknown schema.org value {value}"]
    return []


def event_problems(event: dict[str, Any], where: str) -> list[str]:
    """schema.org Event: a start with its UTC offset when it has a time, a place (with an address) or a webcast, an organiser."""
    problems = []
    for key in ("startDate", "endDate"):
        value = str(event.get(key, ""))
        if "T" in value and not OFFSET.search(value):
            problems.append(f"{where}: {key} {value} has no UTC offset")
    if not event.get("organizer", {}).get("name"):
        problems.append(f"{where}: no organizer")
    places = event.get("location", [])
    for place in places if isinstance(places, list) else [places]:
        if place.get("@type") == "Place" and not place.get("address"):
            problems.append(f"{where}: a Place without an address")
        if place.get("@type") not in ("Place", "VirtualLocation"):
            problems.append(f"{where}: location is neither a Place nor a VirtualLocation")
    return problems


class _Scripts(HTMLParser):
    """Collects the JSON-LD scripts of a page, and every href and src."""

    def __init__(self) -> None:
        super().__init__()
        self.jsonld: list[str] = []
        self.links: list[str] = []
        self._in = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self._in = tag == "script" and values.get("type") == "application/ld+json"
        self.links += [v for k, v in attrs if k in ("href", "src") and v]

    def handle_data(self, data: str) -> None:
        if self._in:
            self.jsonld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in = False


def page_parts(path: Path) -> tuple[list[Any], list[str]]:
    """A built page's JSON-LD objects and its links."""
    parser = _Scripts()
    parser.feed(path.read_text(encoding="utf-8"))
    return [json.loads(text) for text in parser.jsonld], parser.links
