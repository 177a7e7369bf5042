"""Shared schema machinery: ISO dates, strict models, and validation errors as findings."""

from __future__ import annotations

import difflib
import re
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError

from generator.findings import Finding, Severity
from generator.yamlsource import ParsedYaml

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VALIDATOR = re.compile(r"^[a-z]+(?:-[a-z]+)*\[.*\]$")


def _iso_date(value: Any) -> Any:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {_show(value)}")
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValueError(f"not a real date: {value} ({exc})") from None


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
"""A calendar date written as YYYY-MM-DD (nothing else is accepted)."""


class Strict(BaseModel):
    """Base for every schema: unknown keys are errors, values are not silently coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _field_names_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Names of the fields allowed where ``loc`` points, for 'did you mean' hints."""
    current: Any = model
    for part in loc:
        current = _step(current, part)
        if current is None:
            return []
    current = _step(current, None)
    return list(current.model_fields) if current is not None else []


def _step(annotation: Any, part: Any) -> Any:
    """Follow one location step (a field name, a dict key or a list index) through types."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if part is None:
            return annotation
        field = annotation.model_fields.get(part)
        return field.annotation if field else None
    origin = getattr(annotation, "__origin__", None)
    args = [a for a in getattr(annotation, "__args__", ()) if a is not type(None)]
    if origin is dict and len(args) == 2:
        return args[1] if part is not None else None
    if origin is list and args:
        return args[0] if part is not None else None
    if len(args) == 1 or (origin is None and args):  # Optional[X] / X | None
        return _step(args[0], part)
    return None


def validation_findings(
    exc: ValidationError,
    model: type[BaseModel],
    parsed: ParsedYaml,
    file: str,
    rule: str,
) -> list[Finding]:
    """Turn every pydantic error into a finding with the line of the offending key."""
    findings = []
    for error in exc.errors(include_url=False):
        # pydantic adds validator names such as 'function-before[...]' to the location
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and _VALIDATOR.match(p)))
        where = ".".join(str(p) if p != "" else "''" for p in loc) or "front matter"
        kind = error["type"]
        hint = ""
        if kind == "missing":
            message = f"{where}: required field is missing"
            hint = f"add `{loc[-1]}:` to the front matter" if loc else "add the missing field"
        elif kind == "extra_forbidden":
            name = str(loc[-1]) if loc else ""
            message = f"{where}: unknown field '{name}'"
            allowed = _field_names_at(model, loc[:-1])
            close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
            hint = (
                f"did you mean '{close[0]}'?"
                if close
                else f"remove it; allowed here: {', '.join(allowed) or 'nothing'}"
            )
        else:
            detail = error["msg"].removeprefix("Value error, ")
            message = f"{where}: {detail}"
            if "got" not in detail and "input" in error:
                message += f", got {_show(error['input'])}"
            hint = _hint_for(kind, detail)
        findings.append(
            Finding(
                file=file,
                rule=rule,
                severity=Severity.ERROR,
                message=message,
                hint=hint,
                line=parsed.line_of(loc),
            )
        )
    return findings


def _hint_for(kind: str, detail: str) -> str:
    if "date" in detail:
        return "write the date as YYYY-MM-DD, e.g. 2026-03-01"
    if kind.startswith("string"):
        return "write text; put it in quotes if it looks like a number or yes/no"
    if kind.startswith("list"):
        return "write a list, e.g. [housing, recovery]"
    if kind.startswith("int"):
        return "write a whole number"
    if kind in ("model_type", "dict_type"):
        return "this needs sub-keys, indented under it"
    if kind in ("literal_error", "enum"):
        return "use one of the allowed values"
    return "correct the value"
