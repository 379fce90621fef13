"""Generate the monthly evaluation draft; run on the first working day of the month (cron)."""

from django.core.management.base import BaseCommand, CommandError

from centers.models import Center
from intranet.evaluation import cycle


class Command(BaseCommand):
    help = (
        "Generate (or recompute) every center's draft evaluation of a month, by default the "
        "previous one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM; default: the previous month")

    def handle(self, *args, month=None, **options):
        try:
            target = cycle.parse_month(month) if month else cycle.previous_month()
        except cycle.CycleError as error:
            raise CommandError(str(error)) from error
        failed = []
        for center in Center.objects.all():
            try:
                evaluation = cycle.generate(target, center=center)
            except cycle.CycleError as error:
                failed.append(f"{center}: {error}")
                continue
            self.stdout.write(
                f"{center} {evaluation.month:%Y-%m}: {evaluation.entries.count()} scores, "
                f"objections until {evaluation.objection_deadline:%Y-%m-%d}"
            )
        if failed:
            raise CommandError("\n".join(failed))
