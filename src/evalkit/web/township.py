"""A township's pages: upload a draft, read what it scores, correct figures, submit it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, RedirectResponse
from starlette.routing import Route

from evalkit.messages import text
from evalkit.web import access, scoring
from evalkit.web.access import page, require_visible
from evalkit.web.pages import error_message, render, run_scoring

FIELD = "item:"  #: a figure's form field is FIELD + its item id
CONFIRM = "confirm:"  #: a figure “待核对” is confirmed as read by the box named CONFIRM + its item id
IN_FLIGHT = 2  #: a township's self-checks scored at once (a double click passes); more wait their turn with 429


def routes() -> list[Route]:
    return [
        Route("/township", page("township")(own_page)),
        Route("/check", page("township")(upload), methods=["POST"]),
        Route("/check/{token}", page("township")(show_check)),
        Route("/check/{token}/rescore", page("township")(rescore), methods=["POST"]),
        Route("/check/{token}/submit", page("township")(submit), methods=["POST"]),
        Route("/submissions/{id:int}", page()(show_submission)),
        Route("/submissions/{id:int}/file", page()(download)),
    ]


def known_suffixes(request) -> list[str]:
    """Every file type a clerk may upload: whatever the readers registry reads, and submissions."""
    from evalkit.evaluator import SUBMISSION_SUFFIXES

    return sorted({*request.app.state.readers, *SUBMISSION_SUFFIXES})


async def own_page(request, account, message: str = "", status: int = 200):
    submissions = await request.app.state.web.submissions(account.township_id)
    return render(request, "home.html.j2", status, message=message, submissions=submissions, suffixes=known_suffixes(request),
                  limit_mb=request.app.state.config.max_upload // (1024 * 1024))


async def upload(request, account):
    form = await request.form()
    file = form.get("report")
    if file is None or not getattr(file, "filename", ""):
        return await own_page(request, account, text("web_no_file"), 400)
    name = Path(file.filename.replace("\\", "/")).name[:120]
    suffix = Path(name).suffix.lower()
    if suffix not in known_suffixes(request):
        return await own_page(request, account, text("web_bad_suffix", suffix=suffix or name, known="、".join(known_suffixes(request))), 415)
    data = await file.read(request.app.state.config.max_upload + 1)
    if len(data) > request.app.state.config.max_upload:
        return await own_page(request, account, error_message(request, 413), 413)
    result = await _self_check(request, account, data, name, {})
    await access.record(request, account, "self_check", file=name, sha256=hashlib.sha256(data).hexdigest(), error="error" in result)
    if "error" in result:
        return await own_page(request, account, result["error"], 422)
    draft = request.app.state.drafts.add(account.township_id, data, name, result)
    return RedirectResponse(f"/check/{draft.token}", status_code=303)


async def _self_check(request, account, *args) -> dict:
    """scoring.self_check in a worker: one township cannot fill the workers' queue (429 past IN_FLIGHT)."""
    busy = request.app.state.busy
    if busy.get(account.township_id, 0) >= IN_FLIGHT:
        await access.deny(request, account, 429, "busy")
    busy[account.township_id] = busy.get(account.township_id, 0) + 1
    try:
        return await run_scoring(request, scoring.self_check, *args)
    finally:
        busy[account.township_id] -= 1


async def _draft(request, account):
    """The self-check named in the path, if it is this township's; else 404."""
    draft = request.app.state.drafts.get(request.path_params["token"])
    await require_visible(request, account, draft.township_id if draft else None)
    return draft


async def show_check(request, account, message: str = "", status: int = 200):
    draft = await _draft(request, account)
    card = draft.result["card"]
    mismatch = card["subject"]["name"] != account.township
    return render(request, "check.html.j2", status, draft=draft, t=draft.result["view"], card=card, message=message,
                  figures=draft.result["figures"], unmapped=draft.result["unmapped"], field=FIELD, confirm=CONFIRM, mismatch=mismatch)


async def rescore(request, account):
    draft = await _draft(request, account)
    form = await request.form()
    typed = {key[len(FIELD):]: str(value)[:40] for key, value in form.items() if key.startswith(FIELD)}
    confirmed = {key[len(CONFIRM):] for key in form if key.startswith(CONFIRM)}
    corrections = {k: v.strip() for k, v in typed.items() if k in draft.original and (v.strip() != draft.original[k] or k in confirmed)}
    result = await _self_check(request, account, draft.data, draft.filename, corrections)
    await access.record(request, account, "rescore", file=draft.filename, corrections=corrections, error="error" in result)
    if "error" in result:
        return await show_check(request, account, result["error"], 422)
    draft.result, draft.corrections = result, corrections
    return RedirectResponse(f"/check/{draft.token}", status_code=303)


async def submit(request, account):
    draft = await _draft(request, account)
    card = draft.result["card"]
    if card["subject"]["name"] != account.township:
        return await show_check(request, account, text("web_wrong_township", found=card["subject"]["name"], township=account.township), 409)
    file = await run_in_threadpool(keep_file, request.app.state.config.files, draft.data, draft.filename)  # fsync'ed: off the event loop
    done = access.entry(request, account, "submit", year=card["year"], sha256=file[0], total=str(card["total"]))
    sid = await request.app.state.web.add_submission(file, draft.corrections, card, done)
    request.app.state.drafts.drop(draft.token)
    return RedirectResponse(f"/submissions/{sid}?submitted=1", status_code=303)


def keep_file(folder: Path, data: bytes, filename: str) -> tuple[str, str, str]:
    """Keep a submitted file as FOLDER/<sha256><suffix>, never under the name it came with;
    (sha256, suffix, that name, to show)."""
    from evalkit.outputs import write_atomic

    digest, suffix = hashlib.sha256(data).hexdigest(), Path(filename).suffix.lower()
    kept = folder / f"{digest}{suffix}"
    if not kept.exists():
        write_atomic(kept, data)
    return digest, suffix, filename


async def _submission(request, account):
    row = await request.app.state.web.submission(request.path_params["id"])
    await require_visible(request, account, row.township_id if row else None)
    return row


async def show_submission(request, account):
    row = await _submission(request, account)
    await access.record(request, account, "view_submission", submission=row.id)
    card = json.loads(row.card)
    return render(request, "submission.html.j2", row=row, t=scoring.scorecard_view(card, row.filename), card=card,
                  submitted=request.query_params.get("submitted") == "1")


async def download(request, account):
    row = await _submission(request, account)
    path = request.app.state.config.files / f"{row.sha256}{row.suffix}"
    if not path.is_file():
        raise HTTPException(404)
    await access.record(request, account, "download_file", submission=row.id)
    return FileResponse(path, filename=f"{row.township}-{row.year}年度报告{row.suffix}", media_type="application/octet-stream")
