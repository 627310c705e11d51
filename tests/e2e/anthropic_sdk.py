"""The official Anthropic Python SDK, and the OpenAI SDK's Responses API, against
promptvault's proxy (run by tests/api/process.rs).

PV_BASE_URL: the running service; PV_JWT: a promptvault JWT with tokenize and detokenize.
The mock providers behind the service answer with the tokens they received in TEMPLATE;
`mock_tool` asks for a tool call whose input is {"to": <that text>}, `mock_split` cuts a
streamed answer at those byte positions.
"""

import json
import os
import sys

import anthropic
from openai import OpenAI

BASE = os.environ["PV_BASE_URL"]
JWT = os.environ["PV_JWT"]
PROMPT = "Write to ann@example.org and charge 4111 1111 1111 1111 for Jane Doe."
EXPECTED = (
    "Done: mailed ann@example.org, charged 4111 1111 1111 1111 for Jane Doe. Ça va?"
)
SPLIT = {"mock_split": [3, 7, 15, 19, 30, 41, 60, 75]}
TOOLS = [
    {
        "name": "send",
        "description": "Sends mail",
        "input_schema": {"type": "object", "properties": {"to": {"type": "string"}}},
    }
]


def check(label, got, expected=EXPECTED):
    if got != expected:
        sys.exit(f"{label}: expected {expected!r}, got {got!r}")


def messages(client, label):
    user = [{"role": "user", "content": PROMPT}]
    whole = client.messages.create(model="claude-test", max_tokens=64, messages=user)
    check(f"{label} non-streamed", whole.content[0].text)

    with client.messages.stream(
        model="claude-test", max_tokens=64, messages=user, extra_body=SPLIT
    ) as stream:
        pieces = list(stream.text_stream)
        final = stream.get_final_message()
    check(f"{label} streamed", "".join(pieces))
    check(f"{label} streamed final", final.content[0].text)
    if len(pieces) < 3:
        sys.exit(f"{label} streamed: expected several pieces, got {pieces!r}")

    # A tool call, whole and streamed, then its result sent back.
    called = client.messages.create(
        model="claude-test",
        max_tokens=64,
        messages=user,
        tools=TOOLS,
        extra_body={"mock_tool": True},
    )
    use = next(b for b in called.content if b.type == "tool_use")
    check(f"{label} tool input", use.input, {"to": EXPECTED})
    with client.messages.stream(
        model="claude-test",
        max_tokens=64,
        messages=user,
        tools=TOOLS,
        extra_body={"mock_tool": True, **SPLIT},
    ) as stream:
        final = stream.get_final_message()
    streamed_use = next(b for b in final.content if b.type == "tool_use")
    check(f"{label} streamed tool input", streamed_use.input, {"to": EXPECTED})
    followed = client.messages.create(
        model="claude-test",
        max_tokens=64,
        tools=TOOLS,
        messages=user
        + [
            {"role": "assistant", "content": [use.model_dump()]},
            {
                "role": "user",
                "content": [
                    {
                        "type": "tool_result",
                        "tool_use_id": use.id,
                        "content": f"sent to {use.input['to']}",
                    }
                ],
            },
        ],
    )
    check(f"{label} after the tool", followed.content[0].text)


# The key as x-api-key (the SDK's default), and as a bearer (auth_token).
messages(anthropic.Anthropic(base_url=BASE, api_key=JWT, max_retries=0), "x-api-key")
messages(anthropic.Anthropic(base_url=BASE, auth_token=JWT, max_retries=0), "bearer")

openai = OpenAI(base_url=BASE + "/v1", api_key=JWT, max_retries=0)
response = openai.responses.create(model="gpt-test", instructions="Be terse.", input=PROMPT)
check("responses non-streamed", response.output_text)

deltas, completed = [], None
for event in openai.responses.create(
    model="gpt-test", input=PROMPT, stream=True, extra_body=SPLIT
):
    if event.type == "response.output_text.delta":
        deltas.append(event.delta)
    elif event.type == "response.output_text.done":
        check("responses streamed done", event.text)
    elif event.type == "response.completed":
        completed = event.response
check("responses streamed", "".join(deltas))
if completed is None:
    sys.exit("responses streamed: no response.completed")
check("responses streamed completed", completed.output_text)

called = openai.responses.create(
    model="gpt-test",
    input=[{"role": "user", "content": [{"type": "input_text", "text": PROMPT}]}],
    tools=[{"type": "function", "name": "send", "parameters": {"type": "object"}}],
    extra_body={"mock_tool": True},
)
call = next(item for item in called.output if item.type == "function_call")
check("responses tool arguments", json.loads(call.arguments), {"to": EXPECTED})
arguments = []
for event in openai.responses.create(
    model="gpt-test",
    input=PROMPT,
    stream=True,
    extra_body={"mock_tool": True, **SPLIT},
):
    if event.type == "response.function_call_arguments.delta":
        arguments.append(event.delta)
check("responses streamed arguments", json.loads("".join(arguments)), {"to": EXPECTED})
followed = openai.responses.create(
    model="gpt-test",
    input=[
        {"role": "user", "content": PROMPT},
        {
            "type": "function_call",
            "call_id": call.call_id,
            "name": "send",
            "arguments": call.arguments,
        },
        {
            "type": "function_call_output",
            "call_id": call.call_id,
            "output": "sent to " + json.loads(call.arguments)["to"],
        },
    ],
)
check("responses after the tool", followed.output_text)
print("ok")
