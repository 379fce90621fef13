"""Rebuild the public search index from the database (Elasticsearch: new index, then alias swap)."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search import outbox
from search.backends import EngineUnavailable, configured_engines, get_engine
from search.documents import all_documents, count_documents


class Command(BaseCommand):
    help = "Rebuild the search index from every live, public page and roster entry."

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine",
            choices=["embedded", "elasticsearch", "all"],
            default="all",
            help="which engine to rebuild (default: every configured one)",
        )

    def handle(self, *args, **options):
        if options["engine"] == "all":
            engines = configured_engines()
        else:
            try:
                engines = [get_engine(options["engine"])]
            except EngineUnavailable as exc:
                raise CommandError(str(exc)) from exc
        total = count_documents()
        for engine in engines:
            # Rows written while we read the database are applied again afterwards.
            start_seq = outbox.latest_seq()
            with tqdm(
                total=total, desc=engine.name, unit="doc", disable=options["verbosity"] == 0
            ) as bar:
                try:
                    count = engine.rebuild(all_documents(), progress=bar.update)
                except EngineUnavailable as exc:
                    raise CommandError(f"{engine.name}: {exc}") from exc
            outbox.mark_current(engine.name, start_seq)
            applied, error = outbox.drain_engine(engine)
            self.stdout.write(
                f"{engine.name}: {count} documents indexed, {applied} later changes applied"
            )
            if error is not None:
                raise CommandError(f"{engine.name}: {error}")
