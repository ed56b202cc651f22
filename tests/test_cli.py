"""The govextract command: files, directories, stdin, formats, encodings, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from govextract.cli import main


def run(args: list[str], stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "govextract", *args], input=stdin, capture_output=True)


def test_extract_file_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text("依据国发〔2013〕10号", encoding="utf-8")
    assert main(["extract", str(f)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["file"] == str(f)
    assert out[0]["records"]["doc_numbers"][0]["normalized"] == "国发〔2013〕10号"


def test_directory_jsonl_gb18030_and_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("国发〔2013〕10号", encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_bytes("川办函〔2016〕130号".encode("gb18030"))
    (tmp_path / "sub" / "c.txt").write_bytes(b"\xff\xfe\xfa\xfb\x80")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF")
    status = main(["extract", str(tmp_path), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert status == 1
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert [Path(r["file"]).name for r in rows] == ["a.txt", "b.txt"]
    assert rows[1]["records"]["doc_numbers"][0]["issuer_code"] == "川办函"
    assert "c.txt: neither UTF-8 nor GB18030" in captured.err


def test_stdin_and_labels() -> None:
    done = run(["extract", "-", "--labels", "doc_numbers"], stdin="国务院令第588号".encode())
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out[0]["file"] == "-"
    assert set(out[0]["records"]) == {"schema_version", "doc_numbers"}


def test_bad_label_and_missing_file(tmp_path: Path) -> None:
    done = run(["extract", "-", "--labels", "nope"], stdin=b"x")
    assert done.returncode == 2
    assert b"unknown label" in done.stderr
    done = run(["extract", str(tmp_path / "missing.txt")])
    assert done.returncode == 1
    assert json.loads(done.stdout) == []


def test_table_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text("国\n\n发〔2011〕26 号", encoding="utf-8")
    assert main(["extract", str(f), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "doc_numbers\t0\t14\t国⏎⏎发〔2011〕26 号\t国发〔2011〕26号" in out


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "doc_numbers" in schema["properties"]
    assert "DocNumber" in schema["$defs"]


def test_table_format_shows_roles_and_goals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "b.txt"
    f.write_text("到2020年，森林覆盖率达到40%（林业厅负责，财政厅配合）。", encoding="utf-8")
    assert main(["extract", str(f), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "\tlead: 林业厅; support: 财政厅\n" in out
    assert "\t森林覆盖率 = 40 % (2020, level)\n" in out
    assert "\t= 40 %\n" in out


def test_a_directory_run_writes_nothing_but_its_output(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "a.txt").write_text(
        "国务院关于加强管理的通知\n国发〔2013〕1号\n各省：\n到2020年，覆盖率达到90%。\n", encoding="utf-8"
    )
    (data / "b.txt").write_bytes(b"\xff\xfe\xfa")
    work = tmp_path / "work"
    work.mkdir()
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    done = subprocess.run(
        [sys.executable, "-m", "govextract", "extract", str(data), "--jobs", "2", "--format", "jsonl"],
        cwd=work,
        capture_output=True,
        env={"PYTHONDONTWRITEBYTECODE": "1", "PATH": ""},
    )
    assert done.returncode == 1
    assert [json.loads(line)["file"] for line in done.stdout.decode().splitlines()] == [str(data / "a.txt")]
    assert b"b.txt" in done.stderr and b"Traceback" not in done.stderr
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
