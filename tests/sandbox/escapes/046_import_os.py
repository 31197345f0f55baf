# import os.
import os
os.mkdir(SENTINEL)
