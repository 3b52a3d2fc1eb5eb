CREATE TABLE article_tag (
    article_id int NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id int NOT NULL REFERENCES tag (id),
    PRIMARY KEY (article_id, tag_id)
);
CREATE TABLE article (
    id int PRIMARY KEY,
    title text NOT NULL,
    published boolean NOT NULL DEFAULT false
);
CREATE TABLE tag (
    id int PRIMARY KEY,
    label text NOT NULL UNIQUE
);
