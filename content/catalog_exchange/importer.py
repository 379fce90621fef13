"""Write side of the catalog import: one validated record -> one guide page.

Each record is written in its own transaction, so a failing record leaves nothing
behind (not even the department or window it would have created) and the records
before and after it are unaffected. A record equal to what the site already holds
is skipped, which makes a second import of the same file a no-op: no new revisions.
"""

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils.text import slugify
from pypinyin import lazy_pinyin

from content.models import (
    Department,
    DepartmentSectionPage,
    GuideFAQ,
    GuideMaterial,
    GuideStep,
    ServiceCatalogPage,
    ServiceGuidePage,
    Window,
)
from content.models.catalog import CHANNELS
from content.standard_catalog.exchange import link_standard

from .serialize import guide_to_record

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

# Guides whose record names no department still need a section to live in.
UNASSIGNED_DEPARTMENT = "未明确承办部门"


class MissingCatalogPage(Exception):
    """There is no ServiceCatalogPage to put department sections under."""


class RecordImportError(Exception):
    """The record passed validation but the site refused it; the message is for the operator."""


def ascii_slug(text, fallback):
    """Pinyin slug for Chinese names, so URLs stay readable when copied into a message."""
    slug = slugify("".join(lazy_pinyin(text)))
    return slug or fallback


def _unique_slug(base, taken):
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


class CatalogImporter:
    def __init__(self, user=None, publish=True, catalog=None):
        self.user = user
        self.publish = publish
        self.catalog = catalog or ServiceCatalogPage.objects.first()
        if self.catalog is None:
            raise MissingCatalogPage(
                "站点中还没有“办事指南目录”页面（ServiceCatalogPage），无法导入。"
                "请先在管理后台的首页下创建该页面，或运行 python manage.py load_demo。"
            )

    def import_record(self, record):
        """Write one normalised record; return CREATED, UPDATED or UNCHANGED."""
        try:
            with transaction.atomic():
                return self._import(record)
        except ValidationError as exc:
            raise RecordImportError("；".join(exc.messages)) from exc
        except DatabaseError as exc:
            # The schema checks should catch what the database refuses; if one slips
            # through, it is this record's failure and the import goes on.
            raise RecordImportError(f"数据库拒绝保存该记录（{type(exc).__name__}）") from exc

    # -- the record ---------------------------------------------------------------

    def _import(self, record):
        existing = ServiceGuidePage.objects.filter(code=record["code"]).first()
        if existing is None:
            return self._create(record)
        current = existing.get_latest_revision_as_object() if not self.publish else existing
        up_to_date = guide_to_record(current) == record
        if up_to_date and (
            not self.publish or (existing.live and not existing.has_unpublished_changes)
        ):
            return UNCHANGED
        department = self._department(record["department"])
        section = self._section(department)
        if existing.get_parent().pk != section.pk:
            existing.move(section, pos="last-child", user=self.user)
            current = ServiceGuidePage.objects.get(pk=existing.pk)
            if not self.publish:
                current = current.get_latest_revision_as_object()
        self._fill(current, record, department)
        self._save(current)
        return UPDATED

    def _create(self, record):
        department = self._department(record["department"])
        section = self._section(department)
        taken = set(section.get_children().values_list("slug", flat=True))
        page = ServiceGuidePage(
            title=record["name"],
            slug=_unique_slug(slugify(record["code"]) or "guide", taken),
            code=record["code"],
            live=self.publish,
        )
        self._fill(page, record, department)
        section.add_child(instance=page)
        self._save(page)
        return CREATED

    def _fill(self, page, record, department):
        page.title = record["name"]
        page.draft_title = record["name"]
        page.department = department if record["department"] else None
        page.window = self._window(record["window"], department)
        page.for_individuals = "个人" in record["audience"]
        page.for_organisations = "法人" in record["audience"]
        page.basis = record["basis"]
        page.conditions = record["conditions"]
        page.statutory_days = record["statutory_days"]
        page.promised_days = record["promised_days"]
        page.fee_charged = record["fee"]["charged"]
        page.fee_standard = record["fee"]["standard"]
        page.fee_basis = record["fee"]["basis"]
        page.location = record["location"]
        page.hours = record["hours"]
        page.phone = record["phone"]
        page.complaint_phone = record["complaint_phone"]
        page.matter_type = record["matter_type"]
        page.implementing_body = record["implementing_body"]
        for name, label in CHANNELS:
            setattr(page, name, label in record["channels"])
        page.visits = record["visits"]
        page.result_name = record["result_name"]
        page.delivery = record["delivery"]
        page.intermediary = record["intermediary"]
        page.special_procedures = record["special_procedures"]
        page.online_url = record["online_url"]
        link_standard(page, record["standard_code"], self.catalog)
        # Children are replaced wholesale: the file is the authority on the whole list. The
        # forms editors attached to a material are not in the file; a material of the same
        # name keeps them.
        documents = {
            material.name: (material.blank_form_id, material.sample_form_id)
            for material in page.materials.all()
        }
        page.materials = [
            GuideMaterial(
                sort_order=order,
                blank_form_id=documents.get(material["name"], (None, None))[0],
                sample_form_id=documents.get(material["name"], (None, None))[1],
                **material,
            )
            for order, material in enumerate(record["materials"])
        ]
        page.steps = [
            GuideStep(sort_order=order, text=text) for order, text in enumerate(record["procedure"])
        ]
        page.faqs = [
            GuideFAQ(sort_order=order, question=entry["q"], answer=entry["a"])
            for order, entry in enumerate(record["faq"])
        ]
        page.topics.set(record["topics"])

    def _save(self, page):
        revision = page.save_revision(user=self.user, log_action=True)
        if self.publish:
            # Publishing supersedes a change waiting for approval, as publishing in the admin does.
            if page.workflow_in_progress:
                page.current_workflow_state.cancel(user=self.user)
            revision.publish(user=self.user, skip_permission_checks=True)
            return
        workflow = page.get_workflow()
        if workflow is not None and not page.workflow_in_progress:
            workflow.start(page, self.user)

    # -- departments, windows and sections created on demand ---------------------

    def _department(self, name):
        name = name or UNASSIGNED_DEPARTMENT
        department = Department.objects.filter(name=name).first()
        if department is None:
            taken = set(Department.objects.values_list("slug", flat=True))
            department = Department.objects.create(
                name=name,
                slug=_unique_slug(ascii_slug(name, "department"), taken),
                sort_order=Department.objects.count() + 1,
            )
        return department

    def _window(self, name, department):
        if not name:
            return None
        window, _created = Window.objects.get_or_create(
            name=name, defaults={"department": department}
        )
        return window

    def _section(self, department):
        section = (
            DepartmentSectionPage.objects.child_of(self.catalog)
            .filter(department=department)
            .first()
        )
        if section is not None:
            return section
        taken = set(self.catalog.get_children().values_list("slug", flat=True))
        section = DepartmentSectionPage(
            title=department.name,
            slug=_unique_slug(department.slug, taken),
            department=department,
        )
        self.catalog.add_child(instance=section)
        # Sections are structure rather than content; publish them so guides can go live.
        section.save_revision(user=self.user).publish(user=self.user, skip_permission_checks=True)
        return section
