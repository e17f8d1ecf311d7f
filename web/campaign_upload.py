"""A campaign file posted as multipart form data with its orgnr lists beside it (PRODUCT §11), read the same
way by the dashboard and the API: the TOML as the `file` upload or the `toml` field, each list as a `lists`
upload named as `orgnr_file` names it. Nothing is written to disk and no path on the server is read; the
list's contents are checked by campaigns.orgnr_lists (size, rows, formulas shown only as rejected text).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from starlette.datastructures import FormData

from campaigns.orgnr_lists import MAX_LIST_BYTES

MAX_TOML = 200_000  # characters; a campaign file is a page of text
MAX_LISTS = 5  # orgnr lists uploaded with one campaign file


@dataclass
class CampaignUpload:
    toml_text: str
    filename: str
    lists: dict[str, bytes] = field(default_factory=dict)


async def read_campaign_upload(form: FormData, *, default_name: str) -> CampaignUpload:
    """The TOML (an uploaded file wins over pasted text) and the lists, by their file names. A TOML over
    MAX_TOML is kept one character too long and a list one byte too big, so the caller and the list reader
    refuse them with their own messages instead of reading on."""
    upload = form.get("file")
    toml_text, filename = "", default_name
    if upload is not None and not isinstance(upload, str) and upload.filename:
        raw = await upload.read(MAX_TOML + 1)
        toml_text, filename = raw.decode("utf-8-sig", errors="replace"), upload.filename
    if not toml_text.strip():
        pasted = form.get("toml")
        toml_text = pasted if isinstance(pasted, str) else ""
    lists: dict[str, bytes] = {}
    for item in form.getlist("lists")[:MAX_LISTS]:
        if not isinstance(item, str) and item.filename:
            lists[item.filename] = await item.read(MAX_LIST_BYTES + 1)  # too big: refused by the reader
    return CampaignUpload(toml_text, filename, lists)
