"""Demo loader step (settings.DEMO_LOADERS): make sure the demo site is searchable."""

from django.core.management import call_command


def load(stdout=None):
    """Rebuild the index when it does not hold the published content yet; False when it does."""
    from . import outbox
    from .backends import configured_engines
    from .documents import count_documents

    expected = count_documents()
    current = all(
        outbox.pending_count(engine.name) == 0 and engine.health() and engine.count() == expected
        for engine in configured_engines()
    )
    if current:
        return False
    call_command("search_rebuild", verbosity=0, stdout=stdout)
    return True
