"""The store as the web app uses it: from one thread of its own, never from the event loop.

Every call of ``WebStore`` (a session looked up, a submission and its audit entry written, a
commit's fsync) runs in that thread on the thread's own connection, so the event loop goes on
answering other requests meanwhile. One thread, because SQLite writes one at a time anyway
and a connection is used by the thread that opened it.
"""

from __future__ import annotations

import asyncio
import functools
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


class StoreThread:
    """``await db.session(...)`` runs ``WebStore.session(...)`` in the store's thread."""

    def __init__(self, path: Path):
        from evalkit.store import Store

        self._thread = ThreadPoolExecutor(1, thread_name_prefix="evalkit-store")
        try:
            self._store = self._thread.submit(Store, path).result()
        except BaseException:
            self._thread.shutdown()
            raise
        self._web = self._store.web

    def __getattr__(self, name: str):
        method = getattr(self._web, name)

        async def call(*args):
            return await asyncio.get_running_loop().run_in_executor(self._thread, functools.partial(method, *args))

        return call

    def close(self) -> None:
        self._thread.submit(self._store.close).result()
        self._thread.shutdown()
