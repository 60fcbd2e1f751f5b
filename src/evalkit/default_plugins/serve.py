"""``evalkit serve``: the web app for a county office and its townships, under uvicorn."""

from __future__ import annotations

from pathlib import Path

from evalkit import hookimpl
from evalkit.messages import text


@hookimpl
def register_commands(subparsers, lang):
    from evalkit.cli import common_options

    parser = subparsers.add_parser("serve", parents=[common_options(lang)], help=text("help_serve", lang), description=text("help_serve_description", lang))
    parser.add_argument("--db", metavar="FILE", help=text("help_db", lang))
    parser.add_argument("--files", metavar="DIR", help=text("help_serve_files", lang))
    parser.add_argument("--host", default="127.0.0.1", help=text("help_serve_host", lang))
    parser.add_argument("--port", type=int, default=8000, help=text("help_serve_port", lang))
    parser.add_argument("--workers", type=int, default=2, metavar="N", help=text("help_serve_workers", lang))
    parser.add_argument("--init", metavar="FOLDER", help=text("help_serve_init", lang))
    parser.add_argument("--add-office", metavar="NAME", help=text("help_serve_add_office", lang))
    parser.add_argument("--reset-password", metavar="NAME", help=text("help_serve_reset_password", lang))
    parser.add_argument("--demo", metavar="FOLDER", help=text("help_serve_demo", lang))
    parser.add_argument("--leave", action="append", default=[], metavar="NAME", help=text("help_serve_leave", lang))
    parser.add_argument("--secure-cookies", action="store_true", help=text("help_serve_secure_cookies", lang))
    parser.set_defaults(func=run)


def run(args) -> int:
    from evalkit import store as store_
    from evalkit.errors import InputError, listed
    from evalkit.web import accounts
    from evalkit.web.pages import Config

    path = args.db or store_.default_path()
    if path is None:
        raise InputError("store_not_given")
    config = Config(Path(path), Path(args.files or f"{path}.files"), max(1, args.workers), secure_cookies=args.secure_cookies)
    with store_.Store(config.store) as store:
        if args.init or args.add_office:
            made = accounts.make_accounts(store.web, Path(args.init)) if args.init else [accounts.add_office(store.web, args.add_office)]
            _print_accounts(text("web_accounts_made", args.lang, count=0), made, args.lang, created_only=True)
            return 0
        if args.reset_password:
            _print_accounts(text("web_password_reset", args.lang), [accounts.reset_password(store.web, args.reset_password)], args.lang)
            return 0
        if args.demo:
            made = accounts.make_accounts(store.web, Path(args.demo), demo=True)
            unknown = set(args.leave) - {a.username for a in made}
            if unknown:
                raise InputError("web_demo_leave_unknown", name=listed(sorted(unknown)))
            config.files.mkdir(parents=True, exist_ok=True)
            accounts.submit_demo(store.web, config.files, made, set(args.leave))
            _print_accounts(text("web_demo_accounts", args.lang), made, args.lang)
    _serve(config, args.host, args.port, args.lang)
    return 0


def _check_address(host: str, port: int) -> None:
    """Refuse, in Chinese, an address that cannot be listened on (taken, or not this machine's)."""
    import socket

    from evalkit.errors import InputError

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise InputError("web_address", host=host, port=port, detail=exc.strerror or str(exc)) from None


def _print_accounts(heading: str, made, lang: str, created_only: bool = False) -> None:
    shown = [a for a in made if a.created or not created_only]
    if created_only:
        heading = text("web_accounts_made", lang, count=len(shown))
    print(heading)
    for account in shown:
        role = text("web_role_office" if account.role == "office" else "web_role_township", lang)
        print(text("web_account", lang, role=role, username=account.username, password=account.password))


def _serve(config, host: str, port: int, lang: str) -> None:
    import uvicorn

    from evalkit.web.app import create_app

    _check_address(host, port)

    print(text("web_listening", lang, host=host, port=port), flush=True)  # the terminal's language; the pages are Chinese
    # a browser that keeps a connection open must not keep the server from stopping
    uvicorn.run(create_app(config), host=host, port=port, log_level="warning", access_log=False, timeout_graceful_shutdown=10)
