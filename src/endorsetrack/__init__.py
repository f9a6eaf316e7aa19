"""endorsetrack: political endorsements and polls from news text, with evidence."""

__version__ = "0.1.0"
