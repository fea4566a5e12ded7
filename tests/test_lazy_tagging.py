"""Tagging is paid only by outputs that need it, and its tables load once, from a cache.

Each check runs in a fresh interpreter, since this test process has jieba loaded already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "01_union_basic.txt"

# runs the command line in-process, then reports which heavy modules it imported
_CLI_PROBE = """
import json, sys
from planparse.cli import main
sys.argv = ["planparse", *json.loads(sys.argv[1])]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
mods = [m for m in ("jieba", "jieba.analyse", "jieba.posseg", "pandas", "openpyxl") if m in sys.modules]
print("\\nMODULES " + json.dumps({"code": code, "modules": mods}))
"""


def _probe(code: str, *args: str, env: dict[str, str] | None = None) -> tuple[str, dict]:
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
    )
    assert proc.returncode == 0, proc.stderr
    out, _, tail = proc.stdout.rpartition("MODULES ")
    return out, json.loads(tail)


def _cli(*args: str, env: dict[str, str] | None = None) -> tuple[str, dict]:
    return _probe(_CLI_PROBE, json.dumps(list(args)), env=env)


def test_structure_only_parse_never_imports_jieba():
    out, seen = _probe(
        "import sys, json, planparse\n"
        f"doc = planparse.parse_file({str(PLAN)!r}, tag=False)\n"
        "print(len(doc.plans[0].sections))\n"
        "print('MODULES ' + json.dumps({'modules': [m for m in sys.modules if m.split('.')[0] == 'jieba']}))"
    )
    assert int(out.strip()) >= 3
    assert seen["modules"] == []


def test_outline_shows_the_organisation_without_jieba():
    out, seen = _cli("parse", str(PLAN))
    assert seen["code"] == 0
    assert "organisation: 青石镇中心小学工会" in out
    assert "jieba" not in seen["modules"]


def test_schedule_table_and_month_counts_by_category_without_jieba():
    out, seen = _cli("parse", str(PLAN), "--format", "schedule")
    assert "召开教职工代表大会" in out and "jieba" not in seen["modules"]
    out, seen = _cli("months", str(PLAN), "--by", "category", "--format", "csv")
    assert seen["code"] == 0 and "jieba" not in seen["modules"]
    assert "节日庆祝" in out.splitlines()[0]  # categories are still counted (the codebook needs no jieba)


def test_a_calendar_never_imports_jieba(tmp_path):
    _, seen = _cli("calendar", str(PLAN), "-o", str(tmp_path / "plan.ics"))
    assert seen["code"] == 0 and "jieba" not in seen["modules"]
    assert "BEGIN:VEVENT" in (tmp_path / "plan.ics").read_text(encoding="utf-8")


def test_structure_only_export_never_imports_jieba(tmp_path):
    _, seen = _cli("export", str(PLAN), "--out", str(tmp_path / "out"), "--no-tag", "--quiet")
    assert seen["code"] == 0
    assert "jieba" not in seen["modules"]
    assert (tmp_path / "out" / "schedule.csv").is_file()


def test_json_output_tags_with_jieba_but_not_its_analyse_and_posseg_modules():
    out, seen = _cli("parse", str(PLAN), "--format", "json")
    doc = json.loads(out)
    assert any(entry["keywords"] for entry in doc["plans"][0]["schedule"])
    assert "jieba" in seen["modules"]
    # jieba.analyse would import jieba.posseg (half a second); planparse reads jieba's IDF file directly
    assert "jieba.analyse" not in seen["modules"] and "jieba.posseg" not in seen["modules"]


_KEYWORDS = """
import json, sys
from planparse.analysis.tagging import keywords
from planparse.analysis.tagging.keywords import get_idf
idf = get_idf()
print("MODULES " + json.dumps({"kw": keywords("组织教职工开展师徒结对和青蓝工程活动，做好教职工健康体检"),
                               "n": len(idf.values), "unknown": idf.unknown}))
"""


def test_tagging_tables_are_cached_once_and_give_the_same_keywords(tmp_path):
    env = {"PLANPARSE_CACHE_DIR": str(tmp_path / "cache")}
    _, first = _probe(_KEYWORDS, env=env)
    built = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert [name.split("-")[0] for name in built] == ["idf", "jieba"]
    stamps = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    _, second = _probe(_KEYWORDS, env=env)
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == stamps  # read, not rebuilt
    assert first == second
    assert first["n"] > 100_000  # jieba's general table merged with planparse's
    assert "青蓝工程" in first["kw"]  # a domain word of data/userdict.txt, kept whole through the cache


def test_an_unwritable_cache_dir_still_tags(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    _, seen = _probe(_KEYWORDS, env={"PLANPARSE_CACHE_DIR": str(blocker / "cache")})
    assert "青蓝工程" in seen["kw"]


def test_rjieba_keywords_agree_with_jieba_on_the_corpus():
    pytest.importorskip("rjieba", reason="rjieba is the optional fast segmenter (extra 'fast')")
    import planparse
    from planparse.analysis.tagging import keywords

    texts: list[str] = []
    for path in sorted((ROOT / "corpus").glob("*.txt"))[:20]:
        doc = planparse.parse_file(path, tag=False)
        for plan in doc.plans:
            texts += [entry.activity for entry in plan.schedule]
            texts += [item.body or item.text for item in plan.walk_items()]
    assert len(texts) > 200
    same = sum(keywords(t, 5, "jieba") == keywords(t, 5, "rjieba") for t in texts)
    assert same / len(texts) >= 0.9
