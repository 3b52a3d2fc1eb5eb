-- Contract, one release later: release 2 no longer reads email. The values are kept in a backup
-- table until release 4, and the rollback puts them back from it. (Re-runnable: MariaDB commits
-- DDL as it goes.)
CREATE TABLE IF NOT EXISTS customer_email_backup AS SELECT id, email FROM customer;
ALTER TABLE customer DROP COLUMN IF EXISTS email;
