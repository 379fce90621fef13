"""The admin search adapters (portal/admin_search_backend.py, search/wagtail_backend.py) lean
on modelsearch internals that have no extension point: these tests fail loudly, naming the
change, when an upgrade of Wagtail or modelsearch moves them, instead of the admin search
quietly losing Chinese partial words or concurrent publishes deadlocking again."""

import importlib
import inspect

import pytest
from django.db import connection
from django.utils.functional import cached_property
from modelsearch.backends.base import BaseSearchBackend
from wagtail.search.backends import get_search_backend

from content.models import ServiceGuidePage

# The stock backend module and index of each database the suite runs on (`make test` runs
# SQLite and PostgreSQL); a module can only be imported on its own database.
STOCK_BACKENDS = {
    "sqlite": ("modelsearch.backends.database.sqlite.sqlite", "SQLiteIndex"),
    "postgresql": ("modelsearch.backends.database.postgres.postgres", "PostgresIndex"),
}


@pytest.fixture
def stock():
    module_name, index_name = STOCK_BACKENDS[connection.vendor]
    module = importlib.import_module(module_name)
    return module, getattr(module, index_name)


def stock_indexer(module):
    """The module's own ObjectIndexer, under the replacement search.wagtail_backend installs."""
    return next(c for c in module.ObjectIndexer.__mro__ if c.__module__ == module.__name__)


def global_names(code):
    """Names a function looks up as globals, its comprehensions included."""
    names = set(code.co_names)
    for constant in code.co_consts:
        if inspect.iscode(constant):
            names |= global_names(constant)
    return names


def test_stock_index_builds_its_object_indexer_by_module_global_name(stock):
    module, index_class = stock
    # search.wagtail_backend swaps module.ObjectIndexer; that only works while add_items
    # looks the name up in the module each time it indexes.
    assert "ObjectIndexer" in global_names(index_class.add_items.__code__), (
        f"{index_class.__name__}.add_items no longer uses the module's ObjectIndexer: "
        "rewrite search.wagtail_backend._install_indexer for the new modelsearch"
    )
    assert index_class.add_items.__globals__ is vars(module)


def test_stock_object_indexer_has_the_hooks_the_chinese_indexer_overrides(stock):
    indexer = stock_indexer(stock[0])
    assert list(inspect.signature(indexer.__init__).parameters) == ["self", "obj", "backend"]
    assert list(inspect.signature(indexer.prepare_value).parameters) == ["self", "value"]
    assert isinstance(inspect.getattr_static(indexer, "autocomplete"), cached_property)


def test_postgres_object_indexer_still_builds_weighted_vectors_from_fields():
    postgres = importlib.import_module(STOCK_BACKENDS["postgresql"][0])
    indexer = stock_indexer(postgres)
    assert list(inspect.signature(indexer.as_vector).parameters) == [
        "self",
        "texts",
        "for_autocomplete",
    ]
    assert list(inspect.signature(indexer.prepare_field).parameters) == ["self", "obj", "field"]


def test_backend_writes_through_the_index_class_it_is_given(db):
    # Both adapters replace index_class on the backend; modelsearch must keep using it.
    assert "index_class" in vars(BaseSearchBackend)
    backend = get_search_backend()
    index = backend.get_index_for_model(ServiceGuidePage)
    assert type(index) is backend.index_class
    assert type(index).__name__.startswith("Chinese")
    if connection.vendor == "postgresql":
        assert "Serialised" in type(index).__mro__[1].__name__
