"""Load on 127.0.0.1: 18 townships upload and submit 3 reports each, all at once, and no
submission is lost or given to the wrong township. Bounded: 54 uploads, 180 s at most; timings
are measured by benchmarks/web_load.py, never asserted here."""

import hashlib
import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from evalkit.store import Store
from webserver import COUNTY, Client, Server

UPLOADS = 3


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("load")).start()
    yield server
    server.stop()


def variants(path, count: int) -> list[bytes]:
    """The township's submission ``count`` times, each with different bytes (a different figure of reports)."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for n in range(count):
        doc.setdefault("report", {})["title"] = f"{doc['subject']['name']}法治政府建设年度报告(第 {n + 1} 稿)"
        out.append(json.dumps(doc, ensure_ascii=False).encode("utf-8"))
    return out


def township_round(url: str, index: int, path) -> list[tuple[str, int]]:
    """Sign in as the township and upload and submit each variant; (sha256, submission id) of each."""
    client = Client(url)
    assert client.login(path.stem.split("-", 1)[1], f"demo{index:02d}").status_code == 200
    done = []
    for data in variants(path, UPLOADS):
        page = client.post("/check", files={"report": (path.name, data)})
        token = re.search(r"/check/([\w-]+)/submit", page.text).group(1)
        submitted = client.post(f"/check/{token}/submit")
        done.append((hashlib.sha256(data).hexdigest(), int(submitted.url.path.rsplit("/", 1)[1])))
    client.close()
    return done


def test_eighteen_townships_uploading_at_once_lose_and_mix_up_nothing(server):
    """54 uploads and submissions from 18 townships at once: each is kept once, under its own township."""
    files = sorted(COUNTY.glob("*.json"))
    with ThreadPoolExecutor(len(files)) as pool:
        futures = {path: pool.submit(township_round, server.url, i, path) for i, path in enumerate(files, 1)}
        results = {path: future.result(timeout=180) for path, future in futures.items()}
    with Store(server.folder / "evalkit.db", readonly=True) as store:
        for path, done in results.items():
            name = path.stem.split("-", 1)[1]
            for digest, sid in done:
                row = store.web.submission(sid)
                assert (row.township, row.sha256, json.loads(row.card)["subject"]["name"]) == (name, digest, name)
            kept = [s for s in store.web.submissions(store.web.account(name).township_id) if s.sha256 in {d for d, _ in done}]
            assert len(kept) == UPLOADS
        assert len(store.web.current(2022)) == 18
        total = store.conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    assert total == 17 + 18 * UPLOADS  # the demo's own 17, and every one of the load's
