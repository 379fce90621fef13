"""Validation of the search parameters shared by the page and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from centers.models import Center

from .documents import TYPE_LABELS
from .scope import ALL

MAX_PAGE = 1000


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, strip=True)
    type = forms.ChoiceField(required=False, choices=[("", "")] + list(TYPE_LABELS.items()))
    department = forms.CharField(required=False, max_length=100)
    topic = forms.CharField(required=False, max_length=100)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    # "" (the portal's own scope), "all", or a center's code; cleaned to "", "all" or a Center.
    center = forms.CharField(required=False, max_length=20, strip=True)

    error_messages = {
        "q": _("搜索词不能超过100个字。"),
        "type": _("没有这种信息类别。"),
        "department": _("部门名称过长。"),
        "topic": _("主题名称过长。"),
        "year": _("年份应为四位数字。"),
        "page": _("页码应为1到1000之间的整数。"),
        "center": _("没有这个服务中心。"),
    }

    def clean_center(self):
        value = self.cleaned_data.get("center") or ""
        if value in ("", ALL):
            return value
        center = Center.objects.filter(code=value).first()
        if center is None:
            raise forms.ValidationError(self.error_messages["center"], code="unknown")
        return center

    def chinese_errors(self):
        return {name: str(self.error_messages.get(name, _("参数有误。"))) for name in self.errors}

    def filters(self):
        data = self.cleaned_data
        return {
            key: data.get(key) for key in ("type", "department", "topic", "year") if data.get(key)
        }
