"""Text as every stage sees it: normalisation (form is no change), paragraphs, sentences."""
