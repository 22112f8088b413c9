#!/usr/bin/env python3
"""Writes tests/fixtures/romanization.tsv: the Revised Romanization of every
Hangul syllable of the bundled data's names (people, groups, works,
organisations: `hangul` fields and Hangul aliases), each syllable romanised
alone by the python package `korean-romanizer` (an implementation independent
of ours), for tests/search.rs to compare with our tables.

    pip install korean-romanizer
    python3 scripts/romanizer_fixture.py
"""
import pathlib
import re

from korean_romanizer.romanizer import Romanizer

ROOT = pathlib.Path(__file__).resolve().parent.parent
syllables = set()
for path in sorted((ROOT / "data").glob("*.ron")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if re.search(r"^\s*(hangul|aliases|title|name)\s*:", line):
            for s in re.findall(r'"([^"]*)"', line):
                syllables.update(c for c in s if "\uac00" <= c <= "\ud7a3")

out = ROOT / "tests" / "fixtures" / "romanization.tsv"
with out.open("w", encoding="utf-8") as f:
    f.write("# syllable\tRevised Romanization by korean-romanizer "
            "(scripts/romanizer_fixture.py)\n")
    for c in sorted(syllables):
        f.write(f"{c}\t{Romanizer(c).romanize()}\n")
print(f"{len(syllables)} syllables written to {out.relative_to(ROOT)}")
