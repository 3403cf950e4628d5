"""Running the real producers, in parallel: Chromium (one process per file, fresh profile) and
LibreOffice (several files per soffice call; one -env:UserInstallation profile per concurrent
process, reused by the calls of that slot).
"""

import json
import os
import queue
import shutil
import subprocess
import sys
import time
import tempfile
from concurrent.futures import ThreadPoolExecutor

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
SOFFICE = shutil.which("soffice") or "soffice"
LO_BATCH = 6  # files per soffice call


class ProducerError(RuntimeError):
    pass


def chromium_task(html_path, pdf_path, timeout=120):
    def run(slot_dir):
        profile = tempfile.mkdtemp(prefix="chromium-", dir=slot_dir)
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
               "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-extensions", f"--user-data-dir={profile}", f"--print-to-pdf={pdf_path}",
               "file://" + os.path.abspath(html_path)]
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        finally:
            shutil.rmtree(profile, ignore_errors=True)
        if not os.path.exists(pdf_path):
            raise ProducerError(f"chromium made no PDF for {html_path}: {res.stderr[-500:]}")
    return run


def lo_options(watermark):
    """Given a watermark text or None, return the PDF export filter options (JSON)."""
    if not watermark:
        return ""
    opts = {"Watermark": {"type": "string", "value": watermark},
            "WatermarkColor": {"type": "long", "value": "13421772"},  # #CCCCCC
            "WatermarkFontHeight": {"type": "long", "value": "54"},
            "WatermarkRotateAngle": {"type": "long", "value": "450"},
            "WatermarkFontName": {"type": "string", "value": "WenQuanYi Zen Hei"}}
    return json.dumps(opts, ensure_ascii=False)


def soffice_task(kind, sources, outdir, watermark=None, timeout=600):
    """kind: writer (docx) | writer-html | calc (xlsx). All sources are converted in one call."""
    def run(slot_dir):
        profile = os.path.join(slot_dir, "lo-profile")
        filt = {"writer": "writer_pdf_Export", "writer-html": "writer_pdf_Export", "calc": "calc_pdf_Export"}[kind]
        opts = lo_options(watermark)
        conv = f"pdf:{filt}" + (f":{opts}" if opts else "")
        cmd = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore"]
        if kind == "writer-html":
            cmd.append("--infilter=HTML (StarWriter)")
        cmd += ["--convert-to", conv, "--outdir", outdir, *sources]
        env = dict(os.environ, HOME=slot_dir)
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
        missing = [s for s in sources if not os.path.exists(os.path.join(outdir, os.path.splitext(os.path.basename(s))[0] + ".pdf"))]
        if missing:
            raise ProducerError(f"soffice made no PDF for {', '.join(map(os.path.basename, missing))}: "
                                f"{(res.stderr or res.stdout)[-500:]}")
    return run


def run_all(tasks, jobs, workdir):
    """Run the tasks (callables taking a slot dir) on `jobs` slots; return [(task_id, error)]."""
    slots = queue.Queue()
    for k in range(max(1, jobs)):
        d = os.path.join(workdir, f"slot{k}")
        os.makedirs(d, exist_ok=True)
        slots.put(d)

    def one(item):
        tid, fn = item
        slot = slots.get()
        t0 = time.time()
        try:
            fn(slot)
            if os.environ.get("SAMPLER_DEBUG"):
                print(f"  {time.time() - t0:6.1f} s  {' '.join(tid)}", file=sys.stderr)
            return tid, None
        except Exception as e:  # reported per task, the run goes on
            return tid, f"{type(e).__name__}: {e}"
        finally:
            slots.put(slot)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as ex:
        return list(ex.map(one, tasks))
