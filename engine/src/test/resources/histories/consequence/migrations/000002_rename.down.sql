-- forgets to rename it back
SELECT 1;
