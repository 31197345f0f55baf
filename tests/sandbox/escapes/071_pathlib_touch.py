# pathlib writes files.
import pathlib
pathlib.Path(SENTINEL).touch()
