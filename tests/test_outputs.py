"""`-o` writes through a symbolic link, a device or a pipe, or refuses; it never replaces one."""

import os
import threading

from evalkit.cli import ExitCode, main

EXAMPLE = "examples/xianxiang-2022/submission.json"


def test_a_symlink_is_kept_and_its_target_written(tmp_path):
    """-o onto a symbolic link writes the file it points to; the link stays a link."""
    target, link = tmp_path / "card.md", tmp_path / "link.md"
    target.write_text("old", encoding="utf-8")
    link.symlink_to(target)
    assert main(["check", EXAMPLE, "--format", "md", "-o", str(link)]) == ExitCode.OK
    assert link.is_symlink() and target.read_text("utf-8").startswith("# ")


def test_a_device_is_written_into_not_replaced():
    """-o /dev/null writes into the device and leaves it a device."""
    assert main(["check", EXAMPLE, "-o", "/dev/null"]) == ExitCode.OK
    assert not os.path.isfile("/dev/null") and os.path.exists("/dev/null")


def test_a_pipe_with_a_reader_gets_the_output(tmp_path):
    """-o onto a named pipe that someone reads writes the scorecard into it."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))  # noqa: SIM115
    reader.start()
    for _attempt in range(1000):  # until the reader's open is waiting: before that, the pipe is refused as unread
        code = main(["check", EXAMPLE, "--format", "json", "-o", str(fifo)])
        if code != ExitCode.USAGE:
            break
    reader.join(5)
    assert code == ExitCode.OK and received and received[0].startswith(b"{") and fifo.is_fifo()


def test_a_pipe_nobody_reads_is_refused_at_once(capsys, tmp_path):
    """-o onto a named pipe with no reader answers with a Chinese message instead of waiting."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["check", EXAMPLE, "-o", str(fifo)]) == ExitCode.USAGE
    assert "无法写入" in capsys.readouterr().err and fifo.is_fifo()
