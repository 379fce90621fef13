"""Measuring the county: every page type of every center, against several servers at once.

For each page type the URLs of all load-test centers (host name + path) go into a targets
file; one wrk run (benchmarks/county/county.lua) then sends `--connections` connections,
divided evenly over the servers on `--ports`, rotating through the hosts and paths. The
page types are measured one after the other, `--rounds` times interleaved; the report
gives the median of the rounds and, beside it, the first round's figures (the page cache
starts empty, so the first round of the guide and announcement pages is mostly misses).
"""

import json
import os
import random
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from wagtail.models import Page

from benchmarks.county.generate import existing_centers
from benchmarks.loadtest.wrk import wrk_available
from content.models import (
    AnnouncementIndexPage,
    CompletionAnnouncementPage,
    DepartmentSectionPage,
    ServiceCatalogPage,
    ServiceGuidePage,
)

SCRIPT = Path(__file__).with_name("county.lua")
SEARCH_WORDS = (
    "户口",
    "低保",
    "养老保险",
    "残疾人证",
    "出生登记",
    "营业执照",
    "临时救助",
    "医疗保险",
    "优待证",
    "法律援助",
    "生育登记",
    "补贴",
)
# (key, label in the table)
PAGE_TYPES = (
    ("home", "home (首页)"),
    ("catalog", "guide list (办事指南目录)"),
    ("department", "department section (部门栏目)"),
    ("guide", "guide page, all 3,000 (办事指南)"),
    ("popular", "guide page, 10 per center"),
    ("announcements", "completion announcements (办结公告栏)"),
    ("announcement", "one completion announcement"),
    ("search", "search (/search/)"),
)


class MeasureError(Exception):
    """Why the measurement cannot run or went wrong; printed without a traceback."""


def targets():
    """{page type: [(host, path), …]} over every load-test center, in a fixed shuffled order."""
    sites = {}
    for center in existing_centers().select_related("site__root_page"):
        if center.site is not None:
            sites[center.site.root_page.url_path] = (center.site.hostname, center.name)
    if not sites:
        raise MeasureError("没有压测中心：先运行 python -m benchmarks.county generate。")

    def url_paths(model):
        return Page.objects.live().type(model).values_list("url_path", flat=True).order_by("path")

    def pages(model, parent_model=None):
        parents = set(url_paths(parent_model)) if parent_model else None
        found = []
        for url_path in url_paths(model):
            root = "/" + url_path.split("/")[1] + "/"
            if root in sites and (parents is None or url_path.rsplit("/", 2)[0] + "/" in parents):
                found.append((sites[root][0], url_path[len(root) - 1 :]))
        return found

    hosts = sorted(host for host, _name in sites.values())
    chosen = {
        "home": [(host, "/") for host in hosts],
        "catalog": pages(ServiceCatalogPage),
        "department": pages(DepartmentSectionPage, ServiceCatalogPage),
        "guide": pages(ServiceGuidePage),
        "popular": popular(pages(ServiceGuidePage)),
        "announcements": pages(AnnouncementIndexPage),
        "announcement": pages(CompletionAnnouncementPage),
        "search": [(host, "/search/?q=" + quote(word)) for host in hosts for word in SEARCH_WORDS],
    }
    shuffler = random.Random(9)  # noqa: S311 (a fixed visiting order, not a secret)
    for rows in chosen.values():
        shuffler.shuffle(rows)
    return chosen, dict(sites.values())


def popular(guides, per_center=10):
    """The first guides of every center: a small set that the page cache holds after a round."""
    chosen, counts = [], {}
    for host, path in guides:
        if counts.get(host, 0) < per_center:
            counts[host] = counts.get(host, 0) + 1
            chosen.append((host, path))
    return chosen


def drain(ports, patience=180):
    """Wait until every server answers its readiness probe at once: requests a finished wrk
    run left in the servers' queues must not be counted in the next run."""
    deadline = time.monotonic() + patience
    for port in ports:
        while True:
            started = time.monotonic()
            try:
                with urllib.request.urlopen(  # noqa: S310 (loopback only)
                    f"http://127.0.0.1:{port}/healthz/ready", timeout=patience
                ) as response:
                    response.read()
            except OSError as error:
                raise MeasureError(f"port {port} stopped answering: {error}") from error
            if time.monotonic() - started < 0.3:
                break
            if time.monotonic() > deadline:
                raise MeasureError(f"port {port} is still busy after {patience} s")
            time.sleep(1)


def fetch(port, host, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host})
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (loopback only)
        return response.status, response.read().decode("utf-8", "replace")


def check(chosen, names, ports):
    """Every page type answers 200 on every server, with the host's own center on it."""
    for page_type, rows in chosen.items():
        for port in ports:
            for host, path in rows[:3]:
                try:
                    status, body = fetch(port, host, path)
                except OSError as error:
                    raise MeasureError(f"{page_type} {host}{path} on :{port}: {error}") from error
                if status != 200 or names[host] not in body:
                    raise MeasureError(
                        f"{page_type} {host}{path} on :{port}: status {status}, "
                        f"without the center's name {names[host]}"
                    )
                if page_type == "search" and (
                    'class="hit hit-' not in body or "search-incomplete" in body
                ):
                    raise MeasureError(
                        f"search {host}{path} on :{port} found nothing or fell back to the "
                        "embedded index: is Elasticsearch's index built (manage.py search_rebuild)?"
                    )


def run_wrk(targets_file, ports, connections, duration):
    command = [
        "wrk",
        f"--threads={len(ports)}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=10s",
        f"--script={SCRIPT}",
        f"http://127.0.0.1:{ports[0]}/",
    ]
    environment = {
        **os.environ,
        "COUNTY_PORTS": ",".join(str(port) for port in ports),
        "COUNTY_TARGETS": str(targets_file),
    }
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, timeout=duration + 60, check=False, env=environment
    )
    for line in result.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            return json.loads(line.removeprefix("WRK_JSON "))
    raise MeasureError(f"wrk printed no figures:\n{result.stdout}\n{result.stderr}")


def run(options):
    if not wrk_available():
        raise MeasureError("wrk is missing: apt-get install wrk (.ci/loadtest-county.sh does).")
    duration = min(options.duration, 15)
    ports = options.ports
    wanted = options.pages or [key for key, _label in PAGE_TYPES]
    work_dir = Path(options.work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    results = Path(options.results)
    results.parent.mkdir(parents=True, exist_ok=True)
    chosen, names = targets()
    check(chosen, names, ports)
    files = {}
    for page_type in wanted:
        files[page_type] = work_dir / f"targets-{page_type}.tsv"
        files[page_type].write_text(
            "".join(f"{host}\t{path}\n" for host, path in chosen[page_type]), encoding="utf-8"
        )
    for round_number in range(1, options.rounds + 1):
        for page_type in wanted:
            drain(ports)
            load_before = os.getloadavg()[0]
            figures = run_wrk(files[page_type], ports, options.connections, duration)
            figures.update(
                {
                    "page": page_type,
                    "round": round_number,
                    "urls": len(chosen[page_type]),
                    "hosts": len({host for host, _path in chosen[page_type]}),
                    "ports": ports,
                    "connections": options.connections,
                    "load_before": round(load_before, 2),
                }
            )
            with results.open("a", encoding="utf-8") as out:
                out.write(json.dumps(figures, ensure_ascii=False) + "\n")
            print(
                f"round {round_number} {page_type:<13} {figures['rps']:>8.1f} req/s  "
                f"p95 {figures['p95_ms']:>8.1f} ms  errors {figures['errors'] + figures['non_2xx']}"
                f"  (load before {load_before:.1f})",
                flush=True,
            )


def report(results_paths):
    """The table of one or several results files (runs): medians over every round of every
    run, and beside them the medians of the runs' first rounds (cold page cache)."""
    rows = []
    for path in results_paths:
        rows += [
            json.loads(line)
            for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    if not rows:
        raise MeasureError(f"{', '.join(results_paths)}: no results")
    print(
        "| page type | URLs (hosts) | req/s | p50 ms | p95 ms | p99 ms | errors "
        "| 1st round req/s | 1st round p95 ms |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for key, label in PAGE_TYPES:
        runs = [row for row in rows if row["page"] == key]
        if not runs:
            continue
        firsts = [row for row in runs if row["round"] == 1] or runs

        def median(name, runs=runs):
            return statistics.median(row[name] for row in runs)

        errors = sum(row["errors"] + row["non_2xx"] for row in runs)
        print(
            f"| {label} | {runs[0]['urls']:,} ({runs[0]['hosts']}) | {median('rps'):.1f} | "
            f"{median('p50_ms'):.0f} | {median('p95_ms'):.0f} | {median('p99_ms'):.0f} | "
            f"{errors} | {median('rps', firsts):.1f} | {median('p95_ms', firsts):.0f} |"
        )
    loads = [row["load_before"] for row in rows]
    per_type = max(len([row for row in rows if row["page"] == key]) for key, _l in PAGE_TYPES)
    print(
        f"\n{len(results_paths)} run(s), {per_type} runs of {rows[0]['seconds']:.0f} s per page "
        f"type, medians; {rows[0]['connections']} connections over ports "
        f"{', '.join(map(str, rows[0]['ports']))}; load average before each run "
        f"{min(loads):.1f}–{max(loads):.1f}"
    )
