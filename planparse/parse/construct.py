"""Output models built from the parser's own values, without validation or pydantic's per-call bookkeeping.

``pydantic.BaseModel.model_construct`` looks up aliases and defaults field by field on every call;
for the thousands of items and entries of a corpus that was a third of building a Document.
``construct`` does the same for planparse's models (no aliases, no post-init hooks) from a
per-class table of defaults computed once, and falls back to ``model_construct`` for any model
that has either.
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

Model = TypeVar("Model", bound=BaseModel)


@cache
def _defaults(cls: type[BaseModel]) -> tuple[tuple[str, Any, Any], ...] | None:
    """(name, default factory, default) of each optional field; None when the fast path does not apply."""
    if cls.__pydantic_post_init__ or cls.__pydantic_root_model__ or cls.model_config.get("extra") == "allow":
        return None
    out = []
    for name, field in cls.__pydantic_fields__.items():
        if field.alias is not None or field.validation_alias is not None:
            return None
        if not field.is_required():
            out.append((name, field.default_factory, field.default))
    return tuple(out)


def construct(cls: type[Model], **values: Any) -> Model:
    """``cls.model_construct(**values)``, faster: trusted values, defaults for the fields not given."""
    defaults = _defaults(cls)
    if defaults is None:
        return cls.model_construct(**values)
    fields_set = set(values)
    for name, factory, default in defaults:
        if name not in values:
            # immutable defaults only in planparse's models (mutable ones use a factory)
            values[name] = factory() if factory is not None else default
    m = cls.__new__(cls)
    object.__setattr__(m, "__dict__", values)
    object.__setattr__(m, "__pydantic_fields_set__", fields_set)
    object.__setattr__(m, "__pydantic_extra__", None)
    object.__setattr__(m, "__pydantic_private__", None)
    return m
