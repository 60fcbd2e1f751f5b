"""Reading .docx as people write it: table figures, text boxes, list numbers, tracked changes."""

import json

from docx_files import W_NS, build, marker_run, replace, rewrite

from evalkit.cli import ExitCode, main
from evalkit.default_plugins.readers import read_docx
from evalkit.evaluator import Evaluator
from evalkit.report.structure import parse

BODY = ["一、主要举措和成效", "全年开展普法宣传48场次。"]


def test_table_figure_reads_as_a_sentence(tmp_path):
    """项目 | 2022年 over 合法性审查件数 | 41 gives the item as if a sentence said it."""
    table = [["项目", "2022年"], ["合法性审查件数", "41"], ["行政处罚案件（件）", "２１４"]]
    path = build(tmp_path / "r.docx", [*BODY, table])
    assert "合法性审查件数（2022年）41件。" in read_docx(path)
    submission = Evaluator().load(path).submission
    reviewed = submission.items["review.legality_reviewed"]
    assert (reviewed.value, reviewed.unit) == (41, "件")
    assert submission.value("enforcement.cases") == 214


def test_table_row_and_column_headers_both_give_context(tmp_path):
    """A row's header and its column's header stand before each number; a 序号 column is no figure."""
    table = [["序号", "类别", "受理件数", "办结件数"], ["1", "信访", "12", "10"], ["2", "备注", "无", "无"]]
    text = read_docx(build(tmp_path / "r.docx", [table]))
    assert "信访（受理件数）12件；信访（办结件数）10件。" in text
    assert "2\t备注\t无\t无" in text and "（序号）" not in text


def test_vertically_merged_cells_are_read_once_in_linear_time(tmp_path):
    """A 3,000-row table whose first column merges down is read, never called corrupt, each figure once."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("贤庠镇人民政府关于2022年度法治政府建设情况的报告")
    rows = [["类别", "事项", "数量（件）"]] + [["纠纷调处" if i == 0 else "", f"事项{i}", str(i)] for i in range(3000)]
    table = document.add_table(rows=len(rows), cols=3)
    for index, (row, values) in enumerate(zip(table.rows, rows)):
        for cell, value in zip(row.cells, values):
            cell.text = value
        if index:
            merge = OxmlElement("w:vMerge")
            if index == 1:
                merge.set(qn("w:val"), "restart")
            row.cells[0]._tc.get_or_add_tcPr().append(merge)
    path = tmp_path / "merged.docx"
    document.save(str(path))
    lines = read_docx(path).splitlines()
    assert lines[2] == "事项0；纠纷调处0件。" and lines[-1] == "事项2999；纠纷调处2999件。"
    assert sum("纠纷调处" in line for line in lines) == 3000


def test_text_boxes_are_read_once(tmp_path):
    """A text box's paragraphs follow its anchor, read once though Word stores a VML copy too."""
    box = "<w:txbxContent><w:p><w:r><w:t>文本框中开展法治讲座12场。</w:t></w:r></w:p></w:txbxContent>"
    xml = (
        '<w:r><w:t>锚定段落</w:t></w:r><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        f"<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml">{box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>'
    )
    path = rewrite(build(tmp_path / "r.docx", ["BOX"]), {"word/document.xml": replace("BOX", xml)})
    lines = read_docx(path).splitlines()
    assert lines[1:3] == ["锚定段落", "文本框中开展法治讲座12场。"]
    assert sum("法治讲座" in line for line in lines) == 1


NUMBERING = f"""<w:numbering {W_NS}>
<w:abstractNum w:abstractNumId="7">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>"""


def _numbered(level: int) -> str:
    return f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr>'


def test_list_numbers_are_written_out_and_headings_found(tmp_path):
    """一、 （一） 1. applied as Word list formatting read as text, so the headings are recognised."""
    headings = [("H1", 0, "主要举措和成效"), ("H2", 1, "强化组织领导"), ("H3", 2, "召开专题会议"), ("H4", 1, "推进依法决策"),
                ("H5", 0, "存在的不足和原因"), ("H6", 1, "法治意识有待提高"), ("H7", 0, "下一年度工作安排")]
    path = build(tmp_path / "r.docx", [marker for marker, _level, _title in headings])
    rewrite(path, {"word/numbering.xml": NUMBERING.encode("utf-8")})
    for marker, level, title in headings:
        rewrite(path, {"word/document.xml": replace(marker, _numbered(level) + marker_run(title))})
    text = read_docx(path)
    assert text.splitlines()[1:8] == ["一、主要举措和成效", "（一）强化组织领导", "1.召开专题会议", "（二）推进依法决策",
                                      "二、存在的不足和原因", "（一）法治意识有待提高", "三、下一年度工作安排"]
    kinds = [(h.title, h.kind) for h in parse(text).headings if h.rank == 1]
    assert kinds == [("一、主要举措和成效", "measures"), ("二、存在的不足和原因", "shortcomings"), ("三、下一年度工作安排", "plan")]


def test_tracked_changes_read_as_accepted(tmp_path):
    """Insertions and moves in are kept; deletions, moves out and deleted rows are dropped."""
    change = 'w:id="{}" w:author="审核人" w:date="2023-02-01T00:00:00Z"'
    xml = (
        f"<w:r><w:t>全年受理信访</w:t></w:r><w:del {change.format(1)}><w:r><w:delText>35</w:delText></w:r></w:del>"
        f"<w:ins {change.format(2)}><w:r><w:t>41</w:t></w:r></w:ins><w:r><w:t>件</w:t></w:r>"
        f"<w:moveFrom {change.format(3)}><w:r><w:t>（旧位置）</w:t></w:r></w:moveFrom><w:moveTo {change.format(4)}><w:r><w:t>，均已办结。</w:t></w:r></w:moveTo>"
    )
    table = [["项目", "数量"], ["删除行", "99"]]
    deleted_row = f"<w:tr><w:trPr><w:del {change.format(5)}/></w:trPr>"
    path = rewrite(build(tmp_path / "r.docx", ["TRACKED", table]), {
        "word/document.xml": lambda old: _nth_row(replace("TRACKED", xml)(old), 2, deleted_row),
    })
    text = read_docx(path)
    assert "全年受理信访41件，均已办结。" in text
    assert "35" not in text and "旧位置" not in text and "删除行" not in text


def test_a_deleted_paragraph_mark_joins_the_paragraphs(tmp_path):
    """Accepting the deletion of a paragraph's mark joins it to the next, so the figure keeps its words."""
    mark = '<w:pPr><w:rPr><w:del w:id="9" w:author="审核人" w:date="2023-02-01T00:00:00Z"/></w:rPr></w:pPr>'
    path = rewrite(build(tmp_path / "r.docx", ["FIRST", "41件。"]), {"word/document.xml": replace("FIRST", mark + marker_run("全年受理信访"))})
    assert "全年受理信访41件。" in read_docx(path).splitlines()


def _nth_row(xml: str, n: int, opening: str) -> str:
    """The document with its ``n``th table row (1-based) opened by ``opening``."""
    parts = xml.split("<w:tr>")
    parts[n] = opening[len("<w:tr>"):] + parts[n]
    return "<w:tr>".join(parts)


def test_headers_footers_and_comments_are_left_out(tmp_path):
    """A header, a footer and a comment are not the report's text."""
    import docx

    path = build(tmp_path / "r.docx", BODY, header="页眉：共召开会议99次")
    document = docx.Document(str(path))
    if hasattr(document, "add_comment"):
        paragraph = document.paragraphs[1]
        document.add_comment(paragraph.runs, text="批注：请补充88件数据", author="审核人")
        document.save(str(path))
    text = read_docx(path)
    assert "99次" not in text and "88件" not in text and "普法宣传48场次" in text


def test_main_part_found_through_the_relationships(tmp_path):
    """A package whose main part is word/document2.xml is read through _rels/.rels and the content types."""
    path = build(tmp_path / "r.docx", BODY)
    rewrite(path, {
        "_rels/.rels": lambda old: old.replace('Target="word/document.xml"', 'Target="/word/document2.xml"'),
        "[Content_Types].xml": lambda old: old.replace('PartName="/word/document.xml"', 'PartName="/word/document2.xml"'),
    }, renames={"word/document.xml": "word/document2.xml", "word/_rels/document.xml.rels": "word/_rels/document2.xml.rels"})
    assert "普法宣传48场次" in read_docx(path)


def test_extract_on_a_docx_with_a_table(capsys, tmp_path):
    """`evalkit extract` on a .docx report whose figures sit in a table drafts the table's items, with their evidence."""
    table = [["指标", "2022年"], ["合法性审查（件）", "41"]]
    path = build(tmp_path / "r.docx", [*BODY, table])
    out = tmp_path / "draft.json"
    assert main(["extract", str(path), "-o", str(out)]) == ExitCode.OK
    item = json.loads(out.read_text("utf-8"))["items"]["review.legality_reviewed"]
    assert (item["value"], item["unit"], item["evidence"]) == (41, "件", "合法性审查（2022年）41件。")


def test_part_names_ignore_case(tmp_path):
    """Part names are case-insensitive in a package: Word/Document.xml is the main part word/document.xml."""
    path = build(tmp_path / "r.docx", BODY)
    rewrite(path, {}, renames={"word/document.xml": "Word/Document.xml"})
    assert "普法宣传48场次" in read_docx(path)
