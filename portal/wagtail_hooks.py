"""Wagtail hooks of the portal project."""

from wagtail import hooks

from portal.cache_pages import mark_served_page


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    """Tell the page cache which page this response shows, so a purge of it reaches every URL variant."""
    mark_served_page(request, page)
