"""{% fragment "name" vary_on… %}…{% endfragment %}: Django's {% cache %} with the portal's keys.

Unlike {% cache %}, the key always holds the render versions and the care mode
(portal/fragment_cache.py), and previews render uncached.
"""

from django import template
from django.conf import settings

from portal import fragment_cache

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist = nodelist
        self.name = name
        self.vary_on = vary_on

    def render(self, context):
        request = context.get("request")
        if not fragment_cache.usable_for(request):
            return self.nodelist.render(context)
        vary = [expression.resolve(context) for expression in self.vary_on]
        key = fragment_cache.key_for(request, self.name, vary)
        store = fragment_cache.fragment_store()
        markup = store.get(key)
        if markup is None:
            markup = self.nodelist.render(context)
            store.set(key, markup, timeout=settings.FRAGMENT_CACHE_SECONDS)
        return markup


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% fragment %} needs a name")
    name = bits[1].strip("\"'")
    vary_on = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, name, vary_on)
