-- Every AUTO_INCREMENT counter of the connection's database: state that deleting rows does not give back.
SELECT table_name AS counter, CAST(auto_increment AS CHAR) AS position
FROM information_schema.tables
WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' AND auto_increment IS NOT NULL
