"""`python -m benchmarks.search_speed --sizes 100000` (`make benchmark-search`): index synthetic
guides into both engines, report docs/s against jieba's own rate and query p50/p95, side by side.

Elasticsearch takes part when ELASTICSEARCH_URL is set (and ELASTICSEARCH_INDEX_PREFIX names its
throwaway indexes); the embedded engine writes to a temporary folder.
"""

import argparse
import os
import uuid
from pathlib import Path
from tempfile import TemporaryDirectory

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

from django.conf import settings  # noqa: E402  (needs the app registry)

from benchmarks.search_speed.measures import (  # noqa: E402
    highlight_cost,
    indexing_rate,
    jieba_ceiling,
    query_latency,
    synthetic_guides,
)
from search.analysis.fields import learn_vocabulary  # noqa: E402


def arguments():
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search_speed")
    parser.add_argument("--sizes", nargs="+", type=int, default=[10_000, 100_000])
    parser.add_argument(
        "--runs", type=int, default=5, help="query runs; the median run is reported"
    )
    parser.add_argument("--engines", nargs="+", choices=["embedded", "elasticsearch"], default=None)
    parser.add_argument(
        "--highlight-matches",
        nargs="*",
        type=int,
        default=[8_000, 16_000, 50_000],
        help="snippet cost on one long field holding this many matches",
    )
    return vars(parser.parse_args())


def run(options):
    engines = options["engines"] or (
        ["embedded", "elasticsearch"] if settings.ELASTICSEARCH_URL else ["embedded"]
    )
    for matches in options["highlight_matches"]:
        chars, ms = highlight_cost(matches)
        print(f"snippet of a {chars:,}-char field with {matches:,} matches: {ms:.1f} ms")
    rows = []
    with TemporaryDirectory(prefix="search-bench-") as tmp:
        for size in options["sizes"]:
            docs = synthetic_guides(size)
            learn_vocabulary(docs[:2000])
            ceiling = jieba_ceiling(docs)
            print(f"{size} docs: jieba search mode {ceiling:,.0f} docs/s")
            for name in engines:
                engine = engine_for(name, Path(tmp), size)
                rate = indexing_rate(engine, docs)
                p50, p95 = query_latency(engine, runs=options["runs"])
                rows.append((size, name, rate, rate / ceiling, p50, p95, ceiling))
                print(
                    f"  {name}: {rate:,.0f} docs/s ({rate / ceiling:.0%} of jieba), "
                    f"query p50 {p50:.1f} ms, p95 {p95:.1f} ms"
                )
                if name == "elasticsearch":
                    engine.drop()
    print("")
    print("| docs | engine | index docs/s | jieba docs/s | ratio | query p50 ms | query p95 ms |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for size, name, rate, ratio, p50, p95, ceiling in rows:
        print(
            f"| {size:,} | {name} | {rate:,.0f} | {ceiling:,.0f} | {ratio:.0%} | {p50:.1f} | {p95:.1f} |"
        )
    embedded = {row[0]: row for row in rows if row[1] == "embedded"}
    for size, name, _rate, _ratio, _p50, p95, _ceiling in rows:
        if name == "elasticsearch" and size in embedded:
            print(
                f"{size:,} docs: elasticsearch p95 / embedded p95 = {p95 / embedded[size][5]:.1f}x"
            )


def engine_for(name, tmp, size):
    if name == "embedded":
        from search.backends.embedded import EmbeddedEngine

        return EmbeddedEngine(tmp / f"bench-{size}.sqlite3")
    from search.backends.elasticsearch import ElasticsearchEngine

    prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}_bench_{uuid.uuid4().hex[:8]}"
    return ElasticsearchEngine(settings.ELASTICSEARCH_URL, index_prefix=prefix, timeout=120)


run(arguments())
