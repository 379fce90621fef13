"""Two application hosts over one PostgreSQL and one Redis: a change shows on both at once.

Each host is a gunicorn process with the production settings and a VAR_DIR of its own, as
on two machines; REDIS_URL gives them one page cache with its purge tokens and one set of
render versions (README "Scaling out"). The change is made by a third process (this test,
with the same database and Redis), as an editor publishing on any host would. Without a
shared cache each host keeps serving what it had cached.
"""

import os
import secrets
import urllib.request
from urllib.parse import quote

import pytest
from django.db import connection

from content.models import CenterSettings, ServiceGuidePage
from tests.local_servers import ServerProcess, free_port, python_module

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


CACHE_HEADER = "X-Page-Cache"
PUBLIC_HOST = "portal.example"
# A visitor with a session never gets the page cache: the host renders the page itself,
# from its own route table and template fragments.
RENDERED = {"Cookie": "sessionid=not-a-session"}
# The test process's own files stay its own; each host keeps its under its VAR_DIR.
PROCESS_ONLY = {
    "DJANGO_SETTINGS_MODULE",
    "ELASTICSEARCH_URL",
    "MEDIA_ROOT",
    "NOTIFICATION_SMS_FILE",
    "PRIVATE_MEDIA_ROOT",
    "SEARCH_EMBEDDED_PATH",
    "TEST_DATABASE_URL",
}


def database_url():
    db = connection.settings_dict
    return (
        f"postgres://{quote(db['USER'], safe='')}:{quote(db['PASSWORD'], safe='')}"
        f"@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    )


@pytest.fixture(scope="module")
def hosts(django_db_setup, tmp_path_factory):
    from django.conf import settings

    base_env = {key: value for key, value in os.environ.items() if key not in PROCESS_ONLY}
    secret_key = secrets.token_urlsafe(50)
    started = []
    try:
        for name in ("a", "b"):
            var_dir = tmp_path_factory.mktemp(f"host-{name}")
            port = free_port()
            env = dict(
                base_env,
                DJANGO_SETTINGS_MODULE="tests.postgres.host_settings",
                DEBUG="false",
                DATABASE_URL=database_url(),
                DB_CONN_MAX_AGE="0",
                REDIS_URL=settings.REDIS_URL,
                CACHE_KEY_PREFIX=settings.CACHE_KEY_PREFIX,
                VAR_DIR=str(var_dir),
                SECRET_KEY=secret_key,
                ALLOWED_HOSTS=f"{PUBLIC_HOST},127.0.0.1",
                SECURE_SSL_REDIRECT="false",
                SECURE_COOKIES="false",
                PAGE_CACHE_ENABLED="true",
                FRAGMENT_CACHE_ENABLED="true",
            )
            command = python_module(
                "gunicorn", "portal.wsgi:application", "--bind", f"127.0.0.1:{port}"
            )
            command += ["--workers", "1"]
            started.append(
                ServerProcess(command, port, env, var_dir / "gunicorn.log", "/robots.txt")
            )
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def page_cache_on(settings):
    """This process purges like every host does (the test settings turn the cache off)."""
    settings.PAGE_CACHE_ENABLED = True


def get(host, path, headers=None):
    # Behind the load balancer every host is asked for the site's one public name.
    headers = {"Host": PUBLIC_HOST, **(headers or {})}
    request = urllib.request.Request(host.base_url + path, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        assert response.status == 200
        return response.headers.get(CACHE_HEADER), response.read().decode()


def warm(hosts, path, expected):
    """Both hosts have the page in the shared page cache and in their own fragments."""
    first, second = hosts
    assert get(first, path)[0] == "MISS"
    assert get(first, path)[0] == "HIT"
    state, body = get(second, path)
    assert (state, expected in body) == ("HIT", True)
    for host in hosts:
        assert expected in get(host, path, RENDERED)[1]


def test_a_publish_on_one_process_shows_on_every_process_at_once(hosts, site_tree, page_cache_on):
    path = site_tree.disability.url
    warm(hosts, path, "镇便民服务中心一楼")

    guide = ServiceGuidePage.objects.get(pk=site_tree.disability.pk)
    guide.location = "镇便民服务中心二楼东侧"
    guide.save_revision().publish()

    for host in reversed(hosts):
        for headers in ({}, RENDERED):
            body = get(host, path, headers)[1]
            assert "镇便民服务中心二楼东侧" in body, host.base_url
            assert "镇便民服务中心一楼" not in body, host.base_url


def test_a_settings_change_shows_in_every_process_page_chrome_at_once(
    hosts, site_tree, page_cache_on
):
    path = site_tree.catalog.url
    warm(hosts, path, "0000-1111111")

    center = CenterSettings.objects.get()
    center.phone = "0000-9999999"
    center.save()

    for host in reversed(hosts):
        for headers in ({}, RENDERED):
            body = get(host, path, headers)[1]
            assert "0000-9999999" in body, host.base_url
            assert "0000-1111111" not in body, host.base_url
