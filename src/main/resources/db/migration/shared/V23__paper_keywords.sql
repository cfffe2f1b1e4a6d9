-- Key phrases of each paper, computed in-process by the keyword worker from title and abstract
-- (io.paperboy.keyword). Derived data: deleting these rows only makes the worker compute them again.
-- keywords holds one phrase per line, best first; method says how they were ranked ('embedding'
-- with the sentence model, 'statistical' without); change_seq is the paper's change they describe.
CREATE TABLE paper_keywords (
    paper_id   TEXT   PRIMARY KEY REFERENCES papers (id) ON DELETE CASCADE,
    keywords   TEXT   NOT NULL,
    method     TEXT   NOT NULL,
    change_seq BIGINT NOT NULL
);

-- How far the worker has read the change sequence, per ranking method: turning embeddings on
-- starts the 'embedding' cursor at 0, so every paper gets its phrases ranked by the model once.
CREATE TABLE keyword_cursor (
    method      TEXT   PRIMARY KEY,
    applied_seq BIGINT NOT NULL
);
