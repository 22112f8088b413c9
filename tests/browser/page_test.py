"""Drives the hallyu page in headless Chromium (Debian's chromium and
chromedriver, selenium 4). Run by tests/browser.rs:

    page_test.py PAGE.html OUT_DIR            # the offline page
    page_test.py http://127.0.0.1:PORT/ OUT_DIR   # the page of `hallyu serve`

OUT_DIR holds expected.txt (path ends, path length, the view's person) and
hops.txt (every line the command line can print for a hop). Prints one line
per check and "ALL OK" at the end; exits non-zero on the first failure.
"""
import json
import struct
import sys
import tempfile
import time
import urllib.request
import zlib
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

served = sys.argv[1].startswith("http://")
out = Path(sys.argv[2])
start, end, hops, person, middle, middle_name, around = out.joinpath("expected.txt").read_text().split("\n")[:7]
hops = int(hops)
allowed_hops = set(out.joinpath("hops.txt").read_text().split("\n"))
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
opts.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
# The page re-renders its panel and lists as it answers: an element found in
# one poll can be replaced before its text is read, so a stale one is polled
# again rather than failing the test.
wait = WebDriverWait(driver, 20, ignored_exceptions=(StaleElementReferenceException,))
try:
    # Records CSP violations from the very first script on.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.__violations = [];
        document.addEventListener('securitypolicyviolation',
            e => window.__violations.push(e.blockedURI + ' ' + e.violatedDirective));"""})

    def load(u):
        driver.get("about:blank")
        driver.get(u)
        wait.until(lambda d: d.execute_script("return document.body && document.body.dataset.ready === 'true'"))

    def nodes():
        return driver.execute_script("return window.hallyu.cy.nodes().length")

    def suggestions():
        # The texts read in one script call: the list is redrawn as answers
        # arrive, so an element found first may be gone before its text is
        # read (a stale element).
        return driver.execute_script(
            "return Array.from(document.querySelectorAll('#suggestions li'), li => li.innerText)")

    def pick(input_id, list_id, text, expect):
        box = driver.find_element(By.ID, input_id)
        box.clear()
        box.send_keys(text)
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#%s li" % list_id))
        first = driver.find_elements(By.CSS_SELECTOR, "#%s li" % list_id)[0]
        check(expect in first.text, "typing %r suggests %r first (got %r)" % (text, expect, first.text))
        first.click()

    if not served:
        # The whole bundled catalog is embedded, and the page opens on a
        # readable part of it: a few dozen records, labels at a legible zoom.
        t0 = time.time()
        load((out / "whole.html").resolve().as_uri())
        total = driver.execute_script("return Object.keys(window.hallyu.nodes).length")
        drawn = nodes()
        zoom = driver.execute_script("return window.hallyu.cy.zoom()")
        check(total > 150 and 10 < drawn <= 60, "the whole page embeds %d records and opens on %d in %.1f s" % (total, drawn, time.time() - t0))
        check(zoom >= 0.7, "labels legible at the start zoom (%.2f)" % zoom)
        driver.save_screenshot(str(out / "whole.png"))

    load(url)
    check(nodes() > 0, "the page draws its view (%d nodes)" % nodes())
    font = driver.execute_script("return getComputedStyle(document.body).fontFamily")
    check("Noto Sans KR" in font and "NanumGothic" in font, "Korean font stack: " + font)
    legend = driver.find_element(By.ID, "legend").text
    check("person" in legend and "music video" in legend and "drama" in legend, "legend from the style sheet")

    # 1. A romanised name, picked from the suggestions.
    pick("search", "suggestions", "Bak Seo-jun", "Park Seo-joon")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#panel h2"))
    h2 = driver.find_element(By.CSS_SELECTOR, "#panel h2").text
    check(h2 == "Park Seo-joon", "picking the suggestion opens the record (%r)" % h2)
    check(driver.execute_script("return window.hallyu.cy.$('node.selected').length") == 1, "the person is highlighted")
    on_top = driver.execute_script("var n = window.hallyu.cy.$('node.selected'); return n.style('z-index') > Math.max.apply(null, window.hallyu.cy.nodes().not(n).map(m => +m.style('z-index')))")
    check(on_top, "the highlighted node is drawn above the others")
    panel = driver.find_element(By.ID, "panel").text
    check("박서준" in panel and "Parasite" in panel, "the record shows Hangul and works with roles")
    check(driver.find_elements(By.CSS_SELECTOR, "#panel a[href^='http']"), "sources are links")
    sideways = driver.execute_script("var p = document.getElementById('panel'); return p.scrollWidth - p.clientWidth")
    check(sideways <= 0, "the panel wraps long links instead of scrolling sideways (%d px)" % sideways)
    pick("search", "suggestions", "choi woo shik", "Choi Woo-shik")
    for query in ["park seo joon", "Pak Sŏjun", "박서준", "ㅂㅅㅈ", "qkrtjwns"]:
        box = driver.find_element(By.ID, "search")
        box.clear()
        box.send_keys(query)
        names = wait.until(lambda d: suggestions())
        check(any("Park Seo-joon" in n for n in names), "%r suggests Park Seo-joon (%r)" % (query, names[:3]))
    box = driver.find_element(By.ID, "search")
    box.clear()
    box.send_keys("ㅊㅇㅅ")
    names = wait.until(lambda d: suggestions())
    check(any("Choi Woo-shik" in n for n in names), "initials ㅊㅇㅅ suggest Choi Woo-shik (%r)" % names[:5])

    # 2. Expand: picking a name draws its neighbours (as many as its record
    #    in the panel lists); expanding one of its works draws its people.
    driver.find_element(By.ID, "reset").click()
    wait.until(lambda d: nodes() > 0)

    def listed():
        return len(driver.find_elements(By.CSS_SELECTOR, "#panel ul:first-of-type > li"))

    def drawn_around(key):
        return driver.execute_script(
            "var n = window.hallyu.cy.nodes().filter(m => m.data('key') === arguments[0]);"
            "return n.neighborhood('node').filter(m => m.style('display') !== 'none').length", key)

    pick("search", "suggestions", "choi woo shik", "Choi Woo-shik")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#panel h2").text == "Choi Woo-shik")
    wait.until(lambda d: listed() > 0 and drawn_around("choi-woo-shik") == listed())
    check(True, "picking Choi Woo-shik draws his %d works" % listed())
    work = driver.execute_script(
        "var n = window.hallyu.cy.$('node.selected').neighborhood('node.work').last(); return n.data('key')")
    driver.execute_script("window.hallyu.select(arguments[0])", work)
    wait.until(lambda d: d.find_element(By.ID, "panel").get_attribute("data-key") == work)
    before = nodes()
    driver.find_element(By.ID, "expand").click()
    wait.until(lambda d: drawn_around(work) == listed())
    check(drawn_around(work) > 1, "expanding %s draws its %d people (%d -> %d nodes)" % (work, listed(), before, nodes()))

    # 3. A path, explained with the command line's words.
    pick("path-from", "suggest-from", "lee min ho", "Lee Min-ho")
    pick("path-to", "suggest-to", "최우식", "Choi Woo-shik")
    driver.find_element(By.ID, "path-go").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#hops li"))
    lines = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#hops li")]
    for line in lines:
        print("     hop: " + line)
    check(len(lines) == hops, "the path has %d hops like the library's (%d)" % (len(lines), hops))
    check(all(l in allowed_hops for l in lines), "every hop reads as the command line prints it")
    check(driver.execute_script("return location.hash") == "#from=%s&to=%s" % (start, end), "the path is a deep link")

    # 3b. Around a person: the path avoiding the chain's second person has
    #     the library's length and does not name them; served, "Next path"
    #     shows the second shortest.
    load(url + "#from=%s&to=%s&avoid=%s" % (start, end, middle))
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#hops li") or "No chain" in d.find_element(By.ID, "path-result").text)
    around_lines = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#hops li")]
    want = 0 if around == "none" else int(around)
    check(len(around_lines) == want and not any(middle_name in l for l in around_lines),
          "avoiding %s: %d hops like the library's (%s)" % (middle_name, len(around_lines), around))
    if served:
        load(url + "#from=%s&to=%s" % (start, end))
        driver.find_element(By.ID, "path-next").click()
        wait.until(lambda d: "(path 2)" in d.find_element(By.ID, "path-result").text)
        second = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#hops li")]
        check(second != lines and len(second) >= len(lines), "Next path shows another path of %d hops" % len(second))

    # 3c. Path modes (modes.txt, the library's answers): as of a year, in
    #     time order, the strongest. Served, each path is the API's own.
    modes = {l.split()[0]: l.split()[1:] for l in out.joinpath("modes.txt").read_text().split("\n") if l}
    mode_url = url if served else (out / "whole.html").resolve().as_uri()

    def result():
        return driver.find_element(By.ID, "path-result").text

    def shown_path():
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#hops li") or "No chain" in result())
        return driver.execute_script(
            "var s = window.hallyu.steps; return s && s.map(h => [h.work, window.hallyu.nodes[h.work].year])")

    def api(query):
        with urllib.request.urlopen(url + "api/path?" + query) as r:
            return json.loads(r.read())

    def api_works(query):
        return [s["work"]["id"] for s in api(query)["steps"]]

    yea_ji, gd = modes["asof"][:2]
    for item in modes["asof"][2:]:
        year, want = item.split(":")
        load(mode_url + "#from=%s&to=%s&asof=%s" % (yea_ji, gd, year))
        steps, text = shown_path(), result()
        check(driver.find_element(By.ID, "as-of").get_attribute("value") == year, "#asof=%s fills the as-of field" % year)
        if want == "none":
            check(steps is None and "as of " + year in text and "Seo Yea-ji has no credit in %s" % year in text
                  and "not yet debuted" in text, "as of %s: no path, and why: %r" % (year, text))
        else:
            check(len(steps) == int(want) and "as of %s:" % year in text and all(y <= int(year) for _, y in steps),
                  "as of %s: %d hop(s) like the library's (%s), every work of %s or before" % (year, len(steps), want, year))
        if served:
            answer = api("from=%s&to=%s&as_of=%s" % (yea_ji, gd, year))
            check(answer["length"] == (None if want == "none" else int(want))
                  and [w for w, _ in steps or []] == [s["work"]["id"] for s in answer["steps"]]
                  and (want != "none" or [p["id"] for p in answer["not_debuted"]] == [yea_ji]),
                  "as of %s: the page shows the API's answer" % year)
    # Typing another year redraws the path and its deep link.
    box = driver.find_element(By.ID, "as-of")
    box.clear()
    box.send_keys("2014")
    driver.execute_script("document.getElementById('as-of').dispatchEvent(new Event('change'))")
    wait.until(lambda d: "as of 2014:" in result())
    want = [i.split(":")[1] for i in modes["asof"][2:] if i.startswith("2014:")][0]
    check(len(shown_path()) == int(want) and "asof=2014" in driver.execute_script("return location.hash"),
          "the as-of field set to 2014: %s hops, deep link #…asof=2014" % want)

    a, b, ordered, shortest = modes["inorder"]
    load(mode_url + "#from=%s&to=%s&inorder=1" % (a, b))
    steps = shown_path()
    years = [y for _, y in steps]
    check(len(steps) == int(ordered) and "in time order:" in result() and years == sorted(years)
          and driver.find_element(By.ID, "path-inorder").is_selected(),
          "in time order %s to %s: %d hops like the library's (%s; shortest %s), years %r" % (a, b, len(steps), ordered, shortest, years))
    if served:
        check([w for w, _ in steps] == api_works("from=%s&to=%s&in_order=1" % (a, b)), "in time order: the API's path")
    driver.find_element(By.ID, "path-inorder").click()
    driver.find_element(By.ID, "path-go").click()
    wait.until(lambda d: "in time order" not in result() and d.find_elements(By.CSS_SELECTOR, "#hops li"))
    check(len(shown_path()) == int(shortest), "unticked: the shortest path, %s hops" % shortest)

    # The strongest: a path as light as the library's (each link weighs
    # 1 / the works its two people share), served the API's own.
    a, b, weight = modes["strongest"]
    load(mode_url + "#from=%s&to=%s&strongest=1" % (a, b))
    steps = shown_path()
    shared = driver.execute_script("return window.hallyu.steps.map(s => s.shared)")
    got = sum(1 / n for n in shared)
    check("strongest" in result() and abs(got - float(weight)) < 1e-9 and driver.find_element(By.ID, "path-strongest").is_selected(),
          "the strongest path weighs %.4f like the library's (%s), works shared %r" % (got, weight, shared))
    if served:
        check([w for w, _ in steps] == api_works("from=%s&to=%s&strongest=1" % (a, b)), "the strongest path is the API's")

    # 4. Deep links open a state.
    load(url + "#from=%s&to=%s" % (start, end))
    lines2 = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "#hops li")]
    check(lines2 == lines, "#from=…&to=… opens the same path")
    driver.save_screenshot(str(out / "page.png"))
    load(url + "#person=" + person)
    h2 = driver.find_element(By.CSS_SELECTOR, "#panel h2").text
    check(h2 == "Park Seo-joon", "#person=%s opens the record" % person)

    # 5. Filters apply live: without music videos, no music video is drawn.
    driver.find_element(By.ID, "kind-mv").click()
    shown = driver.execute_script(
        "return window.hallyu.cy.nodes('.mv').filter(n => n.style('display') !== 'none').length")
    check(shown == 0, "unticking music videos hides them")

    # 6. Offline: no network at all, only the file itself requested.
    #    Served: requests to the page's own origin only.
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    violations = driver.execute_script("return window.__violations")
    check(violations == [], "no CSP violation (%r)" % violations)
    requested, network = set(), set()
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            u = msg["params"]["request"]["url"]
            if u.startswith(("http:", "https:", "ws:", "wss:")):
                network.add(u)
            if msg["params"].get("documentURL", "").split("#")[0] == url:
                requested.add(u.split("#")[0])
    if served:
        foreign = [u for u in network if not u.startswith(url)]
        check(foreign == [], "requests only to the page's origin (%r)" % foreign)
        check(any("/api/" in u for u in resources), "the page asked the API (%d requests)" % len(resources))
    else:
        check(resources == [], "no resource loaded (%r)" % resources)
        # The request log of the whole browser: the page's documents may ask
        # for nothing but the page itself; no document may touch the network
        # (the browser's own chrome:// new-tab page is left out).
        others = [u for u in requested if u != url and not u.startswith("data:")]
        check(url in requested and others == [], "the page's request log holds only the page (%r)" % sorted(requested))
        check(network == set(), "no network request at all (%r)" % sorted(network))
    csp = driver.execute_script(
        "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]').content")
    check(csp.startswith("default-src 'none'"), "CSP: " + csp)
    errors = [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    check(errors == [], "no console error (%r)" % errors)
finally:
    driver.quit()


# 7. The screenshot is not blank: decode the PNG (stdlib only) and count.
def pixels(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, color = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    assert depth == 8 and color in (2, 6)
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


w, h, bpp, rows = pixels(out / "page.png")
colours, dark = set(), 0
for row in rows[::3]:
    for x in range(0, w * bpp, bpp * 3):
        px = row[x:x + 3]
        colours.add(px)
        if sum(px) < 600:
            dark += 1
sampled = len(rows[::3]) * len(range(0, w * bpp, bpp * 3))
check(len(colours) > 50, "the screenshot (%dx%d) has %d colours" % (w, h, len(colours)))
check(0.01 < dark / sampled < 0.9, "%.1f%% of it is drawn (not blank)" % (100 * dark / sampled))
print("ALL OK")
