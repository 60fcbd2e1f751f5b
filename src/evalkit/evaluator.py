"""A run: plugins, catalog, profile and validator prepared once, then any number of files."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import attrs

from evalkit import __version__, schemas
from evalkit.catalog import Catalog, build_catalog, run_checks
from evalkit.documents import load_document, quick_json, read_bytes, require_file, unique_keys
from evalkit.engine import Plan, score
from evalkit.language import EN, catalog_in, profile_in, untranslated
from evalkit.errors import InputError, listed
from evalkit.messages import text
from evalkit.model import Review
from evalkit.submission import Submission
from evalkit.plugins import make_plugin_manager
from evalkit.profiles import apply_profile, resolve_profile
from evalkit.reviews import load_reviews
from evalkit.scorecard import SCHEMA_VERSION, Scorecard


SUBMISSION_SUFFIXES = (".json", ".yaml", ".yml")
UNKNOWN_SHOWN = 20  #: unknown items named one by one; the rest are counted


@attrs.frozen
class Loaded:
    """A submission read and validated, with what reading it noticed."""

    submission: Submission
    text: str | None = None  #: the report's text, when a report was read
    warnings: tuple[str, ...] = ()
    extraction: object | None = None  #: the report.extraction.Extraction, when a report was read
    findings: tuple = ()  #: what reading the report found it lacks (its name or year), as Findings


class Evaluator:
    """Everything a run needs, built once: score one file or a thousand with it."""

    def __init__(self, pm=None, profile: str | None = None, reviews: str | None = None, township: str | None = None, year: int | None = None,
                 lang: str = "zh"):
        self.given = (township, year)  #: --township and --year: over what a report shows
        self.lang = lang  #: the language of every text a scorecard holds (see language.py)
        self.pm = pm if pm is not None else make_plugin_manager()
        self.catalog: Catalog = catalog_in(build_catalog(self.pm), lang)
        given = resolve_profile(profile, self.catalog.profiles)
        chosen = profile_in(given, lang)
        criteria = apply_profile(chosen, self.catalog)
        self.plan = Plan(criteria, self.catalog.categories, self.catalog.rule_kinds, self.catalog.items, chosen, self._meta(chosen), lang)
        self.untranslated = untranslated(self.catalog, given) if lang == EN else []  #: what shows in Chinese all the same
        self.reviews: tuple[Review, ...] = load_reviews(Path(reviews), criteria) if reviews else ()
        unaddressed = sum(1 for r in self.reviews if r.subject is not None and not r.subject.strip())
        self.review_notes = (text("review_empty_subject", lang, count=unaddressed),) if unaddressed else ()
        self._validator = None
        self.prior = None  #: ``prior(subject, year)``: last year's gaps (see rectification.PriorLookup)

    @property
    def submission_schema(self) -> dict:
        """The submission schema composed from every loaded plugin's items."""
        return schemas.compose_submission(self.catalog.items)

    def validator(self):
        """The submission validator, built once per run."""
        if self._validator is None:
            self._validator = schemas.FastValidator(self.submission_schema)
        return self._validator

    def load(self, path: Path) -> Loaded:
        """Read and validate a submission (.json/.yaml) or a report (.txt/.docx/.html)."""
        require_file(path)
        suffix = path.suffix.lower()
        if suffix in self.catalog.readers:
            return self.read_report(path)
        if suffix not in SUBMISSION_SUFFIXES:
            raise InputError("file_suffix", file=str(path), suffix=path.suffix, known=listed([*SUBMISSION_SUFFIXES, *self.catalog.readers]))
        data = read_bytes(path)
        if suffix == ".json":
            doc = quick_json(data)
            if isinstance(doc, dict) and self.validator().is_valid(doc) and unique_keys(doc, data):
                return self._loaded(doc)
        return self.validate(load_document(path, data), str(path))

    def read_report(self, path: Path) -> Loaded:
        """Read a report, extract a draft submission from it, and validate that."""
        from evalkit.report.extraction import Given, extract, left_out, submission_document

        require_file(path)
        reader = self.catalog.readers.get(path.suffix.lower())
        if reader is None:
            raise InputError("file_suffix", file=str(path), suffix=path.suffix, known=listed(self.catalog.readers))
        read = reader.read(path)
        content, marks = (read, ()) if isinstance(read, str) else (read.text, read.marks)
        extraction = extract(content, self.catalog.extractors, str(path), self.catalog.items)
        doc, findings = submission_document(extraction, content, self.catalog.items, str(path), Given(*self.given, self.lang), marks)
        loaded = self.validate(doc, str(path))
        notes = tuple(text(f"left_out_{what}", self.lang, count=count, limit=limit) for what, count, limit in left_out(extraction))
        notes += unconfirmed_notes(loaded.submission, self.lang)
        return attrs.evolve(loaded, text=content, extraction=extraction, findings=findings, warnings=loaded.warnings + notes)

    def validate(self, doc: dict, name: str) -> Loaded:
        """Validate a submission document; unknown items become warnings and are dropped."""
        schemas.check(self.validator(), doc, name)
        return self._loaded(doc)

    def _loaded(self, doc: dict) -> Loaded:
        unknown = sorted(set(doc.get("items", {})) - set(self.catalog.items))
        warnings = tuple(text("unknown_item", self.lang, item=i) for i in unknown[:UNKNOWN_SHOWN])
        if len(unknown) > UNKNOWN_SHOWN:
            warnings += (text("more_unknown_items", self.lang, count=len(unknown) - UNKNOWN_SHOWN),)
        known = {k: v for k, v in doc.get("items", {}).items() if k in self.catalog.items}
        return Loaded(Submission.from_dict({**doc, "items": known}), warnings=warnings)

    def evaluate(self, loaded: Loaded, source: str | None = None) -> Scorecard:
        """Check and score one loaded submission."""
        return self.score(self.checked(loaded), source)

    def checked(self, loaded: Loaded) -> Loaded:
        """``loaded`` with the checks' findings added and the report's text and extraction
        dropped: all that scoring it (again) needs."""
        findings = tuple(loaded.findings) + run_checks(self.pm, loaded.submission, loaded.text, self.lang)
        return attrs.evolve(loaded, text=None, extraction=None, findings=findings)

    def score(self, checked: Loaded, source: str | None = None, extra_findings=()) -> Scorecard:
        """Score a ``checked`` submission; ``extra_findings`` come from the batch (copied reports)."""
        findings = checked.findings + tuple(extra_findings)
        prior = self.prior(checked.submission.subject, checked.submission.year) if self.prior else ()
        return score(self.plan, checked.submission, findings, self.reviews, checked.warnings + self.review_notes, source, prior)

    def _meta(self, profile) -> dict:
        plugins = [
            {"name": name, "distribution": dist, "version": version}
            for name, (dist, version) in sorted(self.pm.distributions.items())
        ]
        described = {"id": profile.id, "digest": profile.digest, "not_applicable": profile.not_applicable.value}
        if profile.title:
            described["title"] = profile.title
        return {"engine": "evalkit", "version": __version__, "schema_version": SCHEMA_VERSION, "plugins": plugins, "profile": described}


def unconfirmed(submission: Submission) -> Counter:
    """How many figures await a person's confirmation, by reason (ocr, mapping)."""
    return Counter(item.needs_review.reason for item in submission.items.values() if item.needs_review)


def unconfirmed_notes(submission: Submission, lang: str, key: str = "{reason}_unconfirmed") -> tuple[str, ...]:
    """How many figures await a person's confirmation, read by OCR and put on an item with weak
    evidence, told with the message ``key`` names (the web app tells its clerk how to confirm)."""
    flagged = unconfirmed(submission)
    return tuple(text(key.format(reason=reason), lang, count=flagged[reason]) for reason in ("ocr", "mapping") if flagged[reason])
