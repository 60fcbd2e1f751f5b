"""List numbers that Word applies as formatting (numbering.xml): the text a reader sees before
a paragraph, such as 一、 （一） 1., so that headings numbered this way are recognised."""

from __future__ import annotations

import attrs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
CN_DIGITS = "〇一二三四五六七八九"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
CAPITAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@attrs.frozen
class Level:
    """One level of a list: where it starts, how its number is written, and its text (``%1、``)."""

    start: int = 1
    format: str = "decimal"
    text: str = ""
    suffix: str = "tab"


class Numbering:
    """The list numbers of one document, counted in document order."""

    def __init__(self, numbering, styles):
        self.levels: dict[str, dict[int, Level]] = {a.get(W + "abstractNumId"): _levels(a) for a in _all(numbering, "abstractNum")}
        self.nums = {n.get(W + "numId"): n for n in _all(numbering, "num")}
        self.styles = _style_numbers(styles)
        self.counters: dict[str, list[int]] = {}
        self.started: set[str] = set()

    def label(self, ppr) -> str:
        """The number a reader sees before a paragraph with these properties, or ""."""
        num_id, ilvl = self._reference(ppr)
        num = self.nums.get(num_id)
        if num is None:
            return ""
        abstract = _value(num.find(W + "abstractNumId"))
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return ""
        counters = self._count(num_id, num, abstract, levels, ilvl)
        return _render(levels, counters, ilvl)

    def _reference(self, ppr) -> tuple[str | None, int]:
        own = None if ppr is None else ppr.find(W + "numPr")
        style = None if ppr is None else _value(ppr.find(W + "pStyle"))
        num_id, ilvl = self.styles.get(style, (None, 0))
        if own is not None:
            num_id = _value(own.find(W + "numId")) or num_id
            ilvl = _int(_value(own.find(W + "ilvl")), ilvl)
        return num_id, min(max(ilvl, 0), LEVELS - 1)

    def _count(self, num_id: str, num, abstract: str, levels: dict[int, Level], ilvl: int) -> list[int]:
        counters = self.counters.setdefault(abstract, [levels[i].start - 1 if i in levels else 0 for i in range(LEVELS)])
        if num_id not in self.started:  # a list instance that overrides a start begins again
            self.started.add(num_id)
            for override in num.iter(W + "lvlOverride"):
                at = _int(override.get(W + "ilvl"), 0)
                start = override.find(W + "startOverride")
                if start is not None and 0 <= at < LEVELS:
                    counters[at] = _int(_value(start), 1) - 1
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, LEVELS):
            counters[deeper] = levels[deeper].start - 1 if deeper in levels else 0
        return counters


def _render(levels: dict[int, Level], counters: list[int], ilvl: int) -> str:
    level = levels[ilvl]
    if level.format in ("bullet", "none"):
        return ""
    label = level.text
    for index in range(LEVELS - 1, -1, -1):  # %10 does not exist; from %9 down so %1 never eats %1x
        if f"%{index + 1}" in label:
            shown = levels.get(index, level)
            label = label.replace(f"%{index + 1}", number(max(counters[index], shown.start), shown.format))
    if not label or level.suffix == "nothing" or label[-1] in "、.．)）:：":
        return label
    return label + " "


def number(value: int, style: str) -> str:
    """``value`` written in one of Word's number formats (``w:numFmt``)."""
    if style.startswith("chineseCounting") or style in ("ideographDigital", "taiwaneseCounting", "japaneseCounting"):
        return _chinese(value)
    if style == "chineseLegalSimplified":
        return "".join(CAPITAL_DIGITS[int(d)] for d in str(value))
    if style.startswith("ideographTraditional"):
        return HEAVENLY_STEMS[(value - 1) % 10]
    if style.startswith("decimalEnclosedCircle") and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    if style.startswith("decimalFullWidth"):
        return "".join(chr(ord(d) + 0xFEE0) for d in str(value))
    if style in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    if style in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if style == "lowerRoman" else roman
    return f"{value:02d}" if style == "decimalZero" else str(value)


def _chinese(value: int) -> str:
    """一 … 十, 十一, 二十, 一百零五: as 一、 二、 are written in Chinese documents."""
    if value <= 0 or value >= 10_000:
        return str(value)
    digits, out, zero = [int(d) for d in str(value)], [], False
    for place, digit in zip(range(len(digits) - 1, -1, -1), digits):
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        if not (digit == 1 and place == 1 and not out):  # 十一, not 一十一
            out.append(CN_DIGITS[digit])
        out.append(("", "十", "百", "千")[place])
    return "".join(out)


def _roman(value: int) -> str:
    out = []
    for size, letters in ROMAN:
        count, value = divmod(value, size)
        out.append(letters * count)
    return "".join(out)


def _levels(abstract) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.findall(W + "lvl"):
        index = _int(lvl.get(W + "ilvl"), -1)
        if 0 <= index < LEVELS:
            suffix = _value(lvl.find(W + "suff")) or "tab"
            levels[index] = Level(_int(_value(lvl.find(W + "start")), 1), _value(lvl.find(W + "numFmt")) or "decimal", _value(lvl.find(W + "lvlText")) or "", suffix)
    return levels


def _style_numbers(styles) -> dict[str, tuple[str, int]]:
    """(numId, ilvl) of each paragraph style that numbers its paragraphs, through ``basedOn``."""
    own, based = {}, {}
    for style in _all(styles, "style"):
        sid = style.get(W + "styleId")
        based[sid] = _value(style.find(W + "basedOn"))
        num = style.find(f"{W}pPr/{W}numPr")
        if num is not None:
            own[sid] = (_value(num.find(W + "numId")), _int(_value(num.find(W + "ilvl")), 0))
    found = {}
    for sid in based:
        seen, at = set(), sid
        while at is not None and at not in own and at not in seen:
            seen.add(at)
            at = based.get(at)
        if at in own:
            found[sid] = own[at]
    return found


def _all(root, tag: str):
    return () if root is None else root.iterfind(W + tag)


def _value(element) -> str | None:
    return None if element is None else element.get(W + "val")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
