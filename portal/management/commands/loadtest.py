"""Measure the portal under load: `.ci/loadtest.sh` starts gunicorn and calls this per phase.

  manage.py loadtest --phase cached     static file, home, guide page (cached), search
  manage.py loadtest --phase uncached   home and guide page with the page cache off
  manage.py loadtest --phase complaints 500 complaint submissions at concurrency 20
  manage.py loadtest --report           the table of every phase, ratios to the static file

Figures go to --results (JSON lines), so the phases can run against differently
configured servers and still be reported side by side.
"""

import json
from pathlib import Path
from urllib.parse import quote

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management.base import BaseCommand, CommandError

from content.models import ServiceGuidePage
from portal.loadtest.complaints import file_complaints
from portal.loadtest.wrk import run_wrk, wrk_available


class Command(BaseCommand):
    help = "Load-test a running server on 127.0.0.1 (see .ci/loadtest.sh)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8765")
        parser.add_argument("--phase", choices=["cached", "uncached", "complaints"])
        parser.add_argument("--duration", type=int, default=10, help="seconds per target (max 15)")
        parser.add_argument("--connections", type=int, default=10)
        parser.add_argument("--complaints", type=int, default=500)
        parser.add_argument("--complaint-concurrency", type=int, default=20)
        parser.add_argument("--search-query", default="户口")
        parser.add_argument("--results", default="var/loadtest/results.jsonl")
        parser.add_argument("--report", action="store_true")

    def handle(self, *args, **options):
        if not options["base_url"].startswith(("http://127.", "http://localhost", "http://[::1]")):
            raise CommandError("The load test only targets a server on this machine.")
        options["duration"] = min(options["duration"], 15)
        results = Path(options["results"])
        results.parent.mkdir(parents=True, exist_ok=True)
        if options["phase"]:
            if options["phase"] != "complaints" and not wrk_available():
                raise CommandError("wrk is missing: apt-get install wrk (.ci/loadtest.sh does).")
            getattr(self, f"phase_{options['phase']}")(options, results)
        if options["report"]:
            self.report(results)

    def targets(self, options):
        guide = ServiceGuidePage.objects.live().public().order_by("path").first()
        if guide is None:
            raise CommandError("No live service guide: load the demo first (manage.py load_demo).")
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
        self.stdout.write(
            f"{phase:<10} {name:<8} {figures['rps']:>9.1f} req/s  p95 {figures['p95_ms']:>8.2f} ms  "
            f"errors {figures['errors'] + figures['non_2xx']}"
        )

    def phase_cached(self, options, results):
        import urllib.request

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
        from intranet.complaints.models import Complaint

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
        self.stdout.write(
            f"complaints {figures['requests']} POSTs: {figures['rps']} req/s, p95 {figures['p95_ms']} ms, "
            f"errors {figures['errors']}, stored {figures['stored']}, unique codes {figures['codes_unique']}"
        )
        if (
            figures["errors"]
            or figures["stored"] != options["complaints"]
            or not figures["stored_match_shown"]
        ):
            raise CommandError("Complaint submissions were lost or failed under load.")

    def report(self, results):
        rows = [
            json.loads(line) for line in results.read_text(encoding="utf-8").splitlines() if line
        ]
        static = {row["phase"]: row["rps"] for row in rows if row["target"] == "static"}
        self.stdout.write(
            "| phase | target | connections | req/s | p50 ms | p95 ms | errors | vs static |"
        )
        self.stdout.write("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for row in rows:
            baseline = static.get(row["phase"]) or static.get("cached")
            ratio = (
                f"{row['rps'] / baseline:.0%}" if baseline and row["target"] != "complaint" else ""
            )
            errors = row.get("errors", 0) + row.get("non_2xx", 0)
            self.stdout.write(
                f"| {row['phase']} | {row['target']} | {row['connections']} | {row['rps']:.1f} | "
                f"{row['p50_ms']:.2f} | {row['p95_ms']:.2f} | {errors} | {ratio} |"
            )
