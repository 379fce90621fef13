"""Live Wagtail pages inserted in bulk, as valid treebeard nodes.

Publishing 3,000 guides one by one through revisions takes many minutes (every publish
runs the search, cache and workflow signals); the load test needs their rows, not their
history. Here the paths are computed as treebeard's materialized path would compute them
(same step length and alphabet), the `wagtailcore_page` rows go in with `bulk_create` and
the specific rows (guide, home, section …) with one multi-row INSERT per batch; the
parent's `numchild` is raised once. `Page.find_problems()` finds nothing afterwards
(tests/benchmarks/test_county_generator.py). No revisions are written (editors' history
is not what is measured) and no signal fires: the public index is filled afterwards with
`search_rebuild`, Wagtail's admin search with `update_index` if wanted.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import router
from django.db.models import F
from wagtail.models import Page

BATCH = 500


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _next_step(parent):
    last = parent.get_last_child()
    if last is None:
        return 1
    return Page._str2int(last.path[-Page.steplen :]) + 1


def add_live_children(parent, pages, *, published_at):
    """Insert `pages` (unsaved instances of one Page subclass) as `parent`'s last children, live."""
    if not pages:
        return []
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise ValueError("add_live_children takes pages of one type at a time")
    if model._meta.get_parent_list() != [Page]:
        raise ValueError(f"{model.__name__} must inherit from Page directly")
    content_type = ContentType.objects.get_for_model(model)
    depth = parent.depth + 1
    step = _next_step(parent)
    base_rows = []
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, depth, step + offset)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.locale_id = parent.locale_id
        page.content_type_id = content_type.pk
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = published_at
        base_rows.append(
            Page(
                **{
                    field.attname: getattr(page, field.attname)
                    for field in Page._meta.concrete_fields
                    if not field.primary_key
                }
            )
        )
    Page.objects.bulk_create(base_rows, batch_size=BATCH)
    for page, row in zip(pages, base_rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    using = router.db_for_write(model)
    fields = model._meta.local_concrete_fields
    for batch in chunks(pages, BATCH):
        model._base_manager._insert(batch, fields=fields, using=using)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages
