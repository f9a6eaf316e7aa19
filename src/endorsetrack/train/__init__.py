"""Training commands for the few learned parts (run from a checkout with the corpus)."""
