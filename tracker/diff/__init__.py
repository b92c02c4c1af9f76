"""Compare two disclosures: sentence alignment, word diff, similarity, significance, redline."""
