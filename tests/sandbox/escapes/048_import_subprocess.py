# subprocess.
import subprocess
subprocess.run(["mkdir", SENTINEL], check=True)
