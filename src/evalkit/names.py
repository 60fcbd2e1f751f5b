"""File and township names as a person should see them.

A folder unzipped on Linux from a Chinese Windows zip holds GBK file names, which Python
carries as lone surrogates; they are shown decoded. Control characters and terminal escapes
never reach a terminal or an output raw, and look-alike township names (zero-width spaces,
joiners, bidi overrides, full-width letters) compare equal.
"""

from __future__ import annotations

import os
import re
import unicodedata

#: C0 and C1 controls (terminal escapes start with one), DEL, and the bidi and zero-width
#: characters that make a name look like another or reorder what follows it.
HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def shown(name: str) -> str:
    """``name`` with undecodable bytes of a file name read as GB18030 (then escaped if they
    are not that either): text that every output can hold."""
    if not any("\udc80" <= ch <= "\udcff" for ch in name):
        return name
    raw = os.fsencode(name)
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", "backslashreplace")


def printable(value: str) -> str:
    """``value`` with every control, bidi and zero-width character written as a visible escape."""
    return HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", shown(value))


def same_name_key(name: str) -> str:
    """What two spellings of one township share: NFKC, without invisible characters."""
    return INVISIBLE.sub("", unicodedata.normalize("NFKC", name)).strip()


def has_invisible(name: str) -> bool:
    """Whether a name holds bidi or zero-width characters."""
    return INVISIBLE.search(name) is not None
