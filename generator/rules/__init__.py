"""The moderation rules. Each module holds one rule (or a tight family) as a ``RULE`` value."""
