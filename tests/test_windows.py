"""A long text is parsed window by window (planparse/parse/windows.py) with the same Document as one
parse over the whole, and memory bounded by one window's parse.

The window is made small here (params.toml ``[windows]``), so that texts of a few kilobytes cross
many window edges; the figures for large files are scripts/benchmark_scale.py's (``--case bigfile``).
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import planparse
from planparse.check import problems
from planparse.cli import cli
from planparse.mutations import mutate
from planparse.parse import structure
from planparse.parse.params import params

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted((ROOT / "corpus").glob("*.txt"))
SHARED = ROOT.parent / "shared"
SHARED_TEXTS = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "eval" / "dev" / "texts").glob("*.txt"))


def _join(paths: list[Path]) -> str:
    return "\n\n".join(p.read_text(encoding="utf-8-sig").strip("\n") for p in paths) + "\n"


@pytest.fixture
def window(monkeypatch: pytest.MonkeyPatch):
    def set_window(chars: int) -> None:
        monkeypatch.setattr(params().windows, "window_chars", chars)
    return set_window


def _whole_and_windowed(text: str, window, chars: int, **kw) -> tuple[planparse.Document, planparse.Document]:
    window(10 * len(text) + 1)
    whole = structure.build(text, **kw)
    window(chars)
    return whole, structure.build(text, **kw)


@pytest.mark.parametrize("chars", [2_000, 9_000, 40_000])
def test_windowed_corpus_is_the_whole_parse(window, chars: int) -> None:
    text = _join(CORPUS)
    whole, windowed = _whole_and_windowed(text, window, chars)
    assert len(whole.plans) > 100
    assert windowed.model_dump() == whole.model_dump()


@pytest.mark.skipif(not SHARED_TEXTS, reason="no shared seeds and dev texts beside the project")
def test_windowed_real_pages_are_the_whole_parse(window) -> None:
    whole, windowed = _whole_and_windowed(_join(SHARED_TEXTS), window, 3_000)
    assert len(whole.plans) > 20
    assert windowed.model_dump() == whole.model_dump()


def test_plan_longer_than_the_window_is_parsed_whole(window) -> None:
    lines = ["某某社区2026年志愿服务工作计划", "一、指导思想", "以居民需求为导向，完善志愿服务体系。", "二、主要工作"]
    lines += [f"{i}、组织第{i}批志愿者开展楼道清洁和走访慰问活动。" for i in range(1, 81)]
    text = "\n".join(lines) + "\n"
    whole, windowed = _whole_and_windowed(text, window, 500)
    assert len(windowed.plans) == 1
    assert len(windowed.plans[0].sections[1].items) == 80
    assert windowed.model_dump() == whole.model_dump()


def test_a_window_too_narrow_is_widened_before_it_is_built(window, monkeypatch: pytest.MonkeyPatch) -> None:
    """One plan four windows long: the narrower windows stop after the plans stage, only the one that
    holds the whole plan is built, and the Document is the one-pass one."""
    lines = ["某某街道2026年平安建设工作计划", "一、指导思想", "坚持预防为主，综合治理。", "二、主要工作"]
    lines += [f"{i}、组织第{i}网格开展矛盾纠纷排查和安全隐患巡查。" for i in range(1, 121)]
    text = "\n".join(lines) + "\n"
    built: list[int] = []
    real = structure.build_document

    def counting(pdoc, **kw):
        built.append(len(pdoc.text))
        return real(pdoc, **kw)

    monkeypatch.setattr(structure, "build_document", counting)
    whole, windowed = _whole_and_windowed(text, window, len(text) // 4)
    assert built == [len(text), len(text)]  # once for the whole parse, once for the widened window
    assert windowed.model_dump() == whole.model_dump()


def test_a_plan_run_on_in_an_earlier_plans_line_moves_the_cut_back(window, monkeypatch: pytest.MonkeyPatch) -> None:
    """A window's last plan starts within the line its previous plan ends on (two plans run together:
    corpus/50_numbered_title_inline.txt): the next window starts at the previous plan's line instead,
    no window is widened to the rest of the text, and the Document is the one-pass one."""
    inline = ROOT / "corpus" / "50_numbered_title_inline.txt"
    others = [p for p in CORPUS if p != inline]
    text = _join([others[0], inline, others[1], others[2]])
    window(10 * len(text) + 1)
    whole = structure.build(text)
    run_on = [p.span[0] for p in whole.plans if p.span[0] and text[p.span[0] - 1] != "\n"]
    assert len(run_on) == 1  # the sample's second plan starts in its first one's last line
    parsed: list[int] = []
    real = structure.begin_structure

    def counting(piece, furniture=()):
        parsed.append(len(piece))
        return real(piece, furniture)

    monkeypatch.setattr(structure, "begin_structure", counting)
    for past in (45, 85, 125, 165):  # the first window ends this far into the run-on plan
        parsed.clear()
        window(run_on[0] + past)
        windowed = structure.build(text)
        assert max(parsed) < len(text)  # widened by four, a window would reach the text's end
        assert windowed.model_dump() == whole.model_dump()


def test_a_parse_not_explained_frees_its_layers_and_builds_the_same_document() -> None:
    """The parse path frees each layer after its last reader (and the lines once the models have what
    they need); the explained path keeps them all. Both give the same Document."""
    from planparse.parse.build import build_document
    from planparse.parse.document import LayerError

    text = _join(CORPUS[:40])
    kept = structure.parse_structure(text)
    assert build_document(kept, source=None, encoding=None, fmt="text").model_dump() == structure.build(text).model_dump()
    assert kept.lines and kept.has_layer("numbering")
    freed = structure.begin_structure(text)
    structure.run_stages(freed, structure.STAGES, release=True)
    build_document(freed, source=None, encoding=None, fmt="text", release=True)
    for released in structure.RELEASED_AFTER.values():
        for name in released:
            with pytest.raises(LayerError, match="released"):
                freed.layer(name)
            with pytest.raises(LayerError):
                freed.add_layer(name, [])
    with pytest.raises(LayerError, match="released"):
        _ = freed.lines


def test_reader_furniture_across_window_edges(window) -> None:
    """A .docx's page headers, given as furniture spans, stay furniture in every window."""
    plans = [p.read_text(encoding="utf-8-sig").strip("\n") for p in CORPUS[:12]]
    header = "某某学校办公室 文件"
    pieces, spans, pos = [], [], 0
    for plan in plans:
        pieces.append(f"{header}\n{plan}\n\n")
        spans.append((pos, pos + len(header)))
        pos += len(pieces[-1])
    text = "".join(pieces)
    whole, windowed = _whole_and_windowed(text, window, 1_500, furniture=spans)
    assert windowed.model_dump() == whole.model_dump()
    assert all(any(a <= s and e <= b for a, b in windowed.furniture) for s, e in spans)


def test_each_stage_is_reported_once(window) -> None:
    window(2_000)
    seen: list[str] = []
    structure.build(_join(CORPUS[:20]), on_stage=seen.append)
    assert seen == [name for name, _ in structure.STAGES] + ["build"]


def test_command_line_on_a_file_longer_than_the_window(window, tmp_path: Path) -> None:
    window(2_000)
    path = tmp_path / "dump.txt"
    text = _join(CORPUS[:30])
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["parse", str(path), "--format", "json", "--no-tag"])
    assert result.exit_code == 0, result.output
    got = planparse.Document.model_validate_json(result.stdout)
    window(10 * len(text))
    assert got.model_dump() == planparse.parse_file(path, tag=False).model_dump()


_TEXTS = [p.read_text(encoding="utf-8-sig") for p in CORPUS]


@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_TEXTS), min_size=2, max_size=5), st.randoms(use_true_random=False))
def test_windowed_mutations_keep_the_invariants(window, texts: list[str], rng: random.Random) -> None:
    """Whatever the window's edges cut, spans stay in range and nested and every character covered."""
    window(rng.choice([300, 1_000, 3_000]))
    text = "\n".join(mutate(rng, t) for t in texts)
    doc = planparse.parse_text(text, tag=False)
    assert problems(doc) == []
