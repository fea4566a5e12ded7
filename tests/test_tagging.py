from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
from _tagging_docs import make_doc

from planparse.analysis.tagging import keywords, load_codebook, parse_codebook, tag_document
from planparse.analysis.tagging.organisation import find_in_line, find_organisation
from planparse.analysis.tagging.tokenizer import get_tokenizer, tokenize
from planparse.errors import CodebookError
from planparse.models import Document, Plan

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def test_import_planparse_loads_no_heavy_library():
    code = "import sys, planparse; heavy = {'jieba', 'pandas', 'pyarrow', 'openpyxl'} & set(sys.modules); print(sorted(heavy))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(
    "term",
    ["教代会", "教职工代表大会", "校务公开", "送温暖", "师徒结对", "青蓝工程", "职工之家", "教工之家", "工会小组", "女教工",
     "趣味运动会", "合理化建议", "师德师风", "妇女节", "困难职工"],
)
def test_domain_terms_are_one_token(term):
    assert term in tokenize(f"学校要开展{term}相关的工作")


def test_private_tokenizer_leaves_jieba_global_alone():
    import jieba

    tk = get_tokenizer()
    assert tk is not jieba.dt
    assert "青蓝工程" in tk.FREQ
    assert "青蓝工程" not in jieba.dt.FREQ


def test_tokenizer_is_built_once_across_threads():
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(get_tokenizer())) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len({id(tk) for tk in seen}) == 1


def test_keywords_drop_stop_words_single_characters_and_numbers():
    kws = keywords("1.组织全体会员于10月份进行体检的工作。")
    assert set(kws) == {"会员", "体检"}
    assert keywords("的了和") == []
    assert keywords("") == []


def test_keywords_rank_specific_words_first_and_respect_top_k():
    text = "开展师徒结对活动，推进青蓝工程，促进青年教师成长，加强教师队伍建设"
    kws = keywords(text, top_k=3)
    assert len(kws) == 3
    assert "青蓝工程" in kws and "师徒结对" in kws
    assert "教师" not in kws


def test_tag_document_fills_items_entries_and_plans():
    doc = make_doc()
    assert tag_document(doc) is doc
    plan = doc.plans[0]
    assert plan.organisation == "红星小学工会"
    assert 1 <= len(plan.keywords) <= 10
    assert "青蓝工程" in plan.keywords or "送温暖" in plan.keywords

    by_activity = {e.activity: e for e in plan.schedule}
    cats = {a: {h.category for h in e.categories} for a, e in by_activity.items()}
    assert {"节日庆祝", "女工工作", "慰问帮扶"} <= cats["庆祝“三·八”妇女节，慰问女教工"]
    assert cats["组织会员体检"] == {"健康体检"}
    assert "师德建设" in cats["开展师徒结对活动，推进青蓝工程"]
    assert cats["教师趣味运动会"] == {"文体活动"}
    assert "档案总结" in cats["工会工作总结，档案资料整理归档"]
    hit = next(h for h in by_activity["组织会员体检"].categories)
    assert hit.cues == ["体检"]
    assert "体检" in by_activity["组织会员体检"].keywords
    assert all(len(e.keywords) <= 5 for e in plan.schedule)

    items = list(plan.walk_items())
    assert len(items) == 5
    # children are tagged, and a heading only by its own words
    leaf = items[1]
    assert leaf.text.startswith("坚持教职工代表大会")
    assert {h.category for h in leaf.categories} >= {"民主管理"}
    assert "校务公开" in leaf.keywords
    assert {h.category for h in items[4].categories} == {"慰问帮扶"}


def test_tag_document_keeps_an_organisation_the_parser_found():
    doc = make_doc()
    doc.plans[0].organisation = "东风中学"
    tag_document(doc)
    assert doc.plans[0].organisation == "东风中学"


def test_tag_document_on_an_empty_document():
    doc = Document(text="")
    assert tag_document(doc).plans == []


@pytest.mark.parametrize(
    ("line", "org"),
    [
        ("2023年学校工会工作计划书", None),
        ("XX小学2023年工会工作计划", "XX小学"),
        ("2023年XX小学工会工作计划", "XX小学工会"),
        ("萍乡市第二中学工会2021年工作计划", "萍乡市第二中学工会"),
        ("XX区教育工会2022年工作要点", "XX区教育工会"),
        ("小学校工会工作计划", None),
        ("2022-2023学年度育才中学德育工作计划", "育才中学"),
        ("东方红幼儿园2023学年第一学期工作计划", "东方红幼儿园"),
        ("人民医院工会2024年工作计划", None),
        ("XX县人民医院工会2024年工作计划", "XX县人民医院工会"),
        ("2021学年第二学期幼儿园工作计划", None),
        ("我校工会工作计划", None),
        # the longest body named, a community health centre's, not the street's it stands in
        ("梧桐街道社区卫生服务中心2025年健康教育工作计划", "梧桐街道社区卫生服务中心"),
        ("南湖区青少年宫2025年春季工作计划", "南湖区青少年宫"),
        # a year after the name belongs to the title (医院 there begins the plan's subject)
        ("滨江县人民医院2025年医院感染管理工作计划", "滨江县人民医院"),
        ("城关镇人民政府2025年安全生产工作要点", "城关镇人民政府"),
    ],
)
def test_organisation_from_a_title(line, org):
    assert find_in_line(line) == org


def test_organisation_is_not_taken_from_prose():
    text = "工会工作计划\n本年度，我校工会将在张店区教育工会、学校党政部门的直接领导下，认真履行工会的基本职能。\n"
    doc = Document(text=text, plans=[Plan(span=(0, len(text)), title="工会工作计划")])
    assert find_organisation(doc.plans[0], doc) is None


def test_organisation_from_a_signature_line():
    text = "工会工作计划\n一、指导思想\n以人为本。\n城关镇中心小学工会\n2023年2月\n"
    doc = Document(text=text, plans=[Plan(span=(0, len(text)), title="工会工作计划")])
    assert find_organisation(doc.plans[0], doc) == "城关镇中心小学工会"


# --- codebooks ---------------------------------------------------------------


def test_shipped_codebook_loads_and_is_cached():
    book = load_codebook()
    assert {"节日庆祝", "文体活动", "慰问帮扶", "民主管理", "学习培训", "师德建设", "健康体检", "女工工作", "财务审计",
            "档案总结", "会议", "评比表彰", "安全稳定"} <= set(book.names)
    assert load_codebook() is book


def test_cues_match_across_full_width_and_spaces():
    book = parse_codebook('["体育"]\ncues = ["运动会"]\npatterns = [\'3\\.8\']\n')
    assert [h.category for h in book.classify("秋季 运 动 会")] == ["体育"]
    assert book.classify("３．８节")[0].cues == ["3.8"]
    assert book.classify("读书") == []


def test_nested_cues_keep_the_longest():
    book = parse_codebook('["会"]\ncues = ["大会", "教职工代表大会"]\n')
    assert book.classify("召开教职工代表大会")[0].cues == ["教职工代表大会"]


def test_user_codebook_by_path(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('["读书"]\ndescription = "reading"\ncues = ["读书", "阅读"]\n\n["体育"]\ncues = ["运动会"]\n', encoding="utf-8")
    doc = tag_document(make_doc(), codebook=path)
    cats = {h.category for e in doc.plans[0].schedule for h in e.categories}
    assert cats == {"体育"}


def _error_for(tmp_path: Path, source: str) -> CodebookError:
    path = tmp_path / "bad.toml"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    assert str(path) in str(info.value)
    return info.value


def test_codebook_bad_toml_names_file_and_line(tmp_path):
    err = _error_for(tmp_path, '["好"]\ncues = ["a"]\n\n["坏"]\ncues = ["b",\n')
    assert "line 6" in str(err) or "line 5" in str(err)
    assert "invalid TOML" in str(err)


def test_codebook_missing_cues_names_the_header_line(tmp_path):
    err = _error_for(tmp_path, '# my codebook\n["好"]\ncues = ["a"]\n\n["坏"]\ndescription = "no cues"\n')
    assert "line 5" in str(err) and "'坏'" in str(err) and "cues" in str(err)


@pytest.mark.parametrize(
    ("source", "line", "words"),
    [
        ('["a"]\ncues = "体检"\n', 1, "list of strings"),
        ('["a"]\ncues = ["x"]\n["b"]\ncues = [1, 2]\n', 3, "list of strings"),
        ('["a"]\ncues = []\n', 1, "at least one"),
        ('\n["a"]\ncues = ["x"]\npatterns = ["(unclosed"]\n', 2, "regular expression"),
        ('["a"]\ncue = ["x"]\n', 1, "unknown key"),
        ('\n\nb = 3\n', 3, "must be a table"),
        ('["a"]\ncues = ["x"]\ndescription = 5\n', 1, "description"),
    ],
)
def test_codebook_semantic_errors_have_line_numbers(tmp_path, source, line, words):
    err = _error_for(tmp_path, source)
    assert f"line {line}:" in str(err)
    assert words in str(err)


def test_codebook_missing_or_empty(tmp_path):
    with pytest.raises(CodebookError, match="cannot read"):
        load_codebook(tmp_path / "nope.toml")
    err = _error_for(tmp_path, "# nothing here\n")
    assert "no categories" in str(err)


def test_codebook_error_through_tag_document(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("[[[", encoding="utf-8")
    with pytest.raises(CodebookError, match="bad.toml"):
        tag_document(make_doc(), codebook=path)


def test_codebook_cache_notices_a_changed_file(tmp_path):
    import os

    path = tmp_path / "cb.toml"
    path.write_text('["a"]\ncues = ["体检"]\n', encoding="utf-8")
    assert load_codebook(path).names == ["a"]
    path.write_text('["b"]\ncues = ["体检"]\n', encoding="utf-8")
    os.utime(path, ns=(1, 10**18))
    assert load_codebook(path).names == ["b"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not present")
def test_every_seed_schedule_activity_gets_a_category():
    book = load_codebook()
    text = (SEEDS / "001_47ac6d738d8cc271.txt").read_text(encoding="utf-8")
    schedule = text.split("三、月份工作安排")[1]
    lines = [ln.split(".", 1)[-1] for ln in schedule.splitlines() if ln and not ln.rstrip("：").endswith(("月份", "月"))]
    lines = [ln for ln in lines if len(ln) > 3 and "范文网" not in ln]
    missing = [ln for ln in lines if not book.classify(ln)]
    assert len(lines) > 30
    assert len(missing) <= 2, missing
