"""The official OpenAI Python SDK against promptvault's proxy (run by tests/api/process.rs).

PV_BASE_URL: the running service; PV_JWT: a promptvault JWT with tokenize and detokenize.
The mock provider behind the service answers with the tokens it received in TEMPLATE.
"""

import os
import sys

from openai import AzureOpenAI, OpenAI

BASE = os.environ["PV_BASE_URL"]
JWT = os.environ["PV_JWT"]
PROMPT = "Write to ann@example.org and charge 4111 1111 1111 1111 for Jane Doe."
EXPECTED = (
    "Done: mailed ann@example.org, charged 4111 1111 1111 1111 for Jane Doe. Ça va?"
)
MESSAGES = [{"role": "user", "content": PROMPT}]


def check(label, got):
    if got != EXPECTED:
        sys.exit(f"{label}: expected {EXPECTED!r}, got {got!r}")


client = OpenAI(base_url=BASE + "/v1", api_key=JWT, max_retries=0)

whole = client.chat.completions.create(model="gpt-test", messages=MESSAGES)
check("non-streamed", whole.choices[0].message.content)

parts, usage = [], None
stream = client.chat.completions.create(
    model="gpt-test",
    messages=MESSAGES,
    stream=True,
    stream_options={"include_usage": True},
    extra_body={"mock_split": [7, 15, 19, 30, 41, 60]},
)
for chunk in stream:
    if chunk.usage is not None:
        usage = chunk.usage
    for choice in chunk.choices:
        if choice.delta.content:
            parts.append(choice.delta.content)
check("streamed", "".join(parts))
if usage is None:
    sys.exit("streamed: the usage chunk was lost")
if len(parts) < 3:
    sys.exit(f"streamed: expected several pieces, got {parts!r}")

azure = AzureOpenAI(
    azure_endpoint=BASE, api_key=JWT, api_version="2024-10-21", max_retries=0
)
check(
    "azure",
    azure.chat.completions.create(model="gpt-4o", messages=MESSAGES)
    .choices[0]
    .message.content,
)

print("ok")
