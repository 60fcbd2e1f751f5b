"""`--lang en`: every text evalkit writes is English; what stays Chinese is quoted from the
reports (evidence, headings, citations) or a name (township, county, reviewer). Chinese stays
the default, and a plugin without English falls back to its Chinese, said once."""

import functools
import json
import re
import shutil

import attrs
import openpyxl
import pytest
from conftest import ROOT

from evalkit.cli import main
from evalkit.evaluator import Evaluator
from evalkit.language import catalog_in, in_language, unit_in, untranslated
from evalkit.model import Category, ItemSpec
from evalkit.profiles import profile_from_dict

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
#: a run of Chinese text as an output shows it: Han characters with the punctuation, digits and
#: spaces between them
RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’《》—…·0-9.%,:;()\-\s]+")
EXAMPLE = ROOT / "examples" / "xianxiang-2022"


def run(capsys, *argv):
    code = main([*map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def _quoted(card: dict) -> set[str]:
    """What a scorecard quotes from its report, and the names it holds."""
    subject = card["subject"]
    found = {subject["name"], subject["level"], subject.get("county", "")}
    found |= {e for r in card["results"] for e in r.get("evidence", ())}
    found |= {f["location"].get(k, "") for f in card["findings"] for k in ("section", "quote")}
    found |= {r.get("reviewer", "") for r in card.get("reviews", ())} | {r.get("reason", "") for r in card.get("reviews", ())}
    return found - {""}


def _extracted(doc: dict) -> set[str]:
    """What a drafted submission quotes from its report."""
    report = doc["report"]
    found = {doc["subject"]["name"], report.get("title", ""), report.get("unit", ""), *report.get("citations", ())}
    found |= {s["title"] for s in report.get("sections", ())} | {i.get("evidence", "") for i in doc["items"].values()}
    found |= {u[k] for u in report.get("unmapped", ()) for k in ("text", "quote") if k in u}
    return found - {""}


def chinese_outside(text: str, allowed: set[str]) -> list[str]:
    """The runs of Chinese in ``text`` that are not part of a quote or name in ``allowed``."""
    runs = (m.group().strip(" .,:;()-") for m in RUN.finditer(text) if HAN.search(m.group()))
    return sorted({r for r in runs if HAN.search(r) and not _quoted_all(r, allowed)})


def _quoted_all(run: str, allowed: set[str]) -> bool:
    """Each piece of the run is (a window of) a quote or a name: an output joins and cuts them."""
    pieces = [p.strip("“”\"'()（）") for p in re.split(r"[；、，,;:\s]+|\.\.\.|…", run) if HAN.search(p)]
    return all(any(piece in quote for quote in allowed) for piece in pieces)


def _sheets(path) -> str:
    book = openpyxl.load_workbook(path, read_only=True)
    return "\n".join(f"{sheet.title}\t" + "\t".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None)
                     for sheet in book.worksheets)


def _outputs(folder) -> dict[str, str]:
    """Every file of a batch's output folder as text (the workbook's cells, the page's HTML)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != ".evalkit-output":
            found[str(path.relative_to(folder))] = _sheets(path) if path.suffix == ".xlsx" else path.read_text("utf-8-sig")
    return found


@pytest.fixture(scope="module")
def county(tmp_path_factory):
    """Three reports (two copies of one, named apart) and a broken file, as a county folder."""
    folder = tmp_path_factory.mktemp("reports")
    text = (EXAMPLE / "report.txt").read_text("utf-8")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("贤庠镇", "墙头镇").replace("贤庠", "墙头"), encoding="utf-8")
    (folder / "c.txt").write_text("大徐镇2022年法治政府建设工作报告\n全年开展行政执法检查十二次，化解矛盾纠纷四十件。\n", encoding="utf-8")
    (folder / "broken.json").write_text('{"subject": ', encoding="utf-8")
    return folder


def test_check_and_extract_in_english_quote_only_the_report(capsys, tmp_path):
    """check (table, Markdown, JSON) and extract under --lang en: no Chinese but the report's own words and names."""
    _, card_json, _ = run(capsys, "check", EXAMPLE / "report.txt", "--lang", "en", "--format", "json")
    allowed = _quoted(json.loads(card_json))
    run(capsys, "extract", EXAMPLE / "report.txt", "--lang", "en", "-o", tmp_path / "draft.json")
    allowed |= _extracted(json.loads((tmp_path / "draft.json").read_text("utf-8")))
    shown = [card_json]
    for argv in (["check", EXAMPLE / "report.txt"], ["check", EXAMPLE / "report.txt", "--format", "md"],
                 ["check", EXAMPLE / "submission.json", "--reviews", EXAMPLE / "reviews.yaml"],
                 ["extract", EXAMPLE / "report.txt", "-o", tmp_path / "again.json"]):
        _, out, err = run(capsys, *argv, "--lang", "en")
        shown.append(out + err)
    _, sub_json, _ = run(capsys, "check", EXAMPLE / "submission.json", "--reviews", EXAMPLE / "reviews.yaml", "--lang", "en", "--format", "json")
    allowed |= _quoted(json.loads(sub_json))
    assert "Total:" in shown[1] and "Gaps" in shown[2] and "Reason:" in shown[3]
    assert [chinese_outside(text, allowed) for text in shown] == [[]] * len(shown)


def test_a_county_batch_in_english_quotes_only_the_reports(capsys, county, tmp_path):
    """score with every format under --lang en: terminal, scorecards, ranking.csv, the workbook and
    the page hold no Chinese but the reports' words, the townships' and county's names and file names."""
    code, out, err = run(capsys, "score", county, "--out", tmp_path / "out", "--formats", "all", "--lang", "en")
    files = _outputs(tmp_path / "out")
    allowed = set().union(*(_quoted(json.loads(body)) for name, body in files.items() if name.endswith(".json")))
    allowed |= {"broken.json", "a.txt", "b.txt", "c.txt"}
    assert code == 1 and "malformed JSON" in err and "copied-report" in files["townships/贤庠镇.json"]
    assert {name: chinese_outside(body, allowed) for name, body in files.items()} == {name: [] for name in files}
    assert chinese_outside(out + err, allowed) == []


def test_history_and_compare_in_english(capsys, tmp_path):
    """Two years scored into a store under --lang en: history and compare name only townships and
    the county, and the second year's outputs, with last year's gaps assessed, quote only names."""
    db = tmp_path / "store.db"
    for year, extra in (("2022", []), ("2023", ["--profile", EXAMPLE / "profile-2023.yaml"])):
        shutil.copytree(ROOT / "examples" / f"xiangshan-{year}", tmp_path / year)
        run(capsys, "score", tmp_path / year, "--out", tmp_path / f"out{year}", "--db", db, "--lang", "en", *extra)
    names = {json.loads(p.read_text("utf-8"))["subject"]["name"] for p in (tmp_path / "out2022" / "townships").glob("*.json")}
    _, history, _ = run(capsys, "history", "贤庠镇", "--db", db, "--lang", "en")
    _, compare, _ = run(capsys, "compare", "2022", "2023", "--db", db, "--lang", "en")
    assert "scores year by year" in history and "the rubrics differ" in compare
    assert chinese_outside(history + compare, names | {"象山县"}) == []
    files = _outputs(tmp_path / "out2023")  # last year's gaps assessed (整改) in every scorecard
    allowed = set().union(*(_quoted(json.loads(body)) for name, body in files.items() if name.endswith(".json")))
    allowed |= {path.name for path in (tmp_path / "2023").iterdir()}  # the source files' names
    assert "Rectification of last year's gaps (rectified 1, unrectified 35)" in files["townships/贤庠镇.md"]
    assert {name: chinese_outside(body, allowed) for name, body in files.items()} == {name: [] for name in files}


def test_chinese_stays_the_default():
    """Without --lang the catalog, grades and reasons are the Chinese ones."""
    evaluator = Evaluator()
    assert evaluator.catalog.categories["A"].title == "报告规范" and evaluator.plan.profile.grades[0].name == "优秀"
    english = Evaluator(lang="en")
    assert english.catalog.categories["A"].title == "Report form" and english.plan.profile.grades[0].name == "excellent"
    assert english.untranslated == [] and english.plan.lang == "en"


def test_a_title_without_english_falls_back_to_chinese():
    """An object without ``en`` keeps its Chinese title under "en", and is named as untranslated."""
    plain = Category("Z", "其他类别")
    assert in_language(plain, "en") is plain
    assert in_language(Category("Y", "报告规范", en={"title": "Report form"}), "en").title == "Report form"
    catalog = catalog_in(Evaluator().catalog, "zh")
    profile = profile_from_dict({"id": "p", "grades": [{"name": "甲", "min": 0}]})
    assert untranslated(catalog, profile) == ["甲"]


def test_a_unit_is_the_items_english_one_only_under_en():
    """A figure's unit shows in English where its item gives one, as read otherwise, and never where it has none."""
    spec = ItemSpec("x.cases", "案件数", "件", en={"unit": "cases"})
    assert unit_in(spec, "件", "en") == "cases" and unit_in(spec, "件", "zh") == "件"
    assert unit_in(ItemSpec("x.rate", "比例", "%"), "%", "en") == "%" and unit_in(None, "次", "en") == "次"
    assert unit_in(spec, None, "en") == "" and unit_in(spec, "", "zh") == ""


def test_the_english_is_no_part_of_a_profile_digest():
    """Adding a profile's English leaves its digest, and so every Chinese scorecard, as it was."""
    doc = {"id": "p", "title": "配置", "grades": [{"name": "合格", "min": 0}]}
    assert profile_from_dict({**doc, "en": {"title": "Profile", "grades": {"合格": "pass"}}}).digest == profile_from_dict(doc).digest


def test_the_cli_says_once_that_titles_lack_english(capsys, toy_pm):
    """A plugin rubric without English (the toy's): the command says so once, naming some of them; in Chinese it says nothing."""
    from argparse import Namespace

    from evalkit.commands.common import evaluator

    made = evaluator(Namespace(pm=toy_pm, lang="en", reviews=None))
    err = capsys.readouterr().err
    assert made.untranslated and err.count("have no English") == 1 and made.untranslated[0] in err
    evaluator(Namespace(pm=toy_pm, lang="zh", reviews=None))
    assert capsys.readouterr().err == ""


def test_a_drafted_submission_is_the_same_data_in_either_language(capsys, tmp_path):
    """extract -o writes the same bytes under --lang en: the language changes what is shown, not what is read."""
    run(capsys, "extract", EXAMPLE / "report.txt", "-o", tmp_path / "zh.json")
    run(capsys, "extract", EXAMPLE / "report.txt", "-o", tmp_path / "en.json", "--lang", "en")
    assert (tmp_path / "zh.json").read_bytes() == (tmp_path / "en.json").read_bytes()


def _commands() -> list[str]:
    """Every command of the command line, the plugins' included."""
    from evalkit.cli import build_parser
    from evalkit.plugins import make_plugin_manager

    parser = build_parser(make_plugin_manager())
    return sorted(next(a for a in parser._actions if a.dest == "command").choices)


@pytest.mark.parametrize("argv", [["--help", "--lang", "en"], ["--lang", "en", "--help"], ["--lang=en"],
                                  *([name, "--help", "--lang", "en"] for name in _commands()), ["--lang", "en", "check", "--help"]],
                         ids=" ".join)
def test_help_in_english_holds_no_chinese(capsys, argv):
    """--help of the top level and of every command under --lang en, wherever it stands: usage, headings, texts, epilog."""
    code, out, err = run(capsys, *argv)
    assert code == (2 if argv == ["--lang=en"] else 0) and out.startswith("usage: evalkit") and "options:" in out
    assert HAN.findall(out + err) == []


def test_help_stays_chinese_by_default(capsys):
    """Without --lang the help is Chinese, framing included; a usage error before the command speaks the asked language."""
    _, out, _ = run(capsys, "score", "--help")
    assert out.startswith("用法：evalkit score") and "\n选项：\n" in out and "--jobs N              并行进程数" in out
    code, _, err = run(capsys, "--lang", "en", "history")
    assert code == 2 and err == "evalkit history: usage error: the following arguments are required: TOWNSHIP\n"


def test_plugins_lists_the_formats_in_english(capsys):
    """evalkit plugins --lang en: the plugin table and every built-in format's title in English, and no notice."""
    code, out, err = run(capsys, "plugins", "--lang", "en")
    assert code == 0 and "ranking table (CSV, opens in Excel)" in out and "Markdown scorecard" in out
    assert HAN.findall(out + err) == []
    _, out, _ = run(capsys, "plugins")
    assert "排名表（CSV，Excel 可直接打开）" in out and "\n格式  " in out


def test_a_format_without_english_shows_its_chinese_title_said_once(capsys):
    """A plugin's format without ``en``: its Chinese title under "en", named once on stderr; nothing said in Chinese."""
    from evalkit import Format, hookimpl
    from evalkit.commands.info import formats_table
    from evalkit.plugins import make_plugin_manager

    class Letters:
        @hookimpl
        def register_formats(self):
            return [Format("letter", "反馈意见函", lambda card, stream, lang: None, scope="township", filename="-反馈意见.txt"),
                    Format("brief", "一行摘要", lambda card, stream, lang: None, en={"title": "one-line summary"})]

    pm = make_plugin_manager(load_entrypoints=False, plugins=[Letters()])
    shown = formats_table(pm, "en")
    err = capsys.readouterr().err
    assert "反馈意见函" in shown and "townships/*-反馈意见.txt" in shown and "one-line summary" in shown and "一行摘要" not in shown
    assert err.count("have no English") == 1 and "letter" in err
    assert "一行摘要" in formats_table(pm, "zh") and capsys.readouterr().err == ""


@pytest.fixture(scope="module")
def chinese_store(tmp_path_factory):
    """Two years scored in Chinese (the default) into one store, the second under the 2023 profile (its rubric changed)."""
    folder = tmp_path_factory.mktemp("chinese-store")
    db = folder / "store.db"
    for year, extra in (("2022", []), ("2023", ["--profile", str(EXAMPLE / "profile-2023.yaml")])):
        assert main(["score", str(ROOT / "examples" / f"xiangshan-{year}"), "--out", str(folder / year), "--db", str(db), *extra]) == 0
    names = {json.loads(p.read_text("utf-8"))["subject"]["name"] for p in (folder / "2022" / "townships").glob("*.json")}
    return db, names | {"象山县"}


def test_history_and_compare_in_english_of_a_store_filled_in_chinese(capsys, chinese_store):
    """history and compare --lang en (table and JSON) of years scored in Chinese: the installed rubric's English titles
    and the profiles' English grades; only townships, the county and the JSON's level code stay Chinese."""
    db, names = chinese_store
    shown = {}
    for argv in (["history", "贤庠镇"], ["compare", "2022", "2023"]):
        for fmt in ("table", "json"):
            code, out, err = run(capsys, *argv, "--db", db, "--format", fmt, "--lang", "en")
            assert code == 0
            shown[f"{argv[0]} {fmt}"] = out + err
    assert "A=Report form" in shown["history table"] and " fail " in shown["history table"]
    assert "XX-B03 Rule-of-law study by the Party committee's theory study group (rule changed)" in shown["history table"]
    assert "Government functions +41.67" in shown["compare table"] and '"grade": "fail"' in shown["history json"]
    assert {k: chinese_outside(v, names | {"镇", "乡", "街道"}) for k, v in shown.items()} == dict.fromkeys(shown, [])
    _, chinese, _ = run(capsys, "history", "贤庠镇", "--db", db)
    assert "A=报告规范" in chinese and "不合格" in chinese


def test_what_the_installed_plugins_do_not_know_shows_as_stored(chinese_store):
    """A category, criterion or grade the installed plugins give no English for keeps the store's text."""
    from evalkit.commands.years import English
    from evalkit.history import RubricChange
    from evalkit.store import Store

    with Store(str(chinese_store[0]), readonly=True) as store:
        township = store.history("贤庠镇")[0]
    stored = attrs.evolve(township, grade="甲等", categories={**township.categories, "Z": ("自设类别", 1, 2)})
    english = English({"A": "Report form"}, {"XX-A01": "Title"}, {"不合格": "fail"})
    shown = english.township(stored)
    assert shown.grade == "甲等" and shown.categories["Z"][0] == "自设类别" and shown.categories["A"][0] == "Report form"
    assert shown.categories["B"] == township.categories["B"]
    assert english.change(RubricChange("ZZ-01", "自设指标", "added")).title == "自设指标"
    assert english.change(RubricChange("XX-A01", "报告标题", "removed")).title == "Title"


def test_serve_says_in_english_what_it_made(capsys, tmp_path):
    """serve --init --lang en: the accounts' roles and the heading in English, the user names (townships, the office) as made."""
    from evalkit.store import Store
    from webserver import COUNTY

    code, out, err = run(capsys, "serve", "--db", tmp_path / "s.db", "--init", COUNTY, "--lang", "en")
    with Store(str(tmp_path / "s.db")) as store:
        names = {a.username for a in store.web.accounts()}
    assert code == 0 and "19 accounts created" in out and "  county office  user: " in out
    assert chinese_outside(out + err, names) == []


def test_criteria_and_explain_in_english_hold_no_chinese(capsys):
    """criteria and explain of every criterion under --lang en: titles, basis, remediation, rule and labels all English."""
    code, listed, err = run(capsys, "criteria", "--lang", "en")
    ids = [line.split()[0] for line in listed.splitlines()[2:]]
    assert code == 0 and len(ids) == 63 and "Report form" in listed and HAN.findall(listed + err) == []
    for criterion in ids:
        code, out, err = run(capsys, "explain", criterion, "--lang", "en")
        assert code == 0 and out.startswith(criterion) and HAN.findall(out + err) == [], criterion


def _schema_strings(value, key=""):
    """(key, string) for every string in a JSON Schema, an enum's values under "enum"."""
    if isinstance(value, dict):
        for inner_key, inner in value.items():
            yield from _schema_strings(inner, inner_key)
    elif isinstance(value, list):
        for inner in value:
            yield from _schema_strings(inner, key)
    elif isinstance(value, str):
        yield key, value


@pytest.mark.parametrize("name", ["submission", "criteria", "items", "profile", "reviews", "scorecard"])
def test_a_schema_in_english_is_english_but_for_the_chinese_values_it_describes(capsys, name):
    """schema --lang en: the composed items' titles are English; Chinese is left only in enum values (data a file
    holds) and as words an English description cites (例 names, the words reports write, the values it lists)."""
    code, out, _ = run(capsys, "schema", name, "--lang", "en")
    chinese = [(key, s) for key, s in _schema_strings(json.loads(out)) if HAN.search(s)]
    assert code == 0 and [s for key, s in chinese if key == "title"] == []
    values = sorted({s for key, s in chinese if key in ("enum", "const", "examples")}, key=len, reverse=True)
    described = [functools.reduce(lambda s, v: s.replace(v, ""), values, s) for key, s in chinese if key not in ("enum", "const", "examples")]
    assert [s for s in described if len(re.findall(r"[A-Za-z]", s)) < len(HAN.findall(s))] == []


def test_errors_listing_choices_hold_no_chinese_in_english(capsys, tmp_path, chinese_store):
    """A list of choices in an error (file types, formats, schemas, profiles, years) is joined with “, ” under --lang en, “、” in Chinese."""
    strange = tmp_path / "report.foo"
    strange.write_text("x", encoding="utf-8")
    cases = [["check", strange], ["check", EXAMPLE / "submission.json", "--format", "zz"], ["schema", "zz"],
             ["check", EXAMPLE / "submission.json", "--profile", "nope"], ["compare", "2019", "2020", "--db", chinese_store[0]],
             ["score", EXAMPLE, "--out", tmp_path / "out", "--formats", "q,r"]]
    for argv in cases:
        code, out, err = run(capsys, *argv, "--lang", "en")
        assert code == 2 and HAN.findall(out + err) == [] and "、" not in err, argv
    _, _, err = run(capsys, *cases[0])
    assert "：不支持的文件类型“.foo”" in err and ".json、.yaml" in err
