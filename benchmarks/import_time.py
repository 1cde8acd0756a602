"""Benchmark 4: `import salesnb` against `import pandas`, each in a fresh interpreter.

Target: salesnb adds at most 100 ms to pandas (it must not import pyplot). Measures; never asserts.

Timed as on a student's machine: Python's bytecode cache on (a set PYTHONDONTWRITEBYTECODE
is removed for the timed interpreters, so salesnb is not compiled anew at every import)
and one untimed warm-up run per statement, so that every run finds warm caches.
"""

import os
import statistics
import subprocess
import sys

from _common import save, summary, wall_time

REPEATS = 7
PYPLOT_CHECK = "import salesnb, sys; print('matplotlib.pyplot' in sys.modules)"


def main() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times = {}
    for label, code in [("python", "pass"), ("pandas", "import pandas"), ("salesnb", "import salesnb")]:
        wall_time([sys.executable, "-c", code], env=env)  # warm-up: writes the bytecode cache
        times[label] = [wall_time([sys.executable, "-c", code], env=env) for _ in range(REPEATS)]
    pyplot = subprocess.run([sys.executable, "-c", PYPLOT_CHECK], env=env, capture_output=True,
                            text=True).stdout.strip() == "True"
    extra_ms = (statistics.median(times["salesnb"]) - statistics.median(times["pandas"])) * 1000
    result = {name: summary(values) for name, values in times.items()}
    result.update(salesnb_minus_pandas_ms=extra_ms, target_ms=100, pyplot_imported=pyplot)
    save("import_time", result)
    print(f"import pandas : {statistics.median(times['pandas']) * 1000:7.0f} ms (median of {REPEATS})")
    print(f"import salesnb: {statistics.median(times['salesnb']) * 1000:7.0f} ms")
    print(f"salesnb adds  : {extra_ms:7.0f} ms (target <= 100 ms); "
          f"pyplot imported: {'YES (it should not be)' if pyplot else 'no'}")
    return result


if __name__ == "__main__":
    main()
