"""The structure parser: a pipeline of small stages over one parse document (see structure.py)."""
