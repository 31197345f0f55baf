# dataclasses.sys.modules.
import dataclasses
dataclasses.sys.modules["os"].mkdir(SENTINEL)
