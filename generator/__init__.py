"""Been There: a moderated static-site generator for lived-experience stories."""

__version__ = "0.2.0"
