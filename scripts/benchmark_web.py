#!/usr/bin/env python3
"""How long the page makes her wait: the real server (planparse serve) timed over HTTP on 127.0.0.1.

    python scripts/benchmark_web.py                 # corpus/ files, one request each, and a large text
    python scripts/benchmark_web.py --large-mb 2.6  # the large text's size (corpus plans repeated)

For every corpus/*.txt: the time from sending the text to having the parsed outline and rows
(/api/parse/text), then to having the .xlsx and the JSON (/api/download/…). The large text is the
corpus concatenated up to --large-mb MB of UTF-8. Reports the median and the slowest of each; the
server's start-up (imports) is timed apart. Not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests._web_support import running_server  # noqa: E402


def timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    result = call()
    return time.perf_counter() - start, result


def main() -> None:
    import httpx

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--large-mb", type=float, default=2.6)
    args = ap.parse_args()
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))}
    pool = "\n\n".join(texts.values())
    target = int(args.large_mb * 2**20)
    large = pool
    while len(large.encode("utf-8")) < target:
        large += "\n\n" + pool
    large = large.encode("utf-8")[:target].decode("utf-8", "ignore")

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with running_server(Path(tmp) / "serve.log") as url:
            print(f"server up in {time.perf_counter() - started:.2f} s")
            with httpx.Client(base_url=url, timeout=600) as http:
                http.post("/api/parse/text", content="三月：开展活动。".encode())  # first parse loads the vocabularies
                rows: dict[str, list[float]] = {"parse": [], "xlsx": [], "json": []}
                for text in texts.values():
                    took, response = timed(lambda t=text: http.post("/api/parse/text", content=t.encode()))
                    rows["parse"].append(took)
                    result = response.json()
                    body = json.dumps({"document": result["document"], "rows": result["rows"], "year": 2025}, ensure_ascii=False).encode()
                    for fmt in ("xlsx", "json"):
                        took, _ = timed(lambda f=fmt, b=body: http.post(f"/api/download/{f}", content=b))
                        rows[fmt].append(took)
                for step, times in rows.items():
                    print(f"corpus ({len(times)} files) {step:5}: median {statistics.median(times) * 1000:6.0f} ms, "
                          f"slowest {max(times) * 1000:6.0f} ms")
                took, response = timed(lambda: http.post("/api/parse/text", content=large.encode()))
                result = response.json()
                print(f"large text {len(large.encode()) / 2**20:.1f} MB: parse {took:.2f} s, "
                      f"{len(result['document']['plans'])} plans, {len(result['rows'])} rows, "
                      f"response {len(response.content) / 2**20:.1f} MB")
                body = json.dumps({"document": result["document"], "rows": result["rows"], "year": 2025}, ensure_ascii=False).encode()
                for fmt in ("xlsx", "json"):
                    took, _ = timed(lambda f=fmt, b=body: http.post(f"/api/download/{f}", content=b))
                    print(f"large text download {fmt}: {took:.2f} s")


if __name__ == "__main__":
    main()
