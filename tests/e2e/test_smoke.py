"""``critmin gui --smoke-test OUTDIR`` in a fresh process (offscreen, a fresh user folder): the whole program
once — demo, a real import, the engine on the worker, the exports, a screenshot of every view — and an exit
status that says whether all of it worked.  CI runs the same command on the frozen app (make frozen-smoke).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VIEWS = ["overview", "data", "indicators", "matrix", "scenarios", "alerts"]
STEPS = (["outdir", "window", "metadata", "demo", "import", "compute", "results", "plot"]
         + [f"screenshot:{v}" for v in VIEWS])


def smoke(outdir: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CRITMIN_HOME": str(home), "CRITMIN_LANG": "en"}
    env.pop("CRITMIN_STARTUP_PROBE", None)
    return subprocess.run([sys.executable, "-m", "desktop", "gui", "--smoke-test", str(outdir)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


def report(outdir: Path) -> dict:
    return json.loads((outdir / "smoke_report.json").read_text(encoding="utf-8"))


def nonempty(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def test_the_smoke_test_does_everything_it_promises(tmp_path):
    out = tmp_path / "out"            # not there yet: the smoke test makes it
    r = smoke(out, tmp_path / "home")
    said = r.stdout + r.stderr
    assert r.returncode == 0, said
    assert f"smoke test ok: {len(STEPS)}/{len(STEPS)} steps ok" in r.stdout, said
    assert "Traceback" not in said
    got = report(out)
    assert got["ok"] is True and [s["name"] for s in got["steps"]] == STEPS
    assert all(s["status"] == "ok" for s in got["steps"]), got["steps"]
    assert nonempty(out / "smoke_report.txt")

    results = out / "results.xlsx"
    assert nonempty(results)
    with zipfile.ZipFile(results) as book:
        workbook = book.read("xl/workbook.xml").decode("utf-8")
    assert "supply_risk" in workbook and "import_dependency" in workbook

    assert (out / "plot.png").read_bytes()[:4] == b"\x89PNG"
    assert b"<svg" in (out / "plot.svg").read_bytes()[:4096]

    shots = sorted((out / "screenshots").glob("*.png"))
    assert [p.name for p in shots] == [f"{i:02d}-{v}.png" for i, v in enumerate(VIEWS, 1)]
    assert all(p.stat().st_size > 10_000 and p.read_bytes()[:4] == b"\x89PNG" for p in shots)

    # the import went through the wizard into a new project beside the outputs, and wrote rows there
    step = {s["name"]: s for s in got["steps"]}
    assert nonempty(out / "smoke-import.critmin")
    assert "rows written" in step["import"]["detail"]
    assert "smoke-import.critmin" in step["import"]["files"]


def test_an_unwritable_outdir_fails_the_smoke_test(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    # (a read-only folder would not do: CI runs as root, who may write anywhere)
    r = smoke(blocker / "out", tmp_path / "home")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "failed  outdir" in r.stdout and "smoke test FAILED" in r.stdout
    assert "Traceback" not in r.stdout + r.stderr


def test_a_step_that_fails_midway_fails_the_smoke_test_and_skips_the_rest(tmp_path):
    out = tmp_path / "out"
    # the import step's new project cannot be made: a folder of that name is in the way
    (out / "smoke-import.critmin").mkdir(parents=True)
    (out / "smoke-import.critmin" / "keep").write_text("x")
    r = smoke(out, tmp_path / "home")
    assert r.returncode == 1, r.stdout + r.stderr
    steps = {s["name"]: s["status"] for s in report(out)["steps"]}
    assert steps["outdir"] == steps["window"] == steps["demo"] == "ok"
    assert steps["import"] == "failed"
    assert {steps[name] for name in STEPS[STEPS.index("import") + 1:]} == {"skipped"}
    assert "Traceback" not in r.stdout + r.stderr
