"""Every public page renders, shows what a citizen needs, and works without inline code."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.models import ServiceGuidePage
from tests.builders import add_guide

pytestmark = pytest.mark.django_db

PAGE_ATTRIBUTES = [
    "home",
    "catalog",
    "civil_section",
    "disability",
    "announcements",
    "civil_notices",
    "announcement",
    "articles",
    "article",
    "predisclosure",
    "commitments",
    "fees",
    "roster",
]


@pytest.mark.parametrize("attribute", PAGE_ATTRIBUTES)
def test_every_page_type_renders(client, site_tree, attribute):
    page = getattr(site_tree, attribute)
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-CN">' in html
    assert 'href="#main"' in html and 'id="main"' in html


@pytest.mark.parametrize("attribute", PAGE_ATTRIBUTES)
def test_pages_have_no_inline_script_or_style(client, site_tree, attribute):
    html = client.get(getattr(site_tree, attribute).url).content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_layout_has_search_box_main_navigation_and_center_contacts(client, site_tree):
    html = client.get(site_tree.catalog.url).content.decode()
    assert re.search(r'<form[^>]*action="/search/"[^>]*method="get"', html)
    assert 'name="q"' in html
    for label in ["办事指南", "服务承诺", "收费公示", "工作人员公示", "办结公告", "政务公开"]:
        assert f">{label}</a>" in html
    assert 'href="/complaints/new/">我要投诉</a>' in html
    assert 'href="/complaints/track/">投诉查询</a>' in html
    assert 'aria-current="page">办事指南</a>' in html
    for fact in ["示范镇人民路1号", "0000-1111111", "0000-2222222", "纪检监督员：0000-3333333"]:
        assert fact in html


def test_home_page_shows_topics_departments_immediate_items_and_latest_announcements(
    client, site_tree
):
    html = client.get(site_tree.home.url).content.decode()
    assert "社会救助" in html and "户籍办理" in html
    assert "民政办" in html and "派出所户籍室" in html
    assert "即办事项" in html and "高龄津贴申请" in html
    assert "最新办结公告" in html and "王**" in html
    assert "周一至周五 9:00-12:00" in html


def test_guide_page_shows_every_disclosed_element(client, site_tree):
    guide = site_tree.disability
    html = client.get(guide.url).content.decode()
    for text in [
        "MZ-0003",
        "民政办",
        "综合窗口3号",
        "个人",
        "残疾人服务",
        "《示范条例》第三条",
        "本镇户籍居民",
        "居民身份证",
        "近期免冠照片",
        "电子件",
        "两寸白底",
        "选交",
        "提出申请",
        "发证办结",
        "20 个工作日",
        "5 个工作日",
        "不收费",
        "镇便民服务中心一楼",
        "工作日 9:00-17:00",
        "0000-1234567",
        "0000-7654321",
        "可以委托他人办理吗？",
        "可以，需带委托书。",
    ]:
        assert text in html, text
    assert re.search(r"<ol class=\"steps\">\s*<li>提出申请</li><li>窗口受理</li>", html)
    assert f'href="{guide.url}notice/"' in html
    assert 'aria-label="当前位置"' in html


def test_guide_with_zero_promised_days_reads_as_immediate(client, site_tree):
    html = client.get(site_tree.subsidy.url).content.decode()
    assert '<dd class="days-big">即办</dd>' in html
    assert "法律未规定" in html


def _document(title):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title=title)
    document.file.save("form.pdf", ContentFile(b"%PDF-1.4 form"), save=True)
    return document


def test_guide_and_notice_link_a_materials_blank_form_and_filled_sample(client, site_tree):
    blank, sample = _document("残疾人证申请表"), _document("残疾人证申请表（样表）")
    material = site_tree.disability.materials.first()
    material.blank_form, material.sample_form = blank, sample
    material.save()
    for url in (site_tree.disability.url, site_tree.disability.url + "notice/"):
        html = client.get(url).content.decode()
        assert f'<a href="{blank.url}" download>空白表格' in html
        assert f'<a href="{sample.url}" download>示例样表' in html


def test_guide_shows_the_national_standard_elements(client, site_tree):
    guide = site_tree.disability
    guide.matter_type = "行政确认"
    guide.implementing_body = "某某县残疾人联合会"
    guide.channel_post = True
    guide.visits = 1
    guide.result_name = "《中华人民共和国残疾人证》"
    guide.delivery = "邮寄送达"
    guide.special_procedures = "残疾评定，评定时间不计入办结时限"
    guide.save_revision().publish()
    for url in (guide.url, guide.url + "notice/"):
        html = client.get(url).content.decode()
        for text in (
            "行政确认",
            "某某县残疾人联合会",
            "窗口办理、邮寄办理",
            "最多跑一次",
            "《中华人民共和国残疾人证》",
            "邮寄送达",
            "残疾评定",
        ):
            assert text in html, (url, text)


@pytest.mark.parametrize("visits, label", [(0, "零跑动"), (1, "最多跑一次"), (3, "最多跑 3 次")])
def test_visits_read_as_the_standard_words_them(visits, label):
    from content.models import ServiceGuidePage

    assert ServiceGuidePage(visits=visits).visits_label == label


def test_guide_offered_online_needs_its_online_address(site_tree):
    from django.core.exceptions import ValidationError

    guide = site_tree.disability
    guide.channel_online = True
    with pytest.raises(ValidationError) as caught:
        guide.full_clean()
    assert "请填写网上办理地址" in str(caught.value)
    guide.online_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        guide.full_clean()


def test_notice_has_a_qr_code_to_the_guide_and_signature_lines(client, site_tree):
    html = client.get(site_tree.disability.url + "notice/").content.decode()
    assert "<svg" in html and "办事指南二维码" in html
    assert "告知人" in html and "申请人签收" in html


def test_notice_printed_by_signed_in_staff_names_them_as_notifier(client, site_tree):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(
        "clerk", password="x", first_name="芳", last_name="王"
    )
    client.force_login(user)
    html = client.get(site_tree.disability.url + "notice/").content.decode()
    assert "<dd>王芳<span" in html


def test_notice_page_lists_every_material_with_a_checkbox_and_dates(client, site_tree):
    guide = site_tree.disability
    response = client.get(guide.url + "notice/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "一次性告知单" in html
    for material in guide.materials.all():
        assert material.name in html
        assert f'<input type="checkbox" id="material-{material.pk}">' in html
    for text in [
        "本镇户籍居民",
        "提出申请",
        "5 个工作日",
        "不收费",
        "0000-7654321",
        "镇便民服务中心一楼",
    ]:
        assert text in html
    assert "打印日期" in html and "指南更新日期" in html
    assert "data-print" in html
    assert 'href="/static/default/print.css" media="print"' in html


def test_unknown_sub_route_of_a_guide_is_404_in_chinese(client, site_tree):
    response = client.get(site_tree.disability.url + "nothing-here/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_catalog_lists_only_live_guides(client, site_tree):
    site_tree.subsidy.unpublish()
    html = client.get(site_tree.catalog.url).content.decode()
    assert "残疾人证申领" in html
    assert "高龄津贴申请" not in html
    assert "共找到 2 个事项" in html


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("topic=she-hui-jiu-zhu", {"残疾人证申领", "高龄津贴申请"}, {"户口迁入"}),
        ("department=huji", {"户口迁入"}, {"残疾人证申领", "高龄津贴申请"}),
        ("audience=法人", {"户口迁入"}, {"残疾人证申领", "高龄津贴申请"}),
        ("immediate=on", {"高龄津贴申请"}, {"残疾人证申领", "户口迁入"}),
        ("department=minzheng&immediate=on", {"高龄津贴申请"}, {"残疾人证申领", "户口迁入"}),
    ],
)
def test_catalog_filters_combine(client, site_tree, query, expected, absent):
    if query.startswith("topic="):
        slug = site_tree.subsidy.topics.get(name="社会救助").slug
        query = f"topic={slug}"
    html = client.get(f"{site_tree.catalog.url}?{query}").content.decode()
    listing = html.split('class="guide-list"', 1)[1]
    for title in expected:
        assert f">{title}</a>" in listing
    for title in absent:
        assert f">{title}</a>" not in listing
    assert f"共找到 {len(expected)} 个事项" in html


def test_catalog_filter_form_works_without_javascript(client, site_tree):
    html = client.get(site_tree.catalog.url).content.decode()
    form = html.split('class="panel filter-form"', 1)[1].split("</form>", 1)[0]
    assert 'method="get"' in html.split('class="panel filter-form"', 1)[0][-80:] + form[:40]
    assert 'type="submit"' in form
    for name in ["topic", "department", "audience", "immediate"]:
        assert f'name="{name}"' in form
        assert re.search(rf'<label for="id_{name}">', form)


def test_catalog_empty_state_in_chinese(client, site_tree):
    html = client.get(f"{site_tree.catalog.url}?department=huji&immediate=on").content.decode()
    assert "共找到 0 个事项" in html
    assert "没有找到符合条件的办事事项" in html


def test_catalog_paginates(client, site_tree):
    for number in range(25):
        add_guide(
            site_tree.police_section,
            title=f"测试事项{number:02d}",
            code=f"T-{number:03d}",
            department=site_tree.police,
        )
    first = client.get(site_tree.catalog.url + "?department=huji").content.decode()
    second = client.get(site_tree.catalog.url + "?department=huji&page=2").content.decode()
    assert "共找到 26 个事项" in first
    assert "第 1 页，共 2 页" in first
    assert "department=huji&amp;page=2" in first
    assert "第 2 页，共 2 页" in second


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_catalog_query_count_does_not_grow_with_guides(
    client, site_tree, django_assert_num_queries, settings
):
    settings.FRAGMENT_CACHE_ENABLED = False  # the query plan itself, not a fragment hit
    url = site_tree.catalog.url
    client.get(url)  # warm Wagtail's per-process caches (content types, site root paths)
    small = _count_queries(client, url)
    for number in range(12):
        guide = add_guide(
            site_tree.civil_section,
            title=f"批量事项{number}",
            code=f"B-{number:03d}",
            department=site_tree.civil,
            window=site_tree.window3,
        )
        guide.topics.add(f"主题{number}", "社会救助")
        guide.save_revision().publish()
    assert ServiceGuidePage.objects.live().count() == 15
    client.get(url)  # the publishes replaced the route table and the Site lookup
    with django_assert_num_queries(small):
        client.get(url)


def test_department_section_lists_its_guides_and_announcements(client, site_tree):
    html = client.get(site_tree.civil_section.url).content.decode()
    assert "残疾人证申领" in html and "高龄津贴申请" in html
    assert "户口迁入" not in html.split('id="dept-guides"', 1)[1]
    assert "0000-5555555" in html
    assert "王**" in html


def test_commitment_page_shows_commitments_breach_handling_and_channels(client, site_tree):
    html = client.get(site_tree.commitments.url).content.decode()
    assert "材料齐全的即办事项当场办结" in html
    assert "违诺处理" in html and "说明原因并致歉" in html
    assert "大厅设意见箱" in html and 'href="/complaints/new/"' in html


def test_article_index_filters_by_category(client, site_tree):
    from content.models import ArticlePage

    site_tree.articles.add_child(
        instance=ArticlePage(
            title="中心工作动态第一期", slug="news-1", category="news", body="<p>x</p>"
        )
    )
    everything = client.get(site_tree.articles.url).content.decode()
    news = client.get(site_tree.articles.url + "?category=news").content.decode()
    assert "便民服务中心政务公开制度" in everything and "中心工作动态第一期" in everything
    assert "中心工作动态第一期" in news
    assert "便民服务中心政务公开制度" not in news
    assert "关于调整大厅办公时间的征求意见稿" in everything


def test_article_page_shows_body_and_date(client, site_tree):
    html = client.get(site_tree.article.url).content.decode()
    assert "中心公开办理事项的设定依据" in html
    assert "2026年1月5日" in html


def test_missing_page_is_a_chinese_404(client, site_tree):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "抱歉，您访问的页面不存在" in html
    assert "返回首页" in html


def test_server_error_page_is_in_chinese_and_stands_alone(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="zh-CN">' in html
    assert "抱歉，系统暂时出现问题" in html


def test_home_query_count_does_not_grow_with_guides(
    client, site_tree, django_assert_num_queries, settings
):
    settings.FRAGMENT_CACHE_ENABLED = False  # the query plan itself, not a fragment hit
    url = site_tree.home.url
    client.get(url)
    small = _count_queries(client, url)
    for number in range(10):
        guide = add_guide(
            site_tree.civil_section,
            title=f"首页事项{number}",
            code=f"H-{number:03d}",
            department=site_tree.civil,
            promised_days=0,
        )
        guide.topics.add(f"首页主题{number}")
        guide.save_revision().publish()
    client.get(url)  # the publishes replaced the route table and the Site lookup
    with django_assert_num_queries(small):
        client.get(url)


def test_guides_behind_a_view_restriction_stay_out_of_public_lists(client, site_tree):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=site_tree.police_section, restriction_type="password", password="x"
    )
    catalog = client.get(site_tree.catalog.url).content.decode()
    fees = client.get(site_tree.fees.url).content.decode()
    assert ">户口迁入</a>" not in catalog
    assert ">户口迁入</a>" not in fees
    assert "共找到 2 个事项" in catalog
