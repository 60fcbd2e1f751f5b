"""List numbers Word applies as formatting, written out as a reader sees them."""

import pytest
from lxml import etree

from evalkit.report.numbering import Numbering, number

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    "value, style, shown",
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCountingThousand", "十一"), (20, "chineseCounting", "二十"),
     (105, "chineseCounting", "一百零五"), (110, "chineseCounting", "一百一十"), (3, "ideographTraditional", "丙"),
     (2, "decimalEnclosedCircle", "②"), (4, "upperRoman", "IV"), (9, "lowerRoman", "ix"), (27, "lowerLetter", "aa"),
     (7, "decimalFullWidth", "７"), (5, "decimalZero", "05"), (12, "chineseLegalSimplified", "壹贰"), (3, "decimal", "3")],
)
def test_number_formats(value, style, shown):
    """Each of Word's number formats writes a number as Word shows it."""
    assert number(value, style) == shown


def _xml(text: str):
    return etree.fromstring(text.encode("utf-8"))


NUMBERING = _xml(f"""<w:numbering {NS}>
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>""")
STYLES = _xml(f"""<w:styles {NS}>
<w:style w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:styleId="MyHeading"><w:basedOn w:val="Heading1"/></w:style>
<w:style w:styleId="Loop1"><w:basedOn w:val="Loop2"/></w:style><w:style w:styleId="Loop2"><w:basedOn w:val="Loop1"/></w:style>
</w:styles>""")


def _ppr(num_id=None, level=None, style=None):
    parts = [f'<w:pStyle w:val="{style}"/>' if style else ""]
    if num_id is not None:
        parts.append(f'<w:numPr><w:ilvl w:val="{level or 0}"/><w:numId w:val="{num_id}"/></w:numPr>')
    return _xml(f"<w:pPr {NS}>{''.join(parts)}</w:pPr>")


def test_levels_count_restart_and_override():
    """Levels count in order, deeper levels restart, a style numbers through basedOn, a startOverride restarts."""
    numbering = Numbering(NUMBERING, STYLES)
    labels = [numbering.label(_ppr(*args)) for args in [(None, None, "Heading1"), ("1", 1), ("1", 1), (None, None, "MyHeading"), ("1", 1), ("2", 0)]]
    assert labels == ["一、", "一.1 ", "一.2 ", "二、", "二.1 ", "五、"]  # %1 keeps its own level's format, as in Word


def test_bullets_loops_and_unknown_lists_give_no_number():
    """Bullets, numId 0, unknown lists and a loop of basedOn styles give no text and no error."""
    numbering = Numbering(NUMBERING, STYLES)
    assert [numbering.label(p) for p in (_ppr("3"), _ppr("0"), _ppr("99"), _ppr(style="Loop1"), None)] == [""] * 5
    assert Numbering(None, None).label(_ppr("1")) == ""
