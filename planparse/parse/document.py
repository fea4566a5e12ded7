"""The parse document: one object that owns a text and every annotation the stages add.

Like spaCy's ``Doc``: the original text, the working (normalised) text, the offset map
between them, the logical lines with their facts, and named span layers (``plans``,
``titles``, ``sections``, ``headings``, ``items``, ``entries`` …). Every annotation is a span
in working-text coordinates; :mod:`planparse.parse.build` maps them to the original text
once, where the output models are made. A stage adds its own layers and never edits
another's: :meth:`ParseDoc.add_layer` refuses a layer that is already there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from planparse.parse.normalise import WorkingText

if TYPE_CHECKING:
    from planparse.parse.features import Line


@dataclass(frozen=True, slots=True)
class Annotation:
    """A span of the working text with a label, the rule that decided it and why.

    ``data`` is the stage's own payload (a plan's lines, a section's kind, an entry's months).
    """

    start: int
    end: int
    label: str
    rule: str = ""
    evidence: tuple[str, ...] = ()
    data: Any = None


class LayerError(Exception):
    """A stage tried to write a layer that another stage (or itself) has already written."""


class ParseDoc:
    """Original text, working text, offset map, lines and named layers of one parse."""

    __slots__ = ("original", "working", "page_furniture", "_lines", "_layers", "_released")

    def __init__(self, original: str, working: WorkingText, page_furniture: Sequence[tuple[int, int]] = ()) -> None:
        self.original = original
        self.working = working
        self.page_furniture = tuple(page_furniture)  # original spans the reader knows to be furniture
        self._lines: tuple[Line, ...] | None = None
        self._layers: dict[str, tuple[Annotation, ...]] = {}
        self._released: set[str] = set()

    @property
    def text(self) -> str:
        """The working text, in whose coordinates every annotation is."""
        return self.working.text

    @property
    def lines(self) -> tuple[Line, ...]:
        if self._lines is None:
            if "lines" in self._released:
                raise LayerError("the lines are released: this parse is not kept for explaining")
            raise LayerError("the lines are not made yet: the features stage comes first")
        return self._lines

    def set_lines(self, lines: Sequence[Line]) -> None:
        if self._lines is not None or "lines" in self._released:
            raise LayerError("the lines are already set")
        self._lines = tuple(lines)

    def add_layer(self, name: str, annotations: Iterable[Annotation]) -> tuple[Annotation, ...]:
        if name in self._layers or name in self._released:
            raise LayerError(f"layer {name!r} is already set: a stage adds its own layers once")
        layer = tuple(annotations)
        self._layers[name] = layer
        return layer

    def release(self, *names: str) -> None:
        """Free layers (and ``"lines"``) that nothing will read again: a parse that is not explained
        drops each as soon as its last reader is done, so that a long plan's layers are not all
        alive beside the Document built from them. Reading a released layer is a LayerError."""
        for name in names:
            if name == "lines":
                self._lines = None
            else:
                self._layers.pop(name, None)
        self._released.update(names)

    def layer(self, name: str) -> tuple[Annotation, ...]:
        try:
            return self._layers[name]
        except KeyError:
            if name in self._released:
                raise LayerError(f"layer {name!r} is released: this parse is not kept for explaining") from None
            raise LayerError(f"no layer {name!r} yet (layers: {', '.join(self._layers) or 'none'})") from None

    def has_layer(self, name: str) -> bool:
        return name in self._layers

    @property
    def layer_names(self) -> tuple[str, ...]:
        return tuple(self._layers)

    # the one place working offsets become original ones
    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        return self.working.orig_span(start, end)

    def original_text(self, start: int, end: int) -> str:
        """The original characters of working [start, end), without what normalising cut."""
        return self.working.original(start, end, self.original)
