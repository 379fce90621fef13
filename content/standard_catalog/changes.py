"""What changed in a standard guide since a township adopted it, field by field.

Both sides go through the exchange record (content/catalog_exchange/serialize.py), so a
guide's materials, steps, FAQ and topics are compared like its plain fields, and the
adopted side can be a page rebuilt from an old revision.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from content.catalog_exchange.serialize import guide_to_record
from content.models import ServiceGuidePage

from .adoption import LOCAL_FIELDS

# Identity and placement are each center's own, never offered as a change.
NOT_COMPARED = ("code", "department", "standard_code")

# Record keys that are not model fields, or whose record shape differs from the field.
RECORD_LABELS = {
    "name": "事项名称",
    "audience": "服务对象",
    "topics": "主题分类",
    "materials": "申报材料",
    "procedure": "办事程序",
    "fee": "收费",
    "faq": "常见问题",
    "channels": "办理形式",
}


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    adopted: str
    current: str
    local: bool  # a local element: accepting keeps the township's own value


def label_of(key):
    if key in RECORD_LABELS:
        return _(RECORD_LABELS[key])
    return str(ServiceGuidePage._meta.get_field(key).verbose_name)


def shown(key, value):
    """A record value as an editor reads it."""
    if value is None:
        return _("未规定") if key == "statutory_days" else _("（空）")
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if key == "materials":
        return "；".join(
            f"{m['name']}（{m['form']}，{m['copies']}份{'' if m['required'] else '，非必需'}）"
            + (f"：{m['note']}" if m["note"] else "")
            for m in value
        ) or _("（空）")
    if key == "faq":
        return "；".join(f"问：{entry['q']} 答：{entry['a']}" for entry in value) or _("（空）")
    if key == "fee":
        charged = _("收费") if value["charged"] else _("不收费")
        return f"{charged}；{value['standard']}" + (
            f"；{_('依据')}：{value['basis']}" if value["basis"] else ""
        )
    if isinstance(value, list):
        return "、".join(str(item) for item in value) or _("（空）")
    if value == "":
        return _("（空）")
    return str(value)


def diff(adopted, current):
    """The changes from the standard as adopted to the standard as it is live now."""
    before, after = guide_to_record(adopted), guide_to_record(current)
    return [
        Change(
            key=key,
            label=label_of(key),
            adopted=shown(key, before[key]),
            current=shown(key, after[key]),
            local=key in LOCAL_FIELDS,
        )
        for key in after
        if key not in NOT_COMPARED and before.get(key) != after[key]
    ]


def changes_for(local_draft):
    """What the local guide (as last saved) has not yet taken from its standard.

    None when the adopted revision no longer exists (all of the standard is then shown
    as current by the caller).
    """
    standard = ServiceGuidePage.objects.get(pk=local_draft.standard_id)
    if local_draft.standard_revision is None:
        return None
    return diff(local_draft.standard_revision.as_object(), standard)
