"""Lena Fischer, software engineer at Fabrikam in Berlin: an Apple Calendar export."""

from __future__ import annotations

from datetime import date

from analyzer.samples.model import WEEKS, Event, Person, Persona
from analyzer.samples.planner import Planner
from analyzer.samples.templates import tpl

__all__ = ["build"]

BERLIN, LISBON = "Europe/Berlin", "Europe/Lisbon"
DOMAIN = "fabrikam.example"


def _staff(name: str, user: str) -> Person:
    return Person(name, f"{user}@{DOMAIN}")


LENA = _staff("Lena Fischer", "lena.fischer")
JONAS, MEHMET = _staff("Jonas Weber", "jonas.weber"), _staff("Mehmet Yılmaz", "mehmet.yilmaz")
SOPHIE, DIEGO = _staff("Sophie Laurent", "sophie.laurent"), _staff("Diego Hernández", "diego.h")
ANNA, FELIX = _staff("Anna Kowalski", "anna.kowalski"), _staff("Felix Braun", "felix.braun")
CLARA, YUKI = _staff("Clara Schmidt", "clara.schmidt"), _staff("Yuki Tanaka", "yuki.tanaka")
PETRA, MIRIAM = _staff("Dr. Petra Lang", "petra.lang"), _staff("Miriam Koch", "miriam.koch")
TEAM = Person("Team Atlas", f"atlas-team@{DOMAIN}", group=True)
ALL = Person("Fabrikam All", f"all@{DOMAIN}", group=True)
MATES = (JONAS, MEHMET, SOPHIE, DIEGO, ANNA, FELIX)
PRITI = Person("Priti Shah", "priti.shah@contoso.example")

# Intended macro share per week: mostly micro, 3-12% macro.
TARGETS = tuple(round(0.03 + 0.09 * ((week * 5) % 7) / 6, 3) for week in range(WEEKS))
HOLIDAYS = {
    date(2026, 4, 3): "Good Friday",
    date(2026, 4, 6): "Easter Monday",
    date(2026, 5, 1): "Labour Day",
    date(2026, 5, 14): "Ascension Day",
    date(2026, 5, 25): "Whit Monday",
}
LISBON_DAYS = {date(2026, 6, d) for d in range(8, 12)}
AWAY = {date(2026, 2, 17), date(2026, 3, 30), date(2026, 3, 31), date(2026, 4, 1), *LISBON_DAYS}
AWAY.add(date(2026, 4, 2))
DUE_DILIGENCE = (
    "Agenda:\n- API surface, data residency; SLAs\n- Integration effort (T-shirt sizes)\n"
    "- Open questions"
)

MACRO = (
    tpl("Platform strategy workshop", "macro", (60, 90), PETRA, JONAS, CLARA, invited=True),
    tpl("Tech due diligence: Contoso alliance", "macro", (60,), PETRA, PRITI, invited=True),
    tpl("Architecture vision 2027", "macro", (60,), PETRA, JONAS, invited=True),
    tpl("Build vs buy: search engine", "macro", (30, 60), JONAS, CLARA, invited=True),
    tpl("Strategie-Workshop Plattform 2027", "macro", (60, 90), PETRA, JONAS, lang="de-de"),
)
MICRO = (
    tpl("Pairing session: Mehmet", "micro", (60, 90, 120), MEHMET),
    tpl("Code review: payments retry", "micro", (60,)),
    tpl("Design review: settings page", "micro", (60,), YUKI, CLARA, invited=True),
    tpl("Spec review: export API", "micro", (60,), CLARA, JONAS, invited=True),
    tpl("Interview: frontend engineer", "micro", (60,), MIRIAM, JONAS, invited=True),
    tpl("Bug triage", "micro", (30, 60), JONAS, ANNA),
    tpl("Incident: checkout latency", "micro", (60,), FELIX, JONAS, invited=True, late=True),
    tpl("Release checklist v4.2", "micro", (30,), FELIX),
    tpl("Onboarding buddy: Felix", "micro", (30,), FELIX),
    tpl("Tech-Review: Datenmodell Rechnungen", "micro", (60,), MEHMET, ANNA, lang="de-de"),
    tpl("Revisión de diseño: API de pagos", "micro", (60,), DIEGO, invited=True, lang="es-es"),
    tpl("Architecture sync", "micro", (30,), JONAS, MEHMET),
    tpl("Ticket grooming: ATL backlog", "micro", (30, 60), JONAS, CLARA),
    tpl("Docs update: API changelog", "micro", (30, 60)),
    tpl("Debugging session: flaky CI", "micro", (60, 90), ANNA),
)
OTHER = (
    tpl("Zahnarzt", "other", (60,), location="Praxis Dr. Özdemir, Kastanienallee 12, Berlin"),
    tpl("Doctor's appointment", "other", (60,)),
    tpl("Bürgeramt", "other", (60, 90), location="Bürgeramt Pankow", lang="de-de"),
    tpl("Lunch w/ Sophie", "other", (60,), SOPHIE, hours=(12, 13.5)),
    tpl("Hold", "other", (30, 60)),
    tpl("Busy", "other", (60,)),
    tpl("Pick up parcel", "other", (30,), hours=(16, 18)),
)
DECLINED = (
    tpl("Frontend guild sync", "micro", (60,), YUKI, TEAM, invited=True),
    tpl("Company running group 🏃", "other", (60,), MIRIAM, ALL, invited=True),
    tpl("Sales demo dry-run", "micro", (30,), CLARA, invited=True),
)


def _series(b: Planner) -> dict[str, Event]:
    """Team rituals, review blocks, a monthly town hall and personal routines."""
    add, days = b.series, "BYDAY=MO,TU,WE,TH,FR"
    s = {
        "standup": add(
            "Daily Stand-up", "micro", "2025-11-03 09:30", 15, f"DAILY;{days}",
            TEAM, *MATES, org=JONAS,
        ),
        "team": add(
            "Wöchentliches Team-Meeting", "micro", "2025-11-04 14:00", 60, "WEEKLY;BYDAY=TU",
            TEAM, *MATES, org=JONAS, location="Raum Spree (3.12)", language="de-de",
        ),
        "oneone": add(
            "Lena / Jonas 1:1", "micro", "2025-11-06 11:00", 30, "WEEKLY;BYDAY=TH;INTERVAL=2",
            JONAS, org=JONAS,
        ),
        "planning": add(
            "Sprint Planning", "micro", "2026-01-05 10:00", 90, "WEEKLY;BYDAY=MO;INTERVAL=2",
            TEAM, CLARA, org=JONAS,
        ),
        "retro": add(
            "Sprint Retro", "micro", "2026-01-16 13:30", 60, "WEEKLY;BYDAY=FR;INTERVAL=2",
            TEAM, org=JONAS,
        ),
        "refine": add(
            "Backlog Refinement", "micro", "2026-01-07 11:00", 60, "WEEKLY;BYDAY=WE",
            TEAM, CLARA, org=CLARA,
        ),
        "prs": add("PR review block", "micro", "2026-01-06 15:30", 60, "WEEKLY;BYDAY=TU,TH"),
        "focus": add(
            "Focus time", "other", "2026-01-05 13:00", 120, "WEEKLY;BYDAY=MO,WE,FR",
            transparent=True,
        ),
        "townhall": add(
            "Town hall: Fabrikam 2027 strategy", "macro", "2026-01-29 17:00", 60,
            "MONTHLY;BYDAY=-1TH", ALL, PETRA, org=PETRA, location="Kantine + Stream",
        ),
        "guild": add(
            "Guild: backend architecture", "micro", "2026-01-14 15:00", 60,
            "WEEKLY;BYDAY=WE;INTERVAL=2;UNTIL=2026-06-24 23:59", MEHMET, SOPHIE, DIEGO, org=MEHMET,
        ),
    }  # fmt: skip
    for master in s.values():
        b.exclude_days(master, set(HOLIDAYS))
    b.exclude_days(s["prs"], LISBON_DAYS)
    s["kita"] = add(
        "Kita abholen", "other", "2026-01-07 16:30", 30, "WEEKLY;BYDAY=WE", language="de-de"
    )
    s["lunch"] = add(
        "Lunch 🥗", "other", "2026-01-05 12:15", 45, f"DAILY;{days};COUNT=60", transparent=True
    )
    return s


def _overrides(b: Planner, s: dict[str, Event]) -> None:
    """A moved retro and planning, cancelled and declined occurrences, a tentative town hall."""
    b.override(s["retro"], "2026-03-27 13:30", start="2026-03-26 13:30")
    b.override(s["planning"], "2026-05-11 10:00", start="2026-05-12 09:45")
    b.override(s["townhall"], "2026-02-26 17:00", owner_status="TENTATIVE")
    b.cancel(s["standup"], "2026-02-13 09:30")
    b.cancel(s["team"], "2026-05-19 14:00")
    b.decline(s["oneone"], "2026-04-23 11:00")
    b.decline(s["standup"], "2026-06-08 09:30", "2026-06-09 09:30", "2026-06-10 09:30")
    b.decline(s["team"], "2026-06-09 14:00")
    b.decline(s["refine"], "2026-06-10 11:00")


def _specials(b: Planner) -> None:
    """Holidays, vacation, a sick day, a conference trip to Lisbon and floating plans."""
    add = b.add
    for day, title in HOLIDAYS.items():
        b.all_day(title, "other", day)
    b.all_day("Urlaub 🏝️", "other", "2026-03-30", 4, transparent=False, language="de-de")
    b.all_day("Krank", "other", "2026-02-17", transparent=False, language="de-de")
    b.all_day("DevOpsDays Lisbon", "other", "2026-06-08", 3, location="Centro de Congressos")
    add(
        "Flight BER → LIS (TP 537)", "other", "2026-06-07 17:10", 0,
        end="2026-06-07 19:25", end_tz=LISBON, location="BER Terminal 1", alarm=True,
    )  # fmt: skip
    add("Speaker dinner", "other", "2026-06-08 20:00", 150, zone=LISBON, location="Time Out Market")
    add(
        "Tech due diligence: Contoso alliance", "macro", "2026-06-09 14:00", 60, PRITI, PETRA,
        org=PETRA, zone=LISBON, description=DUE_DILIGENCE, location="Hotel Lisboa Plaza, Sala 2",
    )  # fmt: skip
    add(
        "Flight LIS → BER (TP 538)", "other", "2026-06-11 09:00", 0,
        zone=LISBON, end="2026-06-11 13:15", end_tz=BERLIN, location="LIS Terminal 1",
    )  # fmt: skip
    add(
        "Yoga im Park",
        "other",
        "2026-05-16 10:00",
        60,
        zone=None,
        location="Mauerpark",
        language="de-de",
    )
    add(
        "Flohmarkt Mauerpark",
        "other",
        "2026-04-19 11:00",
        120,
        zone=None,
        use_duration=True,
        language="de-de",
    )
    add(
        "FW: Tech due diligence: Contoso alliance",
        "macro",
        "2026-02-12 10:00",
        60,
        PRITI,
        PETRA,
        org=PETRA,
    )
    add(
        "Updated invitation: Platform strategy workshop",
        "macro",
        "2026-05-06 10:00",
        60,
        PETRA,
        JONAS,
        org=PETRA,
    )
    add(
        "[EXTERNAL] Contoso integration call",
        "micro",
        "2026-03-04 16:00",
        30,
        PRITI,
        JONAS,
        org=PRITI,
        use_duration=True,
    )
    add(
        "Accepted: Spec review: export API",
        "micro",
        "2026-01-21 10:00",
        60,
        CLARA,
        JONAS,
        org=CLARA,
    )
    add("RE: Release checklist v4.2", "micro", "2026-04-22 16:00", 30, FELIX)
    add(
        "Canceled: Design review: settings page",
        "micro",
        "2026-03-11 15:00",
        60,
        YUKI,
        org=YUKI,
        status="CANCELLED",
    )
    add(
        "Revue de code : module export",
        "micro",
        "2026-02-24 10:00",
        60,
        SOPHIE,
        org=SOPHIE,
        language="fr-fr",
    )
    add(
        "Incident: checkout latency",
        "micro",
        "2026-05-05 11:00",
        60,
        FELIX,
        JONAS,
        org=FELIX,
        late=True,
    )
    add("Code review: payments retry", "micro", "2026-05-05 11:00", 60)
    add(
        "Accessibility audit kickoff", "micro", "2026-06-18 14:00", 30, YUKI,
        org=YUKI, owner_status="NEEDS-ACTION",
    )  # fmt: skip


def build() -> Persona:
    """Build Lena's calendar."""
    b = Planner("apple", LENA, BERLIN, seed=20260107)
    b.off_days |= set(HOLIDAYS) | AWAY
    series = _series(b)
    _overrides(b, series)
    _specials(b)
    b.freeze()
    for week in range(WEEKS):
        if week_days := b.work_days(week):
            hours = 17.0 * len(week_days) / 5
            b.fill_week(week, TARGETS[week], hours, {"macro": MACRO, "micro": MICRO})
        b.sprinkle(week, OTHER, week % 2)
        if week % 4 == 1:
            b.decline_over(week, DECLINED)
    role = "Software engineer, Fabrikam"
    return Persona("ic", "ic_apple.ics", "apple", LENA, BERLIN, role, "Work", b.events)
