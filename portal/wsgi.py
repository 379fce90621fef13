"""The production entry point (gunicorn via .ci/serve.sh): refuses DEBUG and the development key."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from portal.deploy_safety import refuse_unsafe_settings

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()
# Also when DJANGO_SETTINGS_MODULE points elsewhere (portal.settings.dev exported by mistake).
refuse_unsafe_settings(settings.DEBUG, settings.SECRET_KEY)
