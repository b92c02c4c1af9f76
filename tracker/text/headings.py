"""What a sub-heading of a disclosure looks like ("Risk Management and Strategy", "Cybersecurity Governance").

The untagged reader files a section's sub-headings apart from its statements (their words pick the element the
paragraphs under them go to), the redline shows them as headings, and the significance of a wording change
holds a heading that came, went or was reworded to be no change of substance: one test for all three.
"""

from __future__ import annotations

#: Longest line taken as the heading of a sub-section.
MAX_HEADING_WORDS = 12
#: Short words a title-case heading leaves in lower case.
_SMALL_WORDS = frozenset(
    {"and", "of", "the", "for", "to", "in", "on", "a", "an", "with", "our", "&", "its", "by"}
)


def is_subheading(paragraph: str) -> bool:
    """A short line without final punctuation: a sub-heading such as "Risk Management and Strategy"."""
    text = paragraph.strip()
    if not text or text.startswith("\u2022") or text[-1] in ".;,!?\"'" or len(text) > 100:
        return False
    words = text.rstrip(":").split()
    if len(words) > MAX_HEADING_WORDS or not words[0][:1].isupper():
        return False
    caps = sum(1 for w in words if w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha())
    return caps == len(words) or text.isupper() or (len(words) <= 5 and not text.endswith(":"))
