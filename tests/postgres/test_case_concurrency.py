"""Two clerks press the same button at once on a real PostgreSQL: the case moves only once."""

import pytest

from intranet.cases import workflow
from intranet.cases.models import Case, CaseEvent, NegativeFiling
from tests.postgres.test_concurrency import run_in_parallel

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_parallel_completions_close_the_case_once(postgres_url, case, users):
    def complete(index):
        return workflow.complete(
            Case.objects.get(pk=case.pk), users["staff"], "granted", f"准予 {index}"
        )

    results, errors = run_in_parallel(4, complete)
    assert sum(r is not None for r in results) == 1
    assert all(isinstance(e, workflow.TransitionError) for e in errors if e is not None)
    assert CaseEvent.objects.filter(case=case, action="办结").count() == 1


def test_parallel_refusals_file_one_negative_report(postgres_url, case, users):
    def refuse(index):
        return workflow.refuse(
            Case.objects.get(pk=case.pk), users["staff"], "不符合条件", "《办法》第八条"
        )

    run_in_parallel(4, refuse)
    assert NegativeFiling.objects.filter(case=case).count() == 1
