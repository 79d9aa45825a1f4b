"""Title cleaning shared by training and prediction: the noise clients add carries no meaning."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_title"]

# Prefixes that mail and calendar clients put before a title, in the languages we support.
_PREFIXES = (
    r"updated invitation(?: with note)?|invitation(?: from google calendar)?|new event|"
    r"updated event|event (?:updated|canceled|cancelled)|"
    r"accepted|declined|tentative(?:ly accepted)?|canceled(?: event)?|cancelled(?: event)?|"
    r"fwd?|re|aw|wg|tr|rv|sv|vs|enc|"
    r"aktualisierte einladung|einladung|abgesagt|angenommen|abgelehnt|mit vorbehalt angenommen|"
    r"invitation mise à jour|annulé|annulation|accepté|refusé|provisoire|"
    r"invitación(?: actualizada)?|cancelado|cancelada|aceptado|aceptada|rechazado|rechazada"
)
_PREFIX = re.compile(rf"^\s*(?:(?:{_PREFIXES})\s*:\s*)", re.IGNORECASE)
_TAG = re.compile(r"^\s*\[(?:external|ext|extern|externe|externo|external sender)\]\s*", re.I)
# Google appends "@ Mon Mar 2, 2026 10am - 11am (EST) (someone@example.com)" to invitations.
_GOOGLE_WHEN = re.compile(
    r"\s@\s(?:mon|tue|wed|thu|fri|sat|sun|weekly|daily|every)\b.*$", re.IGNORECASE
)
_TICKET = re.compile(r"\b[A-Z][A-Z0-9]{1,9}-\d{1,7}\b|(?<!\w)#\d{2,7}\b")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_SPACE = re.compile(r"\s+")
_EDGE = re.compile(r"^[\s\-–—:|/·•,.;]+|[\s\-–—:|/·•,;]+$")
_DROP_CATEGORIES = frozenset({"So", "Sk", "Cs", "Co", "Cn", "Cf", "Mn"})


def clean_title(title: str) -> str:
    """Strip client prefixes, emoji, ticket ids and noise; lower-case and normalise spaces.

    Example:
        >>> clean_title("Updated invitation: FW: [EXTERNAL] 🚀 Board prep JIRA-4821")
        'board prep ticketref'
        >>> clean_title("  Réunion   d'équipe ☕ ")
        "réunion d'équipe"
    """
    text = title if title.isascii() else _drop_symbols(unicodedata.normalize("NFKC", title))
    # Each pattern only runs when its tell-tale character is present: this is a hot path.
    if "@" in text:
        text = _EMAIL.sub(" ", _GOOGLE_WHEN.sub("", text))
    if "-" in text or "#" in text:
        text = _TICKET.sub(" ticketref ", text)
    previous = None
    while previous != text and (":" in text or "[" in text):
        previous = text
        text = _TAG.sub("", _PREFIX.sub("", text))
    text = _SPACE.sub(" ", text.casefold())
    return _EDGE.sub("", text).strip()


def _drop_symbols(text: str) -> str:
    """Emoji and other symbols become spaces (ASCII titles never reach this slow path)."""
    return "".join(" " if unicodedata.category(ch) in _DROP_CATEGORIES else ch for ch in text)
