"""E-mail through Django's mail (SMTP settings from the environment, see README)."""

from django.conf import settings
from django.core.mail import send_mail

from portal.notifications.base import NotificationBackend


class EmailBackend(NotificationBackend):
    channel = "email"

    def deliver(self, message):
        send_mail(message.subject, message.body, settings.DEFAULT_FROM_EMAIL, [message.email])
