"""The web app's self-check latency, alone and while 18 townships upload at once.

    .venv/bin/python benchmarks/web_load.py            # 30 timed .docx self-checks in each phase
    .venv/bin/python benchmarks/web_load.py 60 2       # 60 timed self-checks, 2 scoring workers

Starts `evalkit serve --demo` on 127.0.0.1 (a fresh store in a temporary folder), then times
贤庠镇's .docx self-check (upload to scored page) one after another: first with nothing else
running (the baseline), then while 18 township clients (in another process) each upload and
submit their report 3 times, all at once, again and again until the timed checks are done. Prints p50, p95 and the
maximum of each phase and the ratio of the loaded p95 to the baseline's: this machine is shared
and noisy, so the ratio is the steadier figure.
"""

from __future__ import annotations

import multiprocessing
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_web_load import township_round  # noqa: E402 - the load test's own round of 3 uploads and submissions
from webserver import COUNTY, XIANXIANG, Client, Server, report_docx  # noqa: E402


def timed_checks(url: str, docx: bytes, count: int) -> list[float]:
    """Seconds from sending the upload to reading the scored page, ``count`` times in turn."""
    client = Client(url)
    client.login(*XIANXIANG)
    times = []
    for _ in range(count):
        start = time.perf_counter()
        page = client.post("/check", files={"report": ("贤庠镇.docx", docx)})
        times.append(time.perf_counter() - start)
        assert 'id="score"' in page.text, page.text[:500]
    client.close()
    return times


def load(url: str, stop, rounds) -> None:
    """18 townships × 3 uploads and submissions at once, repeated until ``stop``. Run in its own
    process, so that the timed client never waits for the load's threads to let it run."""
    files = sorted(COUNTY.glob("*.json"))
    with ThreadPoolExecutor(len(files)) as pool:
        while not stop.is_set():
            list(pool.map(lambda job: township_round(url, *job), enumerate(files, 1)))
            with rounds.get_lock():
                rounds.value += len(files) * 3


def summary(name: str, times: list[float]) -> float:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]
    print(f"{name:<28} n={len(times):<4} p50={statistics.median(times) * 1000:7.0f} ms  p95={p95 * 1000:7.0f} ms  max={ordered[-1] * 1000:7.0f} ms")
    return p95


def main(argv: list[str]) -> None:
    count = int(argv[0]) if argv else 30
    workers = int(argv[1]) if len(argv) > 1 else 2
    with tempfile.TemporaryDirectory() as folder:
        server = Server(Path(folder), workers=workers).start()
        try:
            docx = report_docx(Path(folder) / "贤庠镇.docx").read_bytes()
            timed_checks(server.url, docx, 3)  # warm-up: the workers' first imports
            alone = summary("self-check, no other load", timed_checks(server.url, docx, count))
            stop, rounds = multiprocessing.Event(), multiprocessing.Value("i", 0)
            loader = multiprocessing.Process(target=load, args=(server.url, stop, rounds))
            loader.start()
            time.sleep(1.0)  # let the 54 uploads start
            loaded = summary("self-check under load", timed_checks(server.url, docx, count))
            stop.set()
            loader.join()
            print(f"load: {rounds.value} uploads and submissions by 18 townships; workers={workers}")
            print(f"p95 under load / p95 alone: {loaded / alone:.2f}")
        finally:
            server.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
