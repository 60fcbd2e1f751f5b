"""Run the `$ evalkit …` commands the user guides show and keep the outputs shown after them true.

A checked block is a fenced block without a language whose first line is `$ evalkit …` and that shows
some output. Each `$ …` line (a trailing `\\` joins the next line) is run through bash, in order, in
one scratch folder per guide that holds copies of examples/ and tests/corpus/ and the few files the
guides make up (veto.yaml, bad.json, 乡镇材料/ …); so files a command writes (`--out`, `-o`, `--db`)
stay out of the repository and the paths it prints are the ones shown. The lines after a command are its
output (stdout and stderr together); a line `……` stands for any run of lines. Blocks showing only
commands, and blocks that are not commands (YAML, file trees), are left alone.

    .venv/bin/python scripts/guide_outputs.py            # rewrite the guides' outputs in place
    .venv/bin/python scripts/guide_outputs.py --check    # exit 1, naming each drifted block
"""

from __future__ import annotations

import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDES = [ROOT / "docs" / name for name in ("township-guide.md", "county-guide.md", "scoring.md")]
FENCE = re.compile(r"^(?P<indent> *)```(?P<lang>\S*)\n(?P<body>.*?)^(?P=indent)```$", re.S | re.M)
ELLIPSIS = "……"
TIMEOUT = 120
# the programs a command needs, by the suffixes of the files it names
NEEDS = {"soffice": (".doc", ".wps", ".rtf", ".odt"), "tesseract": (".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff")}
HEAD = "象山县贤庠镇人民政府关于2022年度法治政府建设情况的报告\n\n一、主要工作举措和成效\n\n"
# the files the guides make up, by name, each as the guide shows or describes it
FILES = {
    "veto.yaml": "reviews:\n  - {subject: 爵溪街道, criterion: XX-V01, triggered: true, reviewer: 陈建国, role: 县委依法治县办副主任, "
                 'at: "2023-03-25", reason: 示例:假定该街道发生经上级通报的严重违法行政行为}\n',
    "cond.yaml": "id: cond-demo\ngrades:\n  - {name: 合格, min: 30, requires_reviewed: true}\n"
                 "  - {name: 基本合格, min: 20, max_deductions: 0.5}\n  - {name: 不合格, min: 0}\n",
    "badid.yaml": "id: badid\nexclude: [XX-Z99]\n",
    "r1.yaml": "reviews:\n  - {subject: 贤庠镇, criterion: XX-A06, points: 3, reviewer: 王丽, role: 县司法局法治督察科科员, "
               'at: "2023-03-20T10:30", reason: 示例}\n',
    "bad.json": '{"subject": {"name": "茅洋乡", "level": "乡", "county": "象山县"}, "year": 2022,\n'
                ' "items": {"disputes.accepted": {"value": "230件", "unit": "件"}}}\n',
    "syn.json": '{"subject": {"name": "茅洋乡", "level": "乡"}, "year": 2022, "items": {"disputes.accepted": {"value": 230, unit: "件"}}}\n',
    "含糊.txt": HEAD + "依托镇矛调中心,成功调处化解各类矛盾纠纷213件,化解率达92.6%。信访件办结40件。\n\n合法性审查。实现合法性审查全覆盖。\n",
    "清楚.txt": HEAD + "依托镇矛调中心,全年受理矛盾纠纷230件,化解213件。受理群众信访件41件,办结40件。\n\n全年应审查件数58件,经合法性审查58件。\n",
    "我的文件夹/笔记.txt": "自己的笔记\n",
}


@dataclass
class Step:
    command: str          # as bash runs it
    written: list[str]    # as the guide writes it
    shown: list[str]      # the output lines the guide shows


@dataclass
class Block:
    line: int             # the guide's line of the first command
    start: int            # where the body starts and ends in the guide's text
    end: int
    indent: str
    steps: list[Step]


def parse(body: str, indent: str) -> list[Step] | None:
    """The steps of a block body, or None when it is no evalkit command with output."""
    lines = [line[len(indent):] for line in body.splitlines()]
    if not lines or not lines[0].startswith("$ evalkit"):
        return None
    steps: list[Step] = []
    joining = False
    for line in lines:
        if joining:
            steps[-1].command = steps[-1].command[:-1].rstrip() + " " + line.strip()
            steps[-1].written.append(line)
        elif line.startswith("$ "):
            steps.append(Step(line[2:], [line], []))
        else:
            steps[-1].shown.append(line)
        joining = line.endswith("\\") and not steps[-1].shown
    return steps if any(step.shown for step in steps) else None


def blocks(guide: Path) -> list[Block]:
    """The checked blocks of a guide, in order."""
    found, text = [], guide.read_text("utf-8")
    for match in FENCE.finditer(text):
        steps = None if match.group("lang") else parse(match.group("body"), match.group("indent"))
        if steps:
            line = text.count("\n", 0, match.start("body")) + 1
            found.append(Block(line, match.start("body"), match.end("body"), match.group("indent"), steps))
    return found


def matches(shown: list[str], actual: list[str]) -> bool:
    """Whether the shown lines are the actual ones, a `……` line standing for any run of lines."""
    reach = {0}
    for line in shown:
        if line.strip() == ELLIPSIS:
            reach = set(range(min(reach), len(actual) + 1)) if reach else set()
        else:
            reach = {i + 1 for i in reach if i < len(actual) and actual[i] == line}
    return len(actual) in reach


def refresh(shown: list[str], actual: list[str]) -> list[str]:
    """The shown lines brought up to date: the whole output, or for an excerpt each line replaced by the
    closest actual line after the one before it (the excerpt's choice of lines is kept)."""
    if not any(line.strip() == ELLIPSIS for line in shown):
        return actual
    fresh, position = [], 0
    for line in shown:
        if line.strip() == ELLIPSIS:
            fresh.append(line)
            continue
        ratios = [difflib.SequenceMatcher(None, line, candidate, autojunk=False).ratio() for candidate in actual[position:]]
        best = max(range(len(ratios)), key=ratios.__getitem__, default=None)
        if best is None or ratios[best] < 0.5:
            fresh.append(line)
            continue
        fresh.append(actual[position + best])
        position += best + 1
    return fresh


def missing_program(command: str) -> str | None:
    """The external program the command's files need and this machine lacks."""
    for program, suffixes in NEEDS.items():
        if any(word.lower().endswith(suffixes) for word in command.split()) and not shutil.which(program):
            return program
    return None


def _materials(folder: Path) -> None:
    """乡镇材料/: six townships' submissions and one file that is no Word document."""
    folder.mkdir()
    for source in sorted((ROOT / "examples" / "xiangshan-2022").glob("*.json"))[:6]:
        shutil.copy(source, folder / source.name)
    (folder / "坏文件.docx").write_text("这不是 Word 文档\n", encoding="utf-8")


def _corrected_draft(cwd: Path) -> None:
    """提交材料.json as the township guide corrects it: two mappings confirmed, one figure added."""
    path = cwd / "提交材料.json"
    data = json.loads(path.read_text("utf-8"))
    for item in ("decision.major_decisions", "review.contracts_reviewed"):
        data["items"][item].pop("needs_review")
    data["items"]["leadership.staff_training_sessions"] = {
        "value": 10, "unit": "次", "evidence": "乡党委理论学习中心组学法5次,乡政府常务会议会前学法10次。",
        "source": {"section": "(一)加强学法用法", "line": 7}}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


# what a command needs done in the scratch folder just before it runs
BEFORE = {"evalkit check 提交材料.json": _corrected_draft}


def scratch() -> Path:
    """A scratch folder with copies of the repository's examples and corpus and the files the guides make up."""
    cwd = Path(tempfile.mkdtemp(prefix="evalkit-guides-"))
    for folder in ("examples", "tests/corpus"):
        shutil.copytree(ROOT / folder, cwd / folder)
    for name, text in FILES.items():
        (cwd / name).parent.mkdir(exist_ok=True)
        (cwd / name).write_text(text, encoding="utf-8")
    _materials(cwd / "乡镇材料")
    return cwd


def environment(cwd: Path) -> dict[str, str]:
    """A fixed environment: this repository's evalkit first on PATH, a private cache, no colour, no store."""
    binary = Path(sys.executable).parent
    binary = binary if (binary / "evalkit").exists() else ROOT / ".venv" / "bin"
    env = {key: value for key, value in os.environ.items() if not key.startswith("EVALKIT_")}
    env.update(PATH=f"{binary}{os.pathsep}{env.get('PATH', '')}", EVALKIT_CACHE=str(cwd / ".cache"),
               NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1", COLUMNS="200", LANG="C.UTF-8", LC_ALL="C.UTF-8", TZ="UTC")
    return env


def run(block: Block, cwd: Path, state: dict) -> list[list[str]] | str:
    """Each step's actual output lines, or the reason the block was skipped."""
    outputs = []
    for step in block.steps:
        program = missing_program(step.command)
        if program:
            return f"{program} is not installed"
        if step.command in BEFORE:
            BEFORE[step.command](cwd)
        done = subprocess.run(["bash", "-c", f"(exit {state.get('rc', 0)}); {step.command}"], cwd=cwd,
                              env=environment(cwd), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              timeout=TIMEOUT, check=False)
        state["rc"] = done.returncode
        outputs.append(done.stdout.decode("utf-8", "replace").splitlines())
    return outputs


def render(block: Block, outputs: list[list[str]]) -> str:
    """The block body with each step's output refreshed."""
    lines = []
    for step, actual in zip(block.steps, outputs):
        lines.extend(step.written)
        lines.extend(refresh(step.shown, actual))
    return "".join(block.indent + line + "\n" for line in lines)


def survey(guide: Path) -> tuple[str, list[str], list[str]]:
    """The guide with its drifted outputs refreshed, where and how each block drifted, and the blocks not run."""
    text, drifted, skipped = guide.read_text("utf-8"), [], []
    pieces, done = [], 0
    cwd, state = scratch(), {}
    try:
        for block in blocks(guide):
            where = f"{guide.name}:{block.line}"
            outputs = run(block, cwd, state)
            if isinstance(outputs, str):
                skipped.append(f"{where}: not run, {outputs}")
            elif not all(matches(step.shown, actual) for step, actual in zip(block.steps, outputs)):
                body = render(block, outputs)
                diff = difflib.unified_diff(text[block.start:block.end].splitlines(), body.splitlines(), lineterm="", n=1)
                drifted.append(f"{where} $ {block.steps[0].command}\n" + "\n".join(list(diff)[2:]))
                pieces += [text[done:block.start], body]
                done = block.end
    finally:
        shutil.rmtree(cwd, ignore_errors=True)
    return "".join(pieces) + text[done:], drifted, skipped


def main(argv: list[str]) -> int:
    """Rewrite each guide whose outputs drifted, or with --check exit 1 if any did."""
    status = 0
    for guide in GUIDES:
        text, drifted, skipped = survey(guide)
        for line in skipped + drifted:
            print(line, file=sys.stderr)
        if drifted and "--check" in argv:
            status = 1
        elif drifted:
            guide.write_text(text, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
