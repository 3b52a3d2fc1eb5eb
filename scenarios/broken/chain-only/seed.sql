INSERT INTO invoice (amount) VALUES (10.00), (24.50), (7.25);
