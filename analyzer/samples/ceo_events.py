"""Dana Reyes's one-off events: offsites, board meetings, the incident, London, OOO."""

from __future__ import annotations

from datetime import date

from analyzer.samples.ceo_cast import (
    AISHA,
    BEN,
    BOARD,
    CARL,
    CLAIRE,
    ELENA,
    EVERYONE,
    EXECS,
    GREG,
    HANNAH,
    HOLIDAYS,
    JAMES,
    JAVIER,
    JORDAN,
    KATRIN,
    LINDA,
    MARCUS,
    NINA,
    OLIVER,
    PRIYA,
    RAVI,
    ROBERT,
    ROSA,
    SOFIA,
    TOMAS,
)
from analyzer.samples.planner import Planner

__all__ = ["london", "specials"]

NY, LONDON = "America/New_York", "Europe/London"
MOHONK = "Mohonk Mountain House, 1000 Mountain Rest Rd, New Paltz, NY 12561"
BOARDROOM = "Northwind HQ – Boardroom; 200 Hudson St, New York, NY 10013"
AGENDA = (
    "Agenda:\n1. 2025 retro, wins & misses\n2. 2026 company goals; owners\n"
    "3. Org design for the next 18 months\nPre-read: \\\\nwfs01\\strategy\\offsite-2026.pdf"
)
BOARD_NOTES = (
    "Q1 board meeting.\nDial-in for remote directors below.\nMaterials in the board portal."
)


def specials(b: Planner) -> None:
    """One-off events that carry the story: offsites, boards, incident, prefixes, OOO."""
    add = b.add
    for day, title in HOLIDAYS.items():
        if day >= date(2026, 1, 5):
            b.all_day(title, "other", day, 1, BEN, EVERYONE, org=BEN)
    b.all_day("Leadership offsite – Mohonk", "other", "2026-01-14", 2, location=MOHONK)
    add(
        "Leadership offsite day 1",
        "macro",
        "2026-01-14 09:00",
        360,
        *EXECS,
        location=MOHONK,
        description=AGENDA,
        alarm=True,
    )
    add("Leadership offsite day 2", "macro", "2026-01-15 09:00", 180, *EXECS, location=MOHONK)
    add("Drive to Mohonk", "other", "2026-01-13 17:30", 90)
    add("2026 kickoff: company goals", "macro", "2026-01-06 10:30", 90, *EXECS)
    add(
        "Updated invitation: Investor call: Halcyon Ventures",
        "macro",
        "2026-01-08 16:30",
        30,
        ROBERT,
        MARCUS,
        org=ROBERT,
    )
    add("FW: Brightline acquisition intro", "macro", "2026-01-28 15:00", 60, NINA, SOFIA)
    add("RE: Pricing strategy: enterprise tier", "macro", "2026-02-03 16:00", 60, AISHA, ELENA)
    add("Candidate debrief: senior PM", "micro", "2026-02-03 09:30", 30, AISHA, HANNAH, org=HANNAH)
    add("Board materials walkthrough", "macro", "2026-02-10 13:00", 90, MARCUS, JORDAN)
    add(
        "Q1 board meeting",
        "macro",
        "2026-02-12 09:00",
        240,
        *BOARD,
        MARCUS,
        PRIYA,
        ELENA,
        JORDAN,
        location=BOARDROOM,
        description=BOARD_NOTES,
        alarm=True,
    )
    b.all_day("NYC SaaS Summit", "other", "2026-02-24", location="Javits Center, New York")
    add(
        "Conference keynote: our platform vision 🚀",
        "macro",
        "2026-02-24 10:00",
        45,
        use_duration=True,
        location="Javits Center, Hall 1A",
    )
    add(
        "[EXTERNAL] Globex strategic partnership",
        "macro",
        "2026-02-26 16:00",
        60,
        LINDA,
        ELENA,
        org=LINDA,
    )
    add(
        "Accepted: Design review: onboarding flow",
        "micro",
        "2026-03-04 15:00",
        60,
        AISHA,
        PRIYA,
        org=AISHA,
    )
    add(
        "Canceled: Globex quarterly business review",
        "micro",
        "2026-03-12 13:00",
        60,
        LINDA,
        ELENA,
        status="CANCELLED",
    )
    add(
        "SEV1: EU data pipeline outage – war room",
        "micro",
        "2026-03-16 07:30",
        90,
        TOMAS,
        PRIYA,
        ROSA,
        CLAIRE,
        KATRIN,
        org=TOMAS,
        late=True,
    )
    add("Escalation: Initrode", "micro", "2026-04-02 11:00", 30, GREG, ELENA, late=True)
    add(
        "Canceled: Vision & values workshop",
        "macro",
        "2026-04-15 13:00",
        120,
        *EXECS,
        status="CANCELLED",
    )
    add(
        "Incident bridge: EU data pipeline",
        "micro",
        "2026-04-21 13:30",
        60,
        TOMAS,
        PRIYA,
        org=TOMAS,
        late=True,
    )
    add("Board materials walkthrough", "macro", "2026-05-11 14:00", 90, MARCUS, JORDAN)
    add("Board committee: audit", "macro", "2026-05-13 15:30", 60, CARL, MARCUS, org=CARL)
    add(
        "Q2 board meeting",
        "macro",
        "2026-05-14 09:00",
        240,
        *BOARD,
        MARCUS,
        PRIYA,
        ELENA,
        JORDAN,
        location=BOARDROOM,
        alarm=True,
    )
    b.all_day("2027 strategy offsite", "other", "2026-05-20", 2)
    add(
        "2027 strategy offsite day 1",
        "macro",
        "2026-05-20 09:00",
        360,
        *EXECS,
        location="HQ 12F – all rooms",
    )
    add(
        "2027 strategy offsite day 2",
        "macro",
        "2026-05-21 09:00",
        180,
        *EXECS,
        location="HQ 12F – all rooms",
    )
    add(
        "Reunión de estrategia 2027",
        "macro",
        "2026-05-27 13:00",
        90,
        JAVIER,
        ELENA,
        org=JAVIER,
        language="es-es",
    )
    add("Investor call: Halcyon Ventures", "macro", "2026-06-09 15:00", 30, ROBERT, MARCUS)
    add(
        "Product launch readiness review", "micro", "2026-06-17 15:00", 60, AISHA, PRIYA,
        org=AISHA, owner_status="NEEDS-ACTION",
    )  # fmt: skip
    b.all_day("OOO – family trip 🏖️", "other", "2026-06-25", 2, transparent=False)


def london(b: Planner) -> None:
    """The London week: flights across zones, a hotel stay and meetings in Europe/London."""
    add, office = b.add, "Northwind UK, 22 Bishopsgate"
    add(
        "Flight BA 178 JFK → LHR",
        "other",
        "2026-05-31 19:00",
        0,
        end="2026-06-01 07:05",
        end_tz=LONDON,
        utc=False,
        location="JFK Terminal 8",
        description="Confirmation: QX7P2L\nSeat 2A",
    )
    add(
        "Stay at The Hoxton, Holborn",
        "other",
        "2026-06-01 09:00",
        0,
        zone=LONDON,
        end="2026-06-04 12:00",
        utc=False,
        transparent=True,
        location="199-206 High Holborn, London WC1V 7BD",
    )
    add(
        "Investor meeting: Thames Growth Partners",
        "macro",
        "2026-06-01 11:00",
        60,
        OLIVER,
        MARCUS,
        zone=LONDON,
        utc=False,
        location=office,
    )
    add(
        "Alliance term sheet discussion: Albion Telecom",
        "macro",
        "2026-06-01 14:00",
        90,
        JAMES,
        NINA,
        zone=LONDON,
        utc=False,
        location=office,
    )
    add(
        "Skip-level: UK customer success",
        "micro",
        "2026-06-02 10:00",
        60,
        ROSA,
        zone=LONDON,
        utc=False,
        location=office,
    )
    add(
        "Analyst briefing: Meridian Research",
        "macro",
        "2026-06-02 11:30",
        60,
        RAVI,
        JORDAN,
        zone=LONDON,
        utc=False,
        location=office,
    )
    add(
        "Escalation review: Globex UK",
        "micro",
        "2026-06-02 14:00",
        60,
        LINDA,
        ROSA,
        zone=LONDON,
        utc=False,
        location=office,
    )
    add(
        "Hiring debrief: UK sales lead",
        "micro",
        "2026-06-03 09:30",
        45,
        HANNAH,
        ELENA,
        zone=LONDON,
        utc=False,
        location=office,
    )
    add(
        "Town hall: UK team, 2027 direction",
        "macro",
        "2026-06-03 11:00",
        60,
        EVERYONE,
        zone=LONDON,
        utc=False,
        location=office,
    )
    add(
        "Flight BA 117 LHR → JFK",
        "other",
        "2026-06-04 17:00",
        0,
        zone=LONDON,
        end="2026-06-04 19:55",
        end_tz=NY,
        utc=False,
        location="Heathrow Terminal 5",
    )
