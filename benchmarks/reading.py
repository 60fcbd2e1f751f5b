"""Report reading against its length: the example report repeated to 100 KB and 600 KB, read
(structure, figures, extraction, each figure's heading and sentence) by the source on
PYTHONPATH (BEFORE, another checkout's src/) and by this checkout's; best of three each.

    BEFORE=/path/to/old/src .venv/bin/python benchmarks/reading.py
"""

import os
import subprocess
import sys

# Run in a fresh process, so that PYTHONPATH picks the source.
CODE = r'''
import sys, time
from pathlib import Path
from evalkit.report import figures
from evalkit.report.extraction import extract, sentence_at
from evalkit.report.structure import parse
t = Path("examples/xianxiang-2022/report.txt").read_text("utf-8")
n = int(sys.argv[1]) * 1000
text = (t * (n // len(t) + 1))[:n]
best = 1e9
for _ in range(3):
    s = time.perf_counter()
    st, found = parse(text), figures.find(text)
    extract(text, [])
    for f in found:
        st.heading_at(f.start); sentence_at(text, f.start)
    best = min(best, time.perf_counter() - s)
print(f"{best:.3f}")
'''


def seconds(size: int, source: str | None) -> str:
    env = dict(os.environ, PYTHONPATH=source) if source else None
    return subprocess.run([sys.executable, "-c", CODE, str(size)], capture_output=True, text=True, env=env, check=True).stdout.strip()


if __name__ == "__main__":
    before = os.environ.get("BEFORE")
    for size in (100, 600):
        print(f"{size} KB: " + (f"before {seconds(size, before)} s, " if before else "") + f"now {seconds(size, None)} s")
