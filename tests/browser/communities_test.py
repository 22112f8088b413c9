"""The page's "colour by community" switch in headless Chromium (Debian's
chromium and chromedriver, selenium 4). Run by tests/browser.rs:

    communities_test.py PAGE.html OUT_DIR            # the offline page
    communities_test.py http://127.0.0.1:PORT/ OUT_DIR   # the page of `hallyu serve`

OUT_DIR holds communities.json: the library's community of every person
(by key, null for none), the names of the first communities, the palette
and the grey of the rest, and the people to expand. With the switch on,
every person drawn must be filled with the palette's colour of the
library's community (grey past the palette or for none): one community,
one colour; two communities of the palette, two colours; the legend names
the communities drawn. Prints one line per check and "ALL OK" at the end;
exits non-zero on the first failure.
"""
import json
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

served = sys.argv[1].startswith("http://")
out = Path(sys.argv[2])
expected = json.loads(out.joinpath("communities.json").read_text())
url = sys.argv[1] if served else Path(sys.argv[1]).resolve().as_uri()


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        sys.exit(1)


opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--disable-background-networking", "--disable-component-update",
             "--disable-default-apps", "--disable-sync", "--no-first-run",
             "--window-size=1400,900", "--user-data-dir=" + tempfile.mkdtemp(prefix="hallyu-chrome-")]:
    opts.add_argument(flag)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
# The page re-renders its panel and lists as it answers: an element found in
# one poll can be replaced before its text is read, so a stale one is polled
# again rather than failing the test.
wait = WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,))
try:
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));"""})
    driver.get(url)
    wait.until(lambda d: d.execute_script("return document.body && document.body.dataset.ready === 'true'"))

    def fills():
        return driver.execute_script("""
            var out = {};
            window.hallyu.cy.nodes('.person').forEach(function (n) {
                out[n.data('key')] = [n.data('fill'), n.data('stroke'), n.style('background-color')];
            });
            return out;""")

    # Off: every person in the person's colour.
    before = fills()
    check(len(before) > 0, "people drawn: %d" % len(before))
    check(len({f[0] for f in before.values()}) == 1, "switch off: one colour for every person")

    # People of several communities drawn, then the switch clicked.
    for key in expected["expand"]:
        driver.execute_async_script("var done = arguments[arguments.length - 1];"
                                    "window.hallyu.expand(arguments[0]).then(done, done);", key)
    driver.find_element(By.ID, "by-community").click()
    palette, other = expected["palette"], expected["other"]
    want = expected["community"]

    def colour(c):
        return palette[c] if c is not None and c < len(palette) else other

    def painted(d):
        f = fills()
        return all(f[k][0] == colour(want.get(k))["fill"] for k in f) and f

    got = wait.until(painted)
    check(True, "switch on: every person drawn filled with its community's colour (%d people)" % len(got))
    by_fill, by_community = {}, {}
    for key, (fill, stroke, shown) in got.items():
        c = want.get(key)
        check(stroke == colour(c)["stroke"], "%s: stroke of community %s" % (key, c))
        by_fill.setdefault(fill, set()).add(c if c is not None and c < len(palette) else "other")
        by_community.setdefault(c if c is not None and c < len(palette) else "other", set()).add(shown)
    check(all(len(cs) == 1 for cs in by_fill.values()), "one colour, one community: %s" % sorted(by_fill))
    check(all(len(fs) == 1 for fs in by_community.values()), "one community, one colour as drawn")
    coloured = [c for c in by_community if c != "other"]
    check(len(coloured) >= 2, "people of %d communities drawn in %d colours" % (len(coloured), len(by_fill)))
    drawn = {tuple(fs)[0] for c, fs in by_community.items() if c != "other"}
    check(len(drawn) == len(coloured), "two communities, two colours as drawn (%s)" % sorted(drawn))
    pair = expected["same"], expected["different"]
    check(got[pair[0][0]][0] == got[pair[0][1]][0], "%s and %s (one community) share a colour" % tuple(pair[0]))
    check(got[pair[1][0]][0] != got[pair[1][1]][0], "%s and %s (two communities) differ" % tuple(pair[1]))

    legend = driver.find_element(By.ID, "community-legend").text
    for c in coloured:
        name = expected["names"][c]
        check(("%d. %s" % (c + 1, name)) in legend, "the legend names community %d: %s" % (c + 1, name))
    check(driver.execute_script("return window.__violations.length") == 0, "no CSP violation")
    driver.save_screenshot(str(out.joinpath("communities.png")))

    # Off again: the colours of kinds come back.
    driver.find_element(By.ID, "by-community").click()
    wait.until(lambda d: len({f[0] for f in fills().values()}) == 1)
    check(driver.find_element(By.ID, "community-legend").text == "", "switch off: colours and legend gone")
    print("ALL OK")
finally:
    driver.quit()
