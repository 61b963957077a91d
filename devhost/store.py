"""SQLite store for instances, histories, the inbox, activity work, entity state and blob receipts.

The only module that speaks SQL: the engine and the entity dispatcher call the methods below.

Every state change of an orchestration is one transaction, so a host killed at any point resumes
from the last committed episode: completed activities are recorded with their results, in-flight
ones are still in `work` and run again (at-least-once, as in Azure).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Json = dict[str, Any]

SCHEMA = """
CREATE TABLE IF NOT EXISTS instances (
    instance_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    status TEXT NOT NULL,
    input TEXT,
    output TEXT,
    custom_status TEXT,
    created_time TEXT NOT NULL,
    last_updated_time TEXT NOT NULL,
    parent_instance_id TEXT,
    parent_task_id INTEGER,
    next_event_id INTEGER NOT NULL DEFAULT 0,
    actions_seen INTEGER NOT NULL DEFAULT 0,
    version TEXT,
    state TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS instances_created ON instances(created_time);
CREATE TABLE IF NOT EXISTS history (
    instance_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    PRIMARY KEY (instance_id, seq)
);
CREATE TABLE IF NOT EXISTS inbox (
    msg_id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    visible_at REAL NOT NULL,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inbox_due ON inbox(visible_at);
CREATE TABLE IF NOT EXISTS work (
    work_id INTEGER PRIMARY KEY AUTOINCREMENT,
    instance_id TEXT NOT NULL,
    execution_id TEXT NOT NULL,
    task_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    input TEXT
);
CREATE INDEX IF NOT EXISTS work_instance ON work(instance_id);
CREATE TABLE IF NOT EXISTS entities (
    entity_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    state TEXT,
    last_operation_time TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS blob_receipts (
    function TEXT NOT NULL,
    container TEXT NOT NULL,
    blob_name TEXT NOT NULL,
    etag TEXT NOT NULL,
    status TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    updated REAL NOT NULL,
    PRIMARY KEY (function, container, blob_name, etag)
);
"""


@dataclass
class Instance:
    instance_id: str
    name: str
    execution_id: str
    status: str
    input: str | None
    output: str | None
    custom_status: str | None
    created_time: str
    last_updated_time: str
    parent_instance_id: str | None
    parent_task_id: int | None
    next_event_id: int
    actions_seen: int
    version: str | None
    state: Json = field(default_factory=dict)

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Instance:
        data = dict(row)
        data["state"] = json.loads(data["state"] or "{}")
        return cls(**data)


@dataclass
class EntityRow:
    """A durable entity: `@name@key` (name in lower case, as the SDK's scheduler id), its state
    as JSON text (None: the entity does not exist) and when an operation last ran on it."""

    entity_id: str
    name: str
    key: str
    state: str | None
    last_operation_time: str


HISTORY_CACHE_INSTANCES = 2000

TERMINAL = ("Completed", "Failed", "Terminated", "Canceled")


class Store:
    """One SQLite database; used from the host's event-loop thread only."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        # Histories of recently active instances, kept in step with every write below.
        self._histories: OrderedDict[str, list[Json]] = OrderedDict()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            self._histories.clear()
            raise
        self.db.execute("COMMIT")

    # -- instances -----------------------------------------------------------------------
    def get(self, instance_id: str) -> Instance | None:
        row = self.db.execute("SELECT * FROM instances WHERE instance_id=?",
                              (instance_id,)).fetchone()
        return Instance.from_row(row) if row else None

    def save(self, db: sqlite3.Connection, inst: Instance) -> None:
        db.execute(
            "INSERT OR REPLACE INTO instances VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (inst.instance_id, inst.name, inst.execution_id, inst.status, inst.input,
             inst.output, inst.custom_status, inst.created_time, inst.last_updated_time,
             inst.parent_instance_id, inst.parent_task_id, inst.next_event_id,
             inst.actions_seen, inst.version, json.dumps(inst.state)))

    def delete_instance(self, db: sqlite3.Connection, instance_id: str) -> int:
        self._histories.pop(instance_id, None)
        n = db.execute("DELETE FROM instances WHERE instance_id=?", (instance_id,)).rowcount
        for table in ("history", "inbox", "work"):
            db.execute(f"DELETE FROM {table} WHERE instance_id=?", (instance_id,))
        return n

    def delete_work(self, db: sqlite3.Connection, instance_id: str) -> None:
        """Drop an instance's pending activity work (terminated, finished, continued as new)."""
        db.execute("DELETE FROM work WHERE instance_id=?", (instance_id,))

    def delete_inbox(self, db: sqlite3.Connection, instance_id: str) -> None:
        db.execute("DELETE FROM inbox WHERE instance_id=?", (instance_id,))

    def query(self, statuses: list[str] | None, created_from: str | None,
              created_to: str | None, prefix: str | None, offset: int,
              limit: int | None) -> list[Instance]:
        sql = "SELECT * FROM instances WHERE 1=1"
        args: list[str | int] = []
        if statuses:
            sql += f" AND status IN ({','.join('?' * len(statuses))})"
            args += statuses
        if created_from:
            sql += " AND created_time >= ?"
            args.append(created_from)
        if created_to:
            sql += " AND created_time <= ?"
            args.append(created_to)
        if prefix:
            sql += " AND instance_id >= ? AND instance_id < ?"
            args += [prefix, prefix + "\uffff"]
        sql += " ORDER BY created_time, instance_id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [Instance.from_row(r) for r in self.db.execute(sql, args)]

    # -- history ---------------------------------------------------------------------------
    def history(self, instance_id: str) -> list[Json]:
        """The instance's history (a copy of the list; events must not be mutated)."""
        cached = self._histories.get(instance_id)
        if cached is None:
            cached = [json.loads(r[0]) for r in self.db.execute(
                "SELECT event FROM history WHERE instance_id=? ORDER BY seq", (instance_id,))]
            self._histories[instance_id] = cached
            while len(self._histories) > HISTORY_CACHE_INSTANCES:
                self._histories.popitem(last=False)
        self._histories.move_to_end(instance_id)
        return list(cached)

    def append_history(self, db: sqlite3.Connection, instance_id: str, start: int,
                       events: list[Json]) -> None:
        db.executemany("INSERT INTO history VALUES (?,?,?)",
                       [(instance_id, start + i, json.dumps(e)) for i, e in enumerate(events)])
        cached = self._histories.get(instance_id)
        if cached is not None and len(cached) == start:
            cached.extend(events)
        else:
            self._histories.pop(instance_id, None)

    def replace_history(self, db: sqlite3.Connection, instance_id: str,
                        events: list[Json]) -> None:
        db.execute("DELETE FROM history WHERE instance_id=?", (instance_id,))
        self._histories.pop(instance_id, None)
        self.append_history(db, instance_id, 0, events)

    # -- inbox -----------------------------------------------------------------------------
    def post(self, db: sqlite3.Connection, instance_id: str, body: Json,
             visible_at: float | None = None) -> None:
        db.execute("INSERT INTO inbox(instance_id, visible_at, body) VALUES (?,?,?)",
                   (instance_id, visible_at or 0.0, json.dumps(body)))

    def due_instances(self, now: float) -> list[str]:
        """Instances with messages due now, oldest first; suspended instances wait."""
        return [r[0] for r in self.db.execute(
            "SELECT m.instance_id FROM inbox m LEFT JOIN instances i USING (instance_id) "
            "WHERE m.visible_at<=? AND (i.status IS NULL OR i.status!='Suspended') "
            "GROUP BY m.instance_id ORDER BY MIN(m.msg_id)", (now,))]

    def due_messages(self, instance_id: str, now: float,
                     limit: int = -1) -> list[tuple[int, Json]]:
        """Messages due now, oldest first (at most `limit`; -1: all)."""
        return [(r[0], json.loads(r[1])) for r in self.db.execute(
            "SELECT msg_id, body FROM inbox WHERE instance_id=? AND visible_at<=? ORDER BY msg_id "
            "LIMIT ?", (instance_id, now, limit))]

    def next_due(self) -> float | None:
        row = self.db.execute(
            "SELECT MIN(m.visible_at) FROM inbox m LEFT JOIN instances i USING (instance_id) "
            "WHERE i.status IS NULL OR i.status!='Suspended'").fetchone()
        return float(row[0]) if row[0] is not None else None

    def defer_messages(self, db: sqlite3.Connection, ids: list[int], visible_at: float) -> None:
        """Put messages back, visible again at `visible_at` (an abandoned work item)."""
        db.executemany("UPDATE inbox SET visible_at=? WHERE msg_id=?",
                       [(visible_at, i) for i in ids])

    def delete_messages(self, db: sqlite3.Connection, ids: list[int]) -> None:
        db.executemany("DELETE FROM inbox WHERE msg_id=?", [(i,) for i in ids])

    # -- activity work ---------------------------------------------------------------------
    def add_work(self, db: sqlite3.Connection, instance_id: str, execution_id: str,
                 task_id: int, name: str, input_: str | None) -> None:
        db.execute("INSERT INTO work(instance_id, execution_id, task_id, name, input) "
                   "VALUES (?,?,?,?,?)", (instance_id, execution_id, task_id, name, input_))

    def pending_work(self, exclude: set[int], limit: int) -> list[sqlite3.Row]:
        rows = self.db.execute("SELECT * FROM work ORDER BY work_id").fetchall()
        return [r for r in rows if r["work_id"] not in exclude][:limit]

    def outstanding_work(self, instance_id: str) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM work WHERE instance_id=?",
                                   (instance_id,)).fetchone()[0])

    def finish_work(self, db: sqlite3.Connection, work_id: int) -> bool:
        return db.execute("DELETE FROM work WHERE work_id=?", (work_id,)).rowcount == 1

    # -- entities --------------------------------------------------------------------------
    def get_entity(self, entity_id: str) -> EntityRow | None:
        row = self.db.execute("SELECT * FROM entities WHERE entity_id=?", (entity_id,)).fetchone()
        return EntityRow(**dict(row)) if row else None

    def save_entity(self, db: sqlite3.Connection, entity: EntityRow) -> None:
        db.execute("INSERT OR REPLACE INTO entities VALUES (?,?,?,?,?)",
                   (entity.entity_id, entity.name, entity.key, entity.state,
                    entity.last_operation_time))

    def delete_entity(self, db: sqlite3.Connection, entity_id: str) -> None:
        db.execute("DELETE FROM entities WHERE entity_id=?", (entity_id,))

    def query_entities(self, name: str | None, time_from: str | None, time_to: str | None,
                       offset: int, limit: int | None) -> list[EntityRow]:
        sql = "SELECT * FROM entities WHERE 1=1"
        args: list[str | int] = []
        if name:
            sql += " AND name=?"
            args.append(name)
        if time_from:
            sql += " AND last_operation_time >= ?"
            args.append(time_from)
        if time_to:
            sql += " AND last_operation_time <= ?"
            args.append(time_to)
        sql += " ORDER BY entity_id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args += [limit, offset]
        return [EntityRow(**dict(r)) for r in self.db.execute(sql, args)]

    # -- blob receipts ---------------------------------------------------------------------
    def receipt(self, function: str, container: str, blob: str, etag: str) -> sqlite3.Row | None:
        row: sqlite3.Row | None = self.db.execute(
            "SELECT * FROM blob_receipts WHERE function=? AND container=? AND blob_name=? "
            "AND etag=?", (function, container, blob, etag)).fetchone()
        return row

    def set_receipt(self, function: str, container: str, blob: str, etag: str, status: str,
                    failures: int) -> None:
        self.db.execute("INSERT OR REPLACE INTO blob_receipts VALUES (?,?,?,?,?,?,?)",
                        (function, container, blob, etag, status, failures, time.time()))
