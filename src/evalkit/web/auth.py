"""Passwords, session tokens and the login rate limit.

Passwords are hashed with scrypt (memory-hard, in the standard library): n=2**14, r=8, p=1
takes 16 MiB and about 50 ms a try. A session cookie is a random token; the store keeps only
its SHA-256, so a copy of the store opens no session.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections import defaultdict, deque

N, R, P = 2**14, 8, 1
MAX_TRIES, WINDOW = 5, 300  #: failed logins allowed per user name in WINDOW seconds
ADDRESS_FACTOR = 10  #: and MAX_TRIES times this many from one address


def hash_password(password: str, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash``, both in base64."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=N, r=R, p=P, maxmem=64 * 1024 * 1024, dklen=32)
    return "$".join(["scrypt", str(N), str(R), str(P), _b64(salt), _b64(digest)])


def verify_password(password: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             maxmem=64 * 1024 * 1024, dklen=len(expected))
    except ValueError:
        return False
    return kind == "scrypt" and hmac.compare_digest(got, expected)


def new_password() -> str:
    """A password to hand out: 12 characters a clerk can type, without look-alikes."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class LoginLimiter:
    """Failed logins remembered per user name and per address: past MAX_TRIES for a name, or
    ADDRESS_TRIES from one address (a county's clerks may share one), in WINDOW seconds, refuse."""

    def __init__(self, tries: int = MAX_TRIES, window: float = WINDOW, clock=time.monotonic):
        self.tries, self.window, self.clock = tries, window, clock
        self.failures: dict[tuple[str, str], deque] = defaultdict(deque)

    def blocked(self, username: str, address: str) -> bool:
        self._forget()
        name, where = self.failures.get(("name", username), ()), self.failures.get(("address", address), ())
        return len(name) >= self.tries or len(where) >= self.tries * ADDRESS_FACTOR

    def failed(self, username: str, address: str) -> None:
        for key in (("name", username), ("address", address)):
            self.failures[key].append(self.clock())

    def _forget(self) -> None:
        """Drop failures older than the window, and the names and addresses left with none:
        what is remembered is bounded by the failures of one window."""
        limit = self.clock() - self.window
        for key in list(self.failures):
            failures = self.failures[key]
            while failures and failures[0] < limit:
                failures.popleft()
            if not failures:
                del self.failures[key]

    def succeeded(self, username: str) -> None:
        self.failures.pop(("name", username), None)
