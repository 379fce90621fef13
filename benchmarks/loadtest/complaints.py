"""Citizens filing complaints at the same time: each one loads the form, then posts it.

A plain thread pool over urllib: every simulated citizen has its own cookie jar, takes
the CSRF token from the form it was given and submits the urlencoded form, as a
browser without JavaScript would.
"""

import http.cookiejar
import re
import statistics
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

TOKEN_PATTERN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CODE_PATTERN = re.compile(r"TS-\d{4}-[23456789A-HJ-NP-Z]{6}")


def file_one_complaint(base_url, number):
    """Load the form and submit it; returns (seconds for the POST, tracking code or None, status)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    form_url = base_url.rstrip("/") + "/complaints/new/"
    with opener.open(form_url, timeout=30) as response:  # noqa: S310  (our own server)
        html = response.read().decode("utf-8")
    token = TOKEN_PATTERN.search(html)
    if token is None:
        return 0.0, None, "no csrf token"
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token.group(1),
            "content": f"压力测试投诉第{number}号：窗口排队时间过长，工作人员离岗无人替代。",
            "target_description": "综合窗口",
            "complainant_name": "",
            "complainant_phone": "",
            "website": "",
        }
    ).encode("utf-8")
    request = urllib.request.Request(  # noqa: S310
        form_url,
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": form_url},
    )
    started = time.perf_counter()
    try:
        with opener.open(request, timeout=30) as response:  # noqa: S310
            page = response.read().decode("utf-8")
            status = response.status
    except urllib.error.HTTPError as error:
        return time.perf_counter() - started, None, error.code
    elapsed = time.perf_counter() - started
    code = CODE_PATTERN.search(page)
    return elapsed, code.group(0) if code else None, status


def file_complaints(base_url, *, total=500, concurrency=20):
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        outcomes = list(pool.map(lambda n: file_one_complaint(base_url, n), range(total)))
    wall = time.perf_counter() - started
    latencies = sorted(seconds for seconds, _code, _status in outcomes)
    codes = [code for _seconds, code, _status in outcomes if code]
    failures = [status for _seconds, code, status in outcomes if not code]
    return {
        "requests": total,
        "seconds": round(wall, 3),
        "rps": round(total / wall, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 2),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 2),
        "errors": len(failures),
        "failure_statuses": sorted({str(status) for status in failures}),
        "codes": codes,
    }
