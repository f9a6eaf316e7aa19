"""`endorsetrack eval`. PLACEHOLDER until the eval helper lands."""
