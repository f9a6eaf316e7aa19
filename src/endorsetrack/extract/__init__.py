"""Claims from a parsed article: endorsement frames, polls, dates."""
