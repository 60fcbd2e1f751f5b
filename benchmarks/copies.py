"""A county of report files scored as a batch, with copy detection: the source on PYTHONPATH
(BEFORE, another checkout's src/) against this checkout's, run in turn; best of five each, in
wall and CPU seconds (CPU time is what the shared machine's load disturbs least).

    BEFORE=/path/to/old/src .venv/bin/python benchmarks/copies.py [COUNT] [txt|docx]

The reports are the 贤庠镇 example under COUNT township names, each with its paragraphs in its
own order and its figures changed; every tenth copies the next one's report, its name swapped.
"""

from __future__ import annotations

import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIRST, SECOND = "东西南北上下前后大小新老金银石竹松柏桃李", "山河湖海田林溪岭塘桥港湾浦岙坑洋岗坝沙湾"
sys.path.insert(0, str(ROOT / "tests"))


def reports(count: int, seed: int = 3) -> list[tuple[str, str]]:
    """(township name, report text) for ``count`` townships."""
    rng = random.Random(seed)
    lines = (ROOT / "examples" / "xianxiang-2022" / "report.txt").read_text("utf-8").split("\n")
    made = []
    for n in range(count):
        name = f"{FIRST[n // len(SECOND) % len(FIRST)]}{SECOND[n % len(SECOND)]}{'' if n < len(FIRST) * len(SECOND) else n}镇"
        body = lines[:2] + rng.sample(lines[2:], len(lines) - 2)
        text = re.sub(r"\d+", lambda m: str(rng.randrange(1, 999)) if len(m.group()) < 4 else m.group(), "\n".join(body))
        made.append((name, text.replace("贤庠镇", name).replace("贤庠", name[:-1])))
    for n in range(0, count - 1, 10):
        made[n] = (made[n][0], made[n + 1][1].replace(made[n + 1][0], made[n][0]).replace(made[n + 1][0][:-1], made[n][0][:-1]))
    return made


def write(folder: Path, count: int, suffix: str) -> None:
    import made as made_files  # tests/made.py: the .docx as the tests make it

    for index, (_name, text) in enumerate(reports(count)):
        path = folder / f"{index:04d}.txt"
        path.write_text(text, encoding="utf-8")
        if suffix == ".docx":
            made_files.report_docx(path.with_suffix(".docx"), path, running=False)
            path.unlink()


def seconds(folder: Path, jobs: int, source: str | None) -> tuple[float, float]:
    """Wall and CPU seconds (the process and its workers) of one `evalkit score` of ``folder``."""
    env = dict(os.environ, PYTHONPATH=source) if source else None
    out = Path(tempfile.mkdtemp()) / "out"
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run([sys.executable, "-m", "evalkit", "score", str(folder), "--out", str(out), "--jobs", str(jobs)],
                   capture_output=True, env=env, check=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def best(folder: Path, jobs: int, sources: list[str | None], rounds: int = 5) -> list[tuple[float, float]]:
    """The best wall and CPU seconds of each source, their runs taken in turn so that they share the machine's noise."""
    runs = [[seconds(folder, jobs, source) for source in sources] for _ in range(rounds)]
    return [(min(r[i][0] for r in runs), min(r[i][1] for r in runs)) for i in range(len(sources))]


if __name__ == "__main__":
    count, suffix = (int(sys.argv[1]) if len(sys.argv) > 1 else 200), "." + (sys.argv[2] if len(sys.argv) > 2 else "txt")
    sources = [os.environ["BEFORE"], None] if os.environ.get("BEFORE") else [None]
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp), count, suffix)
        for jobs in (1, 2):
            shown = ", ".join(f"{name} {wall:.2f} s ({cpu:.2f} s CPU)" for name, (wall, cpu) in zip(["before", "now"][-len(sources):], best(Path(tmp), jobs, sources)))
            print(f"{count} {suffix} reports, --jobs {jobs}: {shown}")
