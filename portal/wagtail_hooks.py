"""Wagtail hooks of the portal project."""

from wagtail import hooks

from portal import render_versions
from portal.cache_pages import mark_served_page


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tell the page cache which page this response shows, so a purge of it reaches every URL variant."""
    mark_served_page(request, page)


@hooks.register("before_serve_page")
def read_render_versions(page, request, serve_args, serve_kwargs):
    """Read the fragment versions before the page's data: a fragment is never newer than its key."""
    render_versions.for_request(request)
