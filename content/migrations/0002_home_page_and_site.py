"""Replace Wagtail's welcome page with the portal's HomePage and point the default Site at it.

The rest of the page tree is left to the demo loader (or the editors), so that a
production site starts with nothing but an empty home page.
"""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4


def _next_child_path(parent, Page):
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    if last is None:
        return parent.path + "0001"
    value = int(last.path[-STEPLEN:], 36) + 1
    step = ""
    while value:
        value, digit = divmod(value, 36)
        step = ALPHABET[digit] + step
    return last.path[:-STEPLEN] + step.rjust(STEPLEN, "0")


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("content", "HomePage")

    if HomePage.objects.exists():
        return
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    page_type = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")[0]
    home_type = ContentType.objects.get_or_create(app_label="content", model="homepage")[0]

    # Wagtail's placeholder: a plain Page directly under the root with no children.
    welcome = Page.objects.filter(depth=2, content_type=page_type, numchild=0).order_by("path").first()
    locale = welcome.locale if welcome else Locale.objects.order_by("pk").first()
    if welcome is not None:
        path = welcome.path
        welcome.delete()  # cascades to the Site that pointed at it
    else:
        path = _next_child_path(root, Page)
        root.numchild += 1
        root.save(update_fields=["numchild"])

    slug = "home"
    if Page.objects.filter(depth=2, slug=slug).exists():
        slug = "portal-home"
    home = HomePage.objects.create(
        title="首页",
        draft_title="首页",
        slug=slug,
        content_type=home_type,
        path=path,
        depth=2,
        numchild=0,
        url_path=f"/{slug}/",
        locale=locale,
        live=True,
        welcome="欢迎访问示范镇便民服务中心",
    )

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.filter(hostname="localhost", port=80).delete()
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page_id = home.pk
    site.site_name = site.site_name or "示范镇便民服务中心"
    site.save()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_home_page, migrations.RunPython.noop)]
