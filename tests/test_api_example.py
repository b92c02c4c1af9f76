"""The README's Python API example runs as written, from a copy of the checkout's sample data."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") :]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code, "the Python API section has no example"
    shutil.copytree(ROOT / "fixtures" / "sample", tmp_path / "fixtures" / "sample")
    (tmp_path / "db").mkdir()
    result = subprocess.run(
        [sys.executable, "-c", code.group(1)], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("Significant: board oversight moved from the audit committee to the risk")
    assert (
        "# NORTHWIND ANALYTICS, INC." in result.stdout
        and "['audit committee', 'board of directors']" in result.stdout
    )
    assert (tmp_path / "db" / "api-demo.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
