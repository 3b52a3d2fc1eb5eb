-- migrate:up
CREATE TABLE tag (
    id int PRIMARY KEY,
    label text NOT NULL UNIQUE
);

-- migrate:down
DROP TABLE tag;
