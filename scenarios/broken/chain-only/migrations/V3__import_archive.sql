-- The archive's invoices keep their numbering, which starts above the integer range.
SELECT setval('invoice_id_seq', 3000000000);
INSERT INTO invoice (amount) VALUES (99.00), (149.00);
