"""Dana Reyes, CEO of Northwind: a Google Calendar export whose macro share drifts and recovers."""

from __future__ import annotations

from datetime import date

from analyzer.samples.builder import at
from analyzer.samples.ceo_cast import (
    AISHA,
    BEN,
    CARL,
    CLAIRE,
    CRISIS,
    DANA,
    DECLINED,
    ELENA,
    EVERYONE,
    EXECS,
    HANNAH,
    HIRING,
    HOLIDAYS,
    JORDAN,
    MACRO,
    MARCUS,
    MICRO,
    NINA,
    OTHER,
    PRIYA,
    ROSA,
    TARGETS,
    TOMAS,
    WILL,
)
from analyzer.samples.ceo_events import london, specials
from analyzer.samples.model import WEEKS, Event, Persona
from analyzer.samples.planner import Planner
from analyzer.samples.templates import Template

__all__ = ["build"]

NY, LONDON = "America/New_York", "Europe/London"
LONDON_DAYS = {date(2026, 6, d) for d in range(1, 5)}
OFF_DAYS = {date(2026, 1, 14), date(2026, 1, 15), date(2026, 2, 24), date(2026, 5, 20)}
OFF_DAYS |= {date(2026, 5, 21), date(2026, 6, 25), date(2026, 6, 26), *LONDON_DAYS}
# Counted hours to aim for per week (default 26): fewer in holiday and travel weeks, more
# while the incident and the hiring push run.
HOURS = {2: 22.0, 6: 22.0, 10: 30.0, 11: 30.0, 12: 31.0, 13: 31.0, 14: 32.0, 15: 31.0, 16: 32.0}
HOURS |= {17: 30.0, 20: 22.0, 21: 16.0, 23: 22.0, 24: 20.0, 25: 22.0}
WEEKDAYS = "BYDAY=MO,TU,WE,TH,FR"
HUDSON, HALL = "HQ 12F – Hudson room", "HQ cafeteria + livestream"
RESERVED = "Reserved for strategic writing. Please don't book over this."


def _series(b: Planner) -> dict[str, Event]:
    """Recurring masters, EXDATEs on office holidays, and a "this and following" split."""
    add, weekly_mo = b.series, "WEEKLY;BYDAY=MO"
    s = {
        "priya": add("Dana / Priya 1:1", "micro", "2025-09-08 10:00", 30, weekly_mo, PRIYA),
        "marcus": add("Dana / Marcus 1:1", "micro", "2025-09-08 11:00", 30, weekly_mo, MARCUS),
        "elena": add(
            "Dana <> Elena weekly", "micro", "2025-09-09 09:30", 45, "WEEKLY;BYDAY=TU;WKST=SU",
            ELENA,
        ),
        "tomas": add(
            "Tomás / Dana 1:1", "micro", "2025-09-10 10:00", 30, "WEEKLY;BYDAY=WE", TOMAS, org=TOMAS
        ),
        "aisha": add(
            "Aisha / Dana 1:1", "micro", "2025-09-11 11:00", 30, "WEEKLY;BYDAY=TH", AISHA, org=AISHA
        ),
        "ben": add(
            "Dana / Ben 1:1", "micro", "2025-09-12 10:00", 30, "WEEKLY;BYDAY=FR;INTERVAL=2", BEN
        ),
        "jordan": add(
            "Dana / Jordan check-in", "micro", "2025-09-08 08:30", 30,
            "WEEKLY;BYDAY=MO,TH;WKST=SU", JORDAN,
        ),
        "staff": add(
            "Exec staff meeting", "micro", "2025-09-08 13:00", 90, weekly_mo, *EXECS,
            location=HUDSON,
        ),
        "metrics": add(
            "Weekly metrics review", "micro", "2025-09-12 14:00", 60, "WEEKLY;BYDAY=FR",
            MARCUS, JORDAN, ELENA, org=MARCUS,
        ),
        "strategy": add(
            "Strategy block: 2027 plan", "macro", "2026-01-08 14:00", 120, "WEEKLY;BYDAY=TH",
            description=RESERVED,
        ),
        "corpdev": add(
            "Corp dev weekly: M&A pipeline", "macro", "2025-09-09 15:00", 60, "WEEKLY;BYDAY=TU",
            NINA, MARCUS, WILL, org=NINA,
        ),
        "pricing": add(
            "Pricing strategy council", "macro", "2025-09-10 14:00", 60,
            "WEEKLY;BYDAY=WE;INTERVAL=2", AISHA, ELENA, MARCUS, org=AISHA,
        ),
        "townhall": add(
            "Town hall: company direction", "macro", "2025-10-02 16:00", 60, "MONTHLY;BYDAY=1TH",
            EVERYONE, *EXECS, location=HALL,
        ),
        "forecast": add(
            "Sales forecast call", "micro", "2025-09-08 16:00", 60, weekly_mo,
            ELENA, MARCUS, org=ELENA,
        ),
        "prodeng": add(
            "Product & eng sync", "micro", "2025-09-10 11:00", 60, "WEEKLY;BYDAY=WE",
            AISHA, PRIYA, org=AISHA,
        ),
        "admin": add("Email + admin", "micro", "2026-01-05 17:00", 30, f"DAILY;{WEEKDAYS}"),
        "chair": add(
            "Board chair check-in", "macro", "2025-09-19 09:30", 30, "WEEKLY;BYDAY=FR;INTERVAL=2",
            CARL, org=CARL,
        ),
        "focus": add(
            "Focus time", "other", "2026-01-07 08:00", 90, "WEEKLY;BYDAY=WE,FR", transparent=True
        ),
    }  # fmt: skip
    s["staff2"] = b.split_series(s["staff"], "2026-03-10 13:00", "WEEKLY;BYDAY=TU")
    for master in s.values():
        b.exclude_days(master, set(HOLIDAYS))
    b.exclude_days(s["admin"], LONDON_DAYS)
    s |= {  # not skipped on holidays: personal, monthly, or running only inside the window
        "peloton": add("Peloton ride 🚴", "other", "2025-09-09 06:30", 45, "WEEKLY;BYDAY=TU,TH"),
        "france": add(
            "Point mensuel Northwind France", "micro", "2025-10-14 11:00", 45, "MONTHLY;BYDAY=2TU",
            CLAIRE, MARCUS, org=CLAIRE, language="fr-fr",
        ),
        "standup": add(
            "Incident standup", "micro", "2026-03-16 09:00", 15, f"DAILY;{WEEKDAYS};COUNT=40",
            TOMAS, PRIYA, ROSA, org=TOMAS, late=True,
        ),
        "hiring": add(
            "Hiring pipeline sync", "micro", "2026-03-25 16:00", 30,
            "WEEKLY;BYDAY=WE;UNTIL=2026-05-06 23:59:59", HANNAH, BEN, PRIYA, org=HANNAH,
        ),
        "escalations": add(
            "Customer escalations review", "micro", "2026-03-19 12:00", 60,
            "WEEKLY;BYDAY=TH;UNTIL=2026-05-07 12:00", ROSA, ELENA, PRIYA, org=ROSA,
        ),
    }  # fmt: skip
    return s


def _overrides(b: Planner, s: dict[str, Event]) -> None:
    """Moved, cancelled and declined occurrences: offsites, board days, crisis, travel, OOO."""
    b.cancel(s["tomas"], "2026-01-14 10:00", "2026-05-20 10:00")
    b.cancel(s["aisha"], "2026-01-15 11:00", "2026-05-14 11:00", "2026-05-21 11:00")
    b.cancel(s["aisha"], "2026-06-04 11:00", "2026-06-25 11:00")
    b.cancel(s["jordan"], "2026-01-15 08:30", "2026-03-16 08:30", "2026-05-21 08:30")
    b.cancel(s["jordan"], "2026-06-01 08:30", "2026-06-04 08:30", "2026-06-25 08:30")
    b.cancel(s["pricing"], "2026-01-14 14:00", "2026-03-25 14:00", "2026-04-22 14:00")
    b.cancel(s["pricing"], "2026-05-20 14:00")
    b.cancel(s["prodeng"], "2026-01-14 11:00", "2026-05-20 11:00")
    b.cancel(s["peloton"], "2026-06-02 06:30", "2026-06-04 06:30")
    b.cancel(s["strategy"], "2026-01-15 14:00", "2026-03-26 14:00", "2026-04-09 14:00")
    b.cancel(s["strategy"], "2026-04-23 14:00", "2026-04-30 14:00", "2026-05-21 14:00")
    b.cancel(s["strategy"], "2026-06-04 14:00", "2026-06-25 14:00")
    b.cancel(s["corpdev"], "2026-04-14 15:00", "2026-04-28 15:00")
    b.cancel(s["priya"], "2026-06-01 10:00")
    b.cancel(s["marcus"], "2026-06-01 11:00")
    b.cancel(s["elena"], "2026-06-02 09:30")
    b.decline(s["metrics"], "2026-04-10 14:00", "2026-06-26 14:00")
    b.decline(s["corpdev"], "2026-06-02 15:00")
    b.decline(s["pricing"], "2026-06-03 14:00")
    b.decline(s["elena"], "2026-02-24 09:30")
    b.override(s["elena"], "2026-03-10 09:30", owner_status="TENTATIVE")
    b.override(s["aisha"], "2026-02-12 11:00", start="2026-02-13 11:30")
    b.override(s["priya"], "2026-03-02 10:00", start="2026-03-03 11:00")
    b.override(s["strategy"], "2026-04-02 14:00", start="2026-04-03 15:00", minutes=60)
    b.override(s["townhall"], "2026-06-04 16:00", start="2026-06-05 12:00")
    s["strategy"].exdates.append(at("2026-04-16 14:00"))  # one occurrence simply deleted


def build() -> Persona:
    """Build Dana's calendar."""
    b = Planner("google", DANA, NY, seed=20260105)
    b.off_days |= set(HOLIDAYS) | OFF_DAYS
    series = _series(b)
    _overrides(b, series)
    specials(b)
    london(b)
    b.freeze()
    for week in range(WEEKS):
        micro: tuple[Template, ...] = MICRO
        if 8 <= week <= 17:
            micro += CRISIS * 2
        if 11 <= week <= 17:
            micro += HIRING * 2
        b.fill_week(week, TARGETS[week], HOURS.get(week, 26.0), {"macro": MACRO, "micro": micro})
        b.sprinkle(week, OTHER, 1 + week % 2)
        if week % 2 == 1:
            b.decline_over(week, DECLINED)
    role = "CEO, Northwind"
    return Persona("ceo", "ceo_google.ics", "google", DANA, NY, role, DANA.email, b.events)
