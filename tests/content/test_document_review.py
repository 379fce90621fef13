"""Documents: a collection per department, and no unreviewed swap of a file a live page links to."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import Collection

from content.models import Department, GuideMaterial, ServiceGuidePage
from content.permissions import REVIEWERS_GROUP, department_editors_group
from tests.builders import make_user
from tests.fixtures.catalog import GOOD, catalog_page

pytestmark = pytest.mark.django_db

Document = get_document_model()
FORM_V1 = b"%PDF-1.4\n% application form, version 1\n"
FORM_V2 = b"%PDF-1.4\n% application form, swapped in\n"


@pytest.fixture
def guides():
    catalog_page()
    call_command("import_catalog", str(GOOD), stdout=io.StringIO())
    return ServiceGuidePage.objects.all()


@pytest.fixture
def civil(guides):
    return Department.objects.get(name="民政办")


@pytest.fixture
def civil_editor(client, civil):
    user = make_user("civil", department_editors_group(civil))
    client.force_login(user)
    return user


def upload(client, collection, content=FORM_V1, title="低保申请表"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile("form.pdf", content, content_type="application/pdf"),
            "collection": collection.pk,
        },
    )


def link_from_live_guide(guide, document):
    guide = guide.get_latest_revision_as_object()
    guide.materials.add(GuideMaterial(name="低保申请表", sample_form=document))
    guide.save_revision().publish()


def replace(client, document, content=FORM_V2):
    return client.post(
        f"/admin/documents/edit/{document.pk}/",
        {
            "title": document.title,
            "file": SimpleUploadedFile("form.pdf", content, content_type="application/pdf"),
            "collection": document.collection_id,
        },
    )


def stored_bytes(document):
    document = Document.objects.get(pk=document.pk)
    with document.file.open("rb") as handle:
        return handle.read()


def test_each_department_has_its_own_document_collection_for_its_editors(
    client, civil, civil_editor
):
    collection = Collection.objects.get(name=civil.name)
    assert upload(client, collection).status_code == 302
    assert Document.objects.get().collection == collection


def test_department_editors_cannot_upload_into_the_shared_root_collection(
    client, civil, civil_editor
):
    upload(client, Collection.get_first_root_node())
    assert not Document.objects.filter(collection=Collection.get_first_root_node()).exists()


def test_department_editor_cannot_swap_a_file_a_live_guide_links_to(
    client, civil, civil_editor, guides
):
    upload(client, Collection.get_first_root_node().get_children().get(name=civil.name))
    document = Document.objects.get()
    link_from_live_guide(guides.get(code="MZ-001"), document)

    response = replace(client, document)

    assert response.status_code in (302, 403)
    assert stored_bytes(document) == FORM_V1


def test_department_editor_still_replaces_a_file_no_live_page_links_to(client, civil, civil_editor):
    upload(client, Collection.objects.get(name=civil.name))
    document = Document.objects.get()
    assert replace(client, document).status_code == 302
    assert stored_bytes(document) == FORM_V2


def test_a_reviewer_replaces_a_file_a_live_guide_links_to(
    client, civil, civil_editor, guides, django_user_model
):
    upload(client, Collection.objects.get(name=civil.name))
    document = Document.objects.get()
    link_from_live_guide(guides.get(code="MZ-001"), document)
    client.force_login(make_user("reviewer", REVIEWERS_GROUP))
    assert replace(client, document).status_code == 302
    assert stored_bytes(document) == FORM_V2


def test_renaming_a_department_renames_its_collection(civil, civil_editor):
    civil.name = "社会事务办"
    civil.save()
    assert Collection.objects.filter(name="社会事务办").exists()
    assert not Collection.objects.filter(name="民政办").exists()
