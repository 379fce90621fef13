"""Search test data built with Wagtail's page API, and the engines to run it against.

Every test gets its own embedded index file and (for Elasticsearch) its own index
prefix, so tests never see each other's documents. Elasticsearch tests use the
node at ELASTICSEARCH_URL; without it they skip locally and fail when CI=true
(see tests/conftest.py).
"""

import datetime
import itertools
import os
import uuid
from types import SimpleNamespace

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from content.models import (
    AnnouncementIndexPage,
    ArticleIndexPage,
    ArticlePage,
    CommitmentPage,
    CompletionAnnouncementPage,
    Department,
    DepartmentSectionPage,
    FeeDisclosurePage,
    GuideFAQ,
    GuideMaterial,
    GuideStep,
    PreDisclosurePage,
    ServiceCatalogPage,
    ServiceGuidePage,
    StaffMember,
    StaffRosterPage,
    Window,
)
from search import backends
from search.analysis.synonyms import bump_version
from tests.site_tree import fresh_home, publish

SESSION_PREFIX = f"test_search_{os.getpid()}_{uuid.uuid4().hex[:6]}"
_counter = itertools.count(1)

APPLICANT = "欧阳娜娜"
APPLICANT_MASKED = "欧***"


def _reset_engine_caches():
    backends._embedded.cache_clear()
    backends._elasticsearch.cache_clear()


@pytest.fixture(autouse=True)
def search_settings(settings, tmp_path):
    """A fresh embedded index per test; Elasticsearch off unless a test asks for it."""
    settings.SEARCH_EMBEDDED_PATH = tmp_path / "search.sqlite3"
    settings.ELASTICSEARCH_URL = ""
    settings.ELASTICSEARCH_INDEX_PREFIX = f"{SESSION_PREFIX}_{next(_counter)}"
    _reset_engine_caches()
    bump_version()
    yield settings
    bump_version()
    _reset_engine_caches()


@pytest.fixture(scope="session")
def es_cleanup(elasticsearch_url):
    """Delete every index this session created."""
    yield elasticsearch_url
    from elasticsearch import Elasticsearch

    client = Elasticsearch(elasticsearch_url)
    for name in client.indices.get(index=f"{SESSION_PREFIX}*", expand_wildcards="all"):
        client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def use_elasticsearch(es_cleanup, search_settings):
    """Turn Elasticsearch on for this test (primary engine, fed by the outbox)."""
    search_settings.ELASTICSEARCH_URL = es_cleanup
    _reset_engine_caches()
    return backends.get_engine("elasticsearch")


ENGINES = ["embedded", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(params=ENGINES)
def engine_name(request):
    if request.param == "elasticsearch":
        request.getfixturevalue("use_elasticsearch")
    return request.param


@pytest.fixture
def engine(engine_name):
    return backends.get_engine(engine_name)


# --- the site ---------------------------------------------------------------------------------


def home_page():
    return fresh_home(slug="search-home")


def add_guide(
    section, *, title, code, department, topics=(), materials=(), steps=(), faqs=(), **fields
):
    defaults = {
        "basis": "《示范条例》第三条",
        "conditions": "本镇户籍居民可以申请。",
        "statutory_days": 20,
        "promised_days": 5,
        "location": "镇便民服务中心一楼",
        "hours": "工作日 9:00-17:00",
    }
    defaults.update(fields)
    guide = ServiceGuidePage(
        title=title, slug=code.lower(), code=code, department=department, **defaults
    )
    for index, name in enumerate(materials):
        guide.materials.add(GuideMaterial(name=name, form="原件", sort_order=index))
    for index, text in enumerate(steps):
        guide.steps.add(GuideStep(text=text, sort_order=index))
    for index, (question, answer) in enumerate(faqs):
        guide.faqs.add(GuideFAQ(question=question, answer=answer, sort_order=index))
    section.add_child(instance=guide)
    guide.topics.add(*topics)
    return publish(guide)


def build_site():
    """A small public site: guides in four departments, and every other indexed content type."""
    home = home_page()
    deps = {
        name: Department.objects.get_or_create(name=name, defaults={"slug": slug})[0]
        for name, slug in [
            ("派出所户籍室", "huji"),
            ("民政办", "minzheng"),
            ("社会保障所", "shebao"),
            ("市场监管所", "shichang"),
            ("自然资源和规划所", "ziran"),
        ]
    }
    window = Window.objects.get_or_create(
        name="综合窗口3号", defaults={"department": deps["民政办"]}
    )[0]
    catalog = home.add_child(instance=ServiceCatalogPage(title="办事指南", slug="guides"))
    publish(catalog)
    sections = {}
    for name, dep in deps.items():
        section = catalog.add_child(
            instance=DepartmentSectionPage(title=name, slug=dep.slug, department=dep)
        )
        sections[name] = publish(section)

    g = SimpleNamespace()
    g.hukou = add_guide(
        sections["派出所户籍室"],
        title="户口迁移办事指南",
        code="T-HJ-01",
        department=deps["派出所户籍室"],
        topics=["户籍办理"],
        materials=["居民户口簿", "居民身份证"],
        steps=["提交申请", "民警审核", "办结"],
        faqs=[("家里人能代办吗？", "可以，带上双方身份证。")],
    )
    g.birth = add_guide(
        sections["派出所户籍室"],
        title="出生登记（新生儿落户）",
        code="T-HJ-02",
        department=deps["派出所户籍室"],
        topics=["户籍办理", "生育服务"],
        materials=["出生医学证明", "父母双方居民户口簿"],
        conditions="新生儿出生后一个月内，由父母一方申报出生登记。",
    )
    g.idcard = add_guide(
        sections["派出所户籍室"],
        title="居民身份证补领",
        code="T-HJ-03",
        department=deps["派出所户籍室"],
        topics=["户籍办理"],
        fee_charged=True,
        fee_standard="补领居民身份证每证收取工本费20元",
        fee_basis="《居民身份证收费标准通知》",
        faqs=[("能不能<script>加急</script>办理？", "不能，请以窗口告知为准。")],
    )
    g.dibao = add_guide(
        sections["民政办"],
        title="最低生活保障申请",
        code="T-MZ-01",
        department=deps["民政办"],
        window=window,
        topics=["社会救助"],
        conditions="家庭人均收入低于当地低保标准，经家庭经济状况核对符合条件的本镇户籍家庭。",
    )
    g.pension = add_guide(
        sections["社会保障所"],
        title="城乡居民基本养老保险待遇资格认证",
        code="T-SB-01",
        department=deps["社会保障所"],
        topics=["社会保险"],
        conditions="正在领取城乡居民养老金的人员，每年认证一次。",
    )
    g.medical = add_guide(
        sections["社会保障所"],
        title="城乡居民基本医疗保险参保登记",
        code="T-SB-02",
        department=deps["社会保障所"],
        topics=["医疗保障"],
    )
    g.shop = add_guide(
        sections["市场监管所"],
        title="个体工商户设立登记",
        code="T-SC-01",
        department=deps["市场监管所"],
        topics=["开办经营"],
        materials=["经营者身份证", "经营场所使用证明"],
    )
    g.house = add_guide(
        sections["自然资源和规划所"],
        title="农村宅基地和建房申请",
        code="T-ZR-01",
        department=deps["自然资源和规划所"],
        topics=["农村建房"],
        conditions="本村集体经济组织成员，一户只能拥有一处宅基地。",
    )
    # Not public: a draft, and a guide behind a password.
    draft = ServiceGuidePage(
        title="户口本遗失补办草稿",
        slug="t-hj-draft",
        code="T-HJ-DRAFT",
        department=deps["派出所户籍室"],
        live=False,
    )
    sections["派出所户籍室"].add_child(instance=draft)
    draft.save_revision()
    g.draft = ServiceGuidePage.objects.get(pk=draft.pk)
    g.restricted = add_guide(
        sections["派出所户籍室"],
        title="户口内部核查流程",
        code="T-HJ-INT",
        department=deps["派出所户籍室"],
    )
    PageViewRestriction.objects.create(
        page=g.restricted, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    g.commitment = publish(
        home.add_child(
            instance=CommitmentPage(
                title="服务承诺",
                slug="commitments",
                commitments="<p>限时办结，超时由中心负责人督办。</p>",
                breach_handling="<p>违反承诺的，按规定追究责任。</p>",
            )
        )
    )
    g.fees = publish(home.add_child(instance=FeeDisclosurePage(title="收费公示", slug="fees")))
    g.roster = publish(
        home.add_child(instance=StaffRosterPage(title="工作人员公示", slug="roster"))
    )
    g.staff = StaffMember.objects.create(
        name="李秀英",
        post="社会救助窗口受理员",
        department=deps["民政办"],
        window=window,
        duties="负责低保、特困供养的受理和政策解答",
    )
    g.retired = StaffMember.objects.create(name="赵退休", post="原窗口人员", is_active=False)

    announcements = publish(
        home.add_child(instance=AnnouncementIndexPage(title="办结公告", slug="announcements"))
    )
    ann_section = publish(
        announcements.add_child(
            instance=DepartmentSectionPage(
                title="民政办公告", slug="minzheng-ann", department=deps["民政办"]
            )
        )
    )
    g.announcement = publish(
        ann_section.add_child(
            instance=CompletionAnnouncementPage(
                title=f"{APPLICANT}最低生活保障申请办结公告",
                slug="ann-1",
                matter="最低生活保障申请",
                applicant=APPLICANT,
                result="approved",
                completed_on=datetime.date(2025, 3, 1),
                department=deps["民政办"],
            )
        )
    )
    articles = publish(home.add_child(instance=ArticleIndexPage(title="制度文件", slug="rules")))
    g.article = publish(
        articles.add_child(
            instance=ArticlePage(
                title="首问责任制",
                slug="first-contact",
                body="<p>群众第一个询问的工作人员负责到底，不得推诿。</p>",
                issued_on=datetime.date(2024, 5, 1),
            )
        )
    )
    today = timezone.localdate()
    g.predisclosure = publish(
        articles.add_child(
            instance=PreDisclosurePage(
                title="关于调整高龄津贴发放标准的预公开",
                slug="pre-1",
                summary="拟提高八十周岁以上老年人高龄津贴标准。",
                draft="<p>八十至八十九周岁每月一百元。</p>",
                comment_opens=today,
                comment_closes=today + datetime.timedelta(days=10),
            )
        )
    )
    g.departments = deps
    g.home = home
    return g


@pytest.fixture
def site(db, django_capture_on_commit_callbacks, search_settings):
    """The site, published through Wagtail so the outbox has fed the configured engines."""
    with django_capture_on_commit_callbacks(execute=True):
        tree = build_site()
    return tree


@pytest.fixture
def indexed_site(engine_name, site):
    """The site indexed into the engine under test (through the outbox, as in production)."""
    return site


# --- one site per module for read-only tests ------------------------------------------------
# Building the site takes seconds; tests that only search share one build per module,
# inside a transaction rolled back at the end. Tests that change content use `site`.


@pytest.fixture(scope="module")
def shared_site(django_db_setup, django_db_blocker, tmp_path_factory):
    from django.db import transaction
    from django.test import override_settings

    path = tmp_path_factory.mktemp("shared-search") / "unused.sqlite3"
    with (
        django_db_blocker.unblock(),
        override_settings(SEARCH_EMBEDDED_PATH=path, ELASTICSEARCH_URL=""),
    ):
        _reset_engine_caches()
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            tree = build_site()
            yield tree
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            _reset_engine_caches()


@pytest.fixture(scope="module", params=ENGINES)
def shared_engine(request, shared_site, django_db_blocker, tmp_path_factory):
    """An engine holding the shared site, rebuilt from the database like `search_rebuild` does."""
    from search.backends.elasticsearch import ElasticsearchEngine
    from search.backends.embedded import EmbeddedEngine
    from search.documents import all_documents

    if request.param == "elasticsearch":
        url = request.getfixturevalue("es_cleanup")
        engine = ElasticsearchEngine(url, index_prefix=f"{SESSION_PREFIX}_shared_{next(_counter)}")
    else:
        engine = EmbeddedEngine(tmp_path_factory.mktemp("shared-embedded") / "search.sqlite3")
    with django_db_blocker.unblock():
        engine.rebuild(all_documents())
    yield engine
    if request.param == "elasticsearch":
        engine.drop()
