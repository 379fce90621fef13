"""Which centers a search covers (docs/county.md): a township's portal searches its own
center unless asked for every center (``?center=all``); the county center's portal, and a
one-center install, search every center. ``?center=<code>`` searches that center."""

from dataclasses import dataclass, field

from centers.models import Center

ALL = "all"


@dataclass
class SearchScope:
    center: Center | None  # the center searched; None: every center
    home: Center | None  # the center whose portal the request is on
    names: dict = field(default_factory=dict)  # code → name of every center

    @property
    def several(self):
        """More than one center: only then is there a choice to offer."""
        return len(self.names) > 1

    @property
    def code(self):
        """The center filter for the engines; None searches every center."""
        return self.center.code if self.center is not None else None

    @property
    def everywhere(self):
        return self.center is None

    @property
    def param(self):
        """The ``center`` query parameter that keeps this scope in links and forms."""
        return self.param_for(self.code)

    def param_for(self, code):
        """The ``center`` parameter that searches the center with that code (None: every
        center): "" when that is the portal's default."""
        default = default_center(self.home, self.several)
        if (default.code if default is not None else None) == code:
            return ""
        return ALL if code is None else code

    def name_of(self, code):
        return self.names.get(code, "")

    def foreign(self, code):
        """Whether an item of this center belongs to another center than the portal's."""
        return bool(code) and self.several and (self.home is None or code != self.home.code)


def default_center(home, several):
    if not several or home is None or home.kind == Center.Kind.COUNTY:
        return None
    return home


def scope_for(request, asked):
    """The scope of a search: ``asked`` is the validated parameter ("", ALL or a Center)."""
    names = dict(Center.objects.values_list("code", "name"))
    home = Center.for_request(request)
    several = len(names) > 1
    if not several or asked == ALL:
        center = None
    elif isinstance(asked, Center):
        center = asked
    else:
        center = default_center(home, several)
    return SearchScope(center=center, home=home, names=names)
