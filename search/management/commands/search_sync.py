"""Apply pending index changes (the outbox) to every configured engine, in order."""

from django.core.management.base import BaseCommand, CommandError

from search import outbox
from search.backends import configured_engines


class Command(BaseCommand):
    help = (
        "Apply pending search outbox rows to each engine in sequence order (retry after an outage)."
    )

    def handle(self, *args, **options):
        engines = configured_engines()
        failed = False
        for engine in engines:
            pending = outbox.pending_count(engine.name)
            applied, error = outbox.drain_engine(engine)
            left = outbox.pending_count(engine.name)
            self.stdout.write(
                f"{engine.name}: pending {pending}, applied {applied}, still pending {left}"
            )
            if error is not None:
                failed = True
                self.stderr.write(f"{engine.name}: {error}")
        pruned = outbox.prune([engine.name for engine in engines])
        if pruned:
            self.stdout.write(f"pruned {pruned} rows every engine has applied")
        if failed:
            raise CommandError("some engines could not be updated; their rows stay pending")
