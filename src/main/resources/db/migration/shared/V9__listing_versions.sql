-- A curator may feature a paper again when arXiv has a substantially new version of it, so an
-- entry remembers which version it featured (NULL: the source did not say, as for imports) and,
-- when it features a paper again, the day of the earlier entry it follows.
ALTER TABLE listings ADD COLUMN featured_version INTEGER;
ALTER TABLE listings ADD COLUMN earlier_day TEXT;
