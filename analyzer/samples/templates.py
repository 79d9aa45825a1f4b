"""Event templates: a title with its intended label, durations and typical guests."""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.samples.model import Label, Person

__all__ = ["Template", "tpl"]


@dataclass(frozen=True)
class Template:
    """A kind of event; ``pick`` is the (min, max) number of ``guests`` to invite."""

    summary: str
    label: Label
    minutes: tuple[int, ...] = (60,)
    guests: tuple[Person, ...] = ()
    pick: tuple[int, int] | None = None
    invited: bool = False
    external: bool = False
    late: bool = False
    location: str = ""
    description: str = ""
    hours: tuple[float, float] = (8.5, 18.0)
    language: str = "en-us"


def tpl(
    summary: str,
    label: Label,
    minutes: tuple[int, ...] = (60,),
    *guests: Person,
    pick: tuple[int, int] | None = None,
    invited: bool = False,
    external: bool = False,
    late: bool = False,
    location: str = "",
    description: str = "",
    hours: tuple[float, float] = (8.5, 18.0),
    lang: str = "en-us",
) -> Template:
    """Shorthand constructor for a :class:`Template`."""
    return Template(
        summary,
        label,
        minutes,
        guests,
        pick,
        invited,
        external,
        late,
        location,
        description,
        hours,
        lang,
    )
