# random._os is os.
import random
random._os.mkdir(SENTINEL)
