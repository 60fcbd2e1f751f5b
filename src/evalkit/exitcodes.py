"""The exit codes of every command, apart from the command line that uses them, so that the
commands need not import it."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    OK = 0  #: scored, and at or above --fail-under
    FAILED = 1  #: below --fail-under, the data is invalid, or a file in a batch failed
    USAGE = 2  #: a usage error, or an input file that cannot be read
    PLUGIN = 3  #: a plugin is broken or conflicts with another
    INTERNAL = 4  #: a defect in evalkit itself; EVALKIT_DEBUG=1 shows the traceback
    INTERRUPTED = 130  #: stopped with Ctrl-C; outputs are left as they were
