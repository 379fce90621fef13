"""The site icon is served at /favicon.ico, where every browser asks for it."""

import io

import pytest
from PIL import Image

pytestmark = pytest.mark.django_db


def test_favicon_is_a_real_icon_that_browsers_may_cache(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=604800" in response["Cache-Control"] and "public" in response["Cache-Control"]
    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO" and (32, 32) in icon.info["sizes"]
