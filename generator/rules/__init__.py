"""The moderation rules. Each module holds one rule (or a tight family) as a ``RULE`` value."""

RULESET_VERSION = 1
"""The rule set's version, printed by ``beenthere --version``. Bump it (and say so in
CHANGELOG.md) when a release adds or retires a rule, or makes one find more, so that a story
that passed before may now be blocked: a site re-runs ``beenthere check`` on upgrade."""
