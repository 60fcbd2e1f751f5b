"""Point values: rounded half-up to 2 places, and written as JSON numbers the same way every time."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def quantize(value: Decimal) -> Decimal:
    """Round half-up to 2 places, as every displayed or written point value is."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def number(value: Decimal) -> int | float:
    """A 2-place Decimal as a JSON number, written the same way every time."""
    found = _NUMBERS.get(value)
    if found is None:
        rounded = quantize(value)
        found = int(rounded) if rounded == rounded.to_integral_value() else float(rounded)
        if len(_NUMBERS) < 10_000:  # points take few values: remember them
            _NUMBERS[value] = found
    return found


_NUMBERS: dict[Decimal, int | float] = {}
