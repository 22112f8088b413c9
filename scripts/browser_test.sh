#!/bin/sh
# Installs what the browser test needs (Debian's Chromium, its chromedriver,
# a Korean font, selenium) and runs it. For .ci/run; needs root for apt-get.
set -eu
if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ] || ! /usr/bin/python3 -c 'import selenium' 2>/dev/null; then
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver fonts-nanum python3-selenium
fi
HALLYU_REQUIRE_BROWSER=1 cargo test --test browser -- --nocapture
cargo test --features serve --test serve
