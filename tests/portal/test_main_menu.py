"""The main menu (主导航) comes from the pages: editors tick, rename and reorder its sections."""

import importlib
import io
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page

from content.models import ArticleIndexPage, CommitmentPage, FeeDisclosurePage, ServiceCatalogPage
from tests.builders import fresh_home, publish

pytestmark = pytest.mark.django_db


def menu(client, url):
    html = client.get(url).content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]*)"[^>]*>([^<]*)</a>', nav)


@pytest.fixture
def sections():
    home = fresh_home("home")
    catalog = publish(home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides")))
    commitments = publish(
        home.add_child(
            instance=CommitmentPage(
                title="服务承诺",
                slug="commitments",
                commitments="<p>一次办好</p>",
                breach_handling="<p>道歉</p>",
            )
        )
    )
    hidden = publish(
        home.add_child(
            instance=ArticleIndexPage(title="政务公开", slug="open", show_in_menus=False)
        )
    )
    return home, catalog, commitments, hidden


def test_menu_lists_home_then_the_ticked_sections_in_tree_order_then_the_complaint_pages(
    client, sections
):
    home, catalog, commitments, hidden = sections
    assert menu(client, catalog.url) == [
        ("/", "首页"),
        ("/guides/", "办事指南"),
        ("/commitments/", "服务承诺"),
        ("/complaints/new/", "我要投诉"),
        ("/complaints/track/", "投诉查询"),
    ]


def test_renaming_reordering_and_ticking_sections_changes_the_menu(client, sections):
    home, catalog, commitments, hidden = sections
    client.get(catalog.url)  # the menu is now in the fragment cache

    catalog.title = "办事服务"
    publish(catalog)
    Page.objects.get(pk=commitments.pk).move(home, pos="first-child")
    hidden.show_in_menus = True
    publish(hidden)

    labels = [label for url, label in menu(client, catalog.url)]
    assert labels == ["首页", "服务承诺", "办事服务", "政务公开", "我要投诉", "投诉查询"]


def test_migration_ticks_the_sections_the_menu_showed_by_page_type_on_an_existing_site(
    client, sections
):
    home, catalog, commitments, hidden = sections
    fees = publish(home.add_child(instance=FeeDisclosurePage(title="收费公示", slug="fees")))
    for page in (catalog, commitments, hidden, fees):
        page.show_in_menus = False
        publish(page)
    migration = importlib.import_module("content.migrations.0012_main_menu_from_pages")

    migration.tick_menu_sections(apps, None)

    labels = [label for url, label in menu(client, catalog.url)]
    assert labels == [
        "首页",
        "办事指南",
        "服务承诺",
        "政务公开",
        "收费公示",
        "我要投诉",
        "投诉查询",
    ]
    # The editor's form starts from the latest revision: the next publish keeps the tick.
    latest = ServiceCatalogPage.objects.get(pk=catalog.pk).get_latest_revision_as_object()
    assert latest.show_in_menus is True


def test_demo_menu_shows_the_sections_in_the_order_the_menu_always_had(client, settings):
    settings.DEMO_LOADERS = ["content.demo.load"]
    call_command("load_demo", stdout=io.StringIO())

    labels = [label for url, label in menu(client, "/")]
    assert labels == [
        "首页",
        "办事指南",
        "服务承诺",
        "收费公示",
        "工作人员公示",
        "办结公告",
        "政务公开",
        "通知公告",
        "我要投诉",
        "投诉查询",
    ]
