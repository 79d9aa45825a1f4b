"""Dana Reyes's cast: Northwind people, investors, holidays and event templates."""

from __future__ import annotations

from datetime import date

from analyzer.samples.model import Person
from analyzer.samples.templates import tpl

DOMAIN = "northwind.example"


def _staff(name: str, user: str) -> Person:
    return Person(name, f"{user}@{DOMAIN}")


DANA = _staff("Dana Reyes", "dana.reyes")
PRIYA, MARCUS = _staff("Priya Raman", "priya.raman"), _staff("Marcus Bell", "marcus.bell")
ELENA, TOMAS = _staff("Elena Petrova", "elena.petrova"), _staff("Tomás Alvarez", "tomas.alvarez")
AISHA, BEN = _staff("Aisha Khan", "aisha.khan"), _staff("Ben Cho", "ben.cho")
JORDAN, NINA = _staff("Jordan Lee", "jordan.lee"), _staff("Nina Park", "nina.park")
WILL, ROSA = _staff("Will Turner", "will.turner"), _staff("Rosa Lindqvist", "rosa.lindqvist")
HANNAH, CLAIRE = _staff("Hannah Brooks", "hannah.brooks"), _staff("Claire Dubois", "claire.dubois")
JAVIER, KATRIN = _staff("Javier Morales", "javier.morales"), _staff("Katrin Vogel", "katrin.vogel")
EVERYONE = Person("Northwind Everyone", f"everyone@{DOMAIN}", group=True)
EXECS = (PRIYA, MARCUS, ELENA, TOMAS, AISHA, BEN, JORDAN)
ROBERT = Person("Robert Lin", "robert.lin@halcyon-vc.example")
MAYA = Person("Maya Goldberg", "maya@granitepeak.example")
CARL = Person("Carl Jensen", "carl@jensen-advisory.example")
OLIVER = Person("Oliver Grant", "ogrant@thamesgrowth.example")
SOFIA = Person("Sofia Marchetti", "sofia.marchetti@brightline.example")
GREG = Person("Greg Hollis", "ghollis@initrode.example")
LINDA = Person("Linda Park", "linda.park@globex.example")
JAMES = Person("James Whitfield", "j.whitfield@albiontelecom.example")
RAVI = Person("Ravi Menon", "rmenon@meridianresearch.example")
BOARD = (ROBERT, MAYA, CARL)

# Intended macro share per week: ~40% (weeks 1-6), a slide to ~20% (lowest in weeks 14-18,
# an incident and a hiring push), then a recovery to 35-40% (weeks 19-26).
TARGETS = (
    *(0.41, 0.39, 0.42, 0.40, 0.38, 0.40),
    *(0.37, 0.34, 0.31, 0.29, 0.26, 0.24, 0.22),
    *(0.20, 0.18, 0.19, 0.17, 0.20),
    *(0.33, 0.36, 0.37, 0.38, 0.40, 0.37, 0.39, 0.38),
)
HOLIDAYS = {
    date(2026, 1, 1): "New Year's Day",
    date(2026, 1, 19): "MLK Day – office closed",
    date(2026, 2, 16): "Presidents' Day – office closed",
    date(2026, 5, 25): "Memorial Day – office closed",
    date(2026, 6, 19): "Juneteenth – office closed",
    date(2026, 7, 3): "Independence Day (observed) – office closed",
}

MACRO = (
    tpl("Strategy doc: platform bet", "macro", (60, 90, 120)),
    tpl("🎯 Strategic thinking time", "macro", (60, 90)),
    tpl("2027 growth plan workshop", "macro", (90, 120), *EXECS, pick=(3, 5)),
    tpl("Investor call: Halcyon Ventures", "macro", (30, 60), ROBERT, MARCUS, external=True),
    tpl("Investor update: Granite Peak", "macro", (60, 90), MAYA, MARCUS, external=True),
    tpl("Brightline acquisition: term sheet", "macro", (60,), NINA, SOFIA, WILL, external=True),
    tpl("M&A pipeline: acquisition targets", "macro", (60, 90), NINA, MARCUS),
    tpl("Pricing strategy: enterprise tier", "macro", (60, 90), AISHA, ELENA, MARCUS),
    tpl("Market entry: DACH expansion", "macro", (60, 90), KATRIN, ELENA, MARCUS),
    tpl("Org design: sales reorg options", "macro", (60, 90), ELENA, BEN),
    tpl("Succession planning: exec bench", "macro", (60,), BEN),
    tpl("Globex strategic partnership", "macro", (60, 90), LINDA, ELENA, NINA, external=True),
    tpl("Capital allocation FY27", "macro", (60, 90), MARCUS, JORDAN),
    tpl("Vision & values workshop", "macro", (90, 120), *EXECS, pick=(4, 6)),
    tpl("Build vs buy: data platform", "macro", (60, 90), PRIYA, AISHA, NINA),
    tpl("Board committee: compensation", "macro", (60,), CARL, BEN, external=True),
    tpl("Long-range plan: 2028 scenarios", "macro", (60, 90), MARCUS, JORDAN),
    tpl("Reunión de estrategia 2027", "macro", (60, 90), JAVIER, ELENA, lang="es-es"),
    tpl("Stratégie produit 2027", "macro", (60,), CLAIRE, AISHA, lang="fr-fr"),
    tpl("Markteintritt Österreich: Entscheidung", "macro", (60,), KATRIN, MARCUS, lang="de-de"),
    tpl("Alianza estratégica Iberia: decisión", "macro", (60,), JAVIER, NINA, lang="es-es"),
    tpl("Analyst briefing: Meridian Research", "macro", (60,), RAVI, JORDAN, invited=True),
)
MICRO = (
    tpl("Sales pipeline review", "micro", (60, 90), ELENA, JORDAN, invited=True),
    tpl("Budget actuals review", "micro", (60, 90), MARCUS, JORDAN),
    tpl("Email + admin", "micro", (30, 60)),
    tpl("Design review: onboarding flow", "micro", (60, 90), AISHA, PRIYA, invited=True),
    tpl("Spec review: usage-based billing", "micro", (60,), AISHA, MARCUS, invited=True),
    tpl("Skip-level: customer success team", "micro", (60, 90), ROSA),
    tpl("Candidate debrief: senior PM", "micro", (30, 60), AISHA, HANNAH, invited=True),
    tpl("Interview: Director of Finance", "micro", (60,), MARCUS, HANNAH, invited=True),
    tpl("Contract review: Initrode MSA", "micro", (30, 60), WILL),
    tpl("Approve Q1 commissions", "micro", (30,), ELENA, MARCUS),
    tpl("Expense approvals", "micro", (30,)),
    tpl("KPI dashboard review", "micro", (60,), MARCUS, JORDAN),
    tpl("Release review: v5.2", "micro", (30, 60), PRIYA, AISHA, invited=True),
    tpl("Revue budgétaire Q2", "micro", (60, 90), CLAIRE, MARCUS, invited=True, lang="fr-fr"),
    tpl("Abstimmung Vertrieb DACH", "micro", (30,), KATRIN, invited=True, lang="de-de"),
    tpl("Revisión de pipeline Iberia", "micro", (30,), JAVIER, invited=True, lang="es-es"),
    tpl("Point d'avancement projet Atlas", "micro", (30, 60), CLAIRE, PRIYA, lang="fr-fr"),
)
CRISIS = (
    tpl("Incident bridge: EU data pipeline", "micro", (60,), TOMAS, PRIYA, invited=True, late=True),
    tpl("Escalation: Initrode", "micro", (30, 60), GREG, ELENA, ROSA, external=True, late=True),
    tpl("Escalation: Globex outage", "micro", (60, 90), LINDA, ELENA, external=True, late=True),
    tpl("SEV1 postmortem review", "micro", (60, 90), PRIYA, TOMAS, ROSA, invited=True),
    tpl("Customer escalation review", "micro", (60,), ROSA, ELENA),
    tpl("Status update: remediation plan", "micro", (30,), PRIYA, TOMAS, late=True),
    tpl("Kundeneskalation: Fabrikam AG", "micro", (30,), KATRIN, ROSA, late=True, lang="de-de"),
    tpl("Revue d'incident : panne EU", "micro", (60,), CLAIRE, PRIYA, invited=True, lang="fr-fr"),
)
HIRING = (
    tpl("Interview: VP Engineering candidate", "micro", (60, 90), HANNAH, PRIYA, invited=True),
    tpl("Candidate debrief: VP Engineering", "micro", (30,), HANNAH, PRIYA, BEN, invited=True),
    tpl("Interview: Head of Security candidate", "micro", (60,), HANNAH, TOMAS, invited=True),
    tpl("Reference check: Head of Security", "micro", (30,), HANNAH, invited=True),
    tpl("Offer review: VP Engineering", "micro", (30,), BEN, HANNAH, MARCUS),
    tpl(
        "Entrevista: director comercial", "micro", (60,), HANNAH, JAVIER, invited=True, lang="es-es"
    ),
)
OTHER = (
    tpl("Lunch w/ Jordan", "other", (60,), JORDAN, hours=(12, 13.5)),
    tpl("Lunch", "other", (30, 60), hours=(12, 13.5)),
    tpl("☕ Coffee break", "other", (30,), hours=(15, 16.5)),
    tpl("Dentist", "other", (60,), location="Park Slope Dental, 7th Ave, Brooklyn"),
    tpl("Pick up kids", "other", (30,), hours=(15, 17.5)),
    tpl("Hold", "other", (30, 60)),
    tpl("Busy", "other", (60,)),
    tpl("Placeholder", "other", (30,)),
)
DECLINED = (
    tpl("Engineering demo day", "micro", (60,), PRIYA, EVERYONE, invited=True),
    tpl("Marketing brainstorm: spring campaign", "micro", (60,), AISHA, JORDAN, invited=True),
    tpl("Sales kickoff rehearsal", "micro", (60,), ELENA, invited=True),
    tpl("Happy hour 🍻", "other", (60,), BEN, EVERYONE, invited=True),
    tpl("Product guild: API standards", "micro", (30,), AISHA, PRIYA, invited=True),
)
