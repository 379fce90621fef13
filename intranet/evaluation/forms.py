from django import forms
from django.utils.translation import gettext_lazy as _

from centers.scoping import members_of
from intranet.complaints.models import Complaint
from intranet.evaluation import scoring
from intranet.evaluation.models import Rule, ScoreEntry


class GenerateForm(forms.Form):
    month = forms.RegexField(
        label=_("考评月份"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        error_messages={"invalid": _("月份格式应为“年-月”，如 2026-05。")},
        widget=forms.TextInput(attrs={"type": "month"}),
    )


class ObjectionForm(forms.Form):
    text = forms.CharField(
        label=_("异议内容"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("答复"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AdjustForm(forms.Form):
    """A manual item (德能勤绩廉) for a window or a person, or a pick within a ranged rule."""

    target = forms.ChoiceField(label=_("对象"))
    points = forms.IntegerField(label=_("分值（扣分为负数）"), min_value=-30, max_value=30)
    reason = forms.CharField(
        label=_("理由"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    rule = forms.ModelChoiceField(
        queryset=Rule.objects.all(), required=False, widget=forms.HiddenInput
    )
    record = forms.CharField(required=False, max_length=40, widget=forms.HiddenInput)

    def __init__(self, *args, center, **kwargs):
        """``center``: the month's; only the windows and people it scores, and its own rules,
        may be named (another center's id is not a valid choice)."""
        super().__init__(*args, **kwargs)
        self.windows = scoring.windows_of(center)
        self.people = members_of(scoring.evaluated_people(), center)
        self.fields["target"].choices = [(f"window:{w.pk}", w.name) for w in self.windows] + [
            (f"person:{u.pk}", u.get_full_name() or u.username) for u in self.people
        ]
        self.fields["rule"].queryset = Rule.objects.filter(ruleset__center=center)

    def clean_points(self):
        points = self.cleaned_data["points"]
        if points == 0:
            raise forms.ValidationError(_("分值不能为0。"))
        return points

    def target_objects(self):
        kind, pk = self.cleaned_data["target"].split(":")
        if kind == "window":
            return self.windows.get(pk=pk), None
        return None, self.people.get(pk=pk)


class MentionForm(forms.Form):
    kind = forms.ChoiceField(label=_("通报"), choices=ScoreEntry.Mention.choices, required=False)
    reason = forms.CharField(label=_("事由"), max_length=300, required=False)


class RuleForm(forms.ModelForm):
    class Meta:
        model = Rule
        fields = [
            "title",
            "fact",
            "categories",
            "threshold",
            "points",
            "points_limit",
            "target",
            "removes_honour",
            "source",
        ]
        widgets = {"categories": forms.CheckboxSelectMultiple}

    categories = forms.MultipleChoiceField(
        label=_("投诉类别（仅投诉查实规则；不选为全部）"),
        choices=Complaint.Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


RuleFormSet = forms.modelformset_factory(Rule, form=RuleForm, extra=1, can_delete=True)


class RuleSetForm(forms.Form):
    effective_from = forms.RegexField(
        label=_("自哪个月起生效"),
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        error_messages={"invalid": _("月份格式应为“年-月”，如 2026-05。")},
        widget=forms.TextInput(attrs={"type": "month"}),
    )
    base_score = forms.IntegerField(label=_("基础分"), min_value=0, max_value=200, initial=100)
    note = forms.CharField(label=_("修订说明"), max_length=200)
