"""The notification interface every backend implements.

A backend has one method, `send(message) -> bool`: deliver the message or log why not,
and return whether it was handed over. It must not raise for a delivery failure (a full
mailbox, a provider outage): the caller has already committed the complaint or reply.

To connect an SMS provider (for example a county government's SMS gateway or a cloud
SMS service), write a module with a class derived from `SmsBackend` whose `deliver()`
calls the provider's API, and set NOTIFICATION_SMS_BACKEND to its dotted path.
Providers in China require pre-approved templates: map `message.subject` to a template
there and pass `message.body` as its parameter.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    email: str = ""
    phone: str = ""


class NotificationBackend:
    channel = ""

    def send(self, message):
        try:
            self.deliver(message)
        except Exception:
            logger.exception("%s notice could not be sent: %s", self.channel, message.subject)
            return False
        return True

    def deliver(self, message):
        """Hand the message over; raise on failure (send() turns that into False)."""
        raise NotImplementedError


class SmsBackend(NotificationBackend):
    """Adapter point for an SMS provider: subclass and implement deliver()."""

    channel = "sms"


def sms_backend():
    return import_string(settings.NOTIFICATION_SMS_BACKEND)()
