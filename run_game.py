"""Play Kathy's Memories: `python run_game.py` (a window) or `python run_game.py --text`."""

import sys

from game.launcher import main

if __name__ == "__main__":
    sys.exit(main())
