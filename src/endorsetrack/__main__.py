"""`python -m endorsetrack`: the same command line as `endorsetrack`."""
from .cli.app import main

if __name__ == "__main__":
    main()
