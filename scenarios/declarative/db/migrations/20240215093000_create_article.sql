-- migrate:up
CREATE TABLE article (
    id int PRIMARY KEY,
    title text NOT NULL,
    published boolean NOT NULL DEFAULT false
);
CREATE TABLE article_tag (
    article_id int NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    tag_id int NOT NULL REFERENCES tag (id),
    PRIMARY KEY (article_id, tag_id)
);
CREATE VIEW published_article AS SELECT id, title FROM article WHERE published;

-- migrate:down
DROP VIEW published_article;
DROP TABLE article_tag;
DROP TABLE article;
