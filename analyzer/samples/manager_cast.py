"""Sam Okafor's cast: Contoso people, partners, holidays and event templates."""

from __future__ import annotations

from datetime import date

from analyzer.samples.model import WEEKS, Person
from analyzer.samples.templates import tpl

DOMAIN = "contoso.example"


def _staff(name: str, user: str) -> Person:
    return Person(name, f"{user}@{DOMAIN}")


SAM = _staff("Sam Okafor", "sam.okafor")
BEN, ANA = _staff("Ben Carter", "ben.carter"), _staff("Ana Silva", "ana.silva")
RAJ, MEI = _staff("Raj Patel", "raj.patel"), _staff("Mei Chen", "mei.chen")
TOM, FATIMA = _staff("Tom Becker", "tom.becker"), _staff("Fatima Noor", "fatima.noor")
LUIS, CARMEN = _staff("Luis García", "luis.garcia"), _staff("Carmen Ruiz", "carmen.ruiz")
RACHEL, HANNAH = _staff("Kim, Rachel", "rachel.kim"), _staff("Hannah Lee", "hannah.lee")
CHRIS, GRACE = _staff("Chris Wong", "chris.wong"), _staff("Grace Miller", "grace.miller")
OLIVER, AMELIA = _staff("Hughes, Oliver", "oliver.hughes"), _staff("Amelia Scott", "amelia.scott")
JULIEN, PRITI = _staff("Julien Moreau", "julien.moreau"), _staff("Priti Shah", "priti.shah")
SQUAD = Person("Payments Squad", f"payments-squad@{DOMAIN}", group=True)
TEAM = (BEN, ANA, RAJ, MEI, TOM, FATIMA, LUIS)
DAVE = Person("Dave Ng", "dave.ng@launchpadflags.example")
KIM = Person("Kim Alvarez", "kalvarez@tailspintoys.example")

# Intended macro share per week: mostly micro, 16-24% macro.
TARGETS = tuple(round(0.16 + 0.08 * ((week * 7) % 11) / 10, 3) for week in range(WEEKS))
HOLIDAYS = {
    date(2026, 1, 19): "Martin Luther King Jr. Day",
    date(2026, 2, 16): "Presidents' Day",
    date(2026, 5, 25): "Memorial Day",
    date(2026, 6, 19): "Juneteenth",
    date(2026, 7, 3): "Independence Day (observed)",
}

MACRO = (
    tpl("Org design: platform team split", "macro", (60, 90), RACHEL, PRITI),
    tpl("Tech strategy: build vs buy feature flags", "macro", (60,), PRITI, BEN, RAJ, pick=(1, 2)),
    tpl("Platform vision workshop", "macro", (90, 120), PRITI, RACHEL, OLIVER, invited=True),
    tpl("Architecture strategy: event-driven payments", "macro", (60, 90), PRITI, BEN, MEI),
    tpl("Reorg options: SRE team", "macro", (60,), RACHEL),
    tpl("Succession planning: team leads", "macro", (60,), RACHEL, invited=True),
    tpl("Annual planning FY27: payments", "macro", (60, 90), RACHEL, HANNAH, PRITI),
    tpl("Strategy doc: payments platform 2027", "macro", (60, 90)),
    tpl("Planificación estratégica 2027", "macro", (60,), CARMEN, LUIS, lang="es-es"),
    tpl("Partnership strategy: LaunchPad alliance", "macro", (30, 60), DAVE, PRITI, external=True),
)
MICRO = (
    tpl("Design review: refunds flow", "micro", (60,), CHRIS, HANNAH, MEI, invited=True),
    tpl("Spec review: ledger API", "micro", (60,), BEN, RAJ, HANNAH),
    tpl("Code review: idempotency keys", "micro", (30, 60), RAJ),
    tpl("Interview: senior backend engineer", "micro", (60,), GRACE, BEN, invited=True),
    tpl("Candidate debrief: SRE", "micro", (30,), GRACE, FATIMA, invited=True),
    tpl("Hiring sync with recruiting", "micro", (30,), GRACE),
    tpl("Budget review: Q2 cloud spend", "micro", (30, 60), JULIEN),
    tpl("Revue budgétaire Q2", "micro", (60,), JULIEN, invited=True, lang="fr-fr"),
    tpl("Entrevista técnica: backend", "micro", (60,), CARMEN, invited=True, lang="es-es"),
    tpl("Escalation: Tailspin Toys refunds", "micro", (30, 60), KIM, HANNAH, external=True),
    tpl("Release go/no-go: v3.8", "micro", (30,), HANNAH, BEN, MEI),
    tpl("Performance review calibration", "micro", (60, 90), RACHEL, invited=True),
    tpl("Feedback session: Ben", "micro", (30,), BEN),
    tpl("Postmortem: payouts delay", "micro", (60,), FATIMA, TOM, RAJ, late=True),
    tpl("Status sync: PCI audit", "micro", (30,), TOM, HANNAH),
    tpl("Entretien candidat : ingénieur SRE", "micro", (60,), JULIEN, GRACE, lang="fr-fr"),
    tpl("Revisión de código: conciliación", "micro", (30, 60), CARMEN, LUIS, lang="es-es"),
)
OTHER = (
    tpl("Lunch", "other", (30, 60), hours=(12, 13.5)),
    tpl("Gym", "other", (60,), hours=(12, 13.5)),
    tpl("Doctor appointment", "other", (60,)),
    tpl("Pick up kids", "other", (30,), hours=(15, 17.5)),
    tpl("Hold", "other", (30, 60)),
    tpl("Busy", "other", (30,)),
)
DECLINED = (
    tpl("Frontend guild demo", "micro", (60,), CHRIS, SQUAD, invited=True),
    tpl("Security training (optional)", "micro", (60,), PRITI, invited=True),
    tpl("Team social 🎳", "other", (90,), MEI, SQUAD, invited=True),
    tpl("Sales kickoff watch party", "other", (60,), HANNAH, invited=True),
)
