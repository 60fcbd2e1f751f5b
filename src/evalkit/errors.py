"""Errors that reach a user: each names the file and the place, in Chinese by default."""

from __future__ import annotations

import attrs

from evalkit.messages import text
from evalkit.names import printable


@attrs.frozen
class Both:
    """A part of a message made where the language is not known (a place in a file, a parser's
    complaint), in both languages: the message picks one when it is written."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.zh

    def pick(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


def listed(values) -> Both:
    """Names listed in a message, joined with the list separator of either language."""
    values = [str(v) for v in values]
    return Both(text("list_sep", "zh").join(values), text("list_sep", "en").join(values))


def _in(value, lang: str):
    return value.pick(lang) if isinstance(value, Both) else value


class EvalkitError(Exception):
    """An error with a message key, the file and the place it concerns."""

    def __init__(self, message_key: str, *, file: str | None = None, place: str | None = None, **params):
        super().__init__(message_key)
        self.key = message_key
        self.file = printable(file) if file else file  #: as a person should see it (see evalkit.names)
        self.place = place
        self.params = params

    def message(self, lang: str = "zh") -> str:
        """The whole message: plugin, file, place, then what is wrong."""
        body = text(self.key, lang, **{key: _in(value, lang) for key, value in self.params.items()})
        plugin = self.params.get("plugin")
        named = text("plugin_named", lang, plugin=plugin) if plugin and plugin not in body else None
        where = [part for part in (named, self.file, _in(self.place, lang)) if part]
        if not where:
            return body
        return text("where", lang, where=text("sep", lang).join(where), body=body)

    def full_message(self, lang: str = "zh") -> str:
        """The message, then each schema problem on its own indented line."""
        problems = ["  " + text("where", lang, where=path, body=_in(problem, lang)) for path, problem in self.params.get("problems", ())]
        more = self.params.get("count", 0) - len(problems) if problems else 0
        return "\n".join([self.message(lang), *problems, *([text("more_problems", lang, count=more)] if more > 0 else [])])

    def __str__(self) -> str:
        return self.message()


def describe(exc: BaseException) -> str:
    """An unexpected exception in one line, for a message that names where it happened."""
    text = f"{type(exc).__name__}: {exc}"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")  # a lone surrogate quoted in it must not break an output


class InputError(EvalkitError):
    """A file that cannot be read or parsed."""


class DataError(EvalkitError):
    """A document that was read but is invalid."""


class PluginError(EvalkitError):
    """A plugin that is broken or conflicts with another."""
