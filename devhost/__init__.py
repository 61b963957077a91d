"""devhost: a local Azure Functions host for Python v2-model Durable Functions apps.

It loads an app directory, discovers its functions through the `azure-functions` SDK, drives
orchestrators through the `azure-functions-durable` SDK's own handler with DTFx-shaped histories,
keeps instances in SQLite under a data directory and serves the Durable HTTP API. The app never
imports this package.
"""

__version__ = "0.1.0"
