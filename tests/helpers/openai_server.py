"""A local server that speaks the OpenAI and Azure OpenAI APIs the pipeline calls, with faults.

Routes, in both URL styles:
  OpenAI       POST /v1/audio/transcriptions, POST /v1/chat/completions   (Authorization: Bearer)
  Azure OpenAI POST /openai/deployments/{deployment}/audio/transcriptions?api-version=...
               POST /openai/deployments/{deployment}/chat/completions?api-version=...
               (api-key header, or Authorization: Bearer for Entra ID tokens)

It checks what the real services check (key, model or deployment, api-version, a multipart file
with a name and a supported extension, the 25 MB limit, a JSON schema for structured output) and
answers with a scripted transcript and an extraction made by the project's offline extractor from
the transcript it is sent (so the fields are grounded in the call, as a good model's would be).
Faults are queued per test: 429 with Retry-After, 500, 503, a stall past the client's timeout, a
dropped connection, truncated JSON, schema-invalid content, a content-filter refusal.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Any

import av
from aiohttp import web

SUPPORTED = {"flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg", "wav", "webm"}
LIMIT = 25 * 1024 * 1024


@dataclass
class Fault:
    route: str  # "transcriptions" or "chat"
    kind: str  # 429, 500, 503, stall, drop, truncated, invalid_schema, content_filter, odd_segments
    retry_after: float | None = None
    stall_seconds: float = 5.0


@dataclass
class FakeOpenAI:
    key: str = "sk-local-test-5f0c2a9e1b7d4c3a"
    models: tuple[str, ...] = ("whisper-1", "gpt-4o-mini", "gpt-4o-transcribe-diarize")
    deployments: tuple[str, ...] = ("whisper", "gpt-extract")
    transcript: str = "Hello, this is a test call."
    turns: list[tuple[str, str]] = field(default_factory=list)
    """(speaker, words) in order: what a diarising model hears; else the transcript, one voice."""
    faults: deque = field(default_factory=deque)
    requests: Counter = field(default_factory=Counter)
    prompts: list[str] = field(default_factory=list)  # the user message of each chat request
    port: int = 0

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> FakeOpenAI:
        ready = threading.Event()

        def run() -> None:
            self.loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self.loop)
            app = web.Application(client_max_size=64 * 1024 * 1024)
            app.add_routes([
                web.post("/v1/audio/transcriptions", self.transcriptions),
                web.post("/v1/chat/completions", self.chat),
                web.post("/openai/deployments/{deployment}/audio/transcriptions",
                         self.transcriptions),
                web.post("/openai/deployments/{deployment}/chat/completions", self.chat),
            ])
            self.runner = web.AppRunner(app, access_log=None)
            self.loop.run_until_complete(self.runner.setup())
            site = web.TCPSite(self.runner, "127.0.0.1", self.port)
            self.loop.run_until_complete(site.start())
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            ready.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            await self.runner.cleanup()
        asyncio.run_coroutine_threadsafe(close(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def inject(self, route: str, kind: str, times: int = 1, **kw: Any) -> None:
        for _ in range(times):
            self.faults.append(Fault(route, kind, **kw))

    # -- checks shared by both routes ------------------------------------------------------------
    def _error(self, status: int, message: str, code: str,
               headers: dict[str, str] | None = None) -> web.Response:
        return web.json_response({"error": {"message": message, "type": "invalid_request_error",
                                            "code": code}}, status=status, headers=headers)

    def _auth_and_model(self, request: web.Request, model: str | None) -> web.Response | None:
        deployment = request.match_info.get("deployment")
        if deployment is not None:
            if not request.query.get("api-version"):
                return self._error(404, "Resource not found", "404")
            presented = request.headers.get("api-key") or \
                request.headers.get("Authorization", "").removeprefix("Bearer ")
            if presented != self.key:
                return self._error(401, "Access denied due to invalid subscription key.", "401")
            if deployment not in self.deployments:
                return self._error(404, "The API deployment for this resource does not exist.",
                                   "DeploymentNotFound")
            return None
        if request.headers.get("Authorization") != f"Bearer {self.key}":
            return self._error(401, "Incorrect API key provided.", "invalid_api_key")
        if model not in self.models:
            return self._error(404, f"The model `{model}` does not exist.", "model_not_found")
        return None

    async def _fault(self, request: web.Request,
                     route: str) -> tuple[web.StreamResponse | None, str | None]:
        """The response of the next queued fault for `route`, or the kind of a body-level fault."""
        fault = next((f for f in self.faults if f.route == route), None)
        if fault is None:
            return None, None
        self.faults.remove(fault)
        self.requests[f"{route}:fault:{fault.kind}"] += 1
        if fault.kind in ("429", "500", "503"):
            headers = {"retry-after": str(fault.retry_after)} if fault.retry_after else {}
            return self._error(int(fault.kind), f"injected {fault.kind}", fault.kind, headers), None
        if fault.kind == "stall":
            await asyncio.sleep(fault.stall_seconds)
            return self._error(504, "stalled", "timeout"), None
        if fault.kind == "drop":
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=500), None
        if fault.kind == "content_filter":
            return self._error(400, "The response was filtered due to the prompt triggering "
                               "Azure OpenAI's content management policy.", "content_filter"), None
        return None, fault.kind  # truncated / invalid_schema / odd_segments: applied to the body

    # -- handlers ------------------------------------------------------------------------------
    async def transcriptions(self, request: web.Request) -> web.StreamResponse:
        self.requests["transcriptions"] += 1
        form = await request.post()
        denied = self._auth_and_model(request, str(form.get("model")))
        if denied is not None:
            return denied
        upload = form.get("file")
        if not isinstance(upload, web.FileField):
            return self._error(400, "you must provide a file", "invalid_request_error")
        data = upload.file.read()
        name = upload.filename or ""
        if len(data) > LIMIT:
            return self._error(413, "Maximum content size limit (26214400) exceeded", "413")
        if name.rsplit(".", 1)[-1].lower() not in SUPPORTED:
            return self._error(400, f"Invalid file format. Supported formats: {sorted(SUPPORTED)}",
                               "invalid_file_format")
        fault, body_fault = await self._fault(request, "transcriptions")
        if fault is not None:
            return fault
        duration = _duration(data)
        if "diarize" in str(form.get("model")):
            return self._diarized(form, duration)
        words = self.transcript.split()
        per = max(1, len(words) // max(1, int(duration // 5) or 1))
        segments: list[dict[str, Any]] = []
        t = 0.0
        step = duration / max(1, (len(words) + per - 1) // per)
        for i in range(0, len(words), per):
            segments.append({"id": len(segments), "start": round(t, 2), "end": round(t + step, 2),
                             "text": " " + " ".join(words[i:i + per]), "avg_logprob": -0.2,
                             "no_speech_prob": 0.01, "temperature": 0.0, "tokens": [],
                             "seek": 0, "compression_ratio": 1.2})
            t += step
        if body_fault == "odd_segments":  # a shape the adapter does not expect
            segments = [dict(s, start="soon") for s in segments]
        answer = json.dumps({"task": "transcribe", "language": "english", "duration": duration,
                             "text": self.transcript, "segments": segments})
        if body_fault == "truncated":
            return web.Response(text=answer[: len(answer) // 2], content_type="application/json")
        self.requests["transcriptions:ok"] += 1
        return web.Response(text=answer, content_type="application/json")

    def _diarized(self, form: Any, duration: float) -> web.Response:
        """gpt-4o-transcribe-diarize as the API documents it: `diarized_json` for speakers,
        `chunking_strategy` required above 30 s, no timestamp granularities, labels A, B, ..."""
        if form.get("response_format") not in ("json", "text", "diarized_json"):
            return self._error(400, "response_format must be json, text or diarized_json for "
                               "this model", "unsupported_value")
        if form.get("timestamp_granularities[]") or form.get("timestamp_granularities"):
            return self._error(400, "timestamp_granularities is not supported for this model",
                               "unsupported_parameter")
        if duration > 30 and not form.get("chunking_strategy"):
            return self._error(400, "chunking_strategy is required for audio longer than 30 "
                               "seconds", "invalid_value")
        turns = self.turns or [("speaker", self.transcript)]
        labels: dict[str, str] = {}
        step = duration / len(turns)
        segments = [{"type": "transcript.text.segment", "id": f"seg_{i}",
                     "start": round(i * step, 2), "end": round((i + 1) * step, 2), "text": words,
                     "speaker": labels.setdefault(who, "ABCDEFGH"[len(labels)])}
                    for i, (who, words) in enumerate(turns)]
        self.requests["transcriptions:ok"] += 1
        return web.json_response({"task": "transcribe", "duration": duration,
                                  "text": " ".join(w for _, w in turns), "segments": segments,
                                  "usage": {"type": "duration", "seconds": round(duration)}})

    async def chat(self, request: web.Request) -> web.StreamResponse:
        self.requests["chat"] += 1
        body = await request.json()
        denied = self._auth_and_model(request, body.get("model"))
        if denied is not None:
            return denied
        fmt = body.get("response_format") or {}
        schema = (fmt.get("json_schema") or {}).get("schema")
        if fmt.get("type") != "json_schema" or not isinstance(schema, dict) or \
                "properties" not in schema:
            return self._error(400, "response_format json_schema is required", "invalid_schema")
        fault, body_fault = await self._fault(request, "chat")
        if fault is not None:
            return fault
        transcript = body["messages"][-1]["content"]
        self.prompts.append(transcript)
        content = json.dumps(_extract(transcript))
        if body_fault == "invalid_schema":
            content = json.dumps({"customer_name": "not an object", "buying_intent": 7})
        elif body_fault == "truncated":
            text = json.dumps(_completion(body["model"], content, transcript))
            return web.Response(text=text[: len(text) // 2], content_type="application/json")
        self.requests["chat:ok"] += 1
        return web.json_response(_completion(body["model"], content, transcript))


def _completion(model: str, content: str, prompt: str) -> dict:
    return {"id": f"chatcmpl-{int(time.time() * 1000)}", "object": "chat.completion",
            "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": content, "refusal": None}}],
            "usage": {"prompt_tokens": len(prompt) // 4 + 200,
                      "completion_tokens": len(content) // 4,
                      "total_tokens": (len(prompt) + len(content)) // 4 + 200}}


def _duration(data: bytes) -> float:
    try:
        with av.open(io.BytesIO(data), "r") as container:
            stream = container.streams.audio[0]
            if stream.duration and stream.time_base:
                return float(stream.duration * stream.time_base)
            frames = container.decode(audio=0)
            return sum(int(f.samples) for f in frames) / float(stream.rate or 16000)
    except (av.error.FFmpegError, IndexError):
        return 1.0


def _extract(prompt: str) -> dict:
    """What a well-behaved model would answer: the offline extractor over the labelled turns of
    the prompt ("[CUSTOMER S2] words"), with the roles the prompt gives."""
    from core.local_extraction import extract
    from models.call import Segment, Speaker, Transcript

    body = prompt.split("<transcript>", 1)[-1].split("</transcript>", 1)[0].strip()
    segments, speakers = [], {}
    for line in body.splitlines():
        m = re.match(r"^\[(REP|CUSTOMER|SPEAKER)(?: (\S+))?\]\s*(.*)$", line.strip())
        role, label, text = (m.group(1).lower(), m.group(2) or "", m.group(3)) if m else \
            ("speaker", "", line.strip())
        if not text:
            continue
        segments.append(Segment(start=0.0, end=0.0, text=text, confidence=1.0,
                                speaker=label or None))
        if label:
            speakers[label] = Speaker(label=label, role="rep" if role == "rep" else
                                      "customer" if role == "customer" else "unknown")
    transcript = Transcript(text=" ".join(s.text for s in segments), segments=segments,
                            speakers=list(speakers.values()))
    return extract(transcript).model_dump(mode="json")


