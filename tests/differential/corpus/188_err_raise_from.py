# expect-error: ConfigError
import json
class ConfigError(Exception):
    pass
def load(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"config is not valid JSON (line {exc.lineno})") from exc
good = load('{"retries": 3}')
print("loaded", good)
bad = load('{"retries": 3,}')
print("not reached", bad)
