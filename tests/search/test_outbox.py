"""Keeping the index true: the outbox survives an unreachable Elasticsearch and loses nothing."""

import io
import os
import socket
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from search import backends, outbox, service
from search.documents import count_documents, page_doc_id
from tests.builders import SEARCH_GUIDE_DEFAULTS, SEARCH_SITE, add_guide, build_site

ROOT = Path(__file__).resolve().parents[2]
LAUNCHER = ROOT / ".ci" / "services" / "elasticsearch.sh"


def closed_port_url():
    """A URL where nothing listens: connecting fails for real (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def dead_elasticsearch(search_settings):
    search_settings.ELASTICSEARCH_URL = closed_port_url()
    backends._elasticsearch.cache_clear()
    return search_settings


def new_guide(site, title, code):
    section = site.hukou.get_parent()
    return add_guide(
        section,
        title=title,
        code=code,
        department=site.departments["派出所户籍室"],
        defaults=SEARCH_GUIDE_DEFAULTS,
    )


def test_saves_succeed_and_rows_stay_pending_when_elasticsearch_is_down(
    site, dead_elasticsearch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        guide = new_guide(site, "临时救助申请", "T-LS-01")
    assert guide.live
    assert outbox.pending_count("elasticsearch") > 0
    assert outbox.pending_count("embedded") == 0
    assert page_doc_id(guide.pk) in backends.get_engine("embedded").doc_ids()


def test_search_falls_back_to_the_embedded_index_and_says_so(
    site, dead_elasticsearch, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new_guide(site, "临时救助申请", "T-LS-01")
    results = service.search("临时救助")
    assert results.incomplete
    assert results.engine == "embedded"
    assert results.hits[0].title == "临时救助申请"
    page = client.get("/search/", {"q": "临时救助"})
    assert page.status_code == 200
    assert "结果可能不完整" in page.content.decode()
    data = client.get("/api/v1/search/", {"q": "临时救助"}).json()
    assert data["incomplete"] is True
    assert data["results"][0]["title"] == "临时救助申请"


def test_search_sync_reports_what_is_still_pending(
    site, dead_elasticsearch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new_guide(site, "临时救助申请", "T-LS-01")
    pending = outbox.pending_count("elasticsearch")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("search_sync", stdout=out, stderr=io.StringIO())
    assert f"elasticsearch: pending {pending}, applied 0, still pending {pending}" in out.getvalue()
    assert outbox.pending_count("elasticsearch") == pending


def test_rows_are_applied_in_order_so_publish_then_unpublish_ends_absent(
    site, django_capture_on_commit_callbacks
):
    engine = backends.get_engine("embedded")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        guide = new_guide(site, "临时救助申请", "T-LS-01")
        guide.unpublish()
    assert callbacks  # nothing applied yet: both rows are pending
    assert outbox.pending_count("embedded") >= 2
    out = io.StringIO()
    call_command("search_sync", stdout=out)
    assert "embedded: pending" in out.getvalue()
    assert page_doc_id(guide.pk) not in engine.doc_ids()
    assert outbox.pending_count("embedded") == 0


# --- a real Elasticsearch node, stopped and started again ---------------------------------------


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _launcher(command, port):
    env = dict(os.environ, ES_PORT=str(port))
    return subprocess.run(  # noqa: S603 - our own launcher script
        [str(LAUNCHER), command],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def dedicated_node(elasticsearch_url):
    """A second single-node Elasticsearch this test may stop and start (the shared one stays up)."""
    port = _free_port()
    started = _launcher("start", port)
    assert started.returncode == 0, started.stderr[-3000:]
    url = started.stdout.strip().splitlines()[-1]
    yield port, url
    _launcher("stop", port)


@pytest.mark.elasticsearch
def test_stopping_elasticsearch_mid_test_loses_no_update(
    dedicated_node, search_settings, db, django_capture_on_commit_callbacks
):
    port, url = dedicated_node
    search_settings.ELASTICSEARCH_URL = url
    backends._elasticsearch.cache_clear()
    elastic = backends.get_engine("elasticsearch")
    with django_capture_on_commit_callbacks(execute=True):
        site = build_site(SEARCH_SITE)
    assert outbox.pending_count("elasticsearch") == 0
    assert "个体工商户设立登记" in [h.title for h in elastic.search("个体工商户").hits]

    stopped = _launcher("stop", port)
    assert stopped.returncode == 0, stopped.stderr
    assert not elastic.health()

    with django_capture_on_commit_callbacks(execute=True):
        added = new_guide(site, "临时救助申请", "T-LS-01")
        fleeting = new_guide(site, "户口簿换发", "T-HJ-09")
        fleeting.unpublish()
        site.shop.unpublish()
        site.staff.post = "残疾人服务窗口受理员"
        site.staff.save()
    assert outbox.pending_count("elasticsearch") > 0
    fallback = service.search("临时救助")
    assert fallback.incomplete and fallback.hits[0].title == "临时救助申请"

    restarted = _launcher("start", port)
    assert restarted.returncode == 0, restarted.stderr[-3000:]
    call_command("search_sync", stdout=io.StringIO())
    assert outbox.pending_count("elasticsearch") == 0

    ids = elastic.doc_ids()
    assert page_doc_id(added.pk) in ids
    assert page_doc_id(fleeting.pk) not in ids
    assert page_doc_id(site.shop.pk) not in ids
    assert "残疾人服务窗口受理员" in elastic.search("李秀英").hits[0].title
    live = service.search("临时救助")
    assert not live.incomplete and live.engine == "elasticsearch"


def test_search_rebuild_indexes_every_public_document(site):
    engine = backends.get_engine("embedded")
    engine.clear()
    out = io.StringIO()
    call_command("search_rebuild", "--engine", "embedded", stdout=out, verbosity=0)
    expected = count_documents()
    assert expected == 15  # 8 public guides, 6 other pages (home: the center), 1 roster entry
    assert f"embedded: {expected} documents indexed" in out.getvalue()
    assert engine.count() == expected
