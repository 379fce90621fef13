"""gunicorn configuration of the portal (`make serve`, `.ci/serve.sh`, the page benchmark).

- preload_app: Django, the search stack (jieba with the user dictionary, the site
  vocabulary, synonyms, folding tables, pinyin) and every template are loaded once in
  the master (on_starting → portal.warmup.warm_up); each worker is forked warm, so a
  restarted worker answers its first search in milliseconds instead of ~1 s of jieba.
- pre_fork closes the master's database and embedded-index connections: a child must
  never share a socket or an SQLite handle with its parent or its siblings.
- Recycling is off by default (WEB_MAX_REQUESTS=0). If it is turned on, the jitter is as
  large as the limit itself, so workers under even load restart far apart instead of
  all within seconds of each other.

Environment: HOST, PORT, WEB_WORKERS, WEB_MAX_REQUESTS, WEB_TIMEOUT, ACCESS_LOG,
FORWARDED_ALLOW_IPS.
"""

import os

_cores = os.cpu_count() or 1

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_WORKERS") or _cores * 2 + 1)
worker_class = "sync"
preload_app = True
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 20
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests
accesslog = os.environ.get("ACCESS_LOG", "-")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "portal.wsgi:application"
# gunicorn 27's control socket has one default path per user: several servers on one
# machine would take it from each other, and nothing here uses it.
control_socket_disable = True


def on_starting(server):
    # With preload_app the application (and so Django) is already loaded here.
    from portal import warmup

    warmup.warm_up()
    warmup.freeze_heap()
    server.log.info("portal: search stack, templates and URLs loaded in the master")


def pre_fork(server, worker):
    from portal import warmup

    warmup.close_connections()
