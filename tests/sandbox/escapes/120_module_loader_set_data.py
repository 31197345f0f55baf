# A module's __loader__ writes files: SourceFileLoader.set_data.
import json
json.__loader__.set_data(SENTINEL, b"escaped")
