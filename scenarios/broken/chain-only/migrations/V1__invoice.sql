CREATE TABLE invoice (
    id     serial PRIMARY KEY,
    amount numeric(12, 2) NOT NULL
);
