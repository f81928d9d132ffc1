"""Command line: check | check-address | build | site | shard-* | new | docs. Exit 0 ok, 1 data, 2 usage, 3 bug."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path

from generator import build, incremental, recordcache, skeleton
from generator.output import lock
from generator.publish import incremental as quick
from generator.publish import publish, stages
from generator.records.diagnostics import Report
from generator.render import reference_md


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(prog="python -m generator", description="Minutebook site generator")
    parser.add_argument("--data", type=Path, default=Path("data"), help="data folder (default: data)")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for bugs")
    parser.add_argument(
        "--no-history", action="store_true", help="do not read history from git (pages say it is not available)"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate data/ and report every problem")
    address = sub.add_parser("check-address", help="fail while mkdocs.yml's site_url is an example address")
    address.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    for name, text in (
        ("build", "validate, then write the Markdown pages"),
        ("site", "build, then run mkdocs build into site/"),
        ("shard-plan", "build, then plan the shards of the site build (make shard-plan)"),
    ):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--docs", type=Path, default=Path("content"), help="MkDocs docs_dir (default: content)")
        cmd.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
        cmd.add_argument("--ledger", type=Path, default=None, help="URL ledger to check and extend")
        cmd.add_argument(
            "--new-ledger", action="store_true", help="start the ledger where there is none (never done silently)"
        )
        cmd.add_argument(
            "--today", type=date.fromisoformat, default=None, help="build date YYYY-MM-DD (default: today)"
        )
        cmd.add_argument("--out", type=Path, default=Path("site"), help="output folder for 'site' (default: site)")
        cmd.add_argument(
            "--cache", type=Path, default=None, help="reuse and keep what earlier builds made in this folder"
        )
    site = sub.choices["site"]
    site.add_argument("--shards", type=int, default=0, help="build in N board shards, then combine (default: 0)")
    site.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="shards built at once (default: cores)")
    add_shard_commands(sub)
    docs = sub.add_parser("docs", help="write the data-format reference as Markdown (docs/data-format.md)")
    docs.add_argument("--out", type=Path, default=Path("docs/data-format.md"), help="file to write")
    new = sub.add_parser("new", help="write a skeleton record to fill in")
    new.add_argument("kind", choices=sorted(skeleton.KINDS_BY_NOUN))
    new.add_argument("--id", help="id of the new record (not for meetings)")
    new.add_argument("--board", help="board id (meetings)")
    new.add_argument("--date", help="meeting date YYYY-MM-DD (meetings)")
    args = parser.parse_args(argv)
    if args.command == "shard-plan" and args.shards < 1:
        parser.error("shard-plan: --shards must be 1 or more")
    if getattr(args, "new_ledger", False) and args.ledger is None:
        parser.error("--new-ledger needs --ledger (the file to start)")
    return args


def add_shard_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The sharded build's steps (publish/stages.py): shard-plan's own options, shard-build and shard-combine."""
    planner = sub.choices["shard-plan"]
    planner.add_argument("--shards", type=int, required=True, help="how many shards")
    one = sub.add_parser("shard-build", help="mkdocs build and search index of one shard of the plan")
    one.add_argument("--shard", type=int, required=True, help="the shard's number in the plan")
    one.add_argument("--docs", type=Path, default=Path("content"), help="MkDocs docs_dir (default: content)")
    one.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
    combine = sub.add_parser("shard-combine", help="combine the built shards into the site and swap it in")
    combine.add_argument("--docs", type=Path, default=Path("content"), help="MkDocs docs_dir (default: content)")
    combine.add_argument("--out", type=Path, default=Path("site"), help="output folder (default: site)")
    for command in (planner, one, combine):
        command.add_argument("--work", type=Path, default=Path("shards"), help="plan, shard outputs (default: shards)")


def main(argv: list[str] | None = None) -> int:
    """Run the command named in ``argv``; return the exit status."""
    args = parse(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(message)s")
    try:
        return run(args)
    except KeyboardInterrupt:  # safe at any moment: the next run finishes or redoes the work
        print("stopped (Ctrl-C); nothing needs cleaning up: run the command again to finish", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug, not a data problem: say so plainly
        if args.debug:
            raise
        print(f"internal error: {exc!r} (run again with --debug, and report it)", file=sys.stderr)
        return 3


def run(args: argparse.Namespace) -> int:
    """Dispatch one command."""
    if args.command == "new":
        message, status = skeleton.write_skeleton(args.data, args.kind, args.id, args.board, args.date)
        print(message, file=sys.stderr if status else sys.stdout)
        return status
    if args.command == "docs":
        message, status = reference_md.write_docs(args.out)
        print(message, file=sys.stderr if status else sys.stdout)
        return status
    if args.command == "check":
        report, site = build.check(args.data)
        if site is not None and not args.no_history:  # the redaction list is checked against history
            build.add_history(args.data, site, build.Settings(date.today()), report)
        return finish(report, args.strict, wrote=True)
    if args.command == "check-address":
        return check_address(args.config)
    if args.command in ("shard-build", "shard-combine"):
        return shard_step(args)
    name, url = (
        publish.site_settings(args.config)
        if args.config.exists()
        else ("Minutebook", "https://minutebook.example.org/")
    )
    settings = build.Settings(args.today or date.today(), name, url, args.ledger, args.strict, args.new_ledger)
    settings.history = not args.no_history
    settings.commit_url = publish.commit_url(args.config) if args.config.exists() else None
    # One build at a time per docs folder, from reading data/ to swapping in the new site.
    with lock.checkout_lock(args.docs, f"python -m generator {args.command}"):
        if args.cache is not None:
            report, result = incremental.build_cached(args.data, args.docs, settings, args.cache)
            for outcome in incremental.LAST:
                print(outcome.summary(), file=sys.stderr)
        else:
            report, result = build.build(args.data, args.docs, settings)
        status = finish(report, args.strict, wrote=result is not None)
        if status or args.command == "build":
            return status
        if args.command == "shard-plan":
            shards = stages.write_plan(args.docs, args.work, args.shards)
            print(f"planned {len(shards)} shards in {args.work / stages.PLAN}", file=sys.stderr)
            return 0
        if args.shards > 0:
            status = stages.sharded_build(args.config, args.docs, args.out, args.shards, args.jobs)
        elif args.cache is not None:
            status = site_cached(args.config, args.out, args.cache)
        else:
            status = publish.mkdocs_build(args.config, args.out)
    problem = publish.address_problem(args.config) if args.config.exists() else None
    if problem:  # said after every site build; the publish workflow's check-address makes it an error
        print(f"warning: {problem}", file=sys.stderr)
    return status


def shard_step(args: argparse.Namespace) -> int:
    """Build one shard of the plan, or combine the built shards into the site (one build at a time per docs)."""
    try:
        if args.command == "shard-build":
            return stages.build_one(args.config, args.docs, args.work, args.shard)
        with lock.checkout_lock(args.docs, f"python -m generator {args.command}"):
            return stages.combine_all(args.work, args.out)
    except stages.StageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def check_address(config: Path) -> int:
    """Exit 1 while the site's address is an example one (the publish workflow runs this before building)."""
    problem = publish.address_problem(config)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    print(f"site address: {publish.site_settings(config)[1]}")
    return 0


def site_cached(config: Path, out: Path, cache: Path) -> int:
    """The MkDocs and search steps of a cached build, reporting what was reused."""
    status = quick.publish_cached(config, out, cache, recordcache.code_version())
    for built in quick.LAST:
        every = f" (every page: {built.full})" if built.full else ""
        index = "main index made again" if built.search.main else f"{built.search.delta} pages in the delta index"
        times = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in built.seconds.items())
        print(
            f"site: {built.rendered} pages rendered, {built.linked} files reused, {built.copied} copied{every}; "
            f"search: {index}; {times}"
        )
    return status


def finish(report: Report, strict: bool, wrote: bool) -> int:
    """Print the diagnostics and the summary; return the exit status."""
    for line in report.lines():
        print(line)
    print(report.summary(wrote=wrote))
    return 1 if report.failed(strict) else 0


if __name__ == "__main__":
    sys.exit(main())
