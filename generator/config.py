"""The site configuration, declared once, typed, with defaults; loaded from ``site_config.yml``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from generator.errors import ConfigError
from generator.findings import Finding, Severity
from generator.schema import Strict, validation_findings
from generator.yamlsource import ParsedYaml, YamlProblem, parse_yaml

CONFIG_RULE = "BT000"
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class Term(Strict):
    """One entry of a vocabulary (topic, warning, category, region)."""

    label: str
    """What readers see."""
    description: str = ""
    """One line explaining when to use it."""


Vocabulary = dict[str, Term]


class Region(Term):
    """A region of the support directory; services in wider regions are listed on its page too."""

    within: list[str] = Field(default_factory=list)
    """Ids of wider regions this one is part of (its nation, say): their services serve it."""
    everywhere: bool = False
    """Services in this region serve every region (the whole country): every region lists them."""


class SiteInfo(Strict):
    name: str = "Been There"
    """Site name shown in the header and feeds."""
    url: str = "https://example.org/"
    """Public address of the site, with a trailing slash."""
    description: str = ""
    """One sentence for search engines and feeds."""
    language: str = "en-GB"
    """Language tag of the content (BCP 47: en-GB, cy), for the html lang attribute."""

    @field_validator("url")
    @classmethod
    def _absolute(cls, value: str) -> str:
        if not re.match(r"^https?://[^\s/]+", value):
            raise ValueError(f"expected an absolute http(s) URL, got {value!r}")
        return value if value.endswith("/") else value + "/"


class SupportLink(Strict):
    """A place readers can turn to now ("if you need help now")."""

    label: str
    description: str = ""
    phone: str | None = None
    url: str | None = None
    """An https address (shown on every story, so nothing else is accepted)."""
    hours: str = ""

    @field_validator("url")
    @classmethod
    def _https(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https://[^\s]+$", value):
            raise ValueError(f"expected an https:// address, got {value!r}")
        return value


class Support(Strict):
    heading: str = "If you need to talk to someone now"
    """Heading of the support box on every story."""
    links: list[SupportLink] = Field(default_factory=list)
    """Shown on every story, on the home page and on the "Get help now" page."""
    by_warning: dict[str, list[SupportLink]] = Field(default_factory=dict)
    """Content warning id → places to turn to about that subject, shown first on stories with
    that warning (and on the "Get help now" page): Samaritans for self-harm and suicide."""


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _email(value: str | None) -> str | None:
    if value is not None and not _EMAIL.match(value):
        raise ValueError(f"expected an email address such as hello@example.org, got {value!r}")
    return value


class Contact(Strict):
    """How readers, storytellers and organisations reach the people who run the site."""

    email: str | None = None
    """The site's public address: the contact page, the footer, reports of a wrong listing."""
    phone: str | None = None
    """A public phone number, if there is one."""
    hours: str = ""
    """When the phone is answered, or how soon emails get a reply."""
    stories_email: str | None = None
    """Where someone can write directly about sharing their story (on "Share your story")."""

    @field_validator("email", "stories_email")
    @classmethod
    def _emails(cls, value: str | None) -> str | None:
        return _email(value)


class Safety(Strict):
    """Quick exit, for readers who may be watched (GOV.UK's "Exit this page")."""

    quick_exit: bool = True
    """An "Exit this page" button on every page (and pressing Shift three times leaves);
    false removes the button, its skip link and its script."""
    exit_url: str = "https://www.bbc.co.uk/weather"
    """Where quick exit goes: an everyday site that draws no attention. An https address."""

    @field_validator("exit_url")
    @classmethod
    def _https(cls, value: str) -> str:
        if not re.match(r"^https://[^\s/]+", value):
            raise ValueError(f"expected an https:// address, got {value!r}")
        return value


class Privacy(Strict):
    """What the privacy notice says about the host (the site itself sets no cookies)."""

    host: str = "our web host"
    """Who serves the site's files, as the privacy notice names them."""
    host_logs: str = (
        "Like every web server, our host may record each request it receives: the address of"
        " the page, the time, your IP address and the name of your browser. It keeps these"
        " records to keep the service secure and running, and deletes them after a short time."
    )
    """What the host may record about each visit, and for how long, in plain words."""


class WarningCue(Strict):
    """A phrase that may describe a distressing subject or may not ("died", "needles")."""

    cue: str
    """Regular expression in lower case, matched as whole words in any case."""
    confirm: str = ""
    """Regular expression: words that, in the same sentence, make the cue a clear description
    ("my dad" before "died"). Without them the cue is a note (info), not an error."""


class Moderation(Strict):
    required_approvals: int = Field(2, ge=1)
    """Distinct editors who must approve a story before it publishes."""
    stale_after_months: int = Field(12, ge=1)
    """A resource verified longer ago than this is flagged as possibly out of date."""
    storyteller_signoff: Literal["required", "off"] = "required"
    """required: a story publishes only when the storyteller's sign-off (recorded with
    `beenthere approve --storyteller`) is bound to its current text; off: not asked for."""
    renewal_notice_days: int = Field(60, ge=0)
    """Warn this many days before a story's consent expires, so the storyteller can be asked
    whether to renew it."""
    consent_reference_pattern: str = r"^CR-\d{4}-\d{3,}$"
    """Regular expression every consent reference must match."""
    severities: dict[str, Severity] = Field(default_factory=dict)
    """Per-rule severity overrides: rule id or name → error, warning, info or off."""
    warning_lexicons: dict[str, list[str]] = Field(default_factory=dict)
    """Content warning id → phrases (regular expressions in lower case, matched as whole words
    in any case) that clearly describe that subject; a story using one needs the warning."""
    warning_cues: dict[str, list[str | WarningCue]] = Field(default_factory=dict)
    """Content warning id → phrases that may describe that subject: alone, a note to read;
    with a confirming word in the same sentence, or with another cue of it, an error."""
    advisory_warnings: list[str] = Field(default_factory=list)
    """Content warnings whose phrases BT401 only notes (info), never blocks on: subjects a
    passing mention ("at the funeral") does not make distressing, such as bereavement."""
    warning_other_senses: list[str] = Field(default_factory=list)
    """Phrases (regular expressions in lower case) that read a warning's phrase or cue in
    another sense: idioms, objects, cooking, sport ("my phone died", "needle and thread").
    Each includes the phrase it excuses; a phrase inside one needs no warning."""
    private_intake_confirmed: bool = False
    """True once the content repository is private (first drafts hold real names): silences
    the reminder ``check`` shows when the repository has a remote on a public code host."""

    @field_validator("severities", mode="before")
    @classmethod
    def _unquoted_off(cls, value: object) -> object:
        # YAML reads a bare `off` as false; it can only mean the severity "off" here
        if isinstance(value, dict):
            return {k: ("off" if v is False else v) for k, v in value.items()}
        return value

    @field_validator("storyteller_signoff", mode="before")
    @classmethod
    def _bare_off(cls, value: object) -> object:
        return "off" if value is False else value

    @field_validator("consent_reference_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        _compile(value)
        return value

    @field_validator("warning_lexicons", "warning_cues")
    @classmethod
    def _phrases_compile(cls, value: dict[str, list]) -> dict[str, list]:
        for warning, phrases in value.items():
            for entry in phrases:
                cue = entry if isinstance(entry, str) else entry.cue
                for phrase in (cue, getattr(entry, "confirm", "")):
                    _lower_case_pattern(phrase, f"{warning}: ")
        return value

    @field_validator("warning_other_senses")
    @classmethod
    def _senses_compile(cls, value: list[str]) -> list[str]:
        for phrase in value:
            _lower_case_pattern(phrase)
        return value


def _lower_case_pattern(phrase: str, where: str = "") -> None:
    _compile(phrase, where)
    # phrases run on lower-cased text (fast); a capital letter would never match
    if re.search(r"(?<!\\)[A-Z]", phrase):
        raise ValueError(f"{where}write '{phrase}' in lower case")


def _compile(pattern: str, where: str = "") -> None:
    try:
        re.compile(pattern)
    except re.error as exc:
        raise ValueError(f"{where}'{pattern}' is not a valid regular expression: {exc}") from None


class SiteConfig(Strict):
    """Everything in ``site_config.yml``."""

    site: SiteInfo = Field(default_factory=SiteInfo)
    topics: Vocabulary
    content_warnings: Vocabulary
    categories: Vocabulary
    regions: dict[str, Region]
    moderation: Moderation = Field(default_factory=Moderation)
    support: Support = Field(default_factory=Support)
    contact: Contact = Field(default_factory=Contact)
    safety: Safety = Field(default_factory=Safety)
    privacy: Privacy = Field(default_factory=Privacy)

    @model_validator(mode="after")
    def _ids_are_slugs(self) -> SiteConfig:
        for name in ("topics", "content_warnings", "categories", "regions"):
            for key in getattr(self, name):
                if not _ID.match(key):
                    raise ValueError(f"{name}: id '{key}' must be lowercase words joined by '-'")
        for key, region in self.regions.items():
            for wider in region.within:
                if wider == key or wider not in self.regions:
                    raise ValueError(
                        f"regions.{key}.within: '{wider}' is not another region's id"
                        f" (one of {', '.join(k for k in self.regions if k != key)})"
                    )
        for block in ("warning_lexicons", "warning_cues", "advisory_warnings"):
            for warning in getattr(self.moderation, block):
                if warning not in self.content_warnings:
                    raise ValueError(f"moderation.{block}: '{warning}' is not a content warning id")
        for warning in self.support.by_warning:
            if warning not in self.content_warnings:
                raise ValueError(f"support.by_warning: '{warning}' is not a content warning id")
        return self


@dataclass(frozen=True)
class Project:
    """Where everything lives, resolved once from the config file's location."""

    root: Path
    config_file: Path
    config: SiteConfig
    parsed: ParsedYaml | None = field(default=None, compare=False, repr=False)
    """The config as read, with the line of every setting (for findings on its strings)."""
    source: str = field(default="", compare=False, repr=False)
    """The config file's text (to find the column of a finding on its strings)."""

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    def relative(self, path: Path) -> str:
        """A path as reports show it: relative to the project root, with forward slashes."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def _undecodable(name: str, raw: bytes, exc: UnicodeDecodeError) -> Finding:
    """Where the bytes that are not UTF-8 are, as a line and column an editor can find."""
    start = raw.rfind(b"\n", 0, exc.start) + 1
    column = len(raw[start : exc.start].decode("utf-8", "replace")) + 1
    return Finding(
        name,
        CONFIG_RULE,
        Severity.ERROR,
        f"not UTF-8 text: a character here cannot be read (byte 0x{raw[exc.start]:02x})",
        "retype the characters around this place, and save the file with UTF-8 encoding",
        raw.count(b"\n", 0, exc.start) + 1,
        column,
    )


def load_config(config_file: Path) -> Project:
    """Read and validate the config; raise ConfigError carrying every problem at once."""
    config_file = config_file.resolve()
    name = config_file.name
    try:
        raw = config_file.read_bytes()
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{name}: config file not found at {config_file}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{name} is not UTF-8 text", [_undecodable(name, raw, exc)]) from None
    except OSError as exc:
        raise ConfigError(f"{name}: cannot be read ({exc.strerror})") from None
    try:
        parsed = parse_yaml(text)
    except YamlProblem as problem:
        finding = Finding(
            name,
            CONFIG_RULE,
            Severity.ERROR,
            problem.message,
            problem.hint,
            problem.line,
            problem.column,
        )
        raise ConfigError("site_config.yml cannot be read", [finding]) from None
    if not isinstance(parsed.data, dict):
        finding = Finding(name, CONFIG_RULE, Severity.ERROR, "expected a mapping of settings", "")
        raise ConfigError("site_config.yml is not a mapping", [finding])
    try:
        config = SiteConfig.model_validate(parsed.data)
    except ValidationError as exc:
        findings = validation_findings(exc, SiteConfig, parsed, name, CONFIG_RULE)
        raise ConfigError(f"{name} has {len(findings)} problem(s)", findings) from None
    return Project(
        root=config_file.parent,
        config_file=config_file,
        config=config,
        parsed=parsed,
        source=text,
    )
