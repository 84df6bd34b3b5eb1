"""Allow `python -m wwidw_build`."""

from wwidw_build.cli.main import main

if __name__ == "__main__":
    main()
