"""The complaint page offers a step exactly when the step's page accepts it: both read one table
(intranet/complaints/rules.py), for every state and every role that can open the complaint."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from intranet.complaints.models import Complaint

# The steps the complaint page links to (GET pages; the others are POST-only buttons).
STEP_PAGES = ["complaint_triage", "complaint_reply", "complaint_close", "complaint_publication"]
STEP_PAGES += ["complaint_extension_request"]


def offered_steps(client, complaint):
    page = BeautifulSoup(
        client.get(reverse("intranet:complaint_detail", args=[complaint.pk])).content,
        "html.parser",
    )
    hrefs = {a["href"] for a in page.select("a[href]")}
    return {
        name for name in STEP_PAGES if reverse(f"intranet:{name}", args=[complaint.pk]) in hrefs
    }


def accepted_steps(client, complaint):
    return {
        name
        for name in STEP_PAGES
        if client.get(reverse(f"intranet:{name}", args=[complaint.pk])).status_code == 200
    }


@pytest.mark.parametrize("status", Complaint.Status.values)
@pytest.mark.parametrize("who", ["staff", "head", "inspector", "admin"])
def test_the_complaint_page_offers_exactly_the_steps_its_state_and_the_role_allow(
    clients, complaint, status, who
):
    Complaint.objects.filter(pk=complaint.pk).update(status=status)
    complaint.refresh_from_db()

    offered = offered_steps(clients[who], complaint)

    assert offered == accepted_steps(clients[who], complaint)
    if who == "admin":
        assert offered == set()
    if who in ("head", "inspector") and status in Complaint.OPEN_STATUSES:
        assert "complaint_triage" in offered
