"""The package makes no network access at run time.

Each notebook's code runs in a separate Python process in which every socket
connection raises, with the Agg backend (no kernel: a kernel itself needs sockets).
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))

GUARD = textwrap.dedent("""
    import socket

    class NetworkBlocked(RuntimeError):
        pass

    def _blocked(*args, **kwargs):
        raise NetworkBlocked("salesnb tried to use the network")

    socket.socket.connect = _blocked
    socket.socket.connect_ex = _blocked
    socket.create_connection = _blocked
    socket.getaddrinfo = _blocked
""")


def notebook_code(path: Path) -> str:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lines = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        # IPython magics and shell escapes are not Python; the calculations are.
        lines.extend(l for l in source.splitlines() if not l.lstrip().startswith(("%", "!")))
    return "\n".join(lines)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_calculations_run_with_sockets_blocked(path, tmp_path):
    script = tmp_path / "run.py"
    script.write_text(GUARD + "\n" + notebook_code(path), encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=path.parent, capture_output=True,
                            text=True, env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"}, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "NetworkBlocked" not in result.stderr


def test_the_guard_really_blocks(tmp_path):
    script = tmp_path / "run.py"
    script.write_text(GUARD + "\nimport urllib.request\nurllib.request.urlopen('http://127.0.0.1:9')\n")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True)
    assert result.returncode != 0 and "NetworkBlocked" in result.stderr
