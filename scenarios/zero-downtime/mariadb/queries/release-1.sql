-- What release 1 of the application sends (parameters as the driver sends them).
SELECT id, name, email FROM customer WHERE id = ?;
INSERT INTO customer (id, name, email) VALUES (?, ?, ?);
UPDATE customer SET email = ? WHERE id = ?;
