"""The editors' rule reference, generated from the registry (never written by hand)."""

from __future__ import annotations

from generator.registry import RULES
from generator.rules.base import Rule

KIND_NAMES = {"story": "stories", "resource": "resources", "page": "pages"}
PHASES = {
    "load": "while reading files",
    "check": "on every check and build",
    "waivers": "when waivers are matched",
    "output": "to the built site, before it replaces the old one",
}


def _fence(text: str) -> str:
    return "```text\n" + text.rstrip("\n") + "\n```"


def _rule_section(rule: Rule) -> str:
    kinds = ", ".join(KIND_NAMES[k] for k in sorted(rule.kinds))
    bad, good = rule.examples
    lines = [
        f"## {rule.id} {rule.name}",
        "",
        f"**What it checks.** {rule.summary}",
        "",
        f"**Why.** {rule.rationale}",
        "",
        f"**Severity** {rule.severity.value}"
        + (" (cannot be lowered)" if rule.structural else "")
        + f" · **applies to** {kinds} · **runs** {PHASES[rule.phase]}"
        + (" · **not on drafts**" if rule.gate else "")
        + (" · **can be waived**" if rule.waivable else ""),
        "",
        f"**How to fix.** {rule.hint[0].upper() + rule.hint[1:]}.",
    ]
    if bad:
        lines += ["", "Flagged:", "", _fence(bad)]
    if good:
        lines += ["", "Instead:", "", _fence(good)]
    return "\n".join(lines)


def render_rules_reference() -> str:
    """Markdown for RULES.md and the site's rule reference page."""
    intro = """# Moderation rules

Every `beenthere check` and `beenthere build` runs these rules. An **error** blocks publication
until it is fixed (or, for rules that can be waived, waived by an editor); a **warning** asks
an editor to look; **info** reports what is left out and why. Severities can be changed per rule
in `site_config.yml` under `moderation.severities`, except for structural rules.

Drafts are checked in full from the first save, because a draft in a pull request on a public
repository is already public: a name in a draft is an error, and `beenthere approve` refuses a
story with errors. Only the rules marked **not on drafts**, which decide whether finished text
may go out, wait until `status: published`. A story whose consent was withdrawn or has expired
gets only the structural rules: it is left out of the site, and its fix is to withdraw it.

To waive one finding, add it to the story's front matter with the exact text the rule matched:

```yaml
waivers:
  - rule: BT211            # rule id or name
    text: Mark Brown       # the exact text matched, as shown by `beenthere check`
    reason: "Mark Brown is the name of the cafe, not a person"
    by: <your-handle>
```

A waiver silences only that rule on that exact text, is shown as waived in every report, and is
part of what editors approve and the storyteller signs off: adding one means both again.

A story goes out when it passes every rule, two editors have approved its exact text
(`beenthere approve <file> --by <your-handle>`), and an editor has recorded the storyteller's
agreement to that text (`beenthere approve <file> --storyteller --by <your-handle>`); after
publication, BT106 warns in good time before its consent runs out.

| id | name | severity | what it checks |
|---|---|---|---|
"""
    table = "\n".join(
        f"| [{r.id}](#{r.id.lower()}-{r.name}) | {r.name} | {r.severity.value} | {r.summary} |"
        for r in RULES
    )
    sections = "\n\n".join(_rule_section(rule) for rule in RULES)
    return intro + table + "\n\n" + sections + "\n"
