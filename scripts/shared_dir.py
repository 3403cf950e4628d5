"""Where the development corpus is, for the Python scripts: ../shared/corpus/dev beside the
checkout (as in CI), or $ZIPING_DEV_CORPUS. Twin of src/dev/shared.ts; never an absolute machine
path."""
import os

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SHARED_DIR = os.path.abspath(os.path.join(REPO_ROOT, "..", "shared"))


def dev_corpus():
    """The development corpus folder (it may be missing: callers say so)."""
    env = os.environ.get("ZIPING_DEV_CORPUS")
    return os.path.abspath(env) if env else os.path.join(SHARED_DIR, "corpus", "dev")
