"""The call-insights app under the local host, on the emulators, with names of its own."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import requests
from azure.storage.blob import BlobServiceClient

from devhost import logs
from devhost.tests.hostproc import HostProcess
from devstack import services

REPO = Path(__file__).resolve().parents[2]


class AppHost(HostProcess):
    create_container = True  # False: left to the app, which creates it at start-up

    def __init__(self, data: Path, **env: str) -> None:
        self.tag = uuid.uuid4().hex[:8]
        self.calls_container = f"calls-{self.tag}"
        base_env = {
            "AzureWebJobsStorage": services.storage_connection(),
            "CALLS_CONTAINER": self.calls_container, "WORK_CONTAINER": f"work-{self.tag}",
            "COSMOS_ENDPOINT": services.cosmos_endpoint(), "COSMOS_KEY": services.COSMOS_KEY,
            "COSMOS_DATABASE": f"db{self.tag}", "COSMOS_CONTAINER": "calls",
            "TRANSCRIPTION_ENGINE": "local", "EXTRACTION_ENGINE": "local",
            "LOCAL_WHISPER_BEAM_SIZE": "1",
            # English test calls: the fast English model (tests/e2e/test_speakers_languages.py
            # runs the default multilingual one)
            "LOCAL_WHISPER_MODEL": "tiny.en",
        }
        base_env.update(env)
        super().__init__(REPO, data / "devhost", env=base_env,
                         extra_args=["--blob-poll-seconds", "0.3"])
        service = BlobServiceClient.from_connection_string(services.storage_connection())
        self.blobs = service.get_container_client(self.calls_container)
        self.work = service.get_container_client(f"work-{self.tag}")
        if self.create_container:
            self.blobs.create_container()

    def upload(self, name: str, data: bytes, overwrite: bool = False) -> None:
        self.blobs.upload_blob(name, data, overwrite=overwrite)

    def call(self, blob: str) -> requests.Response:
        return self.get("/api/calls", params={"blob": blob, **self.params})

    def wait_call(self, blob: str, timeout: float = 300, poll: float = 0.3) -> dict:
        """The call's record and status once its orchestration has finished (asked every `poll`
        seconds: each question is a Cosmos query, which costs CPU a benchmark would feel)."""
        deadline = time.monotonic() + timeout
        body: dict = {}
        while time.monotonic() < deadline:
            r = self.call(blob)
            if r.status_code == 200:
                body = r.json()
                done = body["orchestration"]["runtimeStatus"] in ("Completed", "Failed")
                if done and body["record"] is None:
                    raise AssertionError(f"{blob}: orchestration finished without a record: "
                                         f"{body}\n{self.log()[-3000:]}")
                if done and body["record"]["status"] != "processing":
                    return body
            time.sleep(poll)
        raise TimeoutError(f"{blob}: {body or 'no record'}\n{self.log()[-4000:]}")

    def executions(self, function: str, instance_id: str) -> int:
        return sum(1 for e in logs.executions(self.log(), instance_id)
                   if e.kind == "activity" and e.name == function)
