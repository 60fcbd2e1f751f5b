"""Every sentence a user reads, in Simplified Chinese and English, by area: the command line
and scoring (common), reading reports (reading), the outputs (outputs), the web app (web) and
--help (usage). Each area keeps its own table; ``text`` reads them as one.

Chinese is the default: the users are Chinese civil servants. ``--lang en`` picks English.
"""

from __future__ import annotations

from evalkit.messages import common, outputs, reading, usage, web
from evalkit.messages.common import CHANGE_FIELDS, FAILURE, KIND, RECTIFICATION, SEVERITY, STATUS
from evalkit.messages.outputs import LEVEL, PAGE, RANKING_COLUMNS, SECTIONS, WORKBOOK
from evalkit.messages.web import AUDIT_FIELDS, AUDIT_WHY, WEB_ACTIONS

AREAS = (common, reading, outputs, web, usage)
MESSAGES: dict[str, tuple[str, str]] = {key: value for area in AREAS for key, value in area.MESSAGES.items()}

__all__ = ["AUDIT_FIELDS", "AUDIT_WHY", "CHANGE_FIELDS", "FAILURE", "KIND", "LEVEL", "MESSAGES", "PAGE", "RANKING_COLUMNS",
           "RECTIFICATION", "SECTIONS", "SEVERITY", "STATUS", "WEB_ACTIONS", "WORKBOOK", "label", "text"]


def text(message_key: str, lang: str = "zh", **params) -> str:
    """The message ``message_key`` in ``lang``, filled with ``params``."""
    zh, en = MESSAGES[message_key]
    return (en if lang == "en" else zh).format(**params)


def label(table: dict[str, tuple[str, str]], value: str, lang: str = "zh") -> str:
    """A vocabulary word (status, kind, severity, failure) in ``lang``."""
    zh, en = table.get(value, (value, value))
    return en if lang == "en" else zh
