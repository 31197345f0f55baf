# sys.modules hands out every module the host loaded.
import sys
sys.modules["os"].mkdir(SENTINEL)
