# textwrap.re.enum.bltns.
import textwrap
textwrap.re.enum.bltns.open(SENTINEL, "w").close()
