DROP INDEX account_email ON account;
