"""Validation of the search parameters shared by the page and the API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .documents import TYPE_LABELS

MAX_PAGE = 1000


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=100, strip=True)
    type = forms.ChoiceField(required=False, choices=[("", "")] + list(TYPE_LABELS.items()))
    department = forms.CharField(required=False, max_length=100)
    topic = forms.CharField(required=False, max_length=100)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    error_messages = {
        "q": _("搜索词不能超过100个字。"),
        "type": _("没有这种信息类别。"),
        "department": _("部门名称过长。"),
        "topic": _("主题名称过长。"),
        "year": _("年份应为四位数字。"),
        "page": _("页码应为1到1000之间的整数。"),
    }

    def chinese_errors(self):
        return {name: str(self.error_messages.get(name, _("参数有误。"))) for name in self.errors}

    def filters(self):
        data = self.cleaned_data
        return {
            key: data.get(key) for key in ("type", "department", "topic", "year") if data.get(key)
        }
