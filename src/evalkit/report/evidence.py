"""How sure a figure's item is: the evidence its item asks for, read around the figure.

An item may declare (``evidence`` in its plugin's items file) what a figure of it shows
around it: its ``topic`` named (for the law-activity items, one vocabulary of law words), those
who take part (``who``), no other item's object or participants in the figure's own clause
(``others``), and the ``units`` it is sure in. The topic and the participants are looked for in
the figure's sentence: up to the figure and on to the sentence's end. A mapping that lacks any
of them is kept, marked ``needs_review`` (reason ``mapping``) with what it lacks, and the
criteria that read it wait for a person to confirm it.
"""

from __future__ import annotations

import re

from evalkit.report.figures import Figure

SENTENCE_END = re.compile("[。;；!！?？\n]")
REACH = 200  #: how far after a figure its sentence is read for evidence: work stays bounded in a sentence that never ends


def lacks(figure: Figure, spec, text: str) -> tuple[str, ...]:
    """What of its item's evidence the figure lacks, in ``text`` (the report's): a subset of
    ("topic", "who", "alone", "unit")."""
    evidence = spec.evidence if spec is not None else {}
    if not evidence:
        return ()
    end = SENTENCE_END.search(text, figure.start, figure.start + REACH)
    said = SENTENCE_END.split(figure.context)[-1] + figure.before + text[figure.start : end.start() if end else figure.start + REACH]
    missing = [key for key in ("topic", "who") if key in evidence and not re.search(evidence[key], said)]
    missing += ["alone"] if "others" in evidence and re.search(evidence["others"], f"{figure.before}{figure.text}{figure.after}") else []
    return (*missing, *(["unit"] if "units" in evidence and figure.unit not in evidence["units"] else []))


def doubt(figure: Figure, spec, text: str) -> dict:
    """The ``needs_review`` mark of a mapping with weak evidence, or {}."""
    missing = lacks(figure, spec, text)
    return {"needs_review": {"reason": "mapping", "lacks": list(missing)}} if missing else {}
