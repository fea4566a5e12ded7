"""planparse: Chinese work plans (工作计划) as structured data.

    >>> import planparse
    >>> doc = planparse.parse_text("2023年学校工会工作计划\\n一、指导思想：\\n以……为指导。")
    >>> doc.plans[0].sections[0].kind
    <SectionKind.GUIDING_IDEOLOGY: 'guiding_ideology'>

Heavy parts (jieba, pandas, plotting) load on first use, so ``import planparse`` stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from planparse.errors import CodebookError, InputError, PlanparseError, UnsupportedFormatError

__version__ = "0.1.0"

# name -> module that defines it; imported on first attribute access (PEP 562). The models too:
# building the pydantic classes is most of what ``import planparse`` would cost (a quarter second)
_LAZY = {
    "CalendarMonth": "planparse.models",
    "CategoryHit": "planparse.models",
    "DayRange": "planparse.models",
    "Document": "planparse.models",
    "Item": "planparse.models",
    "Plan": "planparse.models",
    "ScheduleEntry": "planparse.models",
    "Section": "planparse.models",
    "SectionKind": "planparse.models",
    "parse_text": "planparse.pipeline",
    "parse_file": "planparse.pipeline",
    "parse_bytes": "planparse.pipeline",
    "parse_files": "planparse.pipeline",
    "explain_text": "planparse.pipeline",
    "explain_file": "planparse.pipeline",
    "plans_table": "planparse.analysis.tables",
    "sections_table": "planparse.analysis.tables",
    "items_table": "planparse.analysis.tables",
    "schedule_table": "planparse.analysis.tables",
    "all_tables": "planparse.analysis.tables",
    "export_documents": "planparse.io.export",
    "ExportWriter": "planparse.io.export",
    "tag_document": "planparse.analysis.tagging",
    "find_templates": "planparse.analysis.compare",
    "month_counts": "planparse.analysis.months",
}

if TYPE_CHECKING:  # pragma: no cover
    from planparse import compare
    from planparse.analysis.compare import find_templates
    from planparse.analysis.months import month_counts
    from planparse.analysis.tables import all_tables, items_table, plans_table, schedule_table, sections_table
    from planparse.analysis.tagging import tag_document
    from planparse.io.export import ExportWriter, export_documents
    from planparse.models import (
        CalendarMonth,
        CategoryHit,
        DayRange,
        Document,
        Item,
        Plan,
        ScheduleEntry,
        Section,
        SectionKind,
    )
    from planparse.pipeline import explain_file, explain_text, parse_bytes, parse_file, parse_files, parse_text


def __getattr__(name: str) -> Any:
    if name == "compare":  # the module is callable: planparse.compare(documents)
        value = import_module("planparse.analysis.compare")
        globals()[name] = value
        return value
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'planparse' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "CalendarMonth",
    "CategoryHit",
    "DayRange",
    "CodebookError",
    "ExportWriter",
    "Document",
    "InputError",
    "Item",
    "Plan",
    "PlanparseError",
    "ScheduleEntry",
    "Section",
    "SectionKind",
    "UnsupportedFormatError",
    "all_tables",
    "compare",
    "explain_file",
    "explain_text",
    "export_documents",
    "find_templates",
    "items_table",
    "month_counts",
    "parse_bytes",
    "parse_file",
    "parse_files",
    "parse_text",
    "plans_table",
    "schedule_table",
    "sections_table",
    "tag_document",
]
