"""Every hook a plugin can implement.

An implementation may accept any subset of a hook's arguments, so adding an argument to a
hook later does not break existing plugins. Registration hooks return lists.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("evalkit")


@hookspec
def register_items():
    """Declare the items (reported figures and practices) this plugin understands.

    Each item's schema fragment is composed into the submission schema, so a submission's
    value for the item is validated against it.

    :return: a list of :class:`evalkit.ItemSpec`.
    """


@hookspec
def register_criteria():
    """Declare scoring criteria, usually read from a YAML file the plugin ships.

    Use :func:`evalkit.load_rubric` to read and validate a criteria file against
    ``criteria.schema.json``. Two plugins declaring the same criterion id stop the run.

    :return: a list of :class:`evalkit.Rubric`.
    """


@hookspec
def register_rule_kinds():
    """Declare rule kinds: named functions that score a criterion.

    A rule kind's function is called as ``score(rule, case)``, where ``rule`` is the
    criterion's rule mapping (after the profile's overrides) and ``case`` an
    :class:`evalkit.Case`, and returns a :class:`evalkit.Measure`. An exception inside it makes that one criterion ``error``,
    names the plugin, and the run goes on.

    :return: a list of :class:`evalkit.RuleKind`.
    """


@hookspec
def register_profiles():
    """Declare named profiles (a year's tailoring) that ``--profile NAME`` can select.

    :return: a list of :class:`evalkit.Profile`.
    """


@hookspec
def register_formats():
    """Declare output formats for ``--format``.

    :return: a list of :class:`evalkit.Format`.
    """


@hookspec
def check_report(submission, text, lang):
    """Check a report's form and content and return what is wrong with it.

    :param submission: the :class:`evalkit.Submission` being scored.
    :param text: the report's full text, or None when only a submission was given.
    :param lang: the language of the findings' messages, "zh" or "en" (``evalkit.messages.text(key, lang)``);
        an implementation that does not name it writes Chinese.
    :return: a list of :class:`evalkit.Finding`.
    """


@hookspec
def register_readers():
    """Declare readers that turn a report file into text.

    A reader's ``read(path)`` returns the text, or an :class:`evalkit.Read` whose ``marks``
    say which characters were read by OCR (their figures are marked ``needs_review``).

    :return: a list of :class:`evalkit.Reader`.
    """


@hookspec
def register_extractors():
    """Declare extractors that turn report text into items.

    :return: a list of :class:`evalkit.Extractor`.
    """


@hookspec
def register_commands(subparsers, lang):
    """Add commands to the ``evalkit`` command line.

    :param subparsers: the argparse sub-parser action; call ``add_parser`` on it and set
        ``func`` (taking the parsed arguments, returning an exit code) with ``set_defaults``.
    :param lang: the language of the run, "zh" or "en", for the commands' help texts
        (``--lang en`` anywhere on the command line); an implementation may leave it out.
    """
