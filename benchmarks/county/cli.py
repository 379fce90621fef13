"""Command line of the county load test.

  python -m benchmarks.county generate --centers 30 --guides 3000 --cases 300000
  python -m benchmarks.county measure --ports 8660 8661 --connections 100 --duration 12
  python -m benchmarks.county report [--results run1.jsonl run2.jsonl …]

`generate` fills the database DJANGO_SETTINGS_MODULE / DATABASE_URL point at (refusing
one that has load-test centers already); `measure` drives two running servers with wrk
(benchmarks/county/measure.py); `report` prints the table of one or several results files (medians over all their runs).
"""

import argparse
import sys

from benchmarks.county.generate import GeneratorError, Sizes, existing_centers, generate
from benchmarks.county.measure import MeasureError, report, run


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks.county")
    commands = parser.add_subparsers(dest="command", required=True)

    gen = commands.add_parser("generate", help="build the synthetic county")
    gen.add_argument("--centers", type=int, default=30)
    gen.add_argument("--guides", type=int, default=3000, help="in all, spread over the centers")
    gen.add_argument("--cases", type=int, default=300_000, help="in all")
    gen.add_argument("--announcements", type=int, default=6000, help="in all")
    gen.add_argument("--departments", type=int, default=5, help="per center (at most 8)")
    gen.add_argument("--domain", default="county.test", help="sites are c01.<domain> …")
    gen.add_argument("--seed", type=int, default=9)
    gen.add_argument(
        "--if-missing",
        action="store_true",
        help="do nothing (and succeed) when the load-test centers exist already",
    )

    measure = commands.add_parser("measure", help="drive running servers with wrk")
    measure.add_argument("--ports", type=int, nargs="+", required=True)
    measure.add_argument("--connections", type=int, default=100)
    measure.add_argument("--duration", type=int, default=12, help="seconds per run (max 15)")
    measure.add_argument("--rounds", type=int, default=3, help="runs per page type")
    measure.add_argument("--pages", nargs="*", help="page types (default: all)")
    measure.add_argument("--results", default="var/loadtest-county/results.jsonl")
    measure.add_argument("--work-dir", default="var/loadtest-county")

    table = commands.add_parser("report", help="the table of a results file")
    table.add_argument(
        "--results", nargs="+", default=["var/loadtest-county/results.jsonl"], help="one per run"
    )
    return parser.parse_args(argv)


def main(argv=None):
    options = parse_arguments(argv)
    try:
        if options.command == "generate":
            if options.if_missing and existing_centers().exists():
                print("load-test centers exist already: nothing generated")
                return
            sizes = Sizes(
                centers=options.centers,
                guides=options.guides,
                cases=options.cases,
                announcements=options.announcements,
                departments=options.departments,
                domain=options.domain,
                seed=options.seed,
            )
            generate(sizes)
        elif options.command == "measure":
            run(options)
        else:
            report(options.results)
    except (GeneratorError, MeasureError) as error:
        sys.exit(f"benchmarks.county: {error}")
