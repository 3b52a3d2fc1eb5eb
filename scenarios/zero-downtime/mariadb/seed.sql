INSERT INTO customer (id, name, email) VALUES (1, 'Ada', 'ada@example.org'), (2, 'Grace', NULL), (3, 'Linus', 'linus@example.org');
