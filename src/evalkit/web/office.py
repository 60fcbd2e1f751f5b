"""The county office's pages: who has submitted, the ranking, downloads, the audit log."""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from evalkit.messages import RECTIFICATION, WEB_ACTIONS, label
from evalkit.web import access, scoring
from evalkit.web.access import page
from evalkit.web.pages import SECURITY_HEADERS, render, run_scoring

DOWNLOADS = {
    "report.html": "text/html; charset=utf-8",
    "evalkit.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ranking.csv": "text/csv; charset=utf-8",
}


def routes() -> list[Route]:
    return [
        Route("/office", page("office")(overview)),
        Route("/office/{year:int}/{name}", page("office")(year_file)),
        Route("/office/{year:int}/archive", page("office")(archive), methods=["POST"]),
        Route("/office/townships/{id:int}", page("office")(township_page)),
        Route("/office/audit", page("office")(audit_page)),
    ]


async def _year(request) -> int | None:
    years = await request.app.state.web.years()
    asked = request.query_params.get("year", "")
    if asked.isdigit() and int(asked) in years:
        return int(asked)
    return years[0] if years else None


async def overview(request, account):
    web, year = request.app.state.web, await _year(request)
    current = {s.township_id: s for s in await web.current(year)} if year else {}
    ranking = (await _outputs(request, year, list(current.values())))["ranking"] if current else []
    places = {row["name"]: row for row in ranking}
    rows = [_row(t, current.get(t.id), places) for t in await web.townships()]
    await access.record(request, account, "office_view", year=year)
    return render(request, "office.html.j2", year=year, years=await web.years(), rows=rows, ranking=ranking,
                  missing=[r for r in rows if r["submission"] is None],
                  archived=request.query_params.get("archived", ""), kept=await _kept(web, year, current.values()))


async def _kept(web, year: int | None, submissions) -> dict | None:
    """When the year was last kept in the results store, and how many submissions came after it."""
    last = await web.last_archive(year) if year else None
    if last is None:
        return None
    return {"at": last[0], "run": last[1], "later": sum(1 for s in submissions if s.id > (last[2] or 0))}


def _row(township, submission, places: dict) -> dict:
    card = json.loads(submission.card) if submission else None
    counts: dict[str, int] = {}
    for item in (card or {}).get("rectification", ()):
        counts[item["status"]] = counts.get(item["status"], 0) + 1
    return {
        "id": township.id, "name": township.name, "level": township.level, "submission": submission,
        "place": places.get(township.name), "rectification": [(label(RECTIFICATION, k), n) for k, n in sorted(counts.items())],
    }


async def _outputs(request, year: int, submissions) -> dict:
    """The year's page, workbook, CSV and ranking rows, made once per set of submissions."""
    key = (year, tuple(s.id for s in submissions))
    cache = request.app.state.outputs
    if key not in cache:
        cards = [(f"{s.township}/{s.filename}", json.loads(s.card)) for s in submissions]  # the page shows the clerk's file
        cache.clear()  # only the latest set is asked for again
        cache[key] = await run_scoring(request, scoring.year_outputs, cards)
    return cache[key]


async def year_file(request, account):
    name, year = request.path_params["name"], request.path_params["year"]
    if name not in DOWNLOADS or year not in await request.app.state.web.years():
        raise HTTPException(404)
    outputs = await _outputs(request, year, await request.app.state.web.current(year))
    await access.record(request, account, "download", year=year, file=name)
    headers = dict(SECURITY_HEADERS)
    if name != "report.html":
        headers["Content-Disposition"] = f'attachment; filename="{year}-{name}"'
    return Response(outputs[name], media_type=DOWNLOADS[name], headers=headers)


async def archive(request, account):
    """Keep the year's submitted results as a run of the results store (for history and next year's 整改)."""
    year = request.path_params["year"]
    submissions = await request.app.state.web.current(year)
    if not submissions:
        raise HTTPException(404)
    files = str(request.app.state.config.files)
    cards = [(f"{files}/{s.sha256}{s.suffix}", json.loads(s.card)) for s in submissions]
    run_id = await run_scoring(request, scoring.archive, str(request.app.state.config.store), cards)
    await access.record(request, account, "archive", year=year, run=run_id, last=max(s.id for s in submissions))
    return RedirectResponse(f"/office?year={year}&archived={run_id}", status_code=303)


async def township_page(request, account):
    web = request.app.state.web
    township = await web.township_row(request.path_params["id"])
    if township is None:
        raise HTTPException(404)
    history = await web.submissions(township.id)
    await access.record(request, account, "office_township", township=township.name)
    return render(request, "office_township.html.j2", township=township, submissions=history)


async def audit_page(request, account):
    await access.record(request, account, "audit_view")
    actions = {key: label(WEB_ACTIONS, key) for key in WEB_ACTIONS}
    return render(request, "audit.html.j2", entries=await request.app.state.web.audit_log(), actions=actions)
