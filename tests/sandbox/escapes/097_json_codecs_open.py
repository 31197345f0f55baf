# json.codecs.open: the file system through an allowed module's import.
import json
json.codecs.open(SENTINEL, "w").close()
