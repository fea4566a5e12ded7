"""planparse's own exceptions. The command line turns each into one line on stderr."""

from __future__ import annotations


class PlanparseError(Exception):
    """Base class: anything planparse refuses, with the file it concerns."""

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InputError(PlanparseError):
    """The input cannot be read: missing, empty, binary, too large, undecodable, corrupt."""


class UnsupportedFormatError(InputError):
    """An extension or file kind planparse does not read (old .doc, unknown extension)."""


class CodebookError(PlanparseError):
    """A user-supplied codebook or vocabulary file has an error."""


class OutputError(PlanparseError):
    """An output file cannot be written: its folder is missing or read-only, the disk is full."""
