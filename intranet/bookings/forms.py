"""Forms of bookings and 代办/上门 requests. Every bad input gets a Chinese message and writes
nothing."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from content.models import ServiceGuidePage, Window
from intranet.bookings import schedule
from intranet.bookings.models import BookingSlot, ServiceRequest
from intranet.cases.forms import phone_validator
from intranet.center_choices import guides_of, staff_of, windows_of
from intranet.form_fields import UserChoiceField

name_field_attrs = {"autocomplete": "name", "maxlength": 50}


def bookable_guides(center):
    """The guides of ``center`` (the portal's) that have a window to book at."""
    guides = ServiceGuidePage.objects.live().public().filter(window__isnull=False)
    return guides_of(center, guides).order_by("title")


class BookingForm(forms.Form):
    """One page: the guide is chosen first (GET), then a free slot, name and phone (POST)."""

    choice = forms.ChoiceField(
        label=_("预约时间"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选择预约时间。"),
            "invalid_choice": _("所选时段已约满或不可预约，请重新选择。"),
        },
    )
    name = forms.CharField(
        label=_("姓名"),
        max_length=50,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("请填写姓名。")},
    )
    phone = forms.CharField(
        label=_("手机号码"),
        max_length=20,
        validators=[phone_validator],
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        error_messages={"required": _("请填写联系电话。")},
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["choice"].choices = [
            (
                f"{day.isoformat()}|{slot.pk}",
                _("%(day)s %(slot)s（余 %(free)s 个）")
                % {"day": day.strftime("%m-%d"), "slot": slot.label, "free": free},
            )
            for day, slot, free in choices
        ]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("请填写姓名。"))
        return name

    def clean_choice(self):
        day, slot_id = self.cleaned_data["choice"].split("|")
        return dt.date.fromisoformat(day), int(slot_id)


class CancelForm(forms.Form):
    code = forms.CharField(
        label=_("预约编号"),
        max_length=12,
        error_messages={"required": _("请填写预约编号。")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    phone_last4 = forms.RegexField(
        label=_("手机号码后四位"),
        regex=r"^\d{4}$",
        error_messages={"required": _("请填写手机号码后四位。"), "invalid": _("请填写4位数字。")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class ServiceRequestForm(forms.ModelForm):
    class Meta:
        model = ServiceRequest
        fields = ["kind", "requester", "guide", "matter", "name", "phone", "address"]
        widgets = {
            "kind": forms.RadioSelect,
            "matter": forms.Textarea(attrs={"rows": 3}),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
            "address": forms.TextInput(attrs={"autocomplete": "address-line1"}),
        }
        error_messages = {
            "kind": {"required": _("请选择代办或上门服务。")},
            "requester": {"required": _("请选择申请人类别。")},
            "matter": {"required": _("请写明需要办理的事情。")},
            "name": {"required": _("请填写姓名或村（社区）名称。")},
            "phone": {"required": _("请填写联系电话。")},
            "address": {"required": _("请填写地址，方便工作人员联系或上门。")},
        }

    def __init__(self, *args, center, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = ServiceRequest.Kind.choices
        self.fields["guide"].queryset = guides_of(
            center, ServiceGuidePage.objects.live().public()
        ).order_by("title")
        self.fields["guide"].empty_label = _("不确定／其他事项")
        self.fields["guide"].required = False
        self.fields["phone"].validators.append(phone_validator)

    def clean(self):
        data = super().clean()
        for key in ("matter", "name", "address"):
            if key in data and not data[key].strip():
                self.add_error(key, self.Meta.error_messages[key]["required"])
        return data


class SlotForm(forms.ModelForm):
    class Meta:
        model = BookingSlot
        fields = ["window", "weekday", "start", "end", "capacity"]
        widgets = {
            "start": forms.TimeInput(attrs={"type": "time"}),
            "end": forms.TimeInput(attrs={"type": "time"}),
        }

    def __init__(self, *args, center, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["window"].queryset = windows_of(center)
        self.fields["capacity"].min_value = 1

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity < 1 or capacity > 50:
            raise forms.ValidationError(_("可预约人数应在1到50之间。"))
        return capacity

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            opens, closes = schedule.office_hours()
            if end <= start:
                self.add_error("end", _("结束时间应晚于开始时间。"))
            elif start < opens or end > closes:
                self.add_error(
                    "start",
                    _("预约时段应在办公时间 %(open)s–%(close)s 之内。")
                    % {"open": opens.strftime("%H:%M"), "close": closes.strftime("%H:%M")},
                )
        return data


class ArrangeForm(forms.Form):
    agent = UserChoiceField(
        label=_("代办员"), queryset=None, error_messages={"required": _("请选择代办员。")}
    )
    scheduled_on = forms.DateField(
        label=_("安排日期"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": _("请选择日期。"), "invalid": _("请填写正确的日期。")},
    )

    def __init__(self, *args, today, center, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today
        self.fields["agent"].queryset = staff_of(center)

    def clean_scheduled_on(self):
        day = self.cleaned_data["scheduled_on"]
        if day < self.today:
            raise forms.ValidationError(_("安排日期不能早于今天。"))
        return day


class ConvertForm(forms.Form):
    window = forms.ModelChoiceField(
        label=_("受理窗口"),
        queryset=Window.objects.none(),
        error_messages={"required": _("请选择受理窗口。")},
    )

    def __init__(self, *args, center, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["window"].queryset = windows_of(center)
