"""Give completion announcements whose web address is not plain ASCII a generated one.

Slugs used to be derived from the title, which editors write with the applicant's
full name (临时救助申请（王小明）). Each such announcement gets `<guide code>-<n>` as
content.announcement_slugs generates it now; its old address keeps answering with a
permanent redirect, and its revisions carry the new slug so that publishing an old
revision cannot bring the name back.
"""

import re

from django.db import migrations
from django.utils.text import slugify

SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def free_slug(Page, prefix):
    taken = set(Page.objects.filter(slug__startswith=f"{prefix}-").values_list("slug", flat=True))
    number = 1
    while f"{prefix}-{number:03d}" in taken:
        number += 1
    return f"{prefix}-{number:03d}"


def site_relative_paths(Site, url_path):
    """The page's path on each site whose root contains it."""
    for site in Site.objects.select_related("root_page"):
        root = site.root_page.url_path
        if url_path.startswith(root):
            yield site, "/" + url_path[len(root) :]


def rename_slugs(apps, schema_editor):
    from wagtail.contrib.redirects.models import Redirect as RedirectModel

    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Revision = apps.get_model("wagtailcore", "Revision")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Announcement = apps.get_model("content", "CompletionAnnouncementPage")
    page_type = ContentType.objects.filter(
        app_label="content", model="completionannouncementpage"
    ).first()
    for page in Announcement.objects.select_related("guide"):
        if SAFE_SLUG.match(page.slug or ""):
            continue
        code = page.guide.code if page.guide_id else ""
        new_slug = free_slug(Page, slugify(code, allow_unicode=False) or "notice")
        old_url_path = page.url_path
        parent_url_path = old_url_path[: -len(page.slug) - 1] if page.slug else old_url_path
        new_url_path = f"{parent_url_path}{new_slug}/"
        Page.objects.filter(pk=page.pk).update(slug=new_slug, url_path=new_url_path)
        if page.live:
            for site, path in site_relative_paths(Site, old_url_path):
                Redirect.objects.get_or_create(
                    old_path=RedirectModel.normalise_path(path),
                    site=site,
                    defaults={"redirect_page_id": page.pk, "is_permanent": True},
                )
        if page_type is not None:
            for revision in Revision.objects.filter(
                content_type=page_type, object_id=str(page.pk)
            ):
                revision.content["slug"] = new_slug
                revision.content["url_path"] = new_url_path
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_editorial_groups_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(rename_slugs, migrations.RunPython.noop)]
