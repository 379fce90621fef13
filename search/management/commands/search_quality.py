"""Measure search quality on a catalog and judged queries: recall@10 and MRR per kind of query."""

import uuid
from pathlib import Path
from tempfile import TemporaryDirectory

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.backends import EngineUnavailable
from search.quality import KINDS, evaluate, load_json


class Command(BaseCommand):
    help = "Index a catalog's guides into a throwaway index and report recall@10 and MRR per query kind."

    def add_arguments(self, parser):
        parser.add_argument(
            "--catalog", required=True, help="catalog JSON (catalog/SCHEMA.md format)"
        )
        parser.add_argument(
            "--queries", required=True, help="judged queries JSON (q, relevant, primary, kind)"
        )
        parser.add_argument("--engine", choices=["embedded", "elasticsearch"], default="embedded")
        parser.add_argument(
            "--show-misses", action="store_true", help="list queries that were not perfect"
        )

    def handle(self, *args, **options):
        try:
            records = load_json(options["catalog"])
            queries = load_json(options["queries"])
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read the input: {exc}") from exc
        with TemporaryDirectory(prefix="search-quality-") as tmp:
            engine = self._engine(options["engine"], Path(tmp))
            try:
                report = evaluate(engine, records, queries)
            except EngineUnavailable as exc:
                raise CommandError(str(exc)) from exc
            finally:
                if options["engine"] == "elasticsearch":
                    engine.drop()
        self.stdout.write(
            f"engine: {options['engine']}  guides: {len(records)}  queries: {len(queries)}"
        )
        self.stdout.write(f"{'kind':<12} {'queries':>7} {'recall@10':>10} {'MRR':>7}")
        for kind in [*KINDS, *sorted(set(report.per_kind) - set(KINDS))]:
            figures = report.per_kind.get(kind)
            if figures:
                self.stdout.write(
                    f"{kind:<12} {figures['queries']:>7} {figures['recall']:>10.3f} {figures['mrr']:>7.3f}"
                )
        overall = report.overall
        self.stdout.write(
            f"{'overall':<12} {overall['queries']:>7} {overall['recall']:>10.3f} {overall['mrr']:>7.3f}"
        )
        if options["show_misses"]:
            for query, expected, got in report.misses:
                self.stdout.write(f"miss: {query}  expected {expected}  got {got}")

    def _engine(self, name, tmp):
        if name == "embedded":
            from search.backends.embedded import EmbeddedEngine

            return EmbeddedEngine(tmp / "quality.sqlite3")
        if not settings.ELASTICSEARCH_URL:
            raise CommandError("--engine elasticsearch needs ELASTICSEARCH_URL")
        from search.backends.elasticsearch import ElasticsearchEngine

        prefix = f"{settings.ELASTICSEARCH_INDEX_PREFIX}_quality_{uuid.uuid4().hex[:8]}"
        return ElasticsearchEngine(settings.ELASTICSEARCH_URL, index_prefix=prefix)
