#!/usr/bin/env python3
"""Scaling benchmark: does parsing stay linear in time and bounded in memory as input grows?

    python scripts/benchmark_scale.py                       # all three cases at their default sizes
    python scripts/benchmark_scale.py --case lines          # 25k, 50k, 100k, 200k short plan lines
    python scripts/benchmark_scale.py --case monthline      # month labels run together in one line
    python scripts/benchmark_scale.py --case bigfile --sizes 5,20,50   # repeated plans, MB of UTF-8
    python scripts/benchmark_scale.py --no-tracemalloc      # time and RSS only (tracemalloc is slow)
    python scripts/benchmark_scale.py --case bigfile --sizes 5 --no-tracemalloc --against ../base --repeat 3
                                                            # this checkout against another, runs interleaved

Cases (each measured at a ladder of growing sizes):

- ``lines``: one plan of N short numbered lines (sizes in lines; default 25k..200k);
- ``monthline``: month labels run together in one line, 三月：…。四月：…。 (sizes in characters;
  default 200k..1.6M; the issue saw n^1.2 and 1.25 GB at 3.2 M);
- ``bigfile``: the sample plans of corpus/ repeated, blank lines between, written to a file and
  parsed with ``parse_file`` (sizes in MB of UTF-8; default 5, 20, 50).

Every measurement runs in a fresh child process, so that one size's memory does not hide the
next one's: the child generates the input, parses it once untraced (CPU seconds and the growth of
max RSS over the baseline after imports and input generation), then once under tracemalloc (the
peak of Python allocations). Printed per size: characters, CPU seconds, µs per character, RSS
growth and tracemalloc peak in bytes per input character; between consecutive sizes, the growth
exponent k of time and memory (cost ∝ n^k: 1.0 is linear). A size that exceeds ``--timeout`` is
reported as such and ends its case. Parsing is with ``tag=False`` (structure only) unless ``--tag``.

``--against DIR`` measures another checkout of planparse (a git worktree of an older commit) beside
this one: for each size the two are run in turn, ``--repeat`` times each, every child importing its
own checkout's package (PYTHONPATH), and the medians and their ratio are printed. On a machine that
runs other work, CPU seconds of the same code vary by a tenth between runs; only interleaved runs
of the two compare. Not a test.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

DEFAULT_SIZES: dict[str, list[float]] = {
    "lines": [25_000, 50_000, 100_000, 200_000],
    "monthline": [200_000, 400_000, 800_000, 1_600_000],
    "bigfile": [5, 20, 50],
}
UNITS = {"lines": "lines", "monthline": "chars", "bigfile": "MB"}

MONTHS = "一二三四五六七八九十"
MONTH_NAMES = [*(f"{m}月" for m in MONTHS), "十一月", "十二月"]
ACTIVITIES = [
    "召开教代会，讨论学期工作计划",
    "开展教师读书活动",
    "组织青年教师教学基本功比赛",
    "做好困难教职工慰问工作",
    "举办庆“三八”妇女节系列活动",
    "开展职工趣味运动会",
    "完成工会会员信息统计",
    "组织教职工体检",
]


def short_lines(n: int) -> str:
    """A plan of ``n`` short lines: numbered items under numbered parts, with sub-items between."""
    out = ["XX小学2024年工会工作计划", "一、指导思想", "以服务教职工为中心，推进学校各项工作。", "二、主要工作"]
    part = 2
    for i in range(n):
        if i and i % 500 == 0:
            part += 1
            out.append(f"{_cn(part)}、第{part}方面工作")
        if i % 7 == 3:
            out.append(f"（{i % 9 + 1}）{ACTIVITIES[i % len(ACTIVITIES)]}。")
        else:
            out.append(f"{i % 50 + 1}、{ACTIVITIES[i % len(ACTIVITIES)]}。")
    return "\n".join(out) + "\n"


def month_line(n_chars: int) -> str:
    """Month labels run together in one line (a flattened schedule), about ``n_chars`` long."""
    head = "XX中学德育工作计划\n一、指导思想\n立德树人。\n二、月份安排\n"
    pieces: list[str] = []
    size = len(head)
    i = 0
    while size < n_chars:
        piece = f"{MONTH_NAMES[i % 12]}：{ACTIVITIES[i % len(ACTIVITIES)]}。"
        pieces.append(piece)
        size += len(piece)
        i += 1
    return head + "".join(pieces) + "\n"


def repeated_plans(megabytes: float) -> str:
    """The corpus plans repeated until the UTF-8 size reaches ``megabytes`` MB (10^6 bytes)."""
    plans = [p.read_text(encoding="utf-8-sig") for p in sorted(CORPUS.glob("*.txt"))]
    if not plans:
        raise SystemExit(f"no .txt plans in {CORPUS}")
    target = int(megabytes * 1e6)
    parts: list[str] = []
    size = 0
    i = 0
    while size < target:
        text = plans[i % len(plans)].strip() + "\n\n\n"
        parts.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return "".join(parts)


def _cn(n: int) -> str:
    """A Chinese numeral for part numbers (1..999), as plans write them: 三, 十二, 二十一, 一百零五."""
    if n >= 100:
        hundreds, rest = divmod(n, 100)
        head = MONTHS[hundreds - 1] + "百"
        if rest == 0:
            return head
        return head + ("零" + _cn(rest) if rest < 10 else ("一" if rest < 20 else "") + _cn(rest))
    if n < 10:
        return MONTHS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else MONTHS[tens - 1]) + "十" + (MONTHS[ones - 1] if ones else "")


def make_text(case: str, size: float) -> str:
    if case == "lines":
        return short_lines(int(size))
    if case == "monthline":
        return month_line(int(size))
    return repeated_plans(size)


def child(case: str, size: float, tag: bool, trace: bool) -> None:
    """One measurement, in this (fresh) process; prints one JSON line."""
    import gc
    import resource
    import time
    import tracemalloc

    import planparse

    planparse.parse_text(short_lines(20), tag=tag)  # warm-up: lazy imports, regexes, dictionaries
    text = make_text(case, size)
    path: Path | None = None
    if case == "bigfile":
        fd, name = tempfile.mkstemp(suffix=".txt", prefix="planparse_scale_")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        path = Path(name)

    def parse() -> None:
        if path is not None:
            planparse.parse_file(path, tag=tag, max_bytes=max(len(text) * 4, 2**20))
        else:
            planparse.parse_text(text, tag=tag)

    try:
        gc.collect()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        t0 = time.process_time()
        parse()
        seconds = time.process_time() - t0
        rss_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) * 1024
        peak = None
        if trace:
            gc.collect()
            tracemalloc.start()
            parse()
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    finally:
        if path is not None:
            path.unlink()
    print(json.dumps({"chars": len(text), "seconds": seconds, "rss_growth": rss_growth, "peak": peak,
                      "package": str(Path(planparse.__file__).resolve().parent)}))


def measure(case: str, size: float, tag: bool, trace: bool, timeout: float,
            checkout: Path = ROOT) -> dict[str, float | None] | str:
    """Run one measurement in a child process, parsing with ``checkout``'s planparse: its figures, or
    why there are none."""
    cmd = [sys.executable, __file__, "--child", case, "--child-size", repr(size)]
    if tag:
        cmd.append("--tag")
    if not trace:
        cmd.append("--no-tracemalloc")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(checkout), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=env)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:g} s"
    if run.returncode != 0:
        last = (run.stderr.strip().splitlines() or ["no output"])[-1]
        return f"failed (exit {run.returncode}): {last}"
    result = json.loads(run.stdout.strip().splitlines()[-1])
    expected = (checkout / "planparse").resolve()
    if Path(result.pop("package")) != expected:
        return f"imported planparse from elsewhere than {expected}"
    return result


def exponent(a: float, b: float, na: float, nb: float) -> str:
    if a <= 0 or b <= 0 or na == nb:
        return "   -"
    return f"{math.log(b / a) / math.log(nb / na):4.2f}"


def _size(size: float) -> str:
    return f"{size:,.0f}" if size == int(size) else f"{size:g}"


def run_case(case: str, sizes: list[float], tag: bool, trace: bool, timeout: float) -> None:
    print(f"\n== {case}: sizes in {UNITS[case]} ==")
    print(
        f"{'size':>10} {'chars':>11} {'CPU s':>8} {'µs/char':>8} {'RSS B/char':>10} {'trace B/char':>12}"
        f"   {'k(time)':>7} {'k(RSS)':>6} {'k(trace)':>8}"
    )
    previous: dict[str, float | None] | None = None
    for size in sizes:
        result = measure(case, size, tag, trace, timeout)
        if isinstance(result, str):
            print(f"{_size(size):>10} {result}")
            return
        chars = float(result["chars"] or 0)
        secs = float(result["seconds"] or 0)
        rss = float(result["rss_growth"] or 0)
        peak = result["peak"]
        peak_s = f"{float(peak) / chars:12.1f}" if peak is not None else f"{'-':>12}"
        ks = "   " + " ".join(["   -   ", "  -   ", "   -    "])
        if previous is not None:
            pc = float(previous["chars"] or 0)
            k_peak = (
                exponent(float(previous["peak"]), float(peak), pc, chars)
                if peak is not None and previous["peak"] is not None
                else "   -"
            )
            ks = (
                f"   {exponent(float(previous['seconds'] or 0), secs, pc, chars):>7}"
                f" {exponent(float(previous['rss_growth'] or 0), rss, pc, chars):>6} {k_peak:>8}"
            )
        print(
            f"{_size(size):>10} {chars:>11,.0f} {secs:8.2f} {secs / chars * 1e6:8.2f} {rss / chars:10.1f} {peak_s}{ks}"
        )
        sys.stdout.flush()
        previous = result


def compare_case(case: str, sizes: list[float], tag: bool, trace: bool, timeout: float, against: Path,
                 repeat: int) -> None:
    """This checkout and ``against``, run in turn ``repeat`` times each per size: medians and ratio."""
    print(f"\n== {case}: sizes in {UNITS[case]}; this checkout ({ROOT}) against {against}, {repeat} runs each ==")
    print(f"{'size':>10} {'chars':>11} {'CPU s this':>11} {'CPU s against':>14} {'ratio':>6}"
          f" {'RSS B/char this':>16} {'against':>8}")
    for size in sizes:
        runs: dict[Path, list[dict[str, float | None]]] = {ROOT: [], against: []}
        for _ in range(repeat):
            for checkout in (ROOT, against):
                result = measure(case, size, tag, trace, timeout, checkout)
                if isinstance(result, str):
                    print(f"{_size(size):>10} {checkout}: {result}")
                    return
                runs[checkout].append(result)
        chars = float(runs[ROOT][0]["chars"] or 0)
        secs = {c: statistics.median(float(r["seconds"] or 0) for r in rs) for c, rs in runs.items()}
        rss = {c: statistics.median(float(r["rss_growth"] or 0) for r in rs) / chars for c, rs in runs.items()}
        print(f"{_size(size):>10} {chars:>11,.0f} {secs[ROOT]:11.2f} {secs[against]:14.2f}"
              f" {secs[ROOT] / secs[against]:6.3f} {rss[ROOT]:16.1f} {rss[against]:8.1f}")
        each = {c: ", ".join(f"{float(r['seconds'] or 0):.2f}" for r in rs) for c, rs in runs.items()}
        print(f"{'':>10} each run, this: {each[ROOT]}; against: {each[against]}")
        sys.stdout.flush()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", choices=[*DEFAULT_SIZES, "all"], default="all")
    ap.add_argument("--sizes", help="comma-separated sizes for the chosen case (lines, chars or MB)")
    ap.add_argument("--tag", action="store_true", help="parse with keyword and category tagging")
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the traced pass (it doubles the run time)")
    ap.add_argument("--timeout", type=float, default=1200.0, help="seconds per measurement (default 1200)")
    ap.add_argument("--against", type=Path, help="another checkout of planparse to measure beside this one")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each checkout per size with --against (default 3)")
    ap.add_argument("--child", choices=list(DEFAULT_SIZES), help=argparse.SUPPRESS)
    ap.add_argument("--child-size", type=float, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        child(args.child, args.child_size, args.tag, not args.no_tracemalloc)
        return 0
    if args.sizes and args.case == "all":
        ap.error("--sizes needs one --case")
    cases = list(DEFAULT_SIZES) if args.case == "all" else [args.case]
    print(f"python {sys.version.split()[0]}, one child process per size, tag={args.tag}")
    if args.against is not None and not (args.against / "planparse" / "__init__.py").is_file():
        ap.error(f"--against {args.against}: no planparse package there")
    for case in cases:
        sizes = [float(s) for s in args.sizes.split(",")] if args.sizes else DEFAULT_SIZES[case]
        if args.against is not None:
            compare_case(case, sizes, args.tag, not args.no_tracemalloc, args.timeout, args.against.resolve(),
                         max(1, args.repeat))
        else:
            run_case(case, sizes, args.tag, not args.no_tracemalloc, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
