"""Chinese and Arabic numerals as Decimals: 二百一十三, 两千, 1.2万, １２ and 百分之九十五."""

from __future__ import annotations

from decimal import Decimal

DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}

#: Full-width digits and signs as ASCII; one character for one, so text offsets stay valid.
WIDTH = str.maketrans("０１２３４５６７８９％．，", "0123456789%.,")


def narrow(text: str) -> str:
    """Full-width digits, %, . and , as ASCII, keeping every offset."""
    return text.translate(WIDTH)


def chinese(value: str) -> Decimal:
    """Parse a Chinese numeral such as 二百一十三, 十二, 两千 or 一亿二千万."""
    if value and all(ch in DIGITS for ch in value):
        return Decimal("".join(str(DIGITS[ch]) for ch in value))
    total, section, number = Decimal(0), Decimal(0), Decimal(0)
    for ch in value:
        if ch in DIGITS:
            number = Decimal(DIGITS[ch])
        elif ch in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[ch]
            number = Decimal(0)
        elif ch in LARGE_UNITS:
            total += (section + number) * LARGE_UNITS[ch]
            section, number = Decimal(0), Decimal(0)
        else:
            raise ValueError(f"not a Chinese numeral: {value!r}")
    return total + section + number


def arabic(value: str) -> Decimal:
    """Parse an Arabic numeral, with thousands separators and full-width digits."""
    return Decimal(narrow(value).replace(",", ""))


def parse(value: str) -> Decimal:
    """Either kind of numeral."""
    narrowed = narrow(value)
    if narrowed[:1].isdigit():
        return arabic(narrowed)
    return chinese(value)
