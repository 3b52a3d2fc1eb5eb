DELETE FROM member WHERE id = 1;
