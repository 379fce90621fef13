"""What a test does when a real service it needs is missing: skip locally, fail under CI."""

import os

import pytest


def running_in_ci():
    return os.environ.get("CI", "").strip().lower() == "true"


def service_missing(reason):
    """Skip locally, fail under CI, so a CI run can never go green without the real engines."""
    if running_in_ci():
        pytest.fail(f"{reason} (mandatory when CI=true)", pytrace=False)
    pytest.skip(reason)
