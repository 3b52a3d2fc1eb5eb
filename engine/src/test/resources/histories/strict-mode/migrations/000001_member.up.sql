CREATE TABLE member (id int PRIMARY KEY, created_at datetime NOT NULL);
