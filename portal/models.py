"""Rows the portal project itself keeps: the shared rate-limit counters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateCounter(models.Model):
    """Hits of one client on one limited action in one fixed time window.

    Kept in the database, not in a cache: every gunicorn worker and every machine
    of a deployment shares it, and portal/rate_limits.py increments it with a single
    INSERT ... ON CONFLICT DO UPDATE, which both SQLite and PostgreSQL run atomically.
    """

    bucket = models.CharField(_("计数对象"), max_length=200)
    window_number = models.BigIntegerField(_("时间窗口"))
    hits = models.PositiveIntegerField(_("次数"), default=0)
    expires_at = models.DateTimeField(_("过期时间"), db_index=True)

    class Meta:
        verbose_name = _("访问频率计数")
        verbose_name_plural = _("访问频率计数")
        constraints = [
            models.UniqueConstraint(
                fields=["bucket", "window_number"], name="portal_ratecounter_one_row_per_window"
            )
        ]

    def __str__(self):
        return f"{self.bucket} #{self.window_number}: {self.hits}"
