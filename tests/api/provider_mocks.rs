//! The mock provider's Anthropic Messages and OpenAI Responses answers: the same text (or
//! tool call) as its chat answers, shaped as those APIs shape it, whole or as their event
//! streams cut at `mock_split`.

use axum::response::IntoResponse;
use serde_json::{json, Value};

use crate::proxy::cuts_of;

/// An answer of the Messages API carrying `text` (or a tool call whose input is
/// `{"to": text}` when `tool`).
pub fn anthropic_answer(body: &Value, text: &str, tool: bool) -> axum::response::Response {
    let block = if tool {
        json!({"type": "tool_use", "id": "toolu_1", "name": "send", "input": {"to": text}})
    } else {
        json!({"type": "text", "text": text})
    };
    let stop = if tool { "tool_use" } else { "end_turn" };
    if body["stream"].as_bool() != Some(true) {
        return axum::Json(json!({
            "id": "msg_1", "type": "message", "role": "assistant", "model": "mock",
            "content": [block], "stop_reason": stop, "stop_sequence": null,
            "usage": {"input_tokens": 1, "output_tokens": 2}
        }))
        .into_response();
    }
    let event = |name: &str, data: Value| format!("event: {name}\ndata: {data}\n\n");
    let mut events = vec![event(
        "message_start",
        json!({"type": "message_start", "message": {"id": "msg_1", "type": "message",
            "role": "assistant", "model": "mock", "content": [], "stop_reason": null,
            "stop_sequence": null, "usage": {"input_tokens": 1, "output_tokens": 1}}}),
    )];
    let (start, streamed) = if tool {
        let mut start = block;
        start["input"] = json!({});
        (start, json!({"to": text}).to_string())
    } else {
        (json!({"type": "text", "text": ""}), text.to_owned())
    };
    events.push(event(
        "content_block_start",
        json!({"type": "content_block_start", "index": 0, "content_block": start}),
    ));
    events.push(event("ping", json!({"type": "ping"})));
    let mut from = 0;
    for cut in cuts_of(body, &streamed) {
        let piece = &streamed[from..cut];
        from = cut;
        let delta = if tool {
            json!({"type": "input_json_delta", "partial_json": piece})
        } else {
            json!({"type": "text_delta", "text": piece})
        };
        events.push(event(
            "content_block_delta",
            json!({"type": "content_block_delta", "index": 0, "delta": delta}),
        ));
    }
    events.push(event(
        "content_block_stop",
        json!({"type": "content_block_stop", "index": 0}),
    ));
    events.push(event(
        "message_delta",
        json!({"type": "message_delta", "delta": {"stop_reason": stop, "stop_sequence": null},
            "usage": {"output_tokens": 2}}),
    ));
    events.push(event("message_stop", json!({"type": "message_stop"})));
    stream(events)
}

/// An answer of the Responses API carrying `text` (or a function call with arguments
/// `{"to": text}` when `tool`).
pub fn responses_answer(body: &Value, text: &str, tool: bool) -> axum::response::Response {
    let arguments = json!({"to": text}).to_string();
    let item = |done: bool| {
        if tool {
            json!({"type": "function_call", "id": "fc_1", "call_id": "call_1", "name": "send",
                "arguments": if done { arguments.as_str() } else { "" },
                "status": if done { "completed" } else { "in_progress" }})
        } else {
            let content = if done {
                json!([{"type": "output_text", "text": text, "annotations": []}])
            } else {
                json!([])
            };
            json!({"type": "message", "id": "msg_1", "role": "assistant",
                "status": if done { "completed" } else { "in_progress" }, "content": content})
        }
    };
    let response = |done: bool| {
        json!({"id": "resp_1", "object": "response", "created_at": 1, "model": "mock",
            "status": if done { "completed" } else { "in_progress" },
            "output": if done { json!([item(true)]) } else { json!([]) },
            "parallel_tool_calls": true, "tool_choice": "auto", "tools": [],
            "usage": {"input_tokens": 1, "output_tokens": 2, "total_tokens": 3,
                "input_tokens_details": {"cached_tokens": 0},
                "output_tokens_details": {"reasoning_tokens": 0}}})
    };
    if body["stream"].as_bool() != Some(true) {
        return axum::Json(response(true)).into_response();
    }
    let mut sequence = 0;
    let mut events = Vec::new();
    let mut event = |mut data: Value| {
        data["sequence_number"] = json!(sequence);
        sequence += 1;
        let name = data["type"].as_str().unwrap_or("").to_owned();
        events.push(format!("event: {name}\ndata: {data}\n\n"));
    };
    event(json!({"type": "response.created", "response": response(false)}));
    event(json!({"type": "response.output_item.added", "output_index": 0, "item": item(false)}));
    let streamed = if tool {
        arguments.clone()
    } else {
        text.to_owned()
    };
    if !tool {
        event(
            json!({"type": "response.content_part.added", "item_id": "msg_1",
            "output_index": 0, "content_index": 0,
            "part": {"type": "output_text", "text": "", "annotations": []}}),
        );
    }
    let mut from = 0;
    let deltas = body["mock_no_deltas"].as_bool() != Some(true);
    for (n, cut) in cuts_of(body, &streamed).into_iter().enumerate() {
        let piece = &streamed[from..cut];
        from = cut;
        if !deltas {
            break;
        }
        if tool {
            event(
                json!({"type": "response.function_call_arguments.delta", "item_id": "fc_1",
                "output_index": 0, "delta": piece}),
            );
        } else {
            // Log probabilities spell the piece out again.
            event(
                json!({"type": "response.output_text.delta", "item_id": "msg_1",
                "output_index": 0, "content_index": 0, "delta": piece,
                "logprobs": [{"token": piece, "logprob": -0.5, "top_logprobs": []}]}),
            );
            if n == 0 {
                // An event in the middle of the text that ends nothing.
                event(json!({"type": "response.output_text.annotation.added",
                    "item_id": "msg_1", "output_index": 0, "content_index": 0,
                    "annotation_index": 0, "annotation": {"type": "url_citation",
                    "url": "https://example.com", "start_index": 0, "end_index": 1,
                    "title": "t"}}));
            }
        }
    }
    if tool {
        event(
            json!({"type": "response.function_call_arguments.done", "item_id": "fc_1",
            "output_index": 0, "arguments": arguments}),
        );
    } else {
        event(
            json!({"type": "response.output_text.done", "item_id": "msg_1",
            "output_index": 0, "content_index": 0, "text": text, "logprobs": []}),
        );
        event(
            json!({"type": "response.content_part.done", "item_id": "msg_1",
            "output_index": 0, "content_index": 0,
            "part": {"type": "output_text", "text": text, "annotations": []}}),
        );
    }
    event(json!({"type": "response.output_item.done", "output_index": 0, "item": item(true)}));
    event(json!({"type": "response.completed", "response": response(true)}));
    stream(events)
}

/// Server-sent events, sent as they are.
pub fn stream(events: Vec<String>) -> axum::response::Response {
    let stream = futures_util::stream::iter(
        events
            .into_iter()
            .map(|e| Ok::<_, std::convert::Infallible>(axum::body::Bytes::from(e))),
    );
    (
        [("content-type", "text/event-stream")],
        axum::body::Body::from_stream(stream),
    )
        .into_response()
}
