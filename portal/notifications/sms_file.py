"""SMS for the demo and tests: each message is appended to a file instead of being sent.

NOTIFICATION_SMS_FILE names the file (default var/sms-outbox.log); "-" writes to the console.
"""

import json
import sys
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from portal.notifications.base import SmsBackend


class FileSmsBackend(SmsBackend):
    def deliver(self, message):
        line = json.dumps(
            {
                "at": timezone.now().isoformat(),
                "to": message.phone,
                "subject": message.subject,
                "body": message.body,
            },
            ensure_ascii=False,
        )
        target = str(settings.NOTIFICATION_SMS_FILE)
        if target == "-":
            sys.stdout.write(line + "\n")
            return
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as f:
            f.write(line + "\n")


def read_outbox(path=None):
    """The messages written so far, oldest first (for the demo and tests)."""
    path = Path(path or settings.NOTIFICATION_SMS_FILE)
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
