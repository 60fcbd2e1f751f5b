"""evalkit: score rule-of-law government reports (法治政府建设考评) with plugins."""

from __future__ import annotations

import pluggy

from evalkit._version import __version__

hookimpl = pluggy.HookimplMarker("evalkit")

from evalkit.catalog import Format  # noqa: E402
from evalkit.errors import DataError, EvalkitError, InputError, PluginError  # noqa: E402
from evalkit.model import (  # noqa: E402
    Case,
    Category,
    Criterion,
    Finding,
    Grade,
    ItemSpec,
    Kind,
    Measure,
    Profile,
    Review,
    Rubric,
    RuleKind,
    Severity,
    Status,
)
from evalkit.submission import Item, Level, Report, Section, Subject, Submission  # noqa: E402
from evalkit.report.reader import Extractor, Read, Reader  # noqa: E402
from evalkit.rubrics import load_extractors, load_items, load_rubric  # noqa: E402
from evalkit.scorecard import Gap, Result, Scorecard  # noqa: E402

__all__ = [
    "Case", "Category", "Criterion", "DataError", "EvalkitError", "Extractor", "Finding", "Format", "Gap", "Grade",
    "InputError", "Item", "ItemSpec", "Kind", "Level", "Measure", "PluginError", "Profile", "Read", "Reader", "Report",
    "Result", "Review", "Rubric", "RuleKind", "Scorecard", "Section", "Severity", "Status", "Subject",
    "Submission", "__version__", "hookimpl", "load_extractors", "load_items", "load_rubric",
]
