"""`python -m benchmarks.loadtest …` (what .ci/loadtest.sh runs): Django first, then the phases."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

from benchmarks.loadtest.phases import main  # noqa: E402  (needs the app registry)

main()
