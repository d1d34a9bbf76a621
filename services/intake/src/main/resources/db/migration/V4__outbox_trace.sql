-- The W3C trace context of the request that wrote an outbox row: the relay sends the event as its child,
-- so one submission is one trace from the POST to publication. NULL when tracing is off.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
ALTER TABLE outbox_event ADD COLUMN tracestate VARCHAR(512);
