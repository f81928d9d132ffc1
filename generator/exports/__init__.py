"""Machine-readable exports: pure functions site -> {path relative to docs_dir: bytes}.

The data package (one CSV per table), a JSON twin of every record page, Popolo, feeds, calendars,
the change feed, each indicator's CSV download and the JSON Schemas of the record kinds.

Every export is built from the same records as the pages and holds only fields the
pages show. Dates come from the records (or the injected build date), never the clock.
"""

from __future__ import annotations

from datetime import date

from generator.exports import kinds  # noqa: F401  (registers the exports of each kind)
from generator.exports.calendars import calendar_files
from generator.exports.csv_package import package_files
from generator.exports.feeds import feed_files
from generator.exports.governance_csv import governance_table
from generator.exports.indicator_csv import indicator_csv_files
from generator.exports.popolo import popolo_files
from generator.exports.records_json import record_json_files
from generator.exports.schemas import schema_files
from generator.site.graph import Site
from generator.site.reuse import Output


def export_site(site: Site, today: date, site_name: str, site_url: str) -> dict[str, Output]:
    """Every export file of the site, by path relative to docs_dir."""
    files: dict[str, Output] = {}
    files.update(schema_files())
    files.update(indicator_csv_files(site))
    files.update(package_files(site, (governance_table(site, today),)))
    files.update(record_json_files(site, site_url))
    files.update(popolo_files(site, site_url))
    files.update(feed_files(site, today, site_name, site_url))
    files.update(calendar_files(site, site_name, site_url))
    return files
