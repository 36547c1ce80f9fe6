"""The itinerary as a PDF, drawn with ReportLab (installs from PyPI alone, and its CID font
STSong-Light renders Chinese without any font file on the machine).

A paragraph with Chinese, Japanese or Korean characters is set in STSong-Light, any other in
Helvetica (whose Latin-1 covers German); a Chinese-language pack uses STSong-Light throughout.
"""

from __future__ import annotations

import re
from datetime import datetime
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from planner.calendar.zones import load_zone
from planner.i18n import Translator
from planner.i18n.words import word
from planner.itinerary.pack import Pack

CJK_FONT = "STSong-Light"
LATIN_FONT, LATIN_BOLD = "Helvetica", "Helvetica-Bold"
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))


class _Styles:
    def __init__(self, chinese: bool) -> None:
        self.chinese = chinese

    def style(self, text: str, size: float, bold: bool = False) -> ParagraphStyle:
        cjk = self.chinese or bool(_CJK.search(text))
        font = CJK_FONT if cjk else (LATIN_BOLD if bold else LATIN_FONT)
        return ParagraphStyle(f"{font}-{size}", fontName=font, fontSize=size,
                              leading=size * 1.3, wordWrap="CJK" if cjk else None)

    def p(self, text: str, size: float = 10, bold: bool = False) -> Paragraph:
        body = escape(text).replace("\n", "<br/>")
        if bold and (self.chinese or _CJK.search(text)):
            body = f"<b>{body}</b>"
        return Paragraph(body, self.style(text, size, bold))


def itinerary_pdf(pack: Pack, tr: Translator) -> bytes:
    s = _Styles(tr.language == "zh")
    story: list = [*_cover(pack, tr, s)]
    if pack.changes:
        story += [PageBreak(), *_changes(pack, tr, s)]
    story.append(PageBreak())
    for day, items in pack.days:
        story.append(KeepTogether([s.p(tr.day(day), 13, bold=True), Spacer(1, 2 * mm),
                                   _day_table(items, pack, tr, s), Spacer(1, 5 * mm)]))
    if not pack.days:
        story.append(s.p(tr("No meetings yet.")))
    story += _contacts(pack, tr, s)
    buffer = BytesIO()
    title = pack.trip.title + (f" – {pack.person.name}" if pack.person else "")
    doc = SimpleDocTemplate(buffer, pagesize=A4, title=title, author="Delegation Planner",
                            leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm)
    doc.build(story)
    return buffer.getvalue()


def _cover(pack: Pack, tr: Translator, s: _Styles) -> list:
    trip = pack.trip
    lines = [s.p(tr("Itinerary"), 12), Spacer(1, 3 * mm), s.p(trip.title, 20, bold=True),
             Spacer(1, 2 * mm),
             s.p(f"{tr.short_day(trip.starts_on)} – {tr.short_day(trip.ends_on)}", 12)]
    if pack.person is not None:
        lines += [Spacer(1, 6 * mm), s.p(tr("For %(name)s", name=pack.person.name), 14)]
        if pack.person.organisation:
            lines.append(s.p(pack.person.organisation, 11))
    else:
        lines += [Spacer(1, 6 * mm), s.p(tr("The whole delegation"), 14)]
    cities = " · ".join(leg.city for leg in trip.legs)
    if cities:
        lines += [Spacer(1, 4 * mm), s.p(cities, 11)]
    lines += [Spacer(1, 4 * mm),
              s.p(tr("Times are local at the venue; home times (%(zone)s) are shown beside "
                     "them where they differ.", zone=tr.zone(pack.home_timezone)), 9),
              s.p(tr("Printed %(moment)s.", moment=tr.moment(
                  pack.printed_at.astimezone(load_zone(pack.home_timezone)))), 9)]
    if pack.last_printed and not pack.changes:
        lines.append(s.p(tr("Nothing has changed since the last print (%(moment)s).",
                            moment=tr.moment(pack.last_printed.astimezone(
                                load_zone(pack.home_timezone)))), 9))
    caption = (tr("Scan to subscribe to your personal calendar.") if pack.feed_address
               else tr("Scan to open the schedule online, with its calendar to subscribe to."))
    lines += [Spacer(1, 10 * mm), _qr(pack.link), s.p(caption, 9), s.p(pack.link, 7)]
    return lines


def _qr(text: str) -> Drawing:
    widget = QrCodeWidget(text)
    x0, y0, x1, y1 = widget.getBounds()
    size = 40 * mm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def _times(start: datetime, end: datetime, zone: str, tr: Translator) -> tuple[str, str]:
    local = load_zone(zone)
    a, b = start.astimezone(local), end.astimezone(local)
    return f"{tr.clock(a)}–{tr.clock(b)}", tr.zone(zone)


def _day_table(items: tuple, pack: Pack, tr: Translator, s: _Styles) -> Table:
    home = load_zone(pack.home_timezone)
    rows = []
    for item in items:
        times, zone = _times(item.starts_at, item.ends_at, item.timezone, tr)
        when = [s.p(times, 10, bold=True), s.p(zone, 7)]
        if load_zone(item.timezone).utcoffset(item.starts_at.replace(tzinfo=None)) != \
                home.utcoffset(item.starts_at.replace(tzinfo=None)):
            h0, h1 = item.starts_at.astimezone(home), item.ends_at.astimezone(home)
            day_note = f" ({tr.short_day(h0.date())})" if h0.date() != item.local_start.date() \
                else ""
            home_times = f"{tr.clock(h0)}–{tr.clock(h1)}"
            when.append(s.p(tr("home %(time)s", time=home_times) + day_note, 8))
        what = [s.p(item.title, 10, bold=True),
                s.p(" · ".join(x for x in (word(tr, item.kind), word(tr, item.status)) if x), 8)]
        place = ", ".join(x for x in (item.venue, item.city) if x)
        if place:
            what.append(s.p(place, 9))
        if item.counterparts:
            what.append(s.p(tr("With: %(names)s", names=", ".join(item.counterparts)), 9))
        if pack.person is None and item.attendees:
            what.append(s.p(tr("Attending: %(names)s", names=", ".join(item.attendees)), 8))
        rows.append([when, what])
    table = Table(rows, colWidths=[42 * mm, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return table


def _changes(pack: Pack, tr: Translator, s: _Styles) -> list:
    assert pack.last_printed is not None
    since = tr.moment(pack.last_printed.astimezone(load_zone(pack.home_timezone)))
    out: list = [s.p(tr("Changes since the last print (%(moment)s)", moment=since), 14,
                     bold=True), Spacer(1, 3 * mm)]
    rows = []
    for change in pack.changes:
        m = change.meeting
        now = f"{tr.short_day(m.starts_at.astimezone(load_zone(m.timezone)).date())} " \
              f"{_times(m.starts_at, m.ends_at, m.timezone, tr)[0]}"
        detail = now
        if change.before is not None and change.what in ("moved", "relocated"):
            b = change.before
            was = f"{tr.short_day(b.starts_at.astimezone(load_zone(b.timezone)).date())} " \
                  f"{_times(b.starts_at, b.ends_at, b.timezone, tr)[0]}"
            if change.what == "relocated":
                now, was = f"{m.venue}, {m.city}", f"{b.venue}, {b.city}"
            detail = tr("%(new)s (was %(old)s)", new=now, old=was)
        rows.append([s.p(word(tr, change.what), 10, bold=True), s.p(m.title, 10),
                     s.p(detail, 9)])
    table = Table(rows, colWidths=[28 * mm, 70 * mm, None])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.lightgrey)]))
    out.append(table)
    return out


def _contacts(pack: Pack, tr: Translator, s: _Styles) -> list:
    out: list = []
    if pack.organisers:
        out += [Spacer(1, 6 * mm), s.p(tr("Your organisers"), 13, bold=True)]
        out += [s.p(" · ".join(x for x in (m.name, word(tr, m.role), m.email) if x), 9)
                for m in pack.organisers]
    if pack.contacts:
        out += [Spacer(1, 6 * mm), s.p(tr("Contacts on the host side"), 13, bold=True)]
        out += [s.p(" · ".join(x for x in (c.organisation, c.contact.name, c.contact.title,
                                           c.contact.email, c.contact.phone) if x), 9)
                for c in pack.contacts]
    return out
