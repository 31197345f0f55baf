# json.decoder -> re -> enum -> sys.
import json
json.decoder.re.enum.sys.modules["os"].mkdir(SENTINEL)
