"""`python -m kg` runs the command line, for environments without the console script on PATH."""
from .cli import main

main()
