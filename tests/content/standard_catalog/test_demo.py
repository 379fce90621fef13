"""The demo county's standard catalog builders (content/demo/standard_catalog.py)."""

import pytest

from content.demo.standard_catalog import adopt_standard_guides, give_standard_guides
from content.models import ServiceGuidePage
from content.standard_catalog.places import standards_of
from content.standard_catalog.report import township_rows

from .two_centers import build


@pytest.fixture
def world(db, settings):
    world = build(settings)
    ServiceGuidePage.objects.update(standard_code="")  # a county with guides, none standard
    return world


def test_the_demo_county_gets_standard_guides_and_townships_adopt_some(world):
    standards = give_standard_guides(world.county, count=2)
    assert [s.standard_code for s in standards] == ["BZ-XMZ-001", "BZ-XMZ-002"]
    assert give_standard_guides(world.county, count=2) == standards

    adopt_standard_guides(world.dongling.center, 1)
    adopt_standard_guides(world.dongling.center, 1)

    [dongling, xishan] = township_rows([world.dongling.center, world.xishan.center])
    assert [s.standard_code for s in dongling.missing] == ["BZ-XMZ-002"]
    assert len(xishan.missing) == 2 and len(standards_of(world.county)) == 2
