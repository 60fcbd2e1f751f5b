"""What a self-check is of: the report's own township and year where it states them, the
account's township and the picked year where it does not, in words for a page (no --options)."""

from evalkit.model import Finding, Severity
from evalkit.web.identity import Identity, apply

WHO = Identity("贤庠镇", "象山县", "镇", 2022)


def finding(code: str) -> Finding:
    return Finding(code, Severity.WARNING, "命令行提示：请用 --township 指定")


def doc(name: str, year: int = 2022, **subject) -> dict:
    return {"subject": {"name": name, "level": "镇", **subject}, "year": year, "items": {}}


def codes(findings) -> list[str]:
    return [f.code for f in findings]


def test_a_report_naming_no_township_is_the_accounts():
    """No name read: the account's name, county and level, with a finding that names no command-line option."""
    got, findings = apply(doc("upload", 2000), (finding("report-name-unknown"), finding("report-level-unknown"), finding("report-year-unknown")), WHO)
    assert got["subject"] == {"name": "贤庠镇", "level": "镇", "county": "象山县"} and got["year"] == 2022
    assert codes(findings) == ["web-name-account", "web-county-account", "web-year-picked"]
    assert all("--" not in f.message for f in findings) and "贤庠镇" in findings[0].message


def test_a_report_lacking_its_county_takes_the_accounts():
    """The report names the township but not its county: the county is the account's, and a finding says so."""
    got, findings = apply(doc("贤庠镇"), (), WHO)
    assert got["subject"]["county"] == "象山县" and codes(findings) == ["web-county-account"]


def test_a_report_naming_another_county_is_recorded_as_the_accounts():
    """The account's name with another county (a slip, or OCR's): recorded under the account's county, and a finding names both."""
    got, findings = apply(doc("贤庠镇", county="宁海县"), (), WHO)
    assert got["subject"]["county"] == "象山县" and codes(findings) == ["web-county-differs"]
    assert "宁海县" in findings[0].message and "象山县" in findings[0].message


def test_what_the_report_states_is_kept():
    """A report naming another township and another year keeps both; the year's difference is a finding."""
    got, findings = apply(doc("丹东街道", 2021, county="象山县"), (finding("other-check"),), WHO)
    assert got["subject"] == {"name": "丹东街道", "level": "镇", "county": "象山县"} and got["year"] == 2021
    assert codes(findings) == ["other-check", "web-year-differs"] and "2021" in findings[1].message and "2022" in findings[1].message


def test_a_year_guessed_from_the_text_gives_way_to_the_picked_one():
    """A year the report does not state (guessed from its text) is the one the clerk picked."""
    got, findings = apply(doc("贤庠镇", 2019, county="象山县"), (finding("report-year-guessed"),), WHO)
    assert got["year"] == 2022 and codes(findings) == ["web-year-picked"]


def test_the_clerk_may_confirm_a_misread_name_is_the_accounts():
    """With the clerk's confirmation, a name read otherwise (an OCR slip) becomes the account's, and the finding tells both."""
    got, findings = apply(doc("贤库镇", county="象山县"), (), Identity("贤庠镇", "象山县", "镇", 2022, own=True))
    assert got["subject"]["name"] == "贤庠镇" and codes(findings) == ["web-name-own"] and "贤库镇" in findings[0].message


def test_without_an_account_nothing_changes():
    """The demo's submissions (no account yet) are read as evalkit check reads them."""
    original, findings = doc("upload", 2000), (finding("report-name-unknown"),)
    assert apply(original, findings, None) == (original, findings)
