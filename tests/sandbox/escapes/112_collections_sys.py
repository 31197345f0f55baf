# collections._sys.
import collections
collections._sys.modules["os"].mkdir(SENTINEL)
