# statistics.random._os.
import statistics
statistics.random._os.mkdir(SENTINEL)
