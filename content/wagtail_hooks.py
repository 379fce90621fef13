"""Admin registrations: organisation snippets and the pre-disclosure comment moderation queue."""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from content.comment_moderation import moderate_comments
from content.models import Department, LeaderDuty, PreDisclosureComment, StaffMember, Window

# Chinese text is not tokenised by the database search backend; plain icontains finds it.
ORM_SEARCH = None


class DepartmentViewSet(SnippetViewSet):
    model = Department
    menu_label = _("部门")
    icon = "group"
    list_display = ["name", "phone", "sort_order"]
    search_fields = ["name", "responsibilities"]
    search_backend_name = ORM_SEARCH
    ordering = ["sort_order", "name"]


class WindowViewSet(SnippetViewSet):
    model = Window
    menu_label = _("窗口")
    icon = "form"
    list_display = ["name", "department", "location"]
    list_filter = ["department"]
    search_fields = ["name", "description"]
    search_backend_name = ORM_SEARCH


class StaffMemberViewSet(SnippetViewSet):
    model = StaffMember
    menu_label = _("工作人员")
    icon = "user"
    list_display = ["name", "post", "department", "window", "backup", "is_leader", "is_active"]
    list_filter = ["department", "window", "is_leader", "is_active"]
    search_fields = ["name", "post", "duties"]
    search_backend_name = ORM_SEARCH


class LeaderDutyViewSet(SnippetViewSet):
    model = LeaderDuty
    menu_label = _("领导带班值班")
    icon = "date"
    list_display = ["date", "leader", "note"]
    list_filter = ["leader", "date"]
    search_fields = ["leader__name", "note"]
    search_backend_name = ORM_SEARCH
    ordering = ["-date"]


class OrganisationGroup(SnippetViewSetGroup):
    menu_label = _("机构与人员")
    menu_icon = "group"
    menu_order = 300
    items = (DepartmentViewSet, WindowViewSet, StaffMemberViewSet, LeaderDutyViewSet)


register_snippet(OrganisationGroup)


class CommentEditView(EditView):
    """Changing a comment's status records who moderated it and when."""

    def save_instance(self):
        instance = super().save_instance()
        if (
            "status" in self.form.changed_data
            and instance.status != PreDisclosureComment.STATUS_PENDING
        ):
            moderate_comments([instance], instance.status, self.request.user)
            instance.refresh_from_db()
        return instance


class PreDisclosureCommentViewSet(SnippetViewSet):
    model = PreDisclosureComment
    menu_label = _("预公开意见审核")
    icon = "comment"
    add_to_admin_menu = True
    menu_order = 310
    edit_view_class = CommentEditView
    list_display = [
        Column("page", label=_("预公开事项")),
        Column("name", label=_("称呼")),
        Column(
            "excerpt",
            label=_("意见内容"),
            accessor=lambda comment: Truncator(comment.body).chars(40),
        ),
        Column("status", label=_("状态"), accessor="get_status_display"),
        DateColumn("submitted_at", label=_("提交时间")),
        Column("moderated_by", label=_("审核人")),
    ]
    list_filter = ["status", "page"]
    search_fields = ["body", "name"]
    search_backend_name = ORM_SEARCH
    ordering = ["status", "-submitted_at"]


register_snippet(PreDisclosureCommentViewSet)


class _ModerateCommentsBulkAction(SnippetBulkAction):
    models = [PreDisclosureComment]
    template_name = "content/admin/confirm_bulk_moderate.html"
    status = None
    decision = ""

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"action_title": self.display_name, "decision": self.decision})
        return context

    def get_execution_context(self):
        return {"user": self.request.user, "status": self.status}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, **kwargs):
        return moderate_comments(objects, status, user), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("已将 %(count)d 条意见设为“%(decision)s”。") % {
            "count": num_parent_objects,
            "decision": self.decision,
        }


@hooks.register("register_bulk_action")
class ApproveCommentsBulkAction(_ModerateCommentsBulkAction):
    display_name = _("批准公开")
    aria_label = _("批准公开所选意见")
    action_type = "approve_comments"
    action_priority = 10
    status = PreDisclosureComment.STATUS_APPROVED
    decision = _("已公开")


@hooks.register("register_bulk_action")
class RejectCommentsBulkAction(_ModerateCommentsBulkAction):
    display_name = _("不予公开")
    aria_label = _("不予公开所选意见")
    action_type = "reject_comments"
    action_priority = 20
    status = PreDisclosureComment.STATUS_REJECTED
    decision = _("不予公开")


@hooks.register("construct_homepage_panels")
def add_editor_dashboard(request, panels):
    """Editors first see what in their department needs doing (drafts, review, stale guides)."""
    from content.editor_dashboard import EditorDashboardPanel

    panels.append(EditorDashboardPanel(request.user))


@hooks.register("register_admin_urls")
def register_catalog_import_url():
    from django.urls import path

    from content.catalog_admin_import import import_catalog_view

    return [path("catalog/import/", import_catalog_view, name="catalog_import")]


class CatalogImportMenuItem(MenuItem):
    def is_shown(self, request):
        from content.catalog_admin_import import may_import

        return may_import(request.user)


@hooks.register("register_admin_menu_item")
def register_catalog_import_menu_item():
    return CatalogImportMenuItem(
        _("导入办事指南"), reverse("catalog_import"), icon_name="upload", order=290
    )


@hooks.register("register_admin_urls")
def register_standard_catalog_urls():
    from content.standard_catalog.urls import urlpatterns

    return urlpatterns


class StandardCatalogMenuItem(MenuItem):
    def is_shown(self, request):
        from centers.models import Center

        center = Center.for_user(request.user)
        return request.user.is_superuser or (
            center is not None and center.kind == Center.Kind.TOWNSHIP
        )


class StandardCatalogReportMenuItem(MenuItem):
    def is_shown(self, request):
        from content.standard_catalog.report import centers_in_report

        return centers_in_report(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_standard_catalog_menu_item():
    return StandardCatalogMenuItem(
        _("标准事项清单"), reverse("standard_catalog_index"), icon_name="list-ul", order=291
    )


@hooks.register("register_admin_menu_item")
def register_standard_catalog_report_menu_item():
    return StandardCatalogReportMenuItem(
        _("标准事项落实情况"), reverse("standard_catalog_report"), icon_name="table", order=292
    )


@hooks.register("before_edit_page")
def warn_of_standard_update(request, page):
    from content.standard_catalog import notice

    return notice.warn_of_standard_update(request, page)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def give_a_center_its_editors(request, instance):
    """A center saved with a portal gets its editors, reviewers, collection and workflow."""
    from centers.models import Center
    from content.permissions import ensure_center_editorial

    if isinstance(instance, Center):
        ensure_center_editorial(instance)
