"""The README's examples run: every ```python block, and every `kg` command of its querying section."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.conftest import RAW, ROOT

README = ROOT / "README.md"
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
CLI_SECTION = "## Querying from the command line"


def blocks(text: str, language: str) -> list[str]:
    """The code blocks of one language, in order."""
    return [body for lang, body in BLOCK.findall(text) if lang == language]


def section(text: str, heading: str) -> str:
    """The text under a `## ` heading, up to the next one."""
    start = text.index(heading)
    end = text.find("\n## ", start + len(heading))
    return text[start:] if end < 0 else text[start:end]


def commands(block: str) -> list[list[str]]:
    """argv lists of the `kg` commands of a shell block, comments dropped."""
    argvs = [shlex.split(line, comments=True) for line in block.splitlines()]
    return [argv for argv in argvs if argv]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A fresh folder holding the sample articles as raw/, as a user's checkout would."""
    (tmp_path / "raw").symlink_to(RAW, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / ".kg-cache"))
    return tmp_path


def test_readme_query_commands_run(workdir):
    text = README.read_text(encoding="utf-8")
    cli = [argv for block in blocks(section(text, CLI_SECTION), "sh") for argv in commands(block)]
    assert len(cli) >= 5 and {argv[1] for argv in cli} >= {"build", "query", "path", "stats"}
    runner = CliRunner()
    for argv in cli:
        assert argv[0] == "kg", argv
        result = runner.invoke(app, argv[1:], env={"COLUMNS": "120"})
        assert result.exit_code == 0, (argv, result.output)
        if argv[1] != "build":
            assert result.stdout.strip(), argv
    assert (workdir / "outputs" / "graph.graphml").is_file()


def test_readme_python_blocks_run(workdir, capsys):
    code = blocks(README.read_text(encoding="utf-8"), "python")
    assert len(code) >= 2
    namespace: dict = {}
    for body in code:
        exec(compile(body, str(README), "exec"), namespace)  # running the README is the test
    printed = capsys.readouterr().out
    assert "no entity named 'Izumu'; did you mean 'Izumo'" in printed
    for name in ("graph.graphml", "relations.jsonl", "mentions.jsonl", "graph.gexf", "nodes.csv"):
        assert (workdir / "outputs" / name).is_file(), name
        assert (workdir / "outputs" / "izumo" / name).is_file(), name
    assert len(namespace["nodes"]) == len(namespace["g"])
