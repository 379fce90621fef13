"""A guide's "对本事项投诉" link opens the complaint form with the matter filled in."""

import re

from django.utils.html import escape


def complaint_link(client, guide):
    html = client.get(guide.url).content.decode()
    return re.search(r'href="([^"]+)">对本事项投诉<', html).group(1).replace("&amp;", "&")


def test_the_complaint_link_fills_in_the_matter_and_the_window(client, site_tree):
    guide = site_tree.disability
    form = client.get(complaint_link(client, guide)).content.decode()
    assert escape("事项：残疾人证申领") in form
    window_option = re.search(r'<option value="(\d+)" selected>([^<]+)</option>', form)
    assert window_option.group(2) == guide.window.name


def test_an_unknown_guide_number_just_opens_a_blank_form(client, site_tree):
    for value in ("999999", "abc", "<script>"):
        response = client.get("/complaints/new/", {"guide": value})
        assert response.status_code == 200
        assert "事项：" not in response.content.decode()


def test_the_home_page_links_to_the_published_complaint_results(client, site_tree):
    html = client.get(site_tree.home.url).content.decode()
    assert 'href="/complaints/results/"' in html
