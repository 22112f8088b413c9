"""The one writer of a section of BENCHMARKS.md, shared by the bench
scripts: each script writes its own `## ` section and keeps every other
byte of the file."""


def replace_section(path, title_text, body):
    """Puts `body` (starting with its `## ` title) in place of the section
    titled `title_text`, or after the end of the file; every other byte of
    the file stays as it was."""
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        text = ""
    body = body.rstrip("\n")
    title = f"## {title_text}"
    starts = [i for i in range(len(text))
              if text.startswith(title, i) and (i == 0 or text[i - 1] == "\n")
              and text[i + len(title):i + len(title) + 1] in ("\n", "")]
    if starts:
        start = starts[0]
        end = text.find("\n## ", start + len(title))
        if end < 0:
            text = text[:start] + body + "\n"
        else:
            text = text[:start] + body + "\n\n" + text[end + 1:]
    else:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + body + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
