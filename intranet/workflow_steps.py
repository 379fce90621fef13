"""What the intranet's record workflows (cases, questions, information requests) share.

Each domain's workflow module raises ``TransitionError`` when a step does not fit the record's
state; the staff views run a step with ``run_step`` and come back to the record's page with the
outcome as a message, so a refused step reads the same everywhere.
"""

from django.contrib import messages
from django.shortcuts import redirect


class TransitionError(Exception):
    """A step the record's current state does not allow; the message is shown to staff as is."""


def run_step(request, step, record, *args, done, then):
    """Run ``step(record, request.user, *args)`` and redirect to ``then`` (a URL name and args)."""
    try:
        step(record, request.user, *args)
    except TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect(*then)
