"""What the production entry points refuse: a server started with DEBUG on or a known key.

`make run` keeps its convenient defaults (portal.settings.dev); gunicorn through
portal/wsgi.py and the production settings module check here before serving anything.
"""

from django.core.exceptions import ImproperlyConfigured

# Published in the repository, so it signs nothing that matters.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105


def refuse_unsafe_settings(debug, secret_key):
    if debug:
        raise ImproperlyConfigured(
            "Refusing to start in production with DEBUG on: unset DEBUG (or set DEBUG=false). "
            "Use `make run` (portal.settings.dev) for a development server."
        )
    if not secret_key:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if secret_key == DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "Refusing to start in production with the development SECRET_KEY: "
            "set SECRET_KEY to a secret value (.ci/serve.sh generates one into var/secret_key)."
        )
