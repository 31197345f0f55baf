# re.enum.bltns: the builtins module through re's enum.
import re
re.enum.bltns.open(SENTINEL, "w").close()
