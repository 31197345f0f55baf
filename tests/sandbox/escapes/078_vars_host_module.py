# vars() of an allowed module lists the modules it imported.
import random
vars(random)["_os"].mkdir(SENTINEL)
