"""The portal's pages side by side with a stock Wagtail 8.0.1 page holding the same guide text.

`make benchmark-pages` (or `.venv/bin/python benchmarks/stock_peer.py`) builds, in a scratch
directory (BENCH_DIR, default var/benchmark):

- the portal with the demo data on SQLite (migrate, load_demo, search_rebuild, collectstatic);
- the stock peer: a minimal Wagtail project whose one page model has a title and a
  RichTextField holding the text of the demo guide 出生登记 (basis, conditions, materials,
  steps, fees, place, time, phones, FAQ), at the same URL depth (/guides/<department>/<guide>/),
  on SQLite, DEBUG off, the project template's apps and middleware, served the same way.

Both run under gunicorn with the same flags (5 sync workers on 2 cores, preloaded, no
recycling, DEBUG off) on 127.0.0.1 ports BENCH_PORT..BENCH_PORT+3 (default 8150-8153), and
are measured:

1. per request, interleaved: rounds of BENCH_BATCH sequential requests to each target in
   turn (the order rotates every round) — CPU is the growth of the user+system time of all
   the server's worker processes (/proc/<pid>/stat) over the batch divided by its size,
   wall time is the client's; medians over BENCH_ROUNDS rounds. Queries are counted
   in-process with Django's test client (a warm second request).
2. under load: wrk at 10 connections for BENCH_WRK_SECONDS per run, runs interleaved and
   repeated BENCH_WRK_REPEATS times, medians of p50/p95: a static file, the cached guide
   (page cache on), the uncached guide (page cache off), the stock guide, the search API.
3. across worker restarts: a server recycling workers far more often than production would
   (WEB_MAX_REQUESTS=150 plus its equal jitter: every 150–300 requests) under wrk for
   BENCH_RESTART_SECONDS on the uncached guide and on the search API; the number of
   restarts comes from gunicorn's log.

The machine may be shared: interleaving and medians keep the ratios meaningful, the
absolute figures are not. Results: BENCH_DIR/results.json and a Markdown table on stdout.
Only 127.0.0.1 is ever contacted.
"""

import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.loadtest.wrk import run_wrk  # noqa: E402

PY = os.environ.get("PY", str(REPO / ".venv" / "bin" / "python"))
BENCH_DIR = Path(os.environ.get("BENCH_DIR", REPO / "var" / "benchmark")).resolve()
PORT = int(os.environ.get("BENCH_PORT", "8150"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str((os.cpu_count() or 1) * 2 + 1)))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
BATCH = int(os.environ.get("BENCH_BATCH", "25"))
WRK_SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "8"))
WRK_REPEATS = int(os.environ.get("BENCH_WRK_REPEATS", "3"))
RESTART_SECONDS = int(os.environ.get("BENCH_RESTART_SECONDS", "40"))
RESTART_EVERY = int(os.environ.get("BENCH_RESTART_EVERY", "150"))
CONNECTIONS = 10
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

GUIDE_CODE = "HJ-001"
GUIDE_PATH = "/guides/paichusuohujishi/hj-001/"
SEARCH_PAGE = "/search/?q=%E6%88%B7%E5%8F%A3"  # 户口
SEARCH_API = "/api/v1/search/?q=%E6%88%B7%E5%8F%A3"
STATIC_FILE = "/static/default/site.css"

PORTAL_DIR = BENCH_DIR / "portal"
STOCK_DIR = BENCH_DIR / "stock"


def log(message):
    print(f"benchmark: {message}", file=sys.stderr, flush=True)


# --- the two sites ------------------------------------------------------------------------


def portal_env(page_cache=False, **extra):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        VAR_DIR=str(PORTAL_DIR),
        DATABASE_URL=f"sqlite:///{PORTAL_DIR / 'portal.sqlite3'}",
        SEARCH_EMBEDDED_PATH=str(PORTAL_DIR / "search.sqlite3"),
        SECRET_KEY="benchmark-only-" + "x" * 50,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        LOG_LEVEL="WARNING",
        ACCESS_LOG="/dev/null",
        PAGE_CACHE_ENABLED="true" if page_cache else "false",
        WEB_WORKERS=str(WORKERS),
        PYTHONPATH=str(REPO),
    )
    env.pop("ELASTICSEARCH_URL", None)  # the embedded engine, as `make run` uses
    env.update(extra)
    return env


def run(command, env, cwd=REPO):
    subprocess.run(command, env=env, cwd=cwd, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def prepare_portal():
    marker = PORTAL_DIR / ".prepared"
    if marker.exists():
        return
    log("preparing the portal (migrate, load_demo, search_rebuild, collectstatic)")
    PORTAL_DIR.mkdir(parents=True, exist_ok=True)
    env = portal_env()
    manage = [PY, "manage.py"]
    run([*manage, "migrate", "--noinput", "-v", "0"], env)
    run([*manage, "load_demo"], env)
    run([*manage, "search_rebuild"], env)
    run([*manage, "collectstatic", "--noinput", "-v", "0"], env)
    run([*manage, "createcachetable"], env)
    marker.touch()


GUIDE_TEXT_SCRIPT = """
import json
from django.utils.html import escape
from content.models import ServiceGuidePage

g = ServiceGuidePage.objects.get(code=%r)
parts = [("基本信息", "事项编码：%%s；承办部门：%%s；受理窗口：%%s；承诺时限：%%s；法定时限：%%s" %% (
    g.code, g.department.name if g.department else "—", g.window.name if g.window else "—",
    g.days_label, g.statutory_days_label))]
parts += [("设定依据", g.basis), ("受理条件", g.conditions)]
html = []
for head, text in parts:
    html.append("<h2>%%s</h2><p>%%s</p>" %% (escape(head), escape(text)))
html.append("<h2>申报材料</h2><ol>" + "".join(
    "<li>%%s（%%s，%%s 份，%%s）%%s</li>" %% (escape(m.name), escape(m.form), m.copies,
    "必需" if m.required else "选交", escape(m.note)) for m in g.materials.all()) + "</ol>")
html.append("<h2>办事程序</h2><ol>" + "".join(
    "<li>%%s</li>" %% escape(s.text) for s in g.steps.all()) + "</ol>")
html.append("<h2>收费标准及依据</h2><p>%%s</p><p>%%s</p>" %% (escape(g.fee_standard), escape(g.fee_basis)))
html.append("<h2>办理地点、时间与咨询投诉</h2><p>%%s</p><p>%%s</p><p>%%s</p><p>%%s</p>" %% (
    escape(g.location), escape(g.hours), escape(g.phone), escape(g.complaint_phone)))
html.append("<h2>常见问题</h2><dl>" + "".join(
    "<dt>%%s</dt><dd>%%s</dd>" %% (escape(f.question), escape(f.answer)) for f in g.faqs.all()) + "</dl>")
print(json.dumps({"title": g.title, "body": "".join(html)}, ensure_ascii=False))
"""

STOCK_SETTINGS = """
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = False
SECRET_KEY = "benchmark-only-stock-peer-" + "y" * 40
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "peer",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
ROOT_URLCONF = "peer_project.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]
WSGI_APPLICATION = "peer_project.wsgi.application"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
WAGTAIL_SITE_NAME = "stock peer"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
"""

STOCK_URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [path("admin/", include(wagtailadmin_urls)), path("", include(wagtail_urls))]
"""

STOCK_WSGI = """
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_project.settings")
application = get_wsgi_application()
"""

STOCK_MODELS = """
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class GuidePage(Page):
    body = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
"""

STOCK_TEMPLATE = """{% load static wagtailcore_tags wagtailuserbar %}<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>{% block title %}{{ page.seo_title|default:page.title }}{% endblock %}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
</head>
<body>
  {% wagtailuserbar %}
  <h1>{{ page.title }}</h1>
  <div class="intro">{{ page.body|richtext }}</div>
</body>
</html>
"""

STOCK_TREE_SCRIPT = """
import json, sys
from wagtail.models import Page, Site
from peer.models import GuidePage

guide = json.load(sys.stdin)
root = Page.get_first_root_node()
home = root.add_child(instance=GuidePage(title="首页", slug="peer-home", body=guide["body"]))
site = Site.objects.get(is_default_site=True)
old_root = site.root_page
site.root_page = home
site.hostname = "127.0.0.1"
site.save()
old_root.delete()
guides = home.add_child(instance=GuidePage(title="办事指南", slug="guides", body=guide["body"]))
section = guides.add_child(instance=GuidePage(title="派出所户籍室", slug="paichusuohujishi", body=""))
page = section.add_child(instance=GuidePage(title=guide["title"], slug="hj-001", body=guide["body"]))
for p in (home, guides, section, page):
    p.save_revision().publish()
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def stock_env():
    env = dict(os.environ)
    env.update(DJANGO_SETTINGS_MODULE="peer_project.settings", PYTHONPATH=str(STOCK_DIR))
    return env


def prepare_stock():
    marker = STOCK_DIR / ".prepared"
    if marker.exists():
        return
    log("building the stock Wagtail peer")
    if STOCK_DIR.exists():
        shutil.rmtree(STOCK_DIR)
    write(STOCK_DIR / "peer_project" / "__init__.py", "")
    write(STOCK_DIR / "peer_project" / "settings.py", STOCK_SETTINGS)
    write(STOCK_DIR / "peer_project" / "urls.py", STOCK_URLS)
    write(STOCK_DIR / "peer_project" / "wsgi.py", STOCK_WSGI)
    write(STOCK_DIR / "peer" / "__init__.py", "")
    write(STOCK_DIR / "peer" / "models.py", STOCK_MODELS)
    write(STOCK_DIR / "peer" / "templates" / "peer" / "guide_page.html", STOCK_TEMPLATE)
    write(
        STOCK_DIR / "manage.py",
        """
        import os, sys
        from django.core.management import execute_from_command_line
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peer_project.settings")
        execute_from_command_line(sys.argv)
        """,
    )
    guide = (
        subprocess.run(  # noqa: S603
            [PY, "manage.py", "shell", "-c", GUIDE_TEXT_SCRIPT % GUIDE_CODE],
            env=portal_env(),
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    env = stock_env()
    run([PY, "manage.py", "makemigrations", "peer", "-v", "0"], env, cwd=STOCK_DIR)
    run([PY, "manage.py", "migrate", "--noinput", "-v", "0"], env, cwd=STOCK_DIR)
    subprocess.run(  # noqa: S603
        [PY, "manage.py", "shell", "-c", STOCK_TREE_SCRIPT],
        env=env,
        cwd=STOCK_DIR,
        input=guide,
        text=True,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    marker.touch()


# --- servers ------------------------------------------------------------------------------

COMMON_FLAGS = [
    f"--workers={WORKERS}",
    "--worker-class=sync",
    "--preload",
    "--timeout=60",
    "--graceful-timeout=20",
    "--access-logfile=/dev/null",
    "--no-control-socket",
]


class Server:
    def __init__(self, name, port, command, env, cwd, ready_path):
        self.name, self.port, self.ready_path = name, port, ready_path
        self.log_path = BENCH_DIR / f"{name}.log"
        self.process = subprocess.Popen(  # noqa: S603
            command,
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=open(self.log_path, "w"),  # noqa: SIM115 - closed with the process
            start_new_session=True,
        )

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.base + self.ready_path, timeout=5) as response:  # noqa: S310
                    if response.status == 200 and len(self.worker_pids()) == WORKERS:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} was not ready in {timeout} s; see {self.log_path}")

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return [int(pid) for pid in children.read_text().split()]
        except OSError:
            return []

    def cpu_seconds(self):
        """User + system CPU of every worker (the master only supervises)."""
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / CLOCK_TICKS

    def booted_workers(self):
        return self.log_path.read_text(errors="replace").count("Booting worker with pid")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def portal_server(name, port, page_cache, **extra):
    env = portal_env(page_cache=page_cache, HOST="127.0.0.1", PORT=str(port), **extra)
    # The project's own configuration (warm-up, hooks) with the peer's flags on top.
    command = [PY, "-m", "gunicorn", "--config", "deploy/gunicorn.conf.py", *COMMON_FLAGS]
    if extra.get("WEB_MAX_REQUESTS"):
        command += [f"--max-requests={extra['WEB_MAX_REQUESTS']}"]
        command += [f"--max-requests-jitter={extra['WEB_MAX_REQUESTS']}"]
    command += ["--log-level=info", f"--bind=127.0.0.1:{port}"]
    return Server(name, port, command, env, REPO, "/healthz/ready")


def stock_server(port):
    command = [PY, "-m", "gunicorn", "peer_project.wsgi:application", *COMMON_FLAGS]
    command += ["--log-level=info", f"--bind=127.0.0.1:{port}"]
    return Server("stock", port, command, stock_env(), STOCK_DIR, GUIDE_PATH)


# --- measuring ----------------------------------------------------------------------------


def get(url):
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        response.read()
        status = response.status
    elapsed = time.perf_counter() - started
    if status != 200:
        raise RuntimeError(f"{url} answered {status}")
    return elapsed


def batch(server, path):
    cpu_before = server.cpu_seconds()
    walls = [get(server.base + path) for _ in range(BATCH)]
    cpu = (server.cpu_seconds() - cpu_before) / BATCH
    return cpu * 1000, statistics.median(walls) * 1000


QUERY_COUNT_SCRIPT = """
import json, sys
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

client = Client(HTTP_HOST="127.0.0.1")
counts = {}
for path in json.loads(sys.argv[1]):
    client.get(path)
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    counts[path] = len(captured.captured_queries)
print(json.dumps(counts))
"""


def query_counts(paths, env, cwd):
    output = subprocess.run(  # noqa: S603
        [
            PY,
            "-c",
            f"import django; django.setup(); exec({QUERY_COUNT_SCRIPT!r})",
            json.dumps(paths),
        ],
        env=env,
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def per_request(portal, stock):
    targets = [
        ("stock guide", stock, GUIDE_PATH),
        ("guide (uncached)", portal, GUIDE_PATH),
        ("home", portal, "/"),
        ("catalog", portal, "/guides/"),
        ("search page", portal, SEARCH_PAGE),
    ]
    for _name, server, path in targets:  # every worker warm, as under real traffic
        for _ in range(WORKERS * 6):
            get(server.base + path)
    samples = {name: {"cpu": [], "wall": []} for name, _s, _p in targets}
    for round_number in range(ROUNDS):
        shift = round_number % len(targets)
        for name, server, path in targets[shift:] + targets[:shift]:
            cpu, wall = batch(server, path)
            samples[name]["cpu"].append(cpu)
            samples[name]["wall"].append(wall)
        log(f"per-request round {round_number + 1}/{ROUNDS} done")
    portal_queries = query_counts(
        [GUIDE_PATH, "/", "/guides/", SEARCH_PAGE], portal_env(page_cache=False), REPO
    )
    stock_queries = query_counts([GUIDE_PATH], stock_env(), STOCK_DIR)
    queries = {
        "stock guide": stock_queries[GUIDE_PATH],
        "guide (uncached)": portal_queries[GUIDE_PATH],
        "home": portal_queries["/"],
        "catalog": portal_queries["/guides/"],
        "search page": portal_queries[SEARCH_PAGE],
    }
    return {
        name: {
            "cpu_ms": statistics.median(values["cpu"]),
            "wall_ms": statistics.median(values["wall"]),
            "queries": queries[name],
        }
        for name, values in samples.items()
    }


def under_load(portal, portal_cached, stock):
    targets = [
        ("static file", portal, STATIC_FILE),
        ("stock guide", stock, GUIDE_PATH),
        ("cached guide", portal_cached, GUIDE_PATH),
        ("uncached guide", portal, GUIDE_PATH),
        ("search API", portal, SEARCH_API),
    ]
    for _name, server, path in targets:
        for _ in range(WORKERS * 6):
            get(server.base + path)
    runs = {name: [] for name, _s, _p in targets}
    for repeat in range(WRK_REPEATS):
        shift = repeat % len(targets)
        for name, server, path in targets[shift:] + targets[:shift]:
            runs[name].append(
                run_wrk(server.base + path, duration=WRK_SECONDS, connections=CONNECTIONS)
            )
        log(f"wrk repeat {repeat + 1}/{WRK_REPEATS} done")
    return {name: summarise(results) for name, results in runs.items()}


def summarise(results):
    return {
        "rps": statistics.median(r["rps"] for r in results),
        "p50_ms": statistics.median(r["p50_ms"] for r in results),
        "p95_ms": statistics.median(r["p95_ms"] for r in results),
        "p99_ms": statistics.median(r["p99_ms"] for r in results),
        "max_ms": max(r["max_ms"] for r in results),
        "errors": sum(r["errors"] + r["non_2xx"] for r in results),
        "runs": len(results),
    }


def across_restarts():
    results = {}
    for name, path in (("uncached guide", GUIDE_PATH), ("search API", SEARCH_API)):
        server = portal_server(
            "portal-recycling", PORT + 3, page_cache=False, WEB_MAX_REQUESTS=str(RESTART_EVERY)
        )
        try:
            server.wait_ready()
            booted = server.booted_workers()
            result = run_wrk(server.base + path, duration=RESTART_SECONDS, connections=CONNECTIONS)
            time.sleep(1)
            result["restarts"] = server.booted_workers() - booted
        finally:
            server.stop()
        results[name] = summarise([result]) | {"restarts": result["restarts"]}
        log(f"restart run on {name}: {result['restarts']} worker restarts")
    return results


# --- report -------------------------------------------------------------------------------


def verdict(ok):
    return "met" if ok else "**missed**"


def report(pages, load, restarts):
    stock = pages["stock guide"]
    lines = [
        "| page | CPU ms | wall p50 ms | queries | CPU ratio | p50 ratio | target | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    limits = {"guide (uncached)": 1.0, "home": 1.2, "catalog": 1.2}
    for name, figures in pages.items():
        cpu_ratio = figures["cpu_ms"] / stock["cpu_ms"] if stock["cpu_ms"] else float("nan")
        wall_ratio = figures["wall_ms"] / stock["wall_ms"]
        limit = limits.get(name)
        target = f"≤ {limit:.1f}× both" if limit else "—"
        met = verdict(cpu_ratio <= limit and wall_ratio <= limit) if limit else ""
        lines.append(
            f"| {name} | {figures['cpu_ms']:.1f} | {figures['wall_ms']:.1f} | {figures['queries']} "
            f"| {cpu_ratio:.2f}× | {wall_ratio:.2f}× | {target} | {met} |"
        )
    lines += [
        "",
        "| under load (c=10) | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | p95/p50 | target | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, figures in load.items():
        spread = figures["p95_ms"] / figures["p50_ms"] if figures["p50_ms"] else float("nan")
        target = "p95 ≤ 3× p50"
        ok = spread <= 3
        if name == "search API":
            target += ", p95 < 50 ms"
            ok = ok and figures["p95_ms"] < 50
        lines.append(
            f"| {name} | {figures['rps']:.0f} | {figures['p50_ms']:.1f} | {figures['p95_ms']:.1f} "
            f"| {figures['p99_ms']:.1f} | {figures['max_ms']:.0f} | {figures['errors']} "
            f"| {spread:.1f} | {target} | {verdict(ok)} |"
        )
    lines += [
        "",
        "| across restarts (c=10) | restarts | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | target | verdict |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for name, figures in restarts.items():
        ok = figures["p95_ms"] <= 3 * figures["p50_ms"] and figures["max_ms"] < 2000
        lines.append(
            f"| {name} | {figures['restarts']} | {figures['rps']:.0f} | {figures['p50_ms']:.1f} "
            f"| {figures['p95_ms']:.1f} | {figures['p99_ms']:.1f} | {figures['max_ms']:.0f} "
            f"| {figures['errors']} | p95 ≤ 3× p50, no multi-second tail (max < 2 s) "
            f"| {verdict(ok)} |"
        )
    return "\n".join(lines)


def print_report(results):
    print(report(results["pages"], results["load"], results["restarts"]))
    load_average = results["load_average_at_end"]
    print(
        f"\n{results['finished']}, {results['workers']} workers, load average at the end "
        f"{load_average[0]:.1f} / {load_average[1]:.1f} / {load_average[2]:.1f}"
    )


def main():
    if "--report" in sys.argv:  # the table again from the last run's results.json
        print_report(json.loads((BENCH_DIR / "results.json").read_text()))
        return
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    prepare_portal()
    prepare_stock()
    servers = []
    try:
        portal = portal_server("portal", PORT, page_cache=False)
        portal_cached = portal_server("portal-cached", PORT + 1, page_cache=True)
        stock = stock_server(PORT + 2)
        servers = [portal, portal_cached, stock]
        for server in servers:
            server.wait_ready()
        log(f"servers ready: {WORKERS} workers each; per-request phase")
        pages = per_request(portal, stock)
        log("under load")
        load = under_load(portal, portal_cached, stock)
    finally:
        for server in servers:
            server.stop()
    log("across worker restarts")
    restarts = across_restarts()
    load_average = os.getloadavg()
    results = {
        "pages": pages,
        "load": load,
        "restarts": restarts,
        "workers": WORKERS,
        "rounds": ROUNDS,
        "batch": BATCH,
        "load_average_at_end": load_average,
        "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print_report(results)


if __name__ == "__main__":
    main()
