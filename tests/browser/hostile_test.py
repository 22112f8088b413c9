"""Loads a page whose data is hostile (names that are the template's own
placeholders, `</script>`, `<!--`, markup with event handlers, line
separators, control characters) in headless Chromium and checks that no
script of the data runs and that the page works. Run by tests/browser.rs:

    hostile_test.py URL NAMES.json

NAMES.json lists the names to search for. Prints one line per check and
"ALL OK" at the end; exits non-zero on the first failure.
"""
import json
import sys
import tempfile

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

url = sys.argv[1]
names = json.load(open(sys.argv[2], encoding="utf-8"))


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        sys.exit(1)


opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--window-size=1400,900", "--user-data-dir=" + tempfile.mkdtemp(prefix="hallyu-chrome-")]:
    opts.add_argument(flag)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
# The page re-renders its panel and lists as it answers: an element found in
# one poll can be replaced before its text is read, so a stale one is polled
# again rather than failing the test.
wait = WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException,))
try:
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));"""})
    driver.get(url)
    wait.until(lambda d: d.execute_script("return document.body && document.body.dataset.ready === 'true'"))
    check(True, "the page is ready")

    def no_script_ran(when):
        try:
            driver.switch_to.alert
            check(False, "an alert opened " + when)
        except NoAlertPresentException:
            pass
        pwned = driver.execute_script("return window.__pwned === undefined ? null : window.__pwned")
        check(pwned is None, "no script of the data ran %s (%r)" % (when, pwned))
        markup = driver.execute_script("return document.querySelectorAll('img, b, iframe, svg script').length")
        check(markup == 0, "no element of the data's markup %s (%d)" % (when, markup))

    no_script_ran("on load")
    for name in names:
        box = driver.find_element(By.ID, "search")
        box.clear()
        box.send_keys(name.split("\u2028")[0])
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#suggestions li"))
        items = driver.find_elements(By.CSS_SELECTOR, "#suggestions li")
        texts = [li.get_attribute("textContent") for li in items]
        found = [i for i, t in enumerate(texts) if t.startswith(name)]
        check(found != [], "searching %r finds it (%r)" % (name, texts[:3]))
        items[found[0]].click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#panel h2")
                   and d.find_element(By.CSS_SELECTOR, "#panel h2").get_attribute("textContent") == name)
        check(True, "the panel shows %r as text" % name)
        no_script_ran("after picking %r" % name)
    # Colour by community: the community is named after the hostile title
    # of the work everyone shares; the legend shows it as text.
    driver.find_element(By.ID, "by-community").click()
    wait.until(lambda d: d.find_element(By.ID, "community-legend").get_attribute("textContent"))
    legend = driver.find_element(By.ID, "community-legend").get_attribute("textContent")
    check("{{SCRIPT}}</script><script>window.__pwned=3</script>" in legend,
          "the community's hostile name in the legend as text (%r)" % legend)
    no_script_ran("after colouring by community")
    violations = driver.execute_script("return window.__violations")
    check(violations == [], "no CSP violation (%r)" % violations)
    print("ALL OK")
finally:
    driver.quit()
