"""Fetch annual reports from EDGAR: a polite, cached, size-capped HTTP client."""
