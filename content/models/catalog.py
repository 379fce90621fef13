"""The service catalog (办事指南): catalog index, department sections and guide pages.

Guides live under their department's section page so that page permissions on the
section give each department's editors their own guides and nothing else, the way
Plone's local roles do.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, Revision
from wagtail.query import PageQuerySet
from wagtail.search import index

from content.catalog_filters import CatalogFilterForm
from content.guide_notice import guide_qr_svg, notifier_name
from content.lazy_context import lazy_entries
from content.models.announcements import CompletionAnnouncementPage
from content.models.organisation import Department
from content.site_scope import in_site_of
from content.text_limits import RICH_INTRO, SHORT_TEXT, TEXT, limit
from portal.pagination import PUBLIC_PER_PAGE, paginate

MAX_DAYS = 365

# 事项类型 of the national 办事指南 standard (GB/T 32169 / 国务院办公厅 政务服务事项 catalogue).
MATTER_TYPES = (
    "行政许可",
    "行政给付",
    "行政确认",
    "行政裁决",
    "行政奖励",
    "公共服务",
    "其他行政权力",
)
# 办理形式: (model field, label); a guide may offer several.
CHANNELS = (
    ("channel_window", "窗口办理"),
    ("channel_online", "网上办理"),
    ("channel_post", "邮寄办理"),
    ("channel_self_service", "自助办理"),
)
MAX_VISITS = 10

# What a guide page shows besides its own fields (ServiceGuidePage.get_context).
PARTS = ("department", "window", "materials", "steps", "faqs", "topic_list")


class ServiceCatalogPage(Page):
    """Lists every live guide, filterable by topic, department, audience and 即办."""

    # A main menu section (portal/templatetags/navigation_tags.py) unless an editor unticks it.
    show_in_menus_default = True

    intro = RichTextField(_("导语"), blank=True, validators=limit(RICH_INTRO))

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["content.DepartmentSectionPage"]
    max_count_per_parent = 1  # one per center (home page), docs/county.md

    # The query parameters this page reads; the page cache ignores and drops all others.
    page_cache_query_parameters = ("topic", "department", "audience", "immediate", "page")

    class Meta:
        verbose_name = _("办事指南目录")

    LISTING = ("filter_form", "guides", "result_count", "topics", "departments")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_entries(lambda: self.listing(request), self.LISTING))
        return context

    def listing(self, request):
        all_guides = in_site_of(ServiceGuidePage.objects.public_listing(), self)
        topics = list(all_guides.topic_counts())
        departments = list(all_guides.department_counts())
        form = CatalogFilterForm(request.GET, topics=topics, departments=departments)
        page_obj = paginate(request, form.filter(all_guides), per_page=PUBLIC_PER_PAGE)
        page_obj.object_list = page_obj.object_list.with_topics()
        return {
            "filter_form": form,
            "guides": page_obj,
            "result_count": page_obj.paginator.count,
            "topics": topics,
            "departments": departments,
        }


class DepartmentSectionPage(Page):
    """One department's section of the site: its guides and its completion announcements."""

    department = models.ForeignKey(
        "content.Department",
        verbose_name=_("部门"),
        on_delete=models.PROTECT,
        related_name="sections",
    )
    intro = RichTextField(_("部门简介"), blank=True, validators=limit(RICH_INTRO))

    content_panels = Page.content_panels + [FieldPanel("department"), FieldPanel("intro")]
    parent_page_types = ["content.ServiceCatalogPage", "content.AnnouncementIndexPage"]
    subpage_types = ["content.ServiceGuidePage", "content.CompletionAnnouncementPage"]

    # The query parameters this page reads; the page cache ignores and drops all others.
    page_cache_query_parameters = ("page",)

    class Meta:
        verbose_name = _("部门栏目")

    LISTING = ("department", "windows", "guides", "announcements")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(lazy_entries(lambda: self.listing(request), self.LISTING))
        return context

    def listing(self, request):
        department = self.department
        guides = in_site_of(ServiceGuidePage.objects.public_listing(), self).filter(
            department=department
        )
        announcements = in_site_of(
            CompletionAnnouncementPage.objects.public_listing(), self
        ).filter(Q(department=department) | Q(path__startswith=self.path))
        return {
            "department": department,
            "windows": list(department.windows.all()),
            "guides": guides.with_topics(),
            "announcements": paginate(request, announcements, per_page=PUBLIC_PER_PAGE),
        }


class GuideQuerySet(PageQuerySet):
    """The listing filters of guides, shared by the catalog, department, home and fee pages."""

    def public_listing(self):
        """Live guides anybody may read, in catalog order, with what a list row shows loaded."""
        return (
            self.live()
            .public()
            .select_related("department", "window")
            .order_by("department__sort_order", "department__name", "path")
        )

    def with_topics(self):
        """The guides as a list, each with its `topic_list`, in one query whatever their number."""
        guides = list(self)
        by_guide = {}
        links = (
            GuideTopic.objects.filter(content_object_id__in=[g.pk for g in guides])
            .select_related("tag")
            .order_by("tag__name")
        )
        for link in links:
            by_guide.setdefault(link.content_object_id, []).append(link.tag)
        for guide in guides:
            guide.topic_list = by_guide.get(guide.pk, [])
        return guides

    def topic_counts(self):
        """Topics these guides use, with how many guides each one has, most used first."""
        return (
            Tag.objects.filter(content_guidetopic_items__content_object__in=self)
            .annotate(guide_count=Count("content_guidetopic_items", distinct=True))
            .order_by("-guide_count", "name")
        )

    def department_counts(self):
        """Departments that have at least one of these guides, with their guide counts."""
        return (
            Department.objects.filter(guides__in=self)
            .annotate(guide_count=Count("guides", distinct=True))
            .order_by("sort_order", "name")
        )


class GuideTopic(TaggedItemBase):
    content_object = ParentalKey(
        "content.ServiceGuidePage", related_name="tagged_topics", on_delete=models.CASCADE
    )


class ServiceGuidePage(RoutablePageMixin, Page):
    """A 办事指南 with every element the disclosure rules require."""

    objects = PageManager.from_queryset(GuideQuerySet)()

    code = models.CharField(_("事项编码"), max_length=50, unique=True)
    department = models.ForeignKey(
        "content.Department",
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides",
    )
    window = models.ForeignKey(
        "content.Window",
        verbose_name=_("受理窗口"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides",
    )
    for_individuals = models.BooleanField(_("服务对象：个人"), default=True)
    for_organisations = models.BooleanField(_("服务对象：法人"), default=False)
    topics = ClusterTaggableManager(
        through=GuideTopic,
        blank=True,
        verbose_name=_("主题分类"),
        help_text=_("如：社会保险、户籍办理"),
    )
    basis = models.TextField(_("设定依据"), blank=True, validators=limit(TEXT))
    conditions = models.TextField(_("受理条件"), blank=True, validators=limit(TEXT))
    statutory_days = models.PositiveSmallIntegerField(
        _("法定办结时限（工作日）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_DAYS)],
        help_text=_("法律未规定时限的留空"),
    )
    promised_days = models.PositiveSmallIntegerField(
        _("承诺办结时限（工作日）"),
        default=0,
        validators=[MaxValueValidator(MAX_DAYS)],
        help_text=_("0 表示即办（当场办结）"),
    )
    fee_charged = models.BooleanField(_("是否收费"), default=False)
    fee_standard = models.TextField(
        _("收费标准"), blank=True, default="不收费", validators=limit(SHORT_TEXT)
    )
    fee_basis = models.TextField(_("收费依据"), blank=True, validators=limit(SHORT_TEXT))
    location = models.CharField(_("办理地点"), max_length=200, blank=True)
    hours = models.CharField(_("办理时间"), max_length=200, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=50, blank=True)
    complaint_phone = models.CharField(_("监督投诉电话"), max_length=50, blank=True)
    matter_type = models.CharField(
        _("事项类型"),
        max_length=20,
        blank=True,
        choices=[(value, value) for value in MATTER_TYPES],
    )
    implementing_body = models.CharField(
        _("实施主体"),
        max_length=200,
        blank=True,
        help_text=_("依法实施该事项的机关，如：某某镇人民政府"),
    )
    channel_window = models.BooleanField(_("窗口办理"), default=True)
    channel_online = models.BooleanField(_("网上办理"), default=False)
    channel_post = models.BooleanField(_("邮寄办理"), default=False)
    channel_self_service = models.BooleanField(_("自助办理"), default=False)
    visits = models.PositiveSmallIntegerField(
        _("到现场次数"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_VISITS)],
        help_text=_("0 表示零跑动，1 表示最多跑一次；未核定的留空"),
    )
    result_name = models.CharField(
        _("办理结果"), max_length=200, blank=True, help_text=_("如：《居民户口簿》、准予许可决定书")
    )
    result_sample = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("办理结果样本"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    delivery = models.CharField(
        _("送达方式"), max_length=200, blank=True, help_text=_("如：窗口领取、邮寄送达")
    )
    intermediary = models.TextField(
        _("中介服务"),
        blank=True,
        validators=limit(SHORT_TEXT),
        help_text=_("无中介服务的留空，页面显示“无”"),
    )
    special_procedures = models.TextField(
        _("特殊程序"),
        blank=True,
        validators=limit(SHORT_TEXT),
        help_text=_("如：公示、听证、检验检测，不计入办结时限的写明时长"),
    )
    online_url = models.URLField(
        _("网上办理地址"),
        max_length=500,
        blank=True,
        help_text=_("以 http:// 或 https:// 开头的完整网址"),
    )
    # The county's standard list of matters (事项清单, docs/county.md): on a county center's
    # site a guide with a standard code is a standard guide; on a township's site the code
    # names the standard its local guide implements, and `standard` / `standard_revision`
    # record which standard and which of its revisions the township adopted
    # (content/standard_catalog/).
    standard_code = models.CharField(
        _("标准事项编码"),
        max_length=50,
        blank=True,
        db_index=True,
        help_text=_("县级标准事项清单中的编码；县级中心的指南填写后即为标准指南"),
    )
    standard = models.ForeignKey(
        "self",
        verbose_name=_("采用的标准指南"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="local_guides",
    )
    standard_revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("采用的标准版本"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    announce_completions = models.BooleanField(
        _("办结后自动公告"),
        default=True,
        help_text=_("社会救助、医疗卫生等涉及隐私的事项请取消，办结后不生成办结公告"),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("standard_code")]),
                FieldPanel("department"),
                FieldPanel("window"),
                FieldRowPanel([FieldPanel("for_individuals"), FieldPanel("for_organisations")]),
                FieldPanel("topics"),
            ],
            heading=_("基本信息"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("matter_type"), FieldPanel("implementing_body")]),
                FieldRowPanel([FieldPanel(name) for name, _label in CHANNELS]),
                FieldRowPanel([FieldPanel("visits"), FieldPanel("online_url")]),
                FieldRowPanel([FieldPanel("result_name"), FieldPanel("result_sample")]),
                FieldPanel("delivery"),
                FieldPanel("intermediary"),
                FieldPanel("special_procedures"),
            ],
            heading=_("办理要素（国家办事指南标准）"),
        ),
        FieldPanel("basis"),
        FieldPanel("conditions"),
        InlinePanel("materials", label=_("申报材料")),
        InlinePanel("steps", label=_("办事程序")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("statutory_days"), FieldPanel("promised_days")])],
            heading=_("办结时限"),
        ),
        MultiFieldPanel(
            [FieldPanel("fee_charged"), FieldPanel("fee_standard"), FieldPanel("fee_basis")],
            heading=_("收费"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("location"),
                FieldPanel("hours"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("complaint_phone")]),
            ],
            heading=_("办理地点、时间与联系方式"),
        ),
        InlinePanel("faqs", label=_("常见问题")),
        FieldPanel("announce_completions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.SearchField("conditions"),
        index.SearchField("basis"),
        index.AutocompleteField("title"),
        index.FilterField("promised_days"),
    ]
    parent_page_types = ["content.DepartmentSectionPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("办事指南")
        verbose_name_plural = _("办事指南")

    @property
    def is_immediate(self):
        """即办: finished on the spot."""
        return self.promised_days == 0

    @property
    def audience(self):
        labels = []
        if self.for_individuals:
            labels.append("个人")
        if self.for_organisations:
            labels.append("法人")
        return labels

    @property
    def days_label(self):
        """承诺时限 as a citizen reads it: 即办 or N 个工作日."""
        return (
            _("即办")
            if self.is_immediate
            else _("%(days)s 个工作日") % {"days": self.promised_days}
        )

    @property
    def channels(self):
        """办理形式 labels in the standard's order."""
        return [label for name, label in CHANNELS if getattr(self, name)]

    @property
    def visits_label(self):
        """到现场次数 as the standard words it: 零跑动, 最多跑一次, 最多跑 N 次."""
        if self.visits is None:
            return ""
        if self.visits == 0:
            return _("零跑动")
        if self.visits == 1:
            return _("最多跑一次")
        return _("最多跑 %(visits)s 次") % {"visits": self.visits}

    @property
    def statutory_days_label(self):
        if self.statutory_days is None:
            return _("法律未规定")
        if self.statutory_days == 0:
            return _("即办")
        return _("%(days)s 个工作日") % {"days": self.statutory_days}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A preview shows the editor's unsaved form: its parts are in memory, not in the database.
            parts = self.parts_in_memory()
        else:
            # Loaded only when the guide body is rendered, not when it comes from the fragment cache.
            parts = lazy_entries(self.parts_from_database, PARTS)
        context.update(
            parts,
            notice_url=self.url + self.reverse_subpage("notice").lstrip("/") if self.url else "",
        )
        return context

    def parts_in_memory(self):
        return {
            "department": self.department,
            "window": self.window,
            "materials": list(self.materials.select_related("blank_form", "sample_form")),
            "steps": list(self.steps.all()),
            "faqs": list(self.faqs.all()),
            "topic_list": list(self.topics.all()),
        }

    def parts_from_database(self):
        """Department and window joined, materials, steps, FAQ and topics prefetched: one pass,
        five queries however many rows each has."""
        guide = (
            ServiceGuidePage.objects.select_related("department", "window", "result_sample")
            .prefetch_related(
                Prefetch(
                    "materials",
                    queryset=GuideMaterial.objects.select_related("blank_form", "sample_form"),
                ),
                "steps",
                "faqs",
                Prefetch(
                    "tagged_topics",
                    queryset=GuideTopic.objects.select_related("tag").order_by("pk"),
                ),
            )
            .get(pk=self.pk)
        )
        return {
            "department": guide.department,
            "window": guide.window,
            "materials": list(guide.materials.all()),
            "steps": list(guide.steps.all()),
            "faqs": list(guide.faqs.all()),
            "topic_list": [link.tag for link in guide.tagged_topics.all()],
        }

    @path("")
    def guide(self, request):
        return self.render(request)

    @path("notice/", name="notice")
    def notice(self, request):
        """一次性告知单: the one printable page with everything a citizen must bring and know."""
        return self.render(
            request,
            template="content/service_guide_notice.html",
            context_overrides={
                "printed_on": timezone.localdate(),
                "guide_qr": guide_qr_svg(request, self),
                "notifier_name": notifier_name(request),
            },
        )

    def standard_as_adopted(self):
        """The standard guide as this local guide adopted it (the revision it took), or the
        standard as it is live when that revision is gone; None for a guide of its own."""
        if self.standard_id is None:
            return None
        if self.standard_revision_id is not None:
            revision = Revision.objects.filter(pk=self.standard_revision_id).first()
            if revision is not None:
                return revision.as_object()
        return ServiceGuidePage.objects.filter(pk=self.standard_id).first()

    def clean(self):
        super().clean()
        if self.statutory_days is not None and self.promised_days > self.statutory_days:
            raise ValidationError(
                {
                    "promised_days": _("承诺办结时限不能长于法定办结时限（%(days)s 个工作日）。")
                    % {"days": self.statutory_days}
                }
            )
        standard = self.standard_as_adopted()
        if standard is not None and self.standard_code != standard.standard_code:
            raise ValidationError(
                {
                    "standard_code": _(
                        "本指南采用自县级标准事项（%(code)s），标准事项编码不能修改。"
                    )
                    % {"code": standard.standard_code}
                }
            )
        if standard is not None and self.promised_days > standard.promised_days:
            raise ValidationError(
                {
                    "promised_days": _(
                        "承诺办结时限不能长于县级标准指南的承诺办结时限（%(days)s 个工作日）。"
                    )
                    % {"days": standard.promised_days}
                }
            )
        if self.fee_charged and not self.fee_basis.strip():
            raise ValidationError({"fee_basis": _("收费事项必须公开收费依据。")})
        if self.channel_online and not self.online_url:
            raise ValidationError({"online_url": _("办理形式含网上办理的，请填写网上办理地址。")})


class GuideMaterial(Orderable):
    FORM_CHOICES = [
        ("原件", _("原件")),
        ("复印件", _("复印件")),
        ("原件及复印件", _("原件及复印件")),
        ("电子件", _("电子件")),
    ]

    page = ParentalKey(ServiceGuidePage, on_delete=models.CASCADE, related_name="materials")
    name = models.CharField(_("材料名称"), max_length=255)
    form = models.CharField(_("材料形式"), max_length=20, choices=FORM_CHOICES, default="原件")
    copies = models.PositiveSmallIntegerField(_("份数"), default=1)
    required = models.BooleanField(_("必需"), default=True)
    note = models.CharField(_("备注"), max_length=500, blank=True)
    blank_form = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("空白表格"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("供群众下载打印填写的空白表格"),
    )
    sample_form = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("示例样表"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("填写好的样例，供群众对照填写"),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("form"), FieldPanel("copies"), FieldPanel("required")]),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("blank_form"), FieldPanel("sample_form")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("申报材料")


class GuideStep(Orderable):
    page = ParentalKey(ServiceGuidePage, on_delete=models.CASCADE, related_name="steps")
    text = models.CharField(_("步骤"), max_length=500)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("办事步骤")


class GuideFAQ(Orderable):
    page = ParentalKey(ServiceGuidePage, on_delete=models.CASCADE, related_name="faqs")
    question = models.CharField(_("问题"), max_length=500)
    answer = models.TextField(_("解答"), validators=limit(TEXT))

    panels = [FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("常见问题")
