# json.codecs.sys.modules: a refused module through an allowed one's imports.
import json
json.codecs.sys.modules["os"].mkdir(SENTINEL)
