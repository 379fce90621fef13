"""Documents that live pages link to change only through a reviewer.

Wagtail lets whoever uploaded a document (with add permission on its collection)
edit it, which includes replacing its file, and delete it; the public link keeps
working, so a department editor could swap the application form under an approved
guide and it was served at once, with no review. Pages go through the 审核发布
workflow; a document has no workflow of its own, so changing or deleting one that a
live page links to (found through Wagtail's reference index: foreign keys such as a
guide material's sample form, and links in rich text) is kept for those who may
publish pages, the reviewers and administrators. Editors upload the new version as a
new document and change the page to link to it, and that change is reviewed.
"""

from wagtail.models import GroupPagePermission, Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

GUARDED_ACTIONS = {"change", "delete"}


def may_publish(user):
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


def live_pages_linking_to(document):
    references = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(document),
        to_object_id=str(document.pk),
        base_content_type=ReferenceIndex._get_base_content_type(Page),
    ).values_list("object_id", flat=True)
    return Page.objects.filter(pk__in=[int(pk) for pk in references], live=True)


class ReviewedDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = set(actions)
        if (
            actions & GUARDED_ACTIONS
            and not may_publish(user)
            and live_pages_linking_to(instance).exists()
        ):
            actions -= GUARDED_ACTIONS
        return bool(actions) and super().user_has_any_permission_for_instance(
            user, actions, instance
        )


def register():
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.permissions import register_permission_policy

    # exact_class: looked up before wagtail.documents' own policy, whichever app's
    # ready() registers first.
    register_permission_policy(
        get_document_model(),
        ReviewedDocumentPermissionPolicy(
            get_document_model_string(),
            auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
