"""Blank forms and filled samples the demo attaches to a few guides' materials."""

from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from content.models import ServiceGuidePage

from .forms_pdf import form_pdf

# guide code -> material name -> (form title, fields, the sample's filled-in values)
FORMS = {
    "MZ-001": {
        "最低生活保障申请书": (
            "最低生活保障申请书",
            [
                "申请人姓名",
                "居民身份证号码",
                "户籍地址",
                "家庭人口",
                "家庭月收入",
                "申请理由",
                "联系电话",
            ],
            {
                "申请人姓名": "李桂兰",
                "居民身份证号码": "3300**********1234（示例）",
                "户籍地址": "示范镇东湖村3组12号",
                "家庭人口": "2 人",
                "家庭月收入": "约 900 元",
                "申请理由": "配偶因病丧失劳动能力，家庭收入低于当地低保标准",
                "联系电话": "139****0000",
            },
        ),
    },
    "ZR-001": {
        "农村宅基地和建房（规划许可）申请表": (
            "农村宅基地和建房（规划许可）申请表",
            ["申请户主", "所在村组", "家庭成员", "现住房情况", "拟建位置", "拟建面积", "建房类型"],
            {
                "申请户主": "张建国",
                "所在村组": "示范镇西山村5组",
                "家庭成员": "4 人（户主、妻子、一子一女）",
                "现住房情况": "1978 年建土木结构平房，已鉴定为危房",
                "拟建位置": "原宅基地拆旧建新",
                "拟建面积": "宅基地 120 平方米，建筑面积 240 平方米",
                "建房类型": "原址翻建",
            },
        ),
    },
    "SC-001": {
        "个体工商户登记申请书": (
            "个体工商户登记（备案）申请书",
            [
                "经营者姓名",
                "联系电话",
                "个体工商户名称",
                "经营场所",
                "经营范围",
                "组成形式",
                "资金数额",
            ],
            {
                "经营者姓名": "陈小梅",
                "联系电话": "137****0000",
                "个体工商户名称": "示范镇小梅便利店",
                "经营场所": "示范镇人民路18号",
                "经营范围": "日用百货零售；预包装食品销售",
                "组成形式": "个人经营",
                "资金数额": "5 万元",
            },
        ),
    },
}
NOTE = "说明：本表为示范数据，仅供演示；请以窗口提供的正式表格为准。"
SAMPLE_SIGNATURE = {"申请人签名": "（签名）", "日期": "2026年11月20日"}


def attach_forms():
    """Give the materials in FORMS a blank form and a filled sample, and republish the guides."""
    for code, materials in FORMS.items():
        guide = ServiceGuidePage.objects.get(code=code)
        rows = list(guide.materials.all())
        for row in rows:
            if row.name not in materials:
                continue
            title, fields, values = materials[row.name]
            row.blank_form = _document(f"{title}（空白表格）", form_pdf(title, fields, note=NOTE))
            row.sample_form = _document(
                f"{title}（示例样表）",
                form_pdf(title, fields, {**values, **SAMPLE_SIGNATURE}, note=NOTE),
            )
        guide.materials = rows
        guide.save_revision().publish()


def _document(title, data):
    document = Document(title=title)
    document.file.save(f"{title}.pdf", ContentFile(data), save=True)
    return document
