INSERT INTO member (id) VALUES (1);
