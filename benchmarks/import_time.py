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

REPEATS = 15
PYPLOT_CHECK = "import salesnb, sys; print('matplotlib.pyplot' in sys.modules)"


def own_module_ms(env) -> float:
    """Milliseconds spent in salesnb's own modules (their 'self' time from python -X importtime):
    a steadier number than the difference of two wall times of about 400 ms each."""
    runs = []
    for _ in range(5):
        lines = subprocess.run([sys.executable, "-X", "importtime", "-c", "import salesnb"], env=env,
                               capture_output=True, text=True).stderr.splitlines()
        fields = [line.split("|") for line in lines if line.startswith("import time:") and "|" in line]
        runs.append(sum(int(f[0].split(":")[1]) for f in fields if f[2].strip().startswith("salesnb")) / 1000)
    return statistics.median(runs)


def main() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    statements = {"python": "pass", "pandas": "import pandas", "salesnb": "import salesnb"}
    times = {label: [] for label in statements}
    for code in statements.values():
        wall_time([sys.executable, "-c", code], env=env)  # warm-up: writes the bytecode cache
    for _ in range(REPEATS):  # interleaved, so that a busy moment hits all three alike
        for label, code in statements.items():
            times[label].append(wall_time([sys.executable, "-c", code], env=env))
    pyplot = subprocess.run([sys.executable, "-c", PYPLOT_CHECK], env=env, capture_output=True,
                            text=True).stdout.strip() == "True"
    extra_ms = (statistics.median(times["salesnb"]) - statistics.median(times["pandas"])) * 1000
    own_ms = own_module_ms(env)
    result = {name: summary(values) for name, values in times.items()}
    result.update(salesnb_minus_pandas_ms=extra_ms, salesnb_own_modules_ms=own_ms, target_ms=100,
                  pyplot_imported=pyplot)
    save("import_time", result)
    print(f"import pandas : {statistics.median(times['pandas']) * 1000:7.0f} ms (median of {REPEATS})")
    print(f"import salesnb: {statistics.median(times['salesnb']) * 1000:7.0f} ms")
    print(f"salesnb adds  : {extra_ms:7.0f} ms (target <= 100 ms); "
          f"pyplot imported: {'YES (it should not be)' if pyplot else 'no'}")
    print(f"salesnb's own modules: {own_ms:5.0f} ms (self time, python -X importtime)")
    return result


if __name__ == "__main__":
    main()
