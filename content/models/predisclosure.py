"""Pre-disclosure (预公开): a draft decision open for public comment before it is made."""

from django.contrib import messages
from django.db import models, transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from content.models.predisclosure_comments import PreDisclosureComment
from content.predisclosure_forms import PreDisclosureCommentForm
from content.text_limits import RICH_TEXT, TEXT, limit
from portal import rate_limits


class PreDisclosurePage(Page):
    summary = models.TextField(_("征求意见说明"), blank=True, validators=limit(TEXT))
    draft = RichTextField(_("草案全文"), validators=limit(RICH_TEXT))
    comment_opens = models.DateField(_("征求意见开始"))
    comment_closes = models.DateField(_("征求意见截止"))
    outcome = RichTextField(
        _("意见采纳情况"),
        blank=True,
        help_text=_("征求意见结束后，公开意见采纳情况和正式决定"),
        validators=limit(RICH_TEXT),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("comment_opens"), FieldPanel("comment_closes")]),
        FieldPanel("draft"),
        FieldPanel("outcome"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("draft")]
    parent_page_types = ["content.ArticleIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("预公开")
        verbose_name_plural = _("预公开")

    def is_open_for_comment(self, today=None):
        today = today or timezone.localdate()
        return self.comment_opens <= today <= self.comment_closes

    STATUS_NOT_YET_OPEN = "not_yet_open"
    STATUS_OPEN = "open"
    STATUS_CLOSED = "closed"

    def comment_status(self, today=None):
        today = today or timezone.localdate()
        if today < self.comment_opens:
            return self.STATUS_NOT_YET_OPEN
        if today > self.comment_closes:
            return self.STATUS_CLOSED
        return self.STATUS_OPEN

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", PreDisclosureCommentForm())
        context.update(
            comment_status=self.comment_status(),
            approved_comments=self.comments.filter(
                status=PreDisclosureComment.STATUS_APPROVED
            ).order_by("submitted_at"),
        )
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            response = self.receive_comment(request)
        else:
            response = super().serve(request, *args, **kwargs)
        # The comment form carries a CSRF token bound to this visitor: never share the page.
        patch_cache_control(response, private=True)
        return response

    def receive_comment(self, request):
        """Store a citizen's comment as pending (PRG), or say clearly why it was not taken."""
        form = PreDisclosureCommentForm(request.POST)
        if not self.is_open_for_comment():
            context = self.get_context(request)
            context["comment_refused"] = (
                _("征求意见期已结束，意见未提交。")
                if self.comment_status() == self.STATUS_CLOSED
                else _("征求意见尚未开始，意见未提交。")
            )
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=403)
        if form.is_valid():
            if self.comment_limit_reached(request):
                context = self.get_context(request)
                context["comment_refused"] = _(
                    "提交的意见过多，意见未提交，请一小时后再试；也可以到服务中心当面提出。"
                )
                context["form"] = form
                return TemplateResponse(request, self.get_template(request), context, status=429)
            if not form.is_bot:
                with transaction.atomic():
                    comment = form.save(commit=False)
                    comment.page = self
                    comment.status = PreDisclosureComment.STATUS_PENDING
                    comment.save()
            messages.success(request, _("意见已提交，审核后公开。"))
            # Back to the top of the page, where the confirmation message is shown.
            return redirect(self.get_url(request))
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=400)

    # Comments per visitor address per hour, and on one page from everybody per hour.
    COMMENT_LIMIT_PER_CLIENT = 5
    COMMENT_LIMIT_PER_PAGE = 100

    def comment_limit_reached(self, request):
        """Count this comment against both limits at once; True if either is used up.

        Counted before storing, atomically (portal/rate_limits.py), so parallel posts
        cannot slip past; bots filling the honeypot are counted too. The page cannot be
        served from the page cache (it is marked private), so every post gets here.
        """
        per_client = rate_limits.hit(rate_limits.ip_bucket("predisclosure-comment", request))
        if per_client > self.COMMENT_LIMIT_PER_CLIENT:
            # Refused posts of one visitor must not use up the page's ceiling for everyone.
            return True
        per_page = rate_limits.hit(f"predisclosure-comment:page:{self.pk}")
        return per_page > self.COMMENT_LIMIT_PER_PAGE
