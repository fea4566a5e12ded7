"""Input and output: readers (bytes → text), export (tables → files), rendering (outline, JSON)."""
