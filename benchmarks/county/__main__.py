"""`python -m benchmarks.county generate …` and the measuring steps of `.ci/loadtest-county.sh`."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()

from benchmarks.county.cli import main  # noqa: E402  (needs the app registry)

main()
