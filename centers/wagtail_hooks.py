"""Admin screens for the centers and the staff accounts' membership (服务中心 in /admin/).

Which centers exist and who works where decides what every account may see, so only the
superuser (the install's technical administrator) lists, adds, changes or deletes them,
whatever rights a group is given; deleting asks for confirmation (Wagtail's delete view).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from centers.models import Center, Membership


class SuperuserOnlyPolicy(BasePermissionPolicy):
    """Every action for active superusers, none for anyone else (group rights are ignored)."""

    def user_has_permission(self, user, action):
        return bool(user.is_active and user.is_superuser)

    def user_has_any_permission(self, user, actions):
        return self.user_has_permission(user, None)

    def users_with_any_permission(self, actions):
        return get_user_model().objects.filter(is_active=True, is_superuser=True)


for _model in (Center, Membership):
    register_permission_policy(_model, SuperuserOnlyPolicy(_model))


class CenterViewSet(SnippetViewSet):
    model = Center
    menu_label = _("服务中心")
    icon = "site"
    list_display = ["name", "kind", "code", "site", "parent", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    search_backend_name = None
    ordering = ["sort_order", "name"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    menu_label = _("中心成员")
    icon = "user"
    list_display = ["user", "center", "county_oversight"]
    list_filter = ["center", "county_oversight"]
    search_fields = ["user__username", "user__first_name", "center__name"]
    search_backend_name = None


class CentersGroup(SnippetViewSetGroup):
    menu_label = _("服务中心")
    menu_icon = "site"
    menu_order = 280
    items = (CenterViewSet, MembershipViewSet)


register_snippet(CentersGroup)
