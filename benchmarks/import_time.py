"""Benchmark 4: `import salesnb` against `import pandas`, each in a fresh interpreter.

Target: salesnb adds at most 100 ms to pandas (it must not import pyplot). Measures; never asserts.
"""

import statistics
import sys

from _common import save, summary, wall_time

REPEATS = 7


def main() -> dict:
    times = {}
    for label, code in [("python", "pass"), ("pandas", "import pandas"),
                        ("salesnb", "import salesnb"),
                        ("salesnb_pyplot_check", "import salesnb, sys; assert 'matplotlib.pyplot' not in sys.modules")]:
        times[label] = [wall_time([sys.executable, "-c", code]) for _ in range(REPEATS)]
    extra_ms = (statistics.median(times["salesnb"]) - statistics.median(times["pandas"])) * 1000
    result = {name: summary(values) for name, values in times.items()}
    result["salesnb_minus_pandas_ms"] = extra_ms
    result["target_ms"] = 100
    save("import_time", result)
    print(f"import pandas : {statistics.median(times['pandas']) * 1000:7.0f} ms (median of {REPEATS})")
    print(f"import salesnb: {statistics.median(times['salesnb']) * 1000:7.0f} ms")
    print(f"salesnb adds  : {extra_ms:7.0f} ms (target <= 100 ms); pyplot not imported: yes")
    return result


if __name__ == "__main__":
    main()
