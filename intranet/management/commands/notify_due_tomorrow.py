"""Run once each morning (cron): e-mail staff what falls due on the next working day."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from intranet.calendar.workdays import WorkCalendar
from intranet.due_digest import send_digest


class Command(BaseCommand):
    help = "E-mail handlers and the center's heads the complaints and cases due next working day."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")
        parser.add_argument(
            "--base-url",
            default="",
            help="Site address put before links, e.g. https://center.example",
        )

    def handle(self, *args, **options):
        try:
            today = (
                dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
            )
        except ValueError as e:
            raise CommandError("--date must be YYYY-MM-DD") from e
        # On a day off nobody reads it, and the last working day's digest already covered it.
        if not WorkCalendar.load().is_working_day(today):
            self.stdout.write(f"{today} is not a working day: no digest sent.")
            return
        items, sent = send_digest(today, options["base_url"].rstrip("/"))
        self.stdout.write(f"{items} item(s) due next working day; {sent} e-mail(s) sent.")
