"""The core and the command line import without Qt (they run on machines with no display)."""
import subprocess
import sys

CHECK = """
import sys, pkgutil, importlib
import desktop.core, desktop.cli
for m in pkgutil.walk_packages(desktop.core.__path__, 'desktop.core.'):
    importlib.import_module(m.name)
bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph') or m.startswith('desktop.ui')]
print(bad)
sys.exit(1 if bad else 0)
"""


def test_core_imports_without_qt():
    r = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
