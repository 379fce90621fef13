"""Purging the anonymous page cache when what a page shows changes.

- A page is published, unpublished or deleted: that page, its ancestors (they list
  it, and breadcrumbs name them), its descendants (their URLs and breadcrumbs
  contain it) and the listing pages of PAGE_CACHE_LISTING_MODELS (home, catalog,
  fee disclosure, announcement index, roster: they summarise pages from all over
  the tree).
- A page is moved: the same, at both its old and its new place.
- A top-level page (a child of a site's root) changes, or a snippet, a site
  setting, a Site, an image or a document is saved or deleted: everything, since
  the main navigation and the footer are on every page.
- Any other model of the content app with a foreign key to a page (orderables,
  pre-disclosure comments): that page and its ancestors.
- A view restriction (password, login, groups) is added, changed or removed: the
  page, everything under it (a restriction covers the descendants) and the listings.

Purges wait for the transaction to commit, and happen once per transaction.

The same signals replace the render versions (portal/render_versions.py) that key the
cached menu, site settings and template fragments, whether the page cache is on or not.
"""

import threading

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from portal import render_versions
from portal.cache_pages import SITE_TOKEN_KEY, cache_enabled, new_token, page_cache, page_token_key

DEFAULT_LISTING_MODELS = (
    "content.HomePage",
    "content.ServiceCatalogPage",
    "content.FeeDisclosurePage",
    "content.AnnouncementIndexPage",
    "content.StaffRosterPage",
)

_pending = threading.local()


def purge_everything():
    _schedule(site=True)


def purge_page_ids(page_ids):
    _schedule(page_ids=page_ids)


def _schedule(page_ids=(), site=False):
    if not cache_enabled():
        return
    state = getattr(_pending, "state", None)
    if state is None:
        state = _pending.state = {"page_ids": set(), "site": False}
    state["page_ids"].update(page_ids)
    state["site"] = state["site"] or site
    # One callback per call, but the first to run flushes everything pending and the
    # others find nothing; after a rollback the leftovers go out with the next commit
    # (a purge too many, never one too few).
    transaction.on_commit(flush_pending_purges)


def flush_pending_purges():
    """Apply the purges scheduled so far (runs when the transaction commits)."""
    state = getattr(_pending, "state", None)
    _pending.state = None
    if not state:
        return
    keys = [page_token_key(page_id) for page_id in state["page_ids"]]
    if state["site"]:
        keys.append(SITE_TOKEN_KEY)
    if keys:
        token = new_token()
        page_cache().set_many(dict.fromkeys(keys, token), timeout=None)


def listing_page_ids():
    names = getattr(settings, "PAGE_CACHE_LISTING_MODELS", DEFAULT_LISTING_MODELS)
    models = []
    for name in names:
        try:
            models.append(apps.get_model(name))
        except LookupError:
            continue
    if not models:
        return []
    return list(Page.objects.type(*models).values_list("pk", flat=True))


def is_top_level(page):
    """A site root or a direct child of one: it appears in the navigation of every page."""
    for root_path in Site.objects.values_list("root_page__path", flat=True):
        root_depth = len(root_path or "") // Page.steplen
        if root_path and page.path.startswith(root_path) and page.depth <= root_depth + 1:
            return True
    return False


def purge_around(page, include_descendants=True):
    """Purge a page, its ancestors, its descendants and the listing pages."""
    if is_top_level(page):
        purge_everything()
        return
    ids = {page.pk}
    ids.update(Page.objects.ancestor_of(page).values_list("pk", flat=True))
    if include_descendants and not page.is_leaf():
        ids.update(Page.objects.descendant_of(page).values_list("pk", flat=True))
    ids.update(listing_page_ids())
    purge_page_ids(ids)


def on_page_published(sender, instance, **kwargs):
    render_versions.bump(tree=True)
    purge_around(instance)


def on_page_unpublished(sender, instance, **kwargs):
    render_versions.bump(tree=True)
    purge_around(instance)


def on_page_moving(sender, instance, **kwargs):
    # The old place: the page is still under its old parent here.
    render_versions.bump(tree=True)
    purge_around(instance)


def on_page_moved(sender, instance, **kwargs):
    render_versions.bump(tree=True)
    purge_around(Page.objects.get(pk=instance.pk))


def on_page_deleting(sender, instance, **kwargs):
    if instance.live:
        render_versions.bump(tree=True)
        purge_around(instance)


def on_view_restriction_changed(sender, instance, raw=False, **kwargs):
    if raw or not cache_enabled():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge_around(page)


def on_model_changed(sender, instance, raw=False, **kwargs):
    """Any saved or deleted row: purge if pages show it (see the module docstring)."""
    if raw:
        return
    shared, page_children = watched_models()
    bump_render_versions(sender, shared, page_children)
    if not cache_enabled():
        return
    if sender in shared:
        purge_everything()
    elif sender in page_children:
        purge_page_of(sender, instance)


def bump_render_versions(sender, shared, page_children):
    """Any saved page (drafts too: a stale fragment is worse than a miss), an orderable or a
    view restriction changes the tree's version; a snippet, setting or image the shared one."""
    if sender is Site:
        render_versions.bump(tree=True, shared=True)
    elif sender in shared:
        render_versions.bump(shared=True)
    elif sender in page_children or sender is PageViewRestriction or issubclass(sender, Page):
        render_versions.bump(tree=True)


def purge_page_of(sender, instance):
    """A row that belongs to a page (an orderable, a comment) changed: purge that page."""
    for field in sender._meta.concrete_fields:
        remote = getattr(field, "remote_field", None)
        if (
            remote is None
            or not isinstance(remote.model, type)
            or not issubclass(remote.model, Page)
        ):
            continue
        page = Page.objects.filter(pk=getattr(instance, field.attname, None)).first()
        if page is not None:
            ancestors = Page.objects.ancestor_of(page).values_list("pk", flat=True)
            purge_page_ids([page.pk, *ancestors])
        return
    purge_everything()


def shared_models():
    """Models whose rows appear on many pages: snippets, site settings, sites, images, documents."""
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.snippets.models import get_snippet_models

    found = {Site, get_image_model(), get_document_model(), *get_snippet_models()}
    found.update(model for model in apps.get_models() if issubclass(model, BaseSiteSetting))
    return found


def page_child_models(exclude):
    """The content app's own non-page models not already treated as shared."""
    try:
        content = apps.get_app_config("content")
    except LookupError:
        return set()
    return {
        model
        for model in content.get_models()
        if not issubclass(model, Page) and model not in exclude
    }


_watched = None


def watched_models():
    """(shared models, page-owned models), worked out on first use: snippets register late."""
    global _watched
    if _watched is None:
        shared = shared_models()
        _watched = (shared, page_child_models(shared))
    return _watched


def connect():
    page_published.connect(on_page_published, dispatch_uid="page_cache_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="page_cache_unpublished")
    pre_page_move.connect(on_page_moving, dispatch_uid="page_cache_pre_move")
    post_page_move.connect(on_page_moved, dispatch_uid="page_cache_post_move")
    pre_delete.connect(on_page_deleting, sender=Page, dispatch_uid="page_cache_delete")
    post_save.connect(
        on_view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="page_cache_restriction_saved",
    )
    post_delete.connect(
        on_view_restriction_changed,
        sender=PageViewRestriction,
        dispatch_uid="page_cache_restriction_deleted",
    )
    post_save.connect(on_model_changed, dispatch_uid="page_cache_model_saved")
    post_delete.connect(on_model_changed, dispatch_uid="page_cache_model_deleted")
