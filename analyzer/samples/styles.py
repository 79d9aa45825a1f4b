"""Serialises a persona the way Google Calendar, Outlook or Apple Calendar export it."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from analyzer.samples import tz
from analyzer.samples.ics_writer import (
    Param,
    Writer,
    fmt_date,
    fmt_duration,
    fmt_local,
    fmt_utc,
    param_value,
)
from analyzer.samples.model import Attendee, Event, Person, Persona, Recurrence, Style

__all__ = ["EXPORTED_AT", "render_calendar", "render_holidays"]

EXPORTED_AT = datetime(2026, 7, 6, 9, 30, 12)  # the moment of the (fictional) export, UTC
PRODIDS: dict[Style, str] = {
    "google": "-//Google Inc//Google Calendar 70.9054//EN",
    "outlook": "-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
    "apple": "-//Apple Inc.//macOS 15.0//EN",
}
_MEET_RULE = "-::~:~::~:" + ":~" * 36 + "::~:~::-"


def _digest(uid: str, salt: str) -> str:
    return hashlib.sha256(f"{salt}:{uid}".encode()).hexdigest()


def _when(
    value: datetime | date, zone: str | None, style: Style, utc: bool
) -> tuple[list[Param], str]:
    if not isinstance(value, datetime):
        return [("VALUE", "DATE")], fmt_date(value)
    if zone is None:
        return [], fmt_local(value)
    if utc:
        return [], fmt_utc(tz.to_utc(value, zone))
    return [("TZID", param_value(tz.tzid(zone, style)))], fmt_local(value)


def _rrule(rule: Recurrence, zone: str | None, style: Style) -> str:
    until = ""
    if rule.until is not None:
        until = fmt_utc(tz.to_utc(rule.until, zone)) if zone else fmt_local(rule.until)
    parts: list[str] = [f"FREQ={rule.freq}"]
    bounds = [f"UNTIL={until}"] if until else []
    bounds += [f"COUNT={rule.count}"] if rule.count else []
    byday = [f"BYDAY={','.join(rule.byday)}"] if rule.byday else []
    interval = [f"INTERVAL={rule.interval}"]
    if style == "outlook":
        parts += bounds + interval + byday + ["WKST=SU"]
    elif style == "google":
        wkst = [f"WKST={rule.wkst}"] if rule.wkst else []
        parts += wkst + bounds + (interval if rule.interval > 1 else []) + byday
    else:
        parts += (interval if rule.interval > 1 else []) + bounds + byday
    return ";".join(parts)


def _person_params(person: Person, style: Style) -> list[Param]:
    if style == "apple":
        return [("CN", param_value(person.name, quote=True))]
    return [("CN", param_value(person.name))]


def _attendee(w: Writer, attendee: Attendee, style: Style) -> None:
    person = attendee.person
    cutype = "GROUP" if person.group else "INDIVIDUAL"
    rsvp = "TRUE" if attendee.partstat == "NEEDS-ACTION" else "FALSE"
    role, status = ("ROLE", attendee.role), ("PARTSTAT", attendee.partstat)
    if style == "google":
        params: list[Param] = [("CUTYPE", cutype), role, status, ("RSVP", rsvp)]
        params += _person_params(person, style) + [("X-NUM-GUESTS", "0")]
    elif style == "outlook":
        params = _person_params(person, style) + [status, role, ("RSVP", "TRUE")]
    else:
        params = _person_params(person, style) + [("CUTYPE", cutype)]
        params += [("EMAIL", param_value(person.email, quote=True)), status, role]
    w.prop("ATTENDEE", f"mailto:{person.email}", params)


def _organizer(w: Writer, person: Person, style: Style) -> None:
    params = _person_params(person, style)
    if style == "apple":
        params.append(("EMAIL", param_value(person.email, quote=True)))
    w.prop("ORGANIZER", f"mailto:{person.email}", params)


def _meet_link(uid: str) -> str:
    code = _digest(uid, "meet")[:10].translate(str.maketrans("0123456789", "abcdefghij"))
    return f"https://meet.google.com/{code[:3]}-{code[3:7]}-{code[7:]}"


def _zoom_link(uid: str) -> str:
    return f"https://fabrikam.zoom.example/j/{int(_digest(uid, 'zoom')[:9], 16) % 10**10:010d}"


def _description(event: Event, style: Style) -> str:
    """The event's description plus the conferencing block its client adds."""
    text = event.description
    if not event.online:
        return text
    code = _digest(event.uid, "teams")
    if style == "google":
        block = f"{_MEET_RULE}\nJoin with Google Meet: {_meet_link(event.uid)}\n\nLearn more "
        block += "about Meet at: https://support.google.com/a/users/answer/9282720\n\nPlease "
        block += f"do not edit this section.\n{_MEET_RULE}"
    elif style == "outlook":
        line = "_" * 80
        block = f"{line}\nMicrosoft Teams meeting\nJoin on your computer, mobile app or room "
        block += "device\nClick here to join the meeting<https://teams.microsoft.com/l/meetup-"
        block += f"join/19%3ameeting_{code[:40]}%40thread.v2/0>\nMeeting ID: "
        block += f"{int(code[:10], 16) % 10**12:012d}\nPasscode: {code[10:16]}\n{line}\n"
    else:
        block = f"Join Zoom meeting: {_zoom_link(event.uid)}"
    return f"{text}\n\n{block}" if text else block


def _times(w: Writer, event: Event, style: Style) -> None:
    params, value = _when(event.start, event.tz, style, event.utc)
    w.prop("DTSTART", value, params)
    if event.use_duration:
        assert isinstance(event.start, datetime)
        assert isinstance(event.end, datetime)
        w.prop("DURATION", fmt_duration(event.end - event.start))
    else:
        params, value = _when(event.end, event.end_tz or event.tz, style, event.utc)
        w.prop("DTEND", value, params)


def _rrule_line(w: Writer, event: Event, style: Style) -> None:
    if event.rrule is not None:
        w.prop("RRULE", _rrule(event.rrule, event.tz, style))


def _exdates(w: Writer, event: Event, style: Style) -> None:
    if event.exdates:
        stamps = [_when(d, event.tz, style, False) for d in event.exdates]
        if style == "outlook":
            w.prop("EXDATE", ",".join(v for _, v in stamps), stamps[0][0])
        else:
            for params, value in stamps:
                w.prop("EXDATE", value, params)


def _recurrence_id(w: Writer, event: Event, style: Style) -> None:
    if event.recurrence_id is not None:
        params, value = _when(event.recurrence_id, event.tz, style, False)
        w.prop("RECURRENCE-ID", value, params)


def _alarm(w: Writer, event: Event, style: Style) -> None:
    if not event.alarm:
        return
    w.prop("BEGIN", "VALARM")
    if style == "apple":
        h = _digest(event.uid, "alarm").upper()
        alarm_uid = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}"
        w.lines([("X-WR-ALARMUID", alarm_uid), ("UID", alarm_uid), ("TRIGGER", "-PT15M")])
        w.prop("ATTACH", "Chord", [("VALUE", "URI")])
        w.prop("ACTION", "AUDIO")
    elif style == "google":
        w.lines([("ACTION", "DISPLAY"), ("DESCRIPTION", "This is an event reminder")])
        w.prop("TRIGGER", "-P0DT0H10M0S")
    else:
        w.lines([("TRIGGER", "-PT15M"), ("ACTION", "DISPLAY"), ("DESCRIPTION", "Reminder")])
    w.prop("END", "VALARM")


def _google_event(w: Writer, event: Event) -> None:
    _times(w, event, "google")
    _rrule_line(w, event, "google")
    _exdates(w, event, "google")
    w.prop("DTSTAMP", fmt_utc(EXPORTED_AT))
    if event.organizer is not None:
        _organizer(w, event.organizer, "google")
    w.prop("UID", event.uid)
    for attendee in event.attendees:
        _attendee(w, attendee, "google")
    _recurrence_id(w, event, "google")
    if event.online:
        w.prop("X-GOOGLE-CONFERENCE", _meet_link(event.uid))
    w.lines([("CREATED", fmt_utc(event.created))])
    w.text("DESCRIPTION", _description(event, "google"))
    w.prop("LAST-MODIFIED", fmt_utc(event.modified))
    w.text("LOCATION", event.location)
    w.lines([("SEQUENCE", str(event.sequence)), ("STATUS", event.status)])
    w.text("SUMMARY", event.summary)
    w.prop("TRANSP", "TRANSPARENT" if event.transparent else "OPAQUE")
    _alarm(w, event, "google")


def _busy_status(event: Event, owner: Person) -> str:
    if event.status == "CANCELLED":
        return "FREE"
    if event.all_day:
        return "FREE" if event.transparent else "OOF"
    if event.transparent or event.partstat_of(owner) == "DECLINED":
        return "FREE"
    return "TENTATIVE" if event.partstat_of(owner) == "TENTATIVE" else "BUSY"


def _outlook_event(w: Writer, event: Event, owner: Person) -> None:
    for attendee in event.attendees:
        _attendee(w, attendee, "outlook")
    w.lines([("CLASS", "PUBLIC"), ("CREATED", fmt_utc(event.created))])
    description = _description(event, "outlook")
    if description:
        w.text("DESCRIPTION", description, [("LANGUAGE", event.language)])
    params, value = _when(event.end, event.end_tz or event.tz, "outlook", False)
    if event.use_duration:
        assert isinstance(event.start, datetime)
        assert isinstance(event.end, datetime)
        w.prop("DURATION", fmt_duration(event.end - event.start))
    else:
        w.prop("DTEND", value, params)
    w.prop("DTSTAMP", fmt_utc(EXPORTED_AT))
    params, value = _when(event.start, event.tz, "outlook", False)
    w.prop("DTSTART", value, params)
    _exdates(w, event, "outlook")
    w.prop("LAST-MODIFIED", fmt_utc(event.modified))
    location = event.location or ("Microsoft Teams Meeting" if event.online else "")
    if location:
        w.text("LOCATION", location, [("LANGUAGE", event.language)])
    if event.organizer is not None:
        _organizer(w, event.organizer, "outlook")
    w.prop("PRIORITY", "5")
    _recurrence_id(w, event, "outlook")
    _rrule_line(w, event, "outlook")
    w.prop("SEQUENCE", str(event.sequence))
    if event.status == "CANCELLED":
        w.prop("STATUS", "CANCELLED")
    w.text("SUMMARY", event.summary, [("LANGUAGE", event.language)])
    w.prop("TRANSP", "TRANSPARENT" if event.transparent else "OPAQUE")
    w.prop("UID", event.uid)
    status = _busy_status(event, owner)
    w.lines([("X-MICROSOFT-CDO-BUSYSTATUS", status), ("X-MICROSOFT-CDO-IMPORTANCE", "1")])
    w.lines([("X-MICROSOFT-CDO-INTENDEDSTATUS", "BUSY" if status == "TENTATIVE" else status)])
    w.prop("X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE" if event.all_day else "FALSE")
    w.lines([("X-MICROSOFT-DISALLOW-COUNTER", "FALSE"), ("X-MS-OLK-CONFTYPE", "0")])
    _alarm(w, event, "outlook")


def _apple_event(w: Writer, event: Event) -> None:
    for attendee in event.attendees:
        _attendee(w, attendee, "apple")
    w.lines([("CREATED", fmt_utc(event.created)), ("UID", event.uid)])
    if event.use_duration:
        assert isinstance(event.start, datetime)
        assert isinstance(event.end, datetime)
        w.prop("DURATION", fmt_duration(event.end - event.start))
    else:
        params, value = _when(event.end, event.end_tz or event.tz, "apple", False)
        w.prop("DTEND", value, params)
    _rrule_line(w, event, "apple")
    _exdates(w, event, "apple")
    w.prop("TRANSP", "TRANSPARENT" if event.transparent else "OPAQUE")
    w.prop("X-APPLE-TRAVEL-ADVISORY-BEHAVIOR", "AUTOMATIC")
    w.text("SUMMARY", event.summary)
    w.lines([("LAST-MODIFIED", fmt_utc(event.modified)), ("DTSTAMP", fmt_utc(event.modified))])
    params, value = _when(event.start, event.tz, "apple", False)
    w.prop("DTSTART", value, params)
    _recurrence_id(w, event, "apple")
    w.prop("SEQUENCE", str(event.sequence))
    if event.organizer is not None:
        _organizer(w, event.organizer, "apple")
    if event.status != "CONFIRMED":
        w.prop("STATUS", event.status)
    if event.location:
        w.text("LOCATION", event.location)
    description = _description(event, "apple")
    if description:
        w.text("DESCRIPTION", description)
    if event.online:
        w.prop("URL", _zoom_link(event.uid), [("VALUE", "URI")])
    _alarm(w, event, "apple")


def _sort_key(event: Event, style: Style) -> tuple[str, str, str]:
    start = (
        event.start
        if isinstance(event.start, datetime)
        else datetime.combine(event.start, datetime.min.time())
    )
    rid = fmt_local(event.recurrence_id) if event.recurrence_id else ""
    if style == "outlook":
        return fmt_local(start), event.uid, rid
    if style == "google":
        return fmt_utc(event.created), event.uid, rid
    return event.uid, rid, ""


def render_calendar(persona: Persona) -> bytes:
    """The persona's calendar as .ics bytes in its client's style."""
    style, w = persona.style, Writer()
    w.prop("BEGIN", "VCALENDAR")
    if style == "apple":
        w.lines([("METHOD", "PUBLISH"), ("VERSION", "2.0"), ("X-WR-CALNAME", persona.calname)])
        w.lines([("PRODID", PRODIDS[style]), ("X-APPLE-CALENDAR-COLOR", "#1BADF8")])
        w.lines([("X-WR-TIMEZONE", persona.home_tz), ("CALSCALE", "GREGORIAN")])
    else:
        w.lines([("PRODID", PRODIDS[style]), ("VERSION", "2.0")])
        if style == "google":
            w.lines([("CALSCALE", "GREGORIAN"), ("METHOD", "PUBLISH")])
            w.lines([("X-WR-CALNAME", persona.calname), ("X-WR-TIMEZONE", persona.home_tz)])
        else:
            w.lines([("METHOD", "PUBLISH"), ("X-MS-OLK-FORCEINSPECTOROPEN", "TRUE")])
    used = {e.tz for e in persona.events if e.tz and not e.utc}
    used |= {e.end_tz for e in persona.events if e.end_tz}
    zones = [persona.home_tz] + sorted(z for z in used if z and z != persona.home_tz)
    for key in zones:
        w.lines(tz.vtimezone_lines(key, style))
    for event in sorted(persona.events, key=lambda e: _sort_key(e, style)):
        w.prop("BEGIN", "VEVENT")
        if style == "google":
            _google_event(w, event)
        elif style == "outlook":
            _outlook_event(w, event, persona.owner)
        else:
            _apple_event(w, event)
        w.prop("END", "VEVENT")
    w.prop("END", "VCALENDAR")
    return w.getvalue()


def render_holidays(name: str, days: list[tuple[date, str, bool]]) -> bytes:
    """A Google public-holiday calendar of all-day events (``True`` marks public holidays)."""
    w = Writer()
    w.prop("BEGIN", "VCALENDAR")
    w.lines([("PRODID", PRODIDS["google"]), ("VERSION", "2.0"), ("CALSCALE", "GREGORIAN")])
    w.lines([("METHOD", "PUBLISH")])
    w.text("X-WR-CALNAME", name)
    w.lines([("X-WR-TIMEZONE", "UTC")])
    w.text("X-WR-CALDESC", "Holidays and Observances in United States")
    for day, title, public in days:
        w.prop("BEGIN", "VEVENT")
        w.prop("DTSTART", fmt_date(day), [("VALUE", "DATE")])
        w.prop("DTEND", fmt_date(date.fromordinal(day.toordinal() + 1)), [("VALUE", "DATE")])
        w.lines([("DTSTAMP", fmt_utc(EXPORTED_AT))])
        w.prop("UID", f"{fmt_date(day)}_{_digest(title, 'holiday')[:26]}@google.com")
        w.lines([("CLASS", "PUBLIC"), ("CREATED", "20250804T124547Z")])
        note = (
            "Public holiday"
            if public
            else (
                "Observance\nTo hide observances, go to Google Calendar Settings > Holidays in "
                "United States"
            )
        )
        w.text("DESCRIPTION", note)
        w.lines([("LAST-MODIFIED", "20250804T124547Z"), ("SEQUENCE", "0")])
        w.lines([("STATUS", "CONFIRMED")])
        w.text("SUMMARY", title)
        w.prop("TRANSP", "TRANSPARENT")
        w.prop("END", "VEVENT")
    w.prop("END", "VCALENDAR")
    return w.getvalue()
