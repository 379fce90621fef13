"""The main menu is drawn from the pages ticked 在菜单中显示 (show_in_menus) under each
site's home page. Tick it on the sections the menu listed by page type until now, on the
page and on its latest revision (the editor's form starts from that revision, so the
next publish keeps the tick)."""

from django.db import migrations

MENU_PAGE_TYPES = (
    "servicecatalogpage",
    "commitmentpage",
    "feedisclosurepage",
    "staffrosterpage",
    "announcementindexpage",
    "articleindexpage",
    "noticeindexpage",
)


def tick_menu_sections(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Revision = apps.get_model("wagtailcore", "Revision")
    menu_types = ContentType.objects.filter(app_label="content", model__in=MENU_PAGE_TYPES)
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        sections = Page.objects.filter(
            path__startswith=root.path, depth=root.depth + 1, content_type__in=menu_types
        )
        for page in sections:
            page.show_in_menus = True
            page.save(update_fields=["show_in_menus"])
            if page.latest_revision_id:
                revision = Revision.objects.get(pk=page.latest_revision_id)
                revision.content["show_in_menus"] = True
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0011_department_editor_group"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(tick_menu_sections, migrations.RunPython.noop)]
