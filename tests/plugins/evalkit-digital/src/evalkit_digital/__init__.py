"""数字法治政府 criteria, a rule kind of their own, and a one-page text format."""

from decimal import Decimal
from importlib.resources import files

from evalkit import Format, Measure, RuleKind, Status, hookimpl, load_items, load_rubric

HERE = files(__name__)


def banded_rate(rule, case):
    """Full points at ``full`` percent or more, half at ``half`` or more, else none."""
    item = case.submission.items.get(rule["item"])
    if item is None:
        return Measure(Status.MISSING, reason=f"报告未提供“{case.title(rule['item'])}”")
    rate = Decimal(str(item.value))
    fraction = Decimal(1) if rate >= rule["full"] else Decimal("0.5") if rate >= rule["half"] else Decimal(0)
    status = {Decimal(1): Status.MET, Decimal(0): Status.UNMET}.get(fraction, Status.PARTIAL)
    return Measure(status, fraction, reason=f"{case.title(rule['item'])} {rate}%", evidence=[item.evidence or ""])


BANDED_RATE = {
    "required": ["item", "full", "half"],
    "properties": {
        "kind": {"type": "string"},
        "item": {"type": "string"},
        "full": {"type": "number", "minimum": 0, "maximum": 100},
        "half": {"type": "number", "minimum": 0, "maximum": 100},
    },
    "additionalProperties": False,
}


def write_brief(card, stream, lang="zh"):
    """One line per township: name, total, grade and the three largest gaps."""
    gaps = ";".join(f"{g.title}(-{g.points_lost})" for g in card.top_gaps())
    stream.write(f"{card.subject.name}\t{card.total}/{card.max}\t{card.grade}\t{gaps}\n")


@hookimpl
def register_items():
    return load_items(HERE / "items.yaml")


@hookimpl
def register_criteria():
    return [load_rubric(HERE / "criteria.yaml")]


@hookimpl
def register_rule_kinds():
    return [RuleKind("banded_rate", banded_rate, BANDED_RATE)]


def write_letter(card, stream, lang="zh"):
    """反馈意见函: the township's three largest gaps and what to do about each."""
    import docx  # python-docx

    document = docx.Document()
    document.add_heading(f"关于{card.subject.name}法治政府建设年度报告的反馈意见", level=1)
    for gap in card.top_gaps(3):
        document.add_paragraph(f"{gap.title}：{gap.remediation}")
    document.save(stream)


@hookimpl
def register_formats():
    return [
        Format("brief", "一行摘要", write_brief, en={"title": "one-line summary"}),
        Format("letter", "反馈意见函", write_letter, scope="township", filename="-反馈意见.docx", binary=True, en={"title": "feedback letter"}),
    ]
