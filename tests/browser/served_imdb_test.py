"""The page of `hallyu serve` on an IMDb-sized import, in headless Chromium:
how soon it is usable, how fast the search answers as one types, a click
that expands a neighbourhood, a path explained. Run by the ignored test
`served_page_on_imdb` of tests/browser.rs (scripts/bench_serve.py runs it):

    served_imdb_test.py URL NAME FROM_KEY TO_KEY

Prints one line per check, a `BROWSER_JSON {...}` line with the timings,
and "ALL OK"; exits non-zero on the first failure.
"""
import json
import statistics
import sys
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url, name, start, end = sys.argv[1:5]


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        sys.exit(1)


opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--window-size=1400,900", "--user-data-dir=" + tempfile.mkdtemp(prefix="hallyu-chrome-")]:
    opts.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
# The page re-renders its panel and lists as it answers: an element found in
# one poll can be replaced before its text is read, so a stale one is polled
# again rather than failing the test.
wait = WebDriverWait(driver, 30, poll_frequency=0.01, ignored_exceptions=(StaleElementReferenceException,))
report = {}
try:
    # Records, in the page's own clock, each keystroke and each change of
    # the suggestion list.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.__typed = []; window.__shown = [];
        document.addEventListener('input', () => window.__typed.push(performance.now()), true);
        document.addEventListener('DOMContentLoaded', () => {
            new MutationObserver(() => window.__shown.push(performance.now()))
                .observe(document.getElementById('suggestions'), { childList: true });
        });"""})
    driver.get("about:blank")
    t0 = time.time()
    driver.get(url)
    wait.until(lambda d: d.execute_script("return document.body && document.body.dataset.ready === 'true'"))
    ready = time.time() - t0
    drawn = driver.execute_script("return window.hallyu.cy.nodes().length")
    nav = driver.execute_script(
        "var e = performance.getEntriesByType('navigation')[0];"
        "return [e.responseEnd, e.domContentLoadedEventEnd, e.encodedBodySize]")
    report.update(ready_s=ready, first_nodes=drawn, page_bytes=nav[2], response_ms=nav[0], dom_ms=nav[1])
    check(drawn > 0, "the first view draws %d records, %.2f s after the request" % (drawn, ready))
    check(nav[2] < 1 << 20, "the page is %d bytes (under 1 MiB)" % nav[2])

    # Search as one types: one request a keystroke, the list redrawn.
    box = driver.find_element(By.ID, "search")
    box.click()
    for ch in name:
        box.send_keys(ch)
        time.sleep(0.12)
    wait.until(lambda d: any(li.get_attribute("textContent").startswith(name)
                             for li in d.find_elements(By.CSS_SELECTOR, "#suggestions li")))
    typed, shown = driver.execute_script("return [window.__typed, window.__shown]")
    lags = []
    for t in typed:
        after = [s for s in shown if s >= t]
        if after:
            lags.append(after[0] - t)
    report.update(keystrokes=len(typed), search_p50_ms=statistics.median(lags), search_max_ms=max(lags))
    check(len(lags) >= len(name) // 2,
          "typing %r: the suggestions follow each keystroke (median %.0f ms, max %.0f ms)"
          % (name, report["search_p50_ms"], report["search_max_ms"]))
    usable = time.time() - t0

    # A pick draws the person's works; a click on one of them its people.
    t = time.time()
    li = [li for li in driver.find_elements(By.CSS_SELECTOR, "#suggestions li")
          if li.get_attribute("textContent").startswith(name)][0]
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(driver).move_to_element(li).click().perform()
    wait.until(lambda d: d.execute_script(
        "var n = window.hallyu.cy.$('node.selected'); return n.length === 1 && n.neighborhood('node').length > 0"))
    report["expand_ms"] = (time.time() - t) * 1e3
    check(True, "picking %r draws its neighbourhood in %.0f ms" % (name, report["expand_ms"]))

    # A path, explained hop by hop.
    t = time.time()
    driver.execute_script("location.hash = arguments[0]", "from=%s&to=%s" % (start, end))
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#hops li")
               or "No chain" in d.find_element(By.ID, "path-result").text)
    hops = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#hops li")]
    report.update(path_ms=(time.time() - t) * 1e3, path_hops=len(hops))
    check(len(hops) > 0, "the path %s → %s is explained in %d hops (%.0f ms)" % (start, end, len(hops), report["path_ms"]))
    report["usable_s"] = ready
    check(ready < 2.0, "usable %.2f s after the request (bound: 2 s)" % ready)
    print("BROWSER_JSON " + json.dumps(report))
    print("ALL OK")
finally:
    driver.quit()
