"""Messages to citizens and staff, by e-mail or SMS, through pluggable backends.

Organised like Wagtail's search backends: `base.py` states the interface, each backend
is a module of its own, and settings name the one to use by dotted path
(NOTIFICATION_SMS_BACKEND; e-mail always goes through Django's mail, whose own
EMAIL_BACKEND and SMTP settings come from the environment).
"""

from portal.notifications.base import Message, sms_backend

__all__ = ["Message", "send", "sms_backend"]


def send(message):
    """Send one message by the channel its address calls for; True if handed over.

    A notice that cannot be delivered must never undo what the citizen or the
    staff member just did, so failures are logged by the backend and reported as False.
    """
    if message.email:
        from portal.notifications.email import EmailBackend

        return EmailBackend().send(message)
    if message.phone:
        return sms_backend().send(message)
    return False
