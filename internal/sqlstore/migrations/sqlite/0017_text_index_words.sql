-- PostgreSQL's text index takes the words the application cuts in this
-- migration; SQLite's has since 0015.
SELECT 1;
