"""The phases of the load test: `.ci/loadtest.sh` (`make loadtest`) starts gunicorn and
runs this once per phase, from the project root:

  python -m benchmarks.loadtest --phase cached     static file, home, guide page (cached), search
  python -m benchmarks.loadtest --phase uncached   home and guide page with the page cache off
  python -m benchmarks.loadtest --phase complaints 500 complaint submissions at concurrency 20
  python -m benchmarks.loadtest --report           the table of every phase, ratios to the static file

Figures go to --results (JSON lines), so the phases can run against differently
configured servers and still be reported side by side. It reads the site's database
(DJANGO_SETTINGS_MODULE and DATABASE_URL, as set by .ci/loadtest.sh) to find a guide and
to count the complaints that were stored.
"""

import argparse
import json
import sys
import urllib.request
from pathlib import Path
from urllib.parse import quote

from django.contrib.staticfiles.storage import staticfiles_storage

from benchmarks.loadtest.complaints import file_complaints
from benchmarks.loadtest.wrk import run_wrk, wrk_available
from content.models import ServiceGuidePage
from intranet.complaints.models import Complaint


class LoadTestError(Exception):
    """Why the load test cannot run or failed; printed without a traceback."""


def parse_arguments(argv):
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.loadtest",
        description="Load-test a running server on 127.0.0.1 (see .ci/loadtest.sh).",
    )
    parser.add_argument("--base-url", default="http://127.0.0.1:8765")
    parser.add_argument("--phase", choices=["cached", "uncached", "complaints"])
    parser.add_argument("--duration", type=int, default=10, help="seconds per target (max 15)")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--complaints", type=int, default=500)
    parser.add_argument("--complaint-concurrency", type=int, default=20)
    parser.add_argument("--search-query", default="户口")
    parser.add_argument("--results", default="var/loadtest/results.jsonl")
    parser.add_argument("--report", action="store_true")
    return vars(parser.parse_args(argv))


def main(argv=None):
    try:
        LoadTest().handle(**parse_arguments(argv))
    except LoadTestError as error:
        sys.exit(f"loadtest: {error}")


class LoadTest:
    def handle(self, **options):
        if not options["base_url"].startswith(("http://127.", "http://localhost", "http://[::1]")):
            raise LoadTestError("The load test only targets a server on this machine.")
        options["duration"] = min(options["duration"], 15)
        results = Path(options["results"])
        results.parent.mkdir(parents=True, exist_ok=True)
        if options["phase"]:
            if options["phase"] != "complaints" and not wrk_available():
                raise LoadTestError("wrk is missing: apt-get install wrk (.ci/loadtest.sh does).")
            getattr(self, f"phase_{options['phase']}")(options, results)
        if options["report"]:
            self.report(results)

    def targets(self, options):
        guide = ServiceGuidePage.objects.live().public().order_by("path").first()
        if guide is None:
            raise LoadTestError("No live service guide: load the demo first (manage.py load_demo).")
        base = options["base_url"].rstrip("/")
        return {
            "static": base + staticfiles_storage.url("default/site.css"),
            "home": base + "/",
            "guide": base + guide.url,
            "search": base + "/search/?q=" + quote(options["search_query"]),
        }

    def measure(self, name, url, options, results, phase):
        figures = run_wrk(url, duration=options["duration"], connections=options["connections"])
        figures.update(
            {"phase": phase, "target": name, "url": url, "connections": options["connections"]}
        )
        with results.open("a", encoding="utf-8") as out:
            out.write(json.dumps(figures, ensure_ascii=False) + "\n")
        print(
            f"{phase:<10} {name:<8} {figures['rps']:>9.1f} req/s  p95 {figures['p95_ms']:>8.2f} ms  "
            f"errors {figures['errors'] + figures['non_2xx']}"
        )

    def phase_cached(self, options, results):
        for name, url in self.targets(options).items():
            # One visit first, so the page cache holds the page before the clock starts.
            with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                response.read()
            self.measure(name, url, options, results, "cached")

    def phase_uncached(self, options, results):
        targets = self.targets(options)
        for name in ("static", "home", "guide"):
            self.measure(name, targets[name], options, results, "uncached")

    def phase_complaints(self, options, results):

        before = set(Complaint.objects.values_list("code", flat=True))
        figures = file_complaints(
            options["base_url"],
            total=options["complaints"],
            concurrency=options["complaint_concurrency"],
        )
        codes = figures.pop("codes")
        stored = set(Complaint.objects.values_list("code", flat=True)) - before
        figures.update(
            {
                "phase": "complaints",
                "target": "complaint",
                "connections": options["complaint_concurrency"],
                "codes_shown": len(codes),
                "codes_unique": len(set(codes)),
                "stored": len(stored),
                "stored_match_shown": set(codes) == stored,
            }
        )
        with results.open("a", encoding="utf-8") as out:
            out.write(json.dumps(figures, ensure_ascii=False) + "\n")
        print(
            f"complaints {figures['requests']} POSTs: {figures['rps']} req/s, p95 {figures['p95_ms']} ms, "
            f"errors {figures['errors']}, stored {figures['stored']}, unique codes {figures['codes_unique']}"
        )
        if (
            figures["errors"]
            or figures["stored"] != options["complaints"]
            or not figures["stored_match_shown"]
        ):
            raise LoadTestError("Complaint submissions were lost or failed under load.")

    def report(self, results):
        rows = [
            json.loads(line) for line in results.read_text(encoding="utf-8").splitlines() if line
        ]
        static = {row["phase"]: row["rps"] for row in rows if row["target"] == "static"}
        print("| phase | target | connections | req/s | p50 ms | p95 ms | errors | vs static |")
        print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for row in rows:
            baseline = static.get(row["phase"]) or static.get("cached")
            ratio = (
                f"{row['rps'] / baseline:.0%}" if baseline and row["target"] != "complaint" else ""
            )
            errors = row.get("errors", 0) + row.get("non_2xx", 0)
            print(
                f"| {row['phase']} | {row['target']} | {row['connections']} | {row['rps']:.1f} | "
                f"{row['p50_ms']:.2f} | {row['p95_ms']:.2f} | {errors} | {ratio} |"
            )
