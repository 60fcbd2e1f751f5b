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
        Route("/check/{token}/own", page("township")(own_name), methods=["POST"]),
        Route("/check/{token}/submit", page("township")(submit), methods=["POST"]),
        Route("/submissions/{id:int}", page()(show_submission)),
        Route("/submissions/{id:int}/file", page()(download)),
    ]


def known_suffixes(request) -> list[str]:
    """Every file type a clerk may upload: whatever the readers registry reads, and submissions."""
    from evalkit.evaluator import SUBMISSION_SUFFIXES

    return sorted({*request.app.state.readers, *SUBMISSION_SUFFIXES})


def years_offered() -> list[int]:
    """The report years a clerk may pick, newest first: this year (Beijing time) and eight before it."""
    from evalkit.web.pages import today

    this = today().year
    return list(range(this, this - 9, -1))


async def own_page(request, account, message: str = "", status: int = 200):
    submissions = await request.app.state.web.submissions(account.township_id)
    years = years_offered()
    return render(request, "home.html.j2", status, message=message, submissions=submissions, suffixes=known_suffixes(request),
                  limit_mb=request.app.state.config.max_upload // (1024 * 1024), years=years, default_year=years[1])


async def upload(request, account):
    form = await request.form()
    file, years = form.get("report"), years_offered()
    if file is None or not getattr(file, "filename", ""):
        return await own_page(request, account, text("web_no_file"), 400)
    year = str(form.get("year") or years[1])
    if year not in map(str, years):
        return await own_page(request, account, text("web_bad_year", first=years[-1], last=years[0]), 400)
    name = Path(file.filename.replace("\\", "/")).name[:120]
    suffix = Path(name).suffix.lower()
    if suffix not in known_suffixes(request):
        return await own_page(request, account, text("web_bad_suffix", suffix=suffix or name, known="、".join(known_suffixes(request))), 415)
    data = await file.read(request.app.state.config.max_upload + 1)
    if len(data) > request.app.state.config.max_upload:
        return await own_page(request, account, error_message(request, 413), 413)
    result = await _self_check(request, account, data, name, {}, await _who(request, account, int(year), False))
    await access.record(request, account, "self_check", file=name, sha256=hashlib.sha256(data).hexdigest(), error="error" in result)
    if "error" in result:
        return await own_page(request, account, result["error"], 422)
    draft = request.app.state.drafts.add(account.township_id, data, name, result, int(year))
    return RedirectResponse(f"/check/{draft.token}", status_code=303)


async def _who(request, account, year: int, own: bool):
    """The account's township as the web store keeps it, with what the clerk said on the page."""
    from evalkit.web.identity import Identity

    row = await request.app.state.web.township_row(account.township_id)
    return Identity(row.name, row.county, row.level, year, own)


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
    """The self-check named in the path, if it is this township's; the submission it became, if
    it was submitted; else 404 with a message that it is gone, and a link to upload again."""
    token, drafts = request.path_params["token"], request.app.state.drafts
    draft = drafts.get(token)
    if draft is not None and access.visible(account, draft.township_id):
        return draft
    submitted = drafts.submission(token, account.township_id)
    if submitted is not None:
        raise access.Moved(f"/submissions/{submitted}?submitted=1")
    await access.deny(request, account, 404, refusal=access.Refusal(404, text("web_check_gone"), ("/township", text("web_upload_again"))))


async def show_check(request, account, message: str = "", status: int = 200, typed=None):
    """The self-check's page; ``typed`` (values, ticks, the refused item) is the form as the clerk sent it."""
    draft = await _draft(request, account)
    card, result = draft.result["card"], draft.result
    found = card["subject"]["name"]
    mismatch = text("web_mismatch_ocr" if result["ocr"] else "web_mismatch", found=found, township=account.township) if found != account.township else ""
    return render(request, "check.html.j2", status, draft=draft, t=result["view"], card=card, message=message, pending=result["pending"],
                  figures=as_typed(result["figures"], typed), unmapped=result["unmapped"], field=FIELD, confirm=CONFIRM, mismatch=mismatch)


def as_typed(figures: list[dict], typed) -> list[dict]:
    """The figures' rows with the values and ticks the clerk sent, and the refused one marked."""
    if typed is None:
        return figures
    values, ticked, bad = typed
    return [f | {"value": values.get(f["id"], f["value"]), "confirmed": f["id"] in ticked, "bad": f["id"] == bad} for f in figures]


async def rescore(request, account):
    draft = await _draft(request, account)
    return await _rescored(request, account, draft, "rescore", draft.own) or RedirectResponse(f"/check/{draft.token}", status_code=303)


async def own_name(request, account):
    """The clerk confirms the report is the township's own: scored under the account's name in place of the one read."""
    draft = await _draft(request, account)
    return await _rescored(request, account, draft, "own_name", True) or RedirectResponse(f"/check/{draft.token}", status_code=303)


async def _rescored(request, account, draft, action: str, own: bool, force: bool = True):
    """Score the draft again with the figures of the posted form: None when done, else the page
    with the message and the form as the clerk sent it."""
    form = await request.form()
    typed = {key[len(FIELD):]: str(value)[:40] for key, value in form.items() if key.startswith(FIELD)}
    ticked = {key[len(CONFIRM):] for key in form if key.startswith(CONFIRM)}
    corrections = {k: v.strip() for k, v in typed.items() if k in draft.original and (v.strip() != draft.original[k] or k in ticked)}
    if not typed:  # a form without the table (not sent by the page): the corrections made so far stand
        corrections = draft.corrections
    if not force and corrections == draft.corrections and own == draft.own:
        return None
    who = await _who(request, account, draft.year, own)
    result = await _self_check(request, account, draft.data, draft.filename, corrections, who)
    await access.record(request, account, action, file=draft.filename, corrections=corrections, error="error" in result)
    if "error" in result:
        return await show_check(request, account, result["error"], 422, (typed, ticked, result.get("field")))
    draft.result, draft.corrections, draft.own = result, corrections, own
    return None


async def submit(request, account):
    """Keep the self-check, with the figures typed and ticked on its page applied first; a second
    提交 of it (a double click) is sent to the submission the first one made."""
    draft = await _draft(request, account)
    async with draft.lock:
        return await _submit(request, account, await _draft(request, account))


async def _submit(request, account, draft):
    refused = await _rescored(request, account, draft, "rescore", draft.own, force=False)
    if refused is not None:
        return refused
    card = draft.result["card"]
    if card["subject"]["name"] != account.township:
        return await show_check(request, account, text("web_wrong_township", found=card["subject"]["name"], township=account.township), 409)
    file = await run_in_threadpool(keep_file, request.app.state.config.files, draft.data, draft.filename)  # fsync'ed: off the event loop
    done = access.entry(request, account, "submit", year=card["year"], sha256=file[0], total=str(card["total"]))
    corrections = {k: {"value": v, "read": draft.original.get(k, "")} for k, v in draft.corrections.items()}  # each with the value read
    sid = await request.app.state.web.add_submission(file, corrections, scoring.as_submitted(draft.result), done)
    request.app.state.drafts.submitted(draft, sid)
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
                  submitted=request.query_params.get("submitted") == "1", titles=request.app.state.titles)


async def download(request, account):
    row = await _submission(request, account)
    path = request.app.state.config.files / f"{row.sha256}{row.suffix}"
    if not path.is_file():
        raise HTTPException(404)
    await access.record(request, account, "download_file", submission=row.id)
    return FileResponse(path, filename=f"{row.township}-{row.year}年度报告{row.suffix}", media_type="application/octet-stream")
