"""Start-up: `tracker --help` and a stored `tracker diff` as whole processes, beside the floor.

The floor is the smallest typer application a command line can be: two commands, one of which prints one
line. This script writes it to a temporary folder and runs it with the same Python, so both sides pay the same
interpreter start, `site` and typer (with rich) imports. The cases run interleaved, round after round, so a
busy moment of the shared host slows every case alike; each figure is a median of wall times (ms), and each
ratio is the median of its per-round ratios, which a load that shifts during the run disturbs least. The CPU
time of each process (user + system) is printed beside: a busy host disturbs it less than the wall time.

Every process runs as in a user's shell, with bytecode cached: `PYTHONDONTWRITEBYTECODE` (which some
sandboxes set, making each run compile tracker's sources again) is dropped, and the caches go to a folder of
the run (`PYTHONPYCACHEPREFIX`), written by the warm-up round, so the checkout is left as it was.

- `python -c pass`, `import typer`: context, not budgeted; `import typer, pydantic` too: typer 0.29 converts
  every argument value through a pydantic TypeAdapter, so the floor's commands import pydantic (tracker
  converts the types its commands take itself: `tracker.cli.PlainCoercion`).
- `floor --help`, `floor hello` (prints one line): the floor.
- `tracker --help`: budget at most 1.5x `floor --help`.
- `tracker diff NWAN 2023 2024` on a database made beforehand from fixtures/sample (text to a pipe, as a
  script reading it would see): budget at most 1.3x `floor hello`.

    .venv/bin/python bench/bench_startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TRACKER = str(BIN / "tracker")

FLOOR_APP = '''\
import typer

app = typer.Typer(add_completion=False)


@app.command()
def hello(name: str = "world") -> None:
    """Print one line."""
    typer.echo(f"hello {name}")


@app.command()
def bye() -> None:
    """Print another line."""
    typer.echo("bye")


if __name__ == "__main__":
    app()
'''

#: (case, the case it is measured against, budget), in the order printed.
BUDGETS = [("tracker --help", "floor --help", 1.5), ("tracker diff (stored)", "floor hello", 1.3)]


def children_cpu() -> float:
    """CPU seconds (user + system) of the finished child processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of one process, its output discarded; a failure stops the benchmark."""
    cpu = children_cpu()
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.decode()[-500:]}")
    return elapsed, children_cpu() - cpu


def environment(folder: Path) -> dict[str, str]:
    """A user's environment: bytecode cached (in the run's folder), no colour, a fixed width."""
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PYTHONPYCACHEPREFIX": str(folder / "pycache")}
    for name in ("TRACKER_DB", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


def cases(folder: Path, env: dict[str, str]) -> dict[str, list[str]]:
    """Every case's command line."""
    floor = folder / "floor_app.py"
    floor.write_text(FLOOR_APP, encoding="utf-8")
    db = folder / "sample.db"
    subprocess.run(
        [TRACKER, "ingest", str(ROOT / "fixtures" / "sample"), "--db", str(db)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    python = sys.executable
    return {
        "python -c pass": [python, "-c", "pass"],
        "import typer": [python, "-c", "import typer"],
        "import typer, pydantic": [python, "-c", "import typer, pydantic; pydantic.TypeAdapter(str)"],
        "floor --help": [python, str(floor), "--help"],
        "floor hello": [python, str(floor), "hello"],
        "tracker --help": [TRACKER, "--help"],
        "tracker diff (stored)": [TRACKER, "diff", "NWAN", "2023", "2024", "--db", str(db)],
    }


def measure(
    commands: dict[str, list[str]], env: dict[str, str], runs: int
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Wall and CPU times of every case, run interleaved: one of each per round (after a warm-up round)."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, argv in commands.items():
            wall, cpu = run_once(argv, env)
            if round_:  # the first round writes the bytecode and warms the file cache
                walls[name].append(wall)
                cpus[name].append(cpu)
    return walls, cpus


def ratio(times: dict[str, list[float]], case: str, floor: str) -> tuple[float, float]:
    """(median of the per-round ratios, ratio of the medians) of a case to its floor."""
    per_round = statistics.median(a / b for a, b in zip(times[case], times[floor], strict=True))
    return per_round, statistics.median(times[case]) / statistics.median(times[floor])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=21, help="rounds (each case once per round; medians quoted)")
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        env = environment(Path(tmp))
        walls, cpus = measure(cases(Path(tmp), env), env, args.runs)
    print(f"{args.runs} interleaved rounds; medians of each whole process, wall and CPU (user + system):")
    for name in walls:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"  {name:<24} {wall * 1000:7.1f} ms   CPU {cpu * 1000:7.1f} ms")
    print("ratios, wall (median of the per-round ratios; ratio of the medians) and CPU (the same):")
    verdicts = []
    for case, floor, budget in BUDGETS:
        wall_round, wall_medians = ratio(walls, case, floor)
        cpu_round, cpu_medians = ratio(cpus, case, floor)
        ok = wall_round <= budget
        verdicts.append(ok)
        print(
            f"  {case} / {floor}: {wall_round:.2f}x ({wall_medians:.2f}x), CPU {cpu_round:.2f}x "
            f"({cpu_medians:.2f}x); budget {budget}x: {'within' if ok else 'OVER'}"
        )
    sys.exit(0 if all(verdicts) else 1)


if __name__ == "__main__":
    main()
