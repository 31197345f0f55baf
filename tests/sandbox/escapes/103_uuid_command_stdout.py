# uuid._get_command_stdout runs a program found on PATH.
import uuid
uuid._get_command_stdout("mkdir", SENTINEL)
