-- Watches: a search, a body or a paper someone wants to hear about, its recipients, and which
-- items of the change log went to whom (so that each change is sent once, and a failed send is retried).
CREATE SEQUENCE watch_id_seq START 1;
CREATE TABLE watch (
    id BIGINT PRIMARY KEY DEFAULT nextval('watch_id_seq'),
    kind VARCHAR NOT NULL,            -- search | body | paper
    label VARCHAR,                    -- how the digest names it
    words VARCHAR,                    -- search: every word must occur (German stems)
    council VARCHAR,                  -- search filter: the council (OParl body) name or key
    body VARCHAR,                     -- search filter, or the watched body: an organization name
    paper_type VARCHAR,               -- search filter
    faction VARCHAR,                  -- search filter: the originator
    paper_key VARCHAR,                -- paper: the watched paper
    after_run BIGINT,                 -- runs up to this one were there before the watch: not news
    created_at TIMESTAMP
);
CREATE TABLE watch_recipient (
    watch_id BIGINT NOT NULL, address VARCHAR NOT NULL, PRIMARY KEY (watch_id, address)
);
-- status: sending (recorded before the mail leaves) | sent | failed (the send raised; retried)
CREATE TABLE watch_delivery (
    address VARCHAR NOT NULL, watch_id BIGINT NOT NULL, item_id VARCHAR NOT NULL, message_id VARCHAR,
    status VARCHAR NOT NULL, recorded_at TIMESTAMP, error VARCHAR, PRIMARY KEY (address, watch_id, item_id)
);
