"""The C allocator tuning around engine runs (desktop/allocator.py)."""


def test_tune_malloc_is_harmless():
    import subprocess
    import sys

    code = ("from desktop.allocator import tune_malloc, release_memory; import numpy as np; "
            "r = tune_malloc(); a = np.ones(10_000_000); s = float(a.sum()); del a; "
            "print(r, release_memory(), s)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    tuned, released, total = out.stdout.split()
    assert tuned in ("True", "False") and released in ("True", "False") and float(total) == 1e7


def test_engine_memory_releases_also_on_error():
    import subprocess
    import sys

    code = ("from desktop.allocator import engine_memory; import numpy as np\n"
            "try:\n"
            "    with engine_memory():\n"
            "        a = np.ones(5_000_000); raise ValueError('x')\n"
            "except ValueError:\n"
            "    print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"
