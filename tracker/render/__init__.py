"""Say what changed: terminal text, Markdown, JSON, HTML, Word with tracked changes, PDF."""
