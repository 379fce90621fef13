"""Readiness check for the load balancer or the process manager: /healthz/ready.

Under the project's gunicorn configuration (deploy/gunicorn.conf.py) the master warms
up before forking, so every worker is ready from its first request; a process started
any other way (runserver, a bare gunicorn) stays "not ready" until warm_up() has run.
"""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal import warmup


def database_reachable():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


@never_cache
@require_GET
def ready(request):
    """200 when this worker is warm (search stack and templates loaded) and the database answers, else 503."""
    if not warmup.is_warm():
        return JsonResponse({"ready": False, "detail": _("正在预热，尚未就绪。")}, status=503)
    if not database_reachable():
        return JsonResponse({"ready": False, "detail": _("数据库无法连接。")}, status=503)
    return JsonResponse({"ready": True, "detail": _("服务就绪。")})
