"""The batch command line, run as a user would run it (a subprocess, no Qt)."""
import os
import subprocess
import sys

import pytest

GOOD = "mineral,country,year,quantity,stage,unit\nCobalt,COD,2023,170000,mine,t\nCobalt,IDN,2023,17000,mine,t\n"


def critmin(*args, cwd=None):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=300)


@pytest.fixture
def files(tmp_path):
    good = tmp_path / "production.csv"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "broken.csv"
    bad.write_text("mineral,country,year,quantity\nCobalt,Narnia,2023,abc\n", encoding="utf-8")
    return good, bad


def test_validate_exit_codes(files):
    good, bad = files
    ok = critmin("validate", good)
    assert ok.returncode == 0 and "can be imported" in ok.stdout
    refused = critmin("validate", bad)
    assert refused.returncode == 1
    assert "broken.csv, row 2, column 'country'" in refused.stdout
    assert "Traceback" not in refused.stdout + refused.stderr


def test_import_refused_leaves_project_unchanged(files, tmp_path):
    good, bad = files
    project = tmp_path / "p.critmin"
    assert critmin("import", good, "--project", project).returncode == 0
    before = project.read_bytes()
    r = critmin("import", bad, "--project", project)
    assert r.returncode == 1 and "Nothing was written" in r.stdout
    assert project.read_bytes() == before
    again = critmin("import", good, "--project", project)
    assert "already imported" in again.stdout and project.read_bytes() == before


def test_export_round_trip_and_csv(files, tmp_path):
    good, _ = files
    project = tmp_path / "p.critmin"
    critmin("import", good, "--project", project)
    r = critmin("export", project, "-o", tmp_path / "data.xlsx")
    assert r.returncode == 0 and (tmp_path / "data.xlsx").exists()
    assert critmin("validate", tmp_path / "data.xlsx").returncode == 0
    r = critmin("export", project, "-o", tmp_path / "data.csv")
    assert (tmp_path / "data_production.csv").read_text(encoding="utf-8-sig").startswith("mineral,country")


def test_errors_are_one_sentence(tmp_path):
    r = critmin("export", tmp_path / "missing.critmin", "-o", tmp_path / "x.xlsx")
    assert r.returncode == 1 and r.stdout.startswith("error:") and "Traceback" not in r.stderr
    r = critmin("validate", tmp_path / "nothing.csv")
    assert r.returncode == 1 and "nothing.csv: File not found" in r.stdout
    r = critmin("frobnicate")
    assert r.returncode == 2 and "invalid choice" in r.stderr


def test_bad_usage(tmp_path):
    r = critmin("import", tmp_path / "x.csv")  # --project missing
    assert r.returncode == 2


def test_alias_makes_next_import_silent(tmp_path):
    data = tmp_path / "production.csv"
    data.write_text("mineral,country,year,quantity\nCobalt,Zaire (old name),2023,5\n", encoding="utf-8")
    project = tmp_path / "p.critmin"
    assert critmin("import", data, "--project", project).returncode == 1
    r = critmin("alias", "add", "--project", project, "--kind", "country", "Zaire (old name)", "DR Congo")
    assert r.returncode == 0 and "→ COD" in r.stdout
    assert "Zaire (old name)" in critmin("alias", "list", "--project", project).stdout
    assert critmin("import", data, "--project", project).returncode == 0
    r = critmin("alias", "add", "--project", project, "Narnia", "Nowhere")
    assert r.returncode == 1 and "not a known country" in r.stdout
    assert critmin("alias", "add", "--project", project).returncode == 2


def test_leave_out_error_rows(tmp_path):
    """--leave-out-error-rows imports the good rows and lists the one left out; without it, nothing."""
    src = tmp_path / "three.csv"
    src.write_text("mineral,country,year,quantity\nCobalt,COD,2023,5\nCobalt,AUS,2023,abc\nCobalt,CAN,2023,3\n",
                   encoding="utf-8")
    project = tmp_path / "p.critmin"
    refused = critmin("import", src, "-p", project)
    assert refused.returncode == 1 and not project.exists()
    done = critmin("import", "--leave-out-error-rows", src, "-p", project)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "row 3, column 'quantity': Row left out because" in done.stdout
    assert "2 of 2 rows added" in done.stdout
