"""Research outputs over parsed Documents: tables, month counts, plots, comparison, diff, tagging."""
