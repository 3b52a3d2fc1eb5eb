-- What release 1 of the application sends (parameters as the driver sends them).
SELECT id, name, email FROM customer WHERE id = $1;
INSERT INTO customer (id, name, email) VALUES ($1, $2, $3);
UPDATE customer SET email = $1 WHERE id = $2;
