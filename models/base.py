"""The base of every contract: snake_case in Python and across the Durable boundary, camelCase in
stored documents and API answers.

`model_dump(mode="json")` (Durable payloads) keeps the field names; `model_dump(mode="json",
by_alias=True)` (Cosmos DB documents, the JSON API) writes camelCase. Either spelling is read back,
so documents written with schema version 1 (snake_case fields) still load.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class Contract(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, validate_by_name=True,
                              validate_by_alias=True)
