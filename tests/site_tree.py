"""The two steps every test page tree starts with: a clean home page the default Site
serves, and publishing through a revision as an editor's approval would."""

from wagtail.models import Page, Site

from content.models import HomePage


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def fresh_home(slug, **fields):
    """The HomePage made by migration 0002 (or a new one), served by the default site,
    emptied of children so each test builds its own tree below it."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="首页", slug=slug, **fields))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    for child in home.get_children():
        child.delete()
    return HomePage.objects.get(pk=home.pk)
