"""Sam Okafor, engineering manager at Contoso: an Outlook export, mostly micro."""

from __future__ import annotations

from datetime import date

from analyzer.samples.manager_cast import (
    AMELIA,
    ANA,
    BEN,
    CARMEN,
    DAVE,
    DECLINED,
    FATIMA,
    GRACE,
    HANNAH,
    HOLIDAYS,
    JULIEN,
    KIM,
    LUIS,
    MACRO,
    MEI,
    MICRO,
    OLIVER,
    OTHER,
    PRITI,
    RACHEL,
    RAJ,
    SAM,
    SQUAD,
    TARGETS,
    TEAM,
    TOM,
)
from analyzer.samples.model import WEEKS, Event, Label, Person, Persona
from analyzer.samples.planner import Planner

__all__ = ["build"]

LA, NY, LONDON = "America/Los_Angeles", "America/New_York", "Europe/London"
TRIP = {date(2026, 5, d) for d in range(11, 16)}
PTO = {date(2026, 2, 26), date(2026, 2, 27)}
WEEKDAYS = "BYDAY=MO,TU,WE,TH,FR"
ONE_ON_ONES = (  # title, report, weekday, first start
    ("Sam <> Ben weekly", BEN, "MO", "2025-08-18 10:00"),
    ("Sam / Ana 1:1", ANA, "MO", "2025-08-18 14:00"),
    ("Sam / Raj 1:1", RAJ, "TU", "2025-08-19 11:00"),
    ("Sam / Mei 1:1", MEI, "TU", "2025-08-19 15:00"),
    ("Sam / Tom 1:1", TOM, "WE", "2025-08-20 10:30"),
    ("Sam / Fatima 1:1", FATIMA, "TH", "2025-08-21 14:00"),
)


def _series(b: Planner) -> dict[str, Event]:
    """Team rituals, 1:1s, and the director's meetings written in Eastern time."""
    add, s = b.series, {}
    s["standup"] = add(
        "Payments squad standup", "micro", "2025-10-06 09:30", 15, f"WEEKLY;{WEEKDAYS}",
        SQUAD, *TEAM, location="Teams / Conf Room 4B",
    )  # fmt: skip
    s["triage"] = add("Email + Slack triage", "micro", "2026-01-05 08:30", 30, f"DAILY;{WEEKDAYS}")
    for title, report, day, first in ONE_ON_ONES:
        s[report.email] = add(title, "micro", first, 30, f"WEEKLY;BYDAY={day}", report)
    s["luis"] = add(
        "Luis / Sam 1:1", "micro", "2025-08-15 08:00", 30, "WEEKLY;BYDAY=FR", LUIS, org=LUIS
    )
    s["planning"] = add(
        "Sprint planning", "micro", "2026-01-05 13:00", 60, "WEEKLY;BYDAY=MO;INTERVAL=2",
        SQUAD, HANNAH,
    )  # fmt: skip
    s["retro"] = add(
        "Sprint retro", "micro", "2026-01-16 14:00", 60, "WEEKLY;BYDAY=FR;INTERVAL=2", SQUAD
    )
    s["refine"] = add(
        "Backlog refinement", "micro", "2026-01-07 13:00", 60, "WEEKLY;BYDAY=WE",
        SQUAD, HANNAH, org=HANNAH,
    )  # fmt: skip
    s["incident"] = add(
        "Incident review", "micro", "2025-11-05 15:00", 30, "WEEKLY;BYDAY=WE", FATIMA, TOM, RAJ
    )
    s["prs"] = add("PR review block", "micro", "2026-01-05 16:00", 60, "WEEKLY;BYDAY=MO,WE,FR")
    s["focus"] = add(
        "Focus time", "other", "2026-01-06 13:00", 120, "WEEKLY;BYDAY=TU,TH", transparent=True
    )
    s["staff"] = add(
        "Eng leadership staff", "micro", "2025-09-04 13:00", 60, "WEEKLY;BYDAY=TH",
        PRITI, OLIVER, org=RACHEL, zone=NY,
    )  # fmt: skip
    s["rachel"] = add(
        "Rachel / Sam 1:1", "micro", "2025-09-02 12:00", 30, "WEEKLY;BYDAY=TU",
        RACHEL, org=RACHEL, zone=NY,
    )  # fmt: skip
    s["platform"] = add(
        "Platform strategy working group", "macro", "2026-01-08 15:00", 60,
        "WEEKLY;BYDAY=TH;INTERVAL=2", PRITI, OLIVER, BEN, org=PRITI,
    )  # fmt: skip
    s["madrid"] = add(
        "Sincronización semanal Madrid", "micro", "2026-01-07 08:00", 30, "WEEKLY;BYDAY=WE",
        CARMEN, LUIS, org=CARMEN, language="es-es",
    )  # fmt: skip
    s["budget"] = add(
        "Monthly budget check-in", "micro", "2026-01-14 11:30", 30, "MONTHLY;BYDAY=2WE",
        JULIEN, org=JULIEN,
    )  # fmt: skip
    s["buddy"] = add(
        "Onboarding check-in: Tom", "micro", "2026-01-09 15:00", 30,
        "WEEKLY;BYDAY=FR;UNTIL=2026-02-27 15:00", TOM,
    )  # fmt: skip
    s["pci"] = add(
        "PCI audit prep", "micro", "2026-03-03 16:00", 60, "WEEKLY;BYDAY=TU;COUNT=6",
        TOM, FATIMA, HANNAH, alarm=True,
    )  # fmt: skip
    s["guild"] = add(
        "Canceled: Guild sync – backend", "micro", "2026-01-08 11:00", 30, "WEEKLY;BYDAY=TH",
        BEN, RAJ, OLIVER, org=BEN, status="CANCELLED",
    )  # fmt: skip
    for key, master in s.items():
        b.exclude_days(master, set(HOLIDAYS))
        if key in ("triage", "prs", "focus", "incident", "refine", "madrid", "platform"):
            b.exclude_days(master, TRIP)
    return s


def _overrides(b: Planner, s: dict[str, Event]) -> None:
    """Trip-week changes, a moved planning session and a few one-off answers."""
    b.cancel(s[BEN.email], "2026-05-11 10:00")
    b.cancel(s[ANA.email], "2026-05-11 14:00")
    b.cancel(s[MEI.email], "2026-05-12 15:00")
    b.cancel(s[FATIMA.email], "2026-05-14 14:00")
    b.cancel(s[TOM.email], "2026-02-25 10:30")
    b.cancel(s["standup"], "2026-03-27 09:30", "2026-05-15 09:30")
    b.cancel(s["planning"], "2026-05-11 13:00")
    b.cancel(s["luis"], "2026-05-15 08:00")
    b.cancel(s["budget"], "2026-05-13 11:30")
    b.decline(s[RAJ.email], "2026-05-12 11:00")
    b.decline(s["staff"], "2026-05-14 13:00")
    b.decline(s["rachel"], "2026-05-12 12:00")
    b.override(s["staff"], "2026-04-02 13:00", owner_status="TENTATIVE")
    b.override(s["planning"], "2026-03-02 13:00", start="2026-03-03 13:00", minutes=90)
    b.override(s[RAJ.email], "2026-02-10 11:00", start="2026-02-12 16:30")


def _specials(b: Planner) -> None:
    """Holidays, PTO, the London trip, client-prefixed titles and a cancelled meeting."""
    add = b.add
    for day, title in HOLIDAYS.items():
        b.all_day(title, "other", day)
    b.all_day("PTO – ski trip", "other", "2026-02-26", 2, transparent=False)
    b.all_day("Payments Summit (virtual)", "other", "2026-04-22")
    add("FW: Architecture review: ledger v2", "micro", "2026-01-14 14:00", 60, BEN, RAJ, MEI)
    add(
        "RE: Tech strategy: build vs buy feature flags", "macro", "2026-02-04 11:00", 60,
        PRITI, DAVE, org=PRITI,
    )  # fmt: skip
    add(
        "[EXTERNAL] LaunchPad Flags vendor demo", "micro", "2026-03-11 14:00", 60,
        DAVE, BEN, org=DAVE, use_duration=True,
    )  # fmt: skip
    add("Accepted: Spec review: ledger API", "micro", "2026-04-09 11:00", 60, BEN, HANNAH, org=BEN)
    add(
        "Updated invitation: Platform vision workshop", "macro", "2026-06-11 11:00", 120,
        PRITI, RACHEL, org=PRITI,
    )  # fmt: skip
    add(
        "Canceled: Architecture review board", "micro", "2026-03-19 11:00", 60,
        PRITI, BEN, org=PRITI, status="CANCELLED",
    )  # fmt: skip
    add(
        "Q3 headcount planning", "macro", "2026-06-16 15:00", 60,
        RACHEL, PRITI, org=RACHEL, zone=NY, use_duration=True,
    )  # fmt: skip
    add(
        "Escalation: Tailspin Toys refunds", "micro", "2026-01-22 16:30", 30, KIM, HANNAH, late=True
    )
    add(
        "Security review: vendor access", "micro", "2026-06-24 14:00", 60, PRITI,
        org=PRITI, owner_status="NEEDS-ACTION",
    )  # fmt: skip
    add("Candidate debrief: SRE", "micro", "2026-03-05 14:00", 30, GRACE, FATIMA, org=GRACE)


def _london(b: Planner) -> None:
    """The London office week: flights across zones and meetings in GMT Standard Time."""
    add, room = b.add, "Canada Square 7.02"
    b.all_day(
        "London office visit", "other", "2026-05-11", 5, location="Contoso UK, 1 Canada Square"
    )
    add(
        "Flight BA 48 SEA → LHR", "other", "2026-05-10 18:50", 0,
        end="2026-05-11 12:40", end_tz=LONDON, location="SEA", alarm=True,
    )  # fmt: skip
    meetings: tuple[tuple[str, Label, str, int, tuple[Person, ...]], ...] = (
        ("London team intro ☕", "other", "2026-05-11 15:00", 60, (AMELIA,)),
        ("Oliver / Sam 1:1", "micro", "2026-05-12 10:00", 30, ()),
        ("Team workshop: incident process", "micro", "2026-05-12 11:30", 60, (AMELIA, FATIMA)),
        ("Org design: London platform team", "macro", "2026-05-12 14:00", 60, (RACHEL,)),
        ("Hiring debrief: London SRE", "micro", "2026-05-13 10:00", 60, (GRACE,)),
        ("Sprint demo: London squad", "micro", "2026-05-13 13:00", 60, (AMELIA,)),
        ("Skip-levels: London engineers", "micro", "2026-05-13 15:00", 120, (AMELIA,)),
        ("Team dinner @ Dishoom", "other", "2026-05-13 19:00", 150, (AMELIA,)),
        ("EMEA platform strategy offsite", "macro", "2026-05-14 09:30", 150, (PRITI, AMELIA)),
    )
    for title, label, start, minutes, guests in meetings:
        add(title, label, start, minutes, OLIVER, *guests, org=OLIVER, zone=LONDON, location=room)
    add(
        "Flight BA 49 LHR → SEA", "other", "2026-05-15 14:20", 0,
        zone=LONDON, end="2026-05-15 16:10", end_tz=LA, location="Heathrow T5",
    )  # fmt: skip


def build() -> Persona:
    """Build Sam's calendar."""
    b = Planner("outlook", SAM, LA, seed=20260106)
    b.off_days |= set(HOLIDAYS) | TRIP | PTO
    series = _series(b)
    _overrides(b, series)
    _specials(b)
    _london(b)
    b.freeze()
    for week in range(WEEKS):
        if week_days := b.work_days(week):
            hours = 24.0 * len(week_days) / 5
            b.fill_week(week, TARGETS[week], hours, {"macro": MACRO, "micro": MICRO})
        b.sprinkle(week, OTHER, 1 + week % 2)
        if week % 3 == 0:
            b.decline_over(week, DECLINED)
    role = "Engineering manager, Contoso"
    return Persona("manager", "manager_outlook.ics", "outlook", SAM, LA, role, "", b.events)
