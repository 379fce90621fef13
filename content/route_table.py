"""Find the page a URL names with one query instead of two per level of the tree.

Wagtail routes /guides/<department>/<guide>/ by asking each level for its child and then
for the child's specific type: seven queries for a guide. The table maps every live
page's path below the site root to its id and type, built once per worker and page-tree
version (portal/render_versions.py: any publish, unpublish, move or delete replaces it),
so routing costs one query for the page itself. Liveness is still checked on the page
just loaded, and anything the table does not know goes through Wagtail's own routing.
"""

import threading

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from portal import render_versions

_tables = {}
_lock = threading.Lock()


def table_for(root, request):
    """{path below the root ("guides/x/y/"): (page id, content type id)} for the live pages."""
    version = render_versions.for_request(request)[0]
    key = (root.pk, root.url_path)
    cached = _tables.get(key)
    if cached is not None and cached[0] == version:
        return cached[1]
    prefix = len(root.url_path)
    rows = (
        Page.objects.descendant_of(root)
        .live()
        .values_list("url_path", "pk", "content_type_id")
        .order_by()
    )
    table = {url_path[prefix:]: (pk, content_type_id) for url_path, pk, content_type_id in rows}
    with _lock:
        _tables[key] = (version, table)
    return table


def find_page(root, request, path_components):
    """(specific page, remaining path components) for the deepest known page, or None."""
    table = table_for(root, request)
    for depth in range(len(path_components), 0, -1):
        found = table.get("".join(f"{slug}/" for slug in path_components[:depth]))
        if found is None:
            continue
        page_id, content_type_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            return None
        try:
            page = model.objects.get(pk=page_id)
        except model.DoesNotExist:
            return None
        return page, path_components[depth:]
    return None
