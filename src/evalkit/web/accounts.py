"""Accounts for ``evalkit serve --init`` and the demo county.

``--init FOLDER`` makes one account per township found in FOLDER (its reports or submissions
name the townships) and one for the county office, each with a random password shown once.
``--demo FOLDER`` does the same with fixed, printed passwords and submits each township's file,
so the office sees a county at once; meant for trying evalkit out, never for real use.
``--reset-password NAME`` gives an existing account a new random password, shown once, and ends
its sessions.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from evalkit.errors import InputError, listed
from evalkit.store.web import Entry
from evalkit.web import auth
from evalkit.web.access import now

OFFICE = "考评办"  #: the county office's first account


@attrs.frozen
class NewAccount:
    role: str  #: 'office' or 'township'
    username: str
    password: str
    created: bool  #: False when the account was already there (its password is unchanged)
    source: str = ""  #: the township's file in FOLDER


def townships(folder: Path) -> list[tuple[str, object]]:
    """(file, subject) of each township file in ``folder`` that can be read, in file order."""
    from evalkit import sources, township
    from evalkit.web.scoring import evaluator

    ev = evaluator()
    found = []
    for path in sources.inputs([str(folder)], sources.suffixes(ev)):
        loaded = township.load_one(ev, path)
        if not isinstance(loaded, township.Failure):
            found.append((str(path), loaded.submission.subject))
    if not found:
        raise InputError("web_init_none", folder=str(folder))
    return found


def make_accounts(web, folder: Path, demo: bool = False) -> list[NewAccount]:
    """The office's account and one per township of ``folder``; existing ones are left as they are."""
    made = [_account(web, "office", OFFICE, None, "office-demo" if demo else auth.new_password())]
    for index, (source, subject) in enumerate(townships(folder), 1):
        township_id = web.township(subject.name, subject.county or "", subject.level.value)
        password = f"demo{index:02d}" if demo else auth.new_password()
        made.append(attrs.evolve(_account(web, "township", subject.name, township_id, password), source=source))
    return made


def add_office(web, username: str) -> NewAccount:
    """One more account for the county office, with a random password."""
    return _account(web, "office", username.strip(), None, auth.new_password())


def reset_password(web, username: str) -> NewAccount:
    """A new random password for an existing account; its sessions end (a lost or leaked password)."""
    account, password = web.account(username.strip()), auth.new_password()
    if account is None or not web.set_password(account.username, auth.hash_password(password), _reset(account)):
        raise InputError("web_no_account", name=username.strip(), known=listed([a.username for a in web.accounts()]))
    return NewAccount(account.role, account.username, password, True)


def _reset(account) -> Entry:
    return Entry(now(), account, "evalkit serve", "password_reset", {"username": account.username}, "")


def _account(web, role: str, username: str, township_id: int | None, password: str) -> NewAccount:
    created = web.add_account(username, role, township_id, auth.hash_password(password), now())
    if created:
        web.audit(Entry(now(), web.account(username), "evalkit serve", "account_created", {"username": username, "role": role}, ""))
    return NewAccount(role, username, password, created)


def submit_demo(web, files: Path, made: list[NewAccount], leave: set[str]) -> None:
    """Submit each township's file of the demo folder as that township, once (not those in ``leave``)."""
    from evalkit.web.scoring import as_submitted, self_check
    from evalkit.web.township import keep_file

    if web.years():
        return
    for entry in made:
        if entry.role != "township" or entry.username in leave:
            continue
        data = Path(entry.source).read_bytes()
        result = self_check(data, Path(entry.source).name, {})
        if "error" in result:
            continue
        account, card = web.account(entry.username), result["card"]
        file = keep_file(files, data, Path(entry.source).name)
        web.add_submission(file, {}, as_submitted(result), Entry(now(), account, entry.username, "demo_submit", {}, ""))
