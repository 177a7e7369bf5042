"""`beenthere consent`: every story's consent dates, grouped by what an editor must do about
them (pure: from loaded content to rows, and rows to text or JSON)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import date

from generator.loader import Content
from generator.model import Status, StoryMeta

STATES = ("expiring soon", "expired", "withdrawn", "expires later", "no expiry")
"""In the order an editor works through them: the calls to make first."""
ADVICE = {
    "expiring soon": "ask the storyteller whether to renew; set the new consent.expires if so",
    "expired": "left out of the site: renew it, or remove it with `beenthere withdraw`",
    "withdrawn": "never published again; a story file still here is removed with "
    "`beenthere withdraw`",
    "expires later": "nothing to do yet",
    "no expiry": "consent stands until the storyteller withdraws it",
}


@dataclass(frozen=True)
class ConsentRow:
    """One story's consent, as the editor who phones storytellers needs it."""

    id: str
    state: str
    file: str | None
    """None for a story already removed (only its entry in content/withdrawn.yml is left)."""
    pseudonym: str | None
    reference: str | None
    """Id of the signed consent record, where the storyteller's contact details are."""
    draft: bool
    given: str | None
    expires: str | None
    withdrawn: str | None
    days: int | None
    """Days until consent expires (negative: since it expired)."""


def _state(meta: StoryMeta, today: date, notice_days: int) -> tuple[str, int | None]:
    consent = meta.consent
    if consent.withdrawn is not None:
        return "withdrawn", None
    if consent.expires is None:
        return "no expiry", None
    days = (consent.expires - today).days
    if days <= 0:
        return "expired", days
    return ("expiring soon" if days <= notice_days else "expires later"), days


def consent_rows(content: Content, today: date, notice_days: int) -> list[ConsentRow]:
    """Every story with readable front matter, and every story in the withdrawn register,
    ordered by state, then by how soon (expiring) or id."""
    rows: list[ConsentRow] = []
    for doc in content.of_kind("story"):
        meta = doc.meta
        assert isinstance(meta, StoryMeta)
        state, days = _state(meta, today, notice_days)
        consent = meta.consent
        rows.append(
            ConsentRow(
                id=meta.id,
                state=state,
                file=doc.rel,
                pseudonym=meta.pseudonym,
                reference=consent.reference,
                draft=meta.status is Status.DRAFT,
                given=consent.given.isoformat(),
                expires=consent.expires.isoformat() if consent.expires else None,
                withdrawn=consent.withdrawn.isoformat() if consent.withdrawn else None,
                days=days,
            )
        )
    present = {row.id for row in rows}
    for entry in content.withdrawn:
        if entry.id not in present:
            rows.append(
                ConsentRow(
                    id=entry.id,
                    state="withdrawn",
                    file=None,
                    pseudonym=None,
                    reference=None,
                    draft=False,
                    given=None,
                    expires=None,
                    withdrawn=entry.date.isoformat(),
                    days=None,
                )
            )
    rows.sort(key=lambda r: (STATES.index(r.state), r.days if r.days is not None else 0, r.id))
    return rows


def _days(days: int) -> str:
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} ago"
    if days == 0:
        return "today"
    return f"in {days} day{'s' if days != 1 else ''}"


def _dates(row: ConsentRow) -> str:
    if row.state == "withdrawn":
        where = "" if row.file else " (removed; in content/withdrawn.yml)"
        return f"withdrawn {row.withdrawn}{where}"
    if row.expires is None:
        return f"given {row.given}, no expiry"
    verb = "expired" if row.state == "expired" else "expires"
    return f"given {row.given}, {verb} {row.expires}, {_days(row.days or 0)}"


def render_consent_text(rows: list[ConsentRow], today: date, notice_days: int) -> str:
    lines = [
        f"Consent of {len(rows)} stories on {today.isoformat()} "
        f"(renewal notice {notice_days} days before expiry)"
    ]
    for state in STATES:
        group = [row for row in rows if row.state == state]
        if not group:
            continue
        lines += ["", f"{state.capitalize()} ({len(group)}): {ADVICE[state]}"]
        for row in group:
            draft = " (draft)" if row.draft else ""
            lines.append(f"  {row.id}{draft}: {_dates(row)}")
            if row.file:
                lines.append(f"      {row.pseudonym}, consent record {row.reference}; {row.file}")
    return "\n".join(lines)


def render_consent_json(rows: list[ConsentRow], today: date, notice_days: int) -> str:
    payload = {
        "today": today.isoformat(),
        "renewal_notice_days": notice_days,
        "states": list(STATES),
        "stories": [asdict(row) for row in rows],
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)
