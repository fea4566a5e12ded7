"""Loads the vocabularies in planparse/data/ once, compiled, for the stages that need them."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from planparse.parse.gate import AnchoredAny, GatedSearch


def _load(name: str) -> dict:
    with resources.files("planparse.data").joinpath(name).open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True)
class SectionCues:
    kind: str
    cues: tuple[str, ...]
    exceptions: tuple[str, ...]
    ambiguous: tuple[str, ...]
    patterns: GatedSearch | None  # cues with words between their parts: 每月主要开展的活动


@cache
def section_cues() -> tuple[SectionCues, ...]:
    data = _load("sections.toml")
    return tuple(
        SectionCues(
            kind=k["name"],
            cues=tuple(k.get("cues", ())),
            exceptions=tuple(k.get("exceptions", ())),
            ambiguous=tuple(k.get("ambiguous", ())),
            patterns=GatedSearch(re.compile("|".join(f"(?:{x})" for x in k["patterns"]))) if k.get("patterns") else None,
        )
        for k in data["kind"]
    )


@dataclass(frozen=True)
class SectionWords:
    bare_labels: frozenset[str]  # an unnumbered line that is only one of these labels a paragraph
    heading_suffixes: tuple[str, ...]  # words a heading may end with after its cue noun (表, 如下)
    joining_words: str  # characters joining two parts in one heading
    joined_part_nouns: frozenset[str]  # 任务, 要求 …: a heading's second part after a joining word
    annex_labels: frozenset[str]
    heading_brackets: dict[str, str]  # opening bracket → its closing one
    period_heading_endings: tuple[str, ...]  # 安排, 日程 …: a schedule heading over a month list
    head_nouns_after_de: tuple[str, ...]  # 措施, 目标 …: a heading's head noun after 的, however long the heading
    guiding_companions: frozenset[str]  # 工作原则 …: guiding parts beside the guiding line, never opening a plan
    mid_sentence_openers: tuple[str, ...]  # 的, ，…: a line opening so goes on with a sentence begun elsewhere
    work_area_verbs: tuple[str, ...]  # 加强, 健全 …: a heading opening so names a work area, its cue the verb's object


@cache
def section_words() -> SectionWords:
    data = _load("sections.toml")
    return SectionWords(
        bare_labels=frozenset(data.get("bare_labels", ())),
        heading_suffixes=tuple(data.get("heading_suffixes", ())),
        joining_words="".join(data.get("joining_words", ())),
        joined_part_nouns=frozenset(data.get("joined_part_nouns", ())),
        annex_labels=frozenset(data.get("annex_labels", ())),
        heading_brackets={pair[0]: pair[1] for pair in data.get("heading_brackets", ())},
        period_heading_endings=tuple(data.get("period_heading_endings", ())),
        head_nouns_after_de=tuple(data.get("head_nouns_after_de", ())),
        guiding_companions=frozenset(data.get("guiding_companions", ())),
        mid_sentence_openers=tuple(data.get("mid_sentence_openers", ())),
        work_area_verbs=tuple(data.get("work_area_verbs", ())),
    )


@dataclass(frozen=True)
class Furniture:
    max_line_chars: int
    link_list_heading: re.Pattern
    link_max_chars: int
    link_title_addons: tuple[str, ...]  # 范文, 大全 …: what a link's title may end with after its plan word
    toc_heading: re.Pattern  # 本文目录一览：: the titles of the page's plans follow
    comment_box_heading: re.Pattern  # 网友评论, 评论（3）: readers' comments follow
    comment_stamp: re.Pattern  # 游客8841 2025-03-02 10:21: a reader's comment follows
    comment_actions: re.Pattern  # 回复 点赞(3): under a reader's comment
    comment_actions_within: int  # lines after a stamp in which its comment's actions confirm it
    inline_break: re.Pattern
    inline_site_name: re.Pattern  # 【XX范文】 glued into a line: cut when normalising
    url_domains: tuple[str, ...]  # the top-level domains an address's host ends with (com, cn …)
    inline_url: re.Pattern  # a site's address glued into a line (……以上。www.xx.com): cut as a watermark …
    inline_url_after: re.Pattern  # ... where a sentence's end stands before it
    disclosure_field: re.Pattern  # 索引号：…, 发布机构 | …: a field of a 政府信息公开 page's card
    disclosure_beside: re.Pattern  # 公开方式：…: a card's field only beside a sure one
    disclosure_key: re.Pattern  # 索引号 alone on its line: a card cell, its value on the next line
    disclosure_sure_key: re.Pattern  # ... one of the sure fields
    disclosure_window: int
    breadcrumb_separator: re.Pattern  # 首页 > 工作计划 > …: between a page's breadcrumbs
    # the patterns that start with ^, and the comment box's and disclosure card's lines (matched at
    # the line start too): tried together, by the line's first character
    anchored: AnchoredAny
    floating: GatedSearch  # the others, searched (where a character that can start one stands)

    def is_furniture(self, line: str) -> bool:
        if len(line) > self.max_line_chars:
            return False
        return self.anchored.matches(line) or self.floating.search(line) is not None


def _field_keys(keys: list[str]) -> str:
    """The alternation of ``keys``, whose characters may stand apart (索 引 号, 文　　号: a card laid
    out to a fixed width)."""
    return "|".join(sorted((r"\s*".join(map(re.escape, k)) for k in keys), key=len, reverse=True))


@cache
def variant_words() -> dict[str, str]:
    """Another region's spelling of a word → the simplified spelling the vocabularies use (计画 → 计划)."""
    words = dict(_load("variants.toml")["words"])
    assert all(len(k) == len(v) for k, v in words.items()), "a variant must keep the word's length"
    return words


@cache
def furniture() -> Furniture:
    data = _load("furniture.toml")
    anchored = [p[1:] for p in data["line"] if p.startswith("^")]
    floating = [p for p in data["line"] if not p.startswith("^")]
    # stdlib re: these patterns need nothing from `regex`, and re searches them twice as fast;
    # anchored patterns apart, so that a long body line is scanned by the few floating ones only
    disclosure_field = re.compile(r"^[|\s]*(?:" + _field_keys(data["disclosure_fields"]) + r")\s*[:：|]")
    at_line_start = [*anchored, data["comment_box_heading"], data["comment_actions"], data["comment_stamp"],
                     disclosure_field.pattern]
    return Furniture(
        data["max_line_chars"],
        re.compile(data["link_list_heading"]),
        data["link_max_chars"],
        tuple(data["link_title_addons"]),
        re.compile(data["toc_heading"]),
        re.compile(data["comment_box_heading"]),
        re.compile(data["comment_stamp"]),
        re.compile(data["comment_actions"]),
        data["comment_actions_within"],
        re.compile(data["inline_break"]),
        re.compile(data["inline_site_name"]),
        tuple(data["url_domains"]),
        re.compile(data["inline_url"].replace("{url_domains}", "|".join(map(re.escape, data["url_domains"])))),
        re.compile(data["inline_url_after"]),
        # a key then its colon or a table's bar, the value after it; or a key alone (one cell a line)
        disclosure_field,
        re.compile(r"^[|\s]*(?:" + _field_keys(data["disclosure_fields_beside"]) + r")\s*[:：|]"),
        re.compile(r"[|\s]*(?:" + _field_keys(data["disclosure_fields"] + data["disclosure_fields_beside"]) + r")\s*[:：|]?\s*"),
        re.compile(r"[|\s]*(?:" + _field_keys(data["disclosure_fields"]) + r")\s*[:：|]?\s*"),
        data["disclosure_window"],
        re.compile(data["breadcrumb_separator"]),
        AnchoredAny(at_line_start),
        GatedSearch(re.compile("|".join(f"(?:{p})" for p in floating))),
    )


@dataclass(frozen=True)
class PlanVocab:
    separator: GatedSearch
    title_endings: tuple[str, ...]
    title_subjects: tuple[str, ...]
    title_not_opening: tuple[str, ...]
    title_generic_subjects: tuple[str, ...]
    title_category_subjects: tuple[str, ...]  # longest first: a title of these alone is a category label
    title_addons_leading: re.Pattern
    # both searched once per title-shaped line, their branches anchored at its end: gated, as re would
    # try every branch at every position of the line
    title_addons_trailing: GatedSearch
    title_trailing_date: GatedSearch  # the date the plan was written, after its title on the title line
    title_quotes: tuple[str, ...]  # pairs of quotation marks a title may be written in (《》, “”)
    title_trailing_note: re.Pattern  # a note in brackets after a title (（征求意见稿）, 【修订稿】)
    other_document_title: re.Pattern  # the title of a document that is no plan (工作总结, 通知)
    plan_words: tuple[str, ...]
    guiding_window: int
    guiding_opener: re.Pattern
    addressee: re.Pattern  # 各班级、各位家长：: whom a notice addresses, its first line under its title
    look_back_opener: re.Pattern  # 一年来，……: a 总结's first paragraph under its title
    guiding_line: re.Pattern
    retrospect_opener: re.Pattern  # a paragraph looking back on the work before the plan (一年来，…)
    paragraph_year: re.Pattern  # the year a paragraph opens with (2025年，…)
    title_year: regex.Pattern
    title_time_words: tuple[str, ...]  # a title's first part on a line of its own states the plan's time
    title_time_year: re.Pattern
    title_year_range: re.Pattern  # a range of calendar years in a title (2025—2027年): no one year
    opening_year: regex.Pattern
    opening_year_chars: int
    signature: regex.Pattern
    signer_endings: tuple[str, ...]  # a short line above the closing date signs the plan when it ends in one
    signer_with_names: regex.Pattern  # a unit, then who wrote the plan (英语组 张丽), above the closing date
    closing_unit: regex.Pattern  # a unit's name signing a plan's last lines (no date under it)
    closing_people: regex.Pattern  # people signing a plan's last lines by role (班主任:…, 小一班 X老师)
    closing_opener: re.Pattern
    list_bullets: str  # bullets leading a list's entries (▲…): a title-shaped line after one is its next entry


@cache
def plan_vocab() -> PlanVocab:
    d = _load("plans.toml")
    return PlanVocab(
        separator=GatedSearch(re.compile("|".join(f"(?:{p})" for p in d["separators"]))),
        title_endings=tuple(d["title_endings"]),
        title_subjects=tuple(d["title_subjects"]),
        title_not_opening=tuple(d["title_not_opening"]),
        title_generic_subjects=tuple(d["title_generic_subjects"]),
        title_category_subjects=tuple(sorted(d["title_category_subjects"], key=len, reverse=True)),
        title_addons_leading=re.compile("|".join(f"(?:{p})" for p in d["title_addons_leading"])),
        title_addons_trailing=GatedSearch(re.compile("|".join(f"(?:{p})" for p in d["title_addons_trailing"]))),
        title_trailing_date=GatedSearch(re.compile(d["title_trailing_date"])),
        title_quotes=tuple(d["title_quotes"]),
        title_trailing_note=re.compile(d["title_trailing_note"]),
        other_document_title=re.compile("|".join(f"(?:{p})" for p in d["other_document_titles"])),
        plan_words=tuple(d["plan_words"]),
        guiding_window=d["guiding_window"],
        addressee=re.compile(d["addressee"]),
        look_back_opener=re.compile(d["look_back_opener"]),
        guiding_opener=re.compile("|".join(f"(?:{p})" for p in d["guiding_openers"])),
        guiding_line=re.compile(d["guiding_line"]),
        retrospect_opener=re.compile(d["retrospect_openers"]),
        paragraph_year=re.compile(d["paragraph_year"]),
        title_year=regex.compile(d["title_year"]),
        title_time_words=tuple(d["title_time_words"]),
        title_time_year=re.compile(d["title_time_year"]),
        title_year_range=re.compile(d["title_year_range"]),
        opening_year=regex.compile(d["opening_year"]),
        opening_year_chars=d["opening_year_chars"],
        signature=regex.compile(d["signature"]),
        signer_endings=tuple(d["signer_last_chars"]) + tuple(d["signer_last_words"]),
        signer_with_names=regex.compile(d["signer_with_names"]),
        closing_unit=regex.compile(d["closing_unit"]),
        closing_people=regex.compile("|".join(f"(?:{p})" for p in d["closing_people"])),
        closing_opener=re.compile(d["closing_openers"]),
        list_bullets=d["list_bullets"],
    )


@dataclass(frozen=True)
class MonthVocab:
    numerals: dict[str, int]
    roc_year_offset: int  # 民国114年 → 114 + 1911 = 2025
    roc_year_number: str  # the pattern of a three-digit ROC year (1[0-4]\d)
    roc_era: tuple[str, ...]  # 中华民国, 民国: the words before a year of that calendar
    list_joiners: tuple[str, ...]
    range_joiners: tuple[str, ...]
    date_followers: regex.Pattern
    date_followers_tight: regex.Pattern  # only with no space after the month
    month_parts: tuple[str, ...]
    label_lead_words: tuple[str, ...]
    next_year_words: tuple[str, ...]
    date_row_suffixes: tuple[str, ...]
    term_phases: tuple[str, ...]
    phase_words: tuple[str, ...]
    ordinal_phases: tuple[str, ...]  # regular expressions
    phase_name_max_chars: int
    month_name_endings: tuple[str, ...]  # 开学季, 感恩月: a name the month is given after its label
    month_name_max_chars: int
    festivals: dict[str, int]
    undated_periods: tuple[str, ...]  # 春节, 暑期: periods with no fixed month
    festival_suffixes: tuple[str, ...]  # 前后, 期间: nearness after a festival's name
    table_columns: dict[str, str]  # header word → the role of its column (month, activity, responsible …)
    header_split: re.Pattern  # the characters that join two header words in one cell (月份、主题)
    role_suffixes: dict[str, str]
    role_suffix_max_chars: int
    unit_words: tuple[str, ...]  # 单元, 章 …: 第二单元 labels the cell's words after it
    unknown_cells_max_share: float
    row_header_words: frozenset[str]  # 项目, 类别: the corner cell of a table laid across the months
    row_header_split: re.Pattern
    period_fallback_roles: tuple[str, ...]  # deadline: dates a table's rows where no period column does
    deadline_verbs: tuple[str, ...]  # 完成 in 3月底前完成
    # a table without its header row: a names column's cells end so (工会办公室, 各班主任), or open
    # so where they name who takes part (全体教师)
    name_endings: tuple[str, ...]
    activity_endings: tuple[str, ...]
    participant_openers: tuple[str, ...]
    label_fillers: frozenset[str]
    label_lead_ins: tuple[str, ...]  # 以下, 如下: a phrase announcing the month's list (主要做好以下工作：)
    period_header: re.Pattern
    yearlong_label: re.Pattern  # 全年：…, 长期坚持：…: a period's label that names no month
    quarter_numerals: dict[str, int]
    half_years: dict[str, int]  # 上半年 → 1, 下半年 → 2
    reference_labels: frozenset[str]
    theme_labels: frozenset[str]
    detail_labels: frozenset[str]  # field labels of a month's details (学习形式, 负责人, 地点 …)
    list_note: re.Pattern  # 以上各项活动: a sentence on the month list as a whole, no activity's words
    label_theme_words: tuple[str, ...]
    subheading_max_chars: int
    record_name_fields: tuple[str, ...]
    record_time_fields: tuple[str, ...]
    lunar_numerals: frozenset[str]  # 正, 腊: a lunar month in running text (正月十五), no calendar month

    def column_roles(self, cell: str) -> tuple[str, ...] | None:
        """The roles a header cell names (月份、主题 → month, theme), or None when it is no header cell."""
        role = self.table_columns.get(cell)
        if role is not None:
            return (role,)
        if self.header_split.search(cell) is not None:
            parts = [x for x in self.header_split.split(cell) if x]
            if len(parts) >= 2 and all(x in self.table_columns for x in parts):
                return tuple(self.table_columns[x] for x in parts)
        if len(cell) <= self.role_suffix_max_chars:
            for suffix, suffix_role in self.role_suffixes.items():
                if cell.endswith(suffix):
                    return (suffix_role,)
        return None

    def names_rows(self, cell: str) -> bool:
        """The corner cell of a table laid across the months (项目, 项目/月份): it names what the rows are."""
        parts = [x for x in self.row_header_split.split(cell) if x]
        return bool(parts) and all(x in self.row_header_words for x in parts)

    def header_roles(self, cells: Sequence[str], *, barred: bool) -> list[tuple[str, ...]] | None:
        """The roles of a header row's cells, or None when the row is no header.

        Every cell must name a column, except in a row written with bars (``barred``): there a
        share of cells up to ``unknown_cells_max_share`` may name none (role ``()``) when the others
        name a period and an activity column."""
        roles = [self.column_roles(c) for c in cells]
        if all(r is not None for r in roles):
            return [r for r in roles if r is not None]
        if not barred or sum(r is None for r in roles) > self.unknown_cells_max_share * len(roles):
            return None
        named = {x for r in roles if r is not None for x in r}
        if "activity" not in named or not named & {"month", "week", "dates"}:
            return None
        return [r if r is not None else () for r in roles]


@cache
def month_vocab() -> MonthVocab:
    d = _load("months.toml")
    return MonthVocab(
        numerals=dict(d["numerals"]),
        roc_year_offset=int(d["roc_year_offset"]),
        roc_year_number=d["roc_year_number"],
        roc_era=tuple(d["roc_era"]),
        list_joiners=tuple(d["list_joiners"]),
        range_joiners=tuple(d["range_joiners"]),
        date_followers=regex.compile("^(?:" + "|".join(d["date_followers"]) + ")"),
        date_followers_tight=regex.compile("^(?:" + "|".join(d["date_followers_tight"]) + ")"),
        month_parts=tuple(d["month_parts"]),
        label_lead_words=tuple(d["label_lead_words"]),
        next_year_words=tuple(d["next_year_words"]),
        date_row_suffixes=tuple(d["date_row_suffixes"]),
        term_phases=tuple(d["term_phases"]),
        phase_words=tuple(d["phase_words"]),
        ordinal_phases=tuple(d["ordinal_phases"]),
        phase_name_max_chars=d["phase_name_max_chars"],
        month_name_endings=tuple(d["month_name_endings"]),
        month_name_max_chars=d["month_name_max_chars"],
        festivals=dict(d["festivals"]),
        undated_periods=tuple(d["undated_periods"]),
        festival_suffixes=tuple(d["festival_suffixes"]),
        table_columns={word: role for role, words in d["table_columns"].items() for word in words},
        header_split=re.compile("[" + re.escape("".join(d["table"]["header_joiners"])) + "]"),
        role_suffixes=dict(d["table"]["role_suffixes"]),
        role_suffix_max_chars=d["table"]["role_suffix_max_chars"],
        unit_words=tuple(d["table"]["unit_words"]),
        unknown_cells_max_share=d["table"]["unknown_cells_max_share"],
        row_header_words=frozenset(d["table"]["row_header_words"]),
        row_header_split=re.compile("[" + re.escape("".join(d["table"]["row_header_joiners"])) + "]+"),
        period_fallback_roles=tuple(d["table"]["period_fallback_roles"]),
        deadline_verbs=tuple(d["table"]["deadline_verbs"]),
        name_endings=tuple(d["table_headerless"]["name_endings"]),
        activity_endings=tuple(d["table_headerless"]["activity_endings"]),
        participant_openers=tuple(d["table_headerless"]["participant_openers"]),
        label_fillers=frozenset(d["label_fillers"]),
        label_lead_ins=tuple(d["label_lead_ins"]),
        period_header=re.compile(d["period_headers"]),
        yearlong_label=re.compile(r"^(?:" + "|".join(map(re.escape, sorted(d["yearlong_periods"], key=len, reverse=True)))
                                 + r")\s*[:：]"),
        quarter_numerals=dict(d["quarter_numerals"]),
        half_years=dict(d["half_years"]),
        reference_labels=frozenset(d["reference_labels"]),
        theme_labels=frozenset(d["theme_labels"]),
        detail_labels=frozenset(d["detail_labels"])
        | {word for role, words in d["table_columns"].items() if role in d["detail_column_roles"] for word in words},
        list_note=re.compile(d["list_note"]),
        label_theme_words=tuple(d["label_theme_words"]),
        subheading_max_chars=d["subheading_max_chars"],
        record_name_fields=tuple(d["record_name_fields"]),
        record_time_fields=tuple(d["record_time_fields"]),
        lunar_numerals=frozenset(d["lunar_numerals"]),
    )


@dataclass(frozen=True)
class Glyphs:
    """The lookalike characters of pasted copies (data/glyphs.toml), as fold pairs and classes."""

    folds: dict[str, str]  # one character → the plain one it stands for, anywhere in the text
    line_breaks: str  # characters that end a line as "\n" does
    bullet_letters: str  # Latin characters that are a symbol font's bullet where they open a line
    dash_between_digits: str  # a numeral typed for a dash between two Arabic numbers
    one_lookalikes: str  # letters typed or scanned for the digit 1 in a line's opening marker
    heading_mark: str  # Markdown's mark of a heading line (### 二、主要工作)
    emphasis: tuple[str, ...]  # Markdown's delimiters around bold words (**一、指导思想**)


@cache
def glyphs() -> Glyphs:
    data = _load("glyphs.toml")
    folds = {ch: "·" for ch in data["bullets"]}
    first, last = data["private_use_bullets"]
    folds.update({chr(code): "·" for code in range(first, last + 1)})
    for plain, lookalikes in data["dashes"].items():
        folds.update({ch: plain for ch in lookalikes})
    folds.update({ch: ":" for ch in data["marks"]["colons"]})
    breaks = "".join(data["line_breaks"])
    folds.update({ch: "\n" for ch in breaks})
    return Glyphs(folds=folds, line_breaks=breaks, bullet_letters=data["bullet_letters"],
                  dash_between_digits=data["marks"]["dash_between_digits"], one_lookalikes=data["marks"]["one_lookalikes"],
                  heading_mark=data["markup"]["heading_mark"], emphasis=tuple(data["markup"]["emphasis"]))
